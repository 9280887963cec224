"""Fit and check the year ranker (ingest.metadata.year_ranker) on every labelled metadata set.

    python bench/year_ranker.py [--fit] [--json]

Documents whose card gives the year, and off-topic ones, are left out: the ranker only picks
among the years a text tells. Each set is held out in turn: the model is fitted on the others
and scored on it, beside the weights in the code (fitted on every set: in-sample). ``--fit``
prints the weights fitted on every set, for ingest/metadata/year_ranker.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from labelled import held_out, labelled_sets
from logistic import fit_logistic
from report import print_rows

from ingest.evaluation import load_gold
from ingest.metadata import extract, year_evidence
from ingest.metadata.fields import labelled_fields
from ingest.metadata.year_ranker import FEATURES, WEIGHTS, year_features
from ingest.metadata.years import year_in_field
from ingest.parsing import document_title
from ingest.readers import read_file
from ingest.site_template import folder_template, strip_template
from kb.taxonomy import default_taxonomy

Candidates = dict[int, np.ndarray]


def documents(gold: Path) -> list[tuple[int | None, Candidates]]:
    """(labelled year, candidates) of the set's documents whose year the text must tell."""
    taxonomy, out = default_taxonomy(), []
    for item in load_gold(gold):
        if not (item.get("countries") or item.get("programmes") or item.get("themes")):
            continue  # off-topic: no practice, no year
        path = Path(str(item["path"]))
        parsed, _ = read_file(path, 10**8, 2000)
        strip_template(parsed, folder_template(path.parent))  # as ingest reads it
        fields = labelled_fields(parsed.text)
        if "year" in fields and year_in_field(fields["year"]) is not None:
            continue  # the card says it
        title = document_title(parsed, path)
        meta = extract(parsed.text, title, parsed.info.get("date"), language=str(item.get("language")))
        candidates = year_features(parsed.text, title, *year_evidence(meta, fields, title, taxonomy))
        out.append((item.get("year"), candidates))  # type: ignore[arg-type]
    return out


def fit(docs: list[tuple[int | None, Candidates]]) -> tuple[float, ...]:
    rows = [(x, float(year == gold)) for gold, found in docs for year, x in found.items()]
    return fit_logistic(np.array([x for x, _ in rows]), np.array([y for _, y in rows]), ridge=1.0)


def accuracy(weights: tuple[float, ...], docs: list[tuple[int | None, Candidates]]) -> float:
    w = np.asarray(weights)
    picks = [max(found, key=lambda y: float(w @ found[y]), default=None) for _, found in docs]
    return sum(pick == gold for pick, (gold, _) in zip(picks, docs, strict=True)) / max(1, len(docs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sets = {path: documents(path) for path in labelled_sets()}
    rows = []
    for path, docs, others in held_out(sets):
        rows.append(
            {
                "set": path.name,
                "documents": len(docs),
                "held_out": round(accuracy(fit(others), docs), 3),
                "in_code_in_sample": round(accuracy(WEIGHTS, docs), 3),
                "told": round(sum(gold in found for gold, found in docs) / max(1, len(docs)), 3),
            }
        )
    every = [d for ds in sets.values() for d in ds]
    total = sum(r["documents"] for r in rows)
    rows.append(
        {
            "set": "all",
            "documents": total,
            "held_out": round(sum(r["held_out"] * r["documents"] for r in rows) / total, 3),
            "in_code_in_sample": round(accuracy(WEIGHTS, every), 3),
            "told": round(sum(gold in found for gold, found in every) / total, 3),
        }
    )
    headers = {
        "set": "set",
        "documents": "documents",
        "held_out": "held out (fitted on the others)",
        "in_code_in_sample": "weights in the code (in-sample)",
        "told": "year told",
    }
    print_rows(rows, headers, args.json)
    if args.fit:
        print("WEIGHTS =", fit(every), "#", ", ".join(FEATURES))


if __name__ == "__main__":
    main()
