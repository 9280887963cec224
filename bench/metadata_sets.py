"""Programme, year and countries over every labelled metadata set at once, without themes.

    python bench/metadata_sets.py [--json] [--leave-out SET ...] [--groups 27 36]

`kb eval --metadata` scores one set and embeds every passage for its themes (a minute a set); a
rule's change is better judged on all 1,100-odd labelled documents together, and which ones it
moved. This reads each document as `kb ingest` does (ingest.evaluation.read_as_ingested), with
the same comparison keys as `kb eval`, in two processes, in about 20 seconds. Without passage
vectors there is no off-topic gate either: a document `kb eval` finds off the field (and so gives
no programme, year or country) keeps what its text gave here. Rows: the sets in
groups (split at the set numbers of ``--groups``: sets written later were tuned on less), then
all. ``--changed FILE`` writes each document's programmes and year, to compare two runs by eye.
"""

from __future__ import annotations

import argparse
import json
from multiprocessing import Pool
from pathlib import Path

from labelled import kept_sets, set_number
from report import print_rows

from ingest.evaluation import (
    FieldScore,
    found_values,
    labelled_programmes,
    load_gold,
    matched_keys,
    read_as_ingested,
)


def read_one(item: dict[str, object]) -> dict[str, object]:
    """What extraction found for one labelled document, beside its labels (as comparison keys)."""
    doc = read_as_ingested(Path(str(item["path"])))
    found = found_values(doc)
    return {
        "path": item["path"],
        "programmes": sorted(matched_keys(found["programmes"], item)),
        "expected": sorted(labelled_programmes(item)),
        "year": doc.year,
        "labelled_year": item.get("year"),
        "countries": sorted(found["countries"]),
        "labelled_countries": sorted(str(c) for c in item.get("countries") or []),  # type: ignore[union-attr]
    }


def scores(docs: list[dict]) -> dict[str, object]:
    """Programme found (a document counts when one of its programmes is), programmes and
    countries F1 (micro), year accuracy."""
    with_programmes = [d for d in docs if d["expected"]]
    found = sum(bool(set(d["programmes"]) & set(d["expected"])) for d in with_programmes)
    return {
        "documents": len(docs),
        "programme_found": round(found / max(1, len(with_programmes)), 3),
        "programmes_f1": _f1(docs, "programmes", "expected"),
        "year": round(sum(d["year"] == d["labelled_year"] for d in docs) / max(1, len(docs)), 3),
        "countries_f1": _f1(docs, "countries", "labelled_countries"),
    }


def _f1(docs: list[dict], found: str, labelled: str) -> float:
    """Micro F1 as `kb eval` counts it."""
    score = FieldScore()
    for d in docs:
        score.add(set(d[found]), set(d[labelled]))
    return round(score.f1, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--leave-out", nargs="*", default=[], help="set names kept out (blind sets)")
    parser.add_argument(
        "--groups", nargs="*", type=int, default=[27, 36], help="set numbers that start a group"
    )
    parser.add_argument("--changed", type=Path, help="write each document's findings here (JSON)")
    args = parser.parse_args()
    sets = kept_sets(args.leave_out)
    items = [(path, item) for path in sets for item in load_gold(path)]
    with Pool(2) as pool:
        docs = pool.map(read_one, [item for _, item in items], chunksize=8)
    if args.changed:
        args.changed.write_text(json.dumps(docs, ensure_ascii=False, indent=0), encoding="utf-8")
    bounds = [0, *args.groups, 10**6]
    rows = []
    for low, high in zip(bounds, bounds[1:], strict=False):
        group = [d for (path, _), d in zip(items, docs, strict=True) if low <= set_number(path) < high]
        names = [p.stem for p in sets if low <= set_number(p) < high]
        if group:
            rows.append(
                {"sets": f"{names[0]} … {names[-1]}" if len(names) > 1 else names[0], **scores(group)}
            )
    rows.append({"sets": "all", **scores(docs)})
    headers = {
        "sets": "sets",
        "documents": "documents",
        "programme_found": "programme found",
        "programmes_f1": "programmes F1",
        "year": "year",
        "countries_f1": "countries F1",
    }
    print_rows(rows, headers, args.json)


if __name__ == "__main__":
    main()
