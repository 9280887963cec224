"""Fit and check the year ranker (ingest.metadata.year_ranker) on every labelled metadata set.

    python bench/year_ranker.py [--fit] [--json] [--leave-out SET ...]

Documents whose card gives the year, and off-topic ones, are left out: the ranker only picks
among the years a text tells. Each set is held out in turn: the model is fitted on the others
and scored on it, beside the shipped weights (fitted on every set: in-sample). ``--fit`` writes
the weights fitted on every set to kb/data/year_ranker.yaml; ``--leave-out`` keeps sets (blind
ones) out of the fit and the table.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from labelled import held_out, kept_sets
from logistic import fit_logistic
from report import print_rows

from ingest.evaluation import load_gold
from ingest.metadata import extract
from ingest.metadata.document_years import year_evidence
from ingest.metadata.field_years import year_in_field
from ingest.metadata.fields import labelled_fields
from ingest.metadata.written_dates import refused_years
from ingest.metadata.year_ranker import (
    TELLS,
    TERMS,
    WEIGHTS_FILE,
    best_year,
    district_named,
    gate_weights,
    ranked,
    terms,
    weights,
    year_features,
)
from ingest.parsing import document_title
from ingest.readers import read_file
from ingest.site_template import folder_template, strip_template
from kb.taxonomy import default_taxonomy

Candidates = dict[int, np.ndarray]
RIDGE = 20.0
"""Chosen with each set held out in turn (ridge 1, 3, 10, 20, 40, 100: 0.850–0.861 over the sets
up to heldout37, 20 best); the pairs of features need more of it than the features alone (1.0)."""
GATE_RIDGE = 1.0
"""The second model has few columns and one row per text: a little ridge."""


Document = tuple[int | None, Candidates, set[int]]
"""(labelled year, candidates, the years refused as dates of writing only)"""


def documents(gold: Path) -> list[Document]:
    """The set's documents whose year the text must tell."""
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
        meta = extract(
            parsed.text,
            title,
            parsed.info.get("date"),
            language=str(item.get("language")),
            emphasis=parsed.emphasis,
        )
        names, starts = year_evidence(meta, fields, title, taxonomy)
        candidates = year_features(parsed.text, title, names, starts)
        refused = refused_years(parsed.text, district_named(names))  # as practice_year refuses
        out.append((item.get("year"), candidates, refused))  # type: ignore[arg-type]
    return out


Model = tuple[np.ndarray, np.ndarray]
"""The candidates' weights (TERMS) and the second model's (TELLS)."""


def fit(docs: list[Document]) -> Model:
    """Both models on ``docs``: the candidates' first, then, on its scores, whether a text tells
    the practice's year at all."""
    w = fit_candidates(docs)
    picks = [ranked(found, w, refused) for _, found, refused in docs]
    told = [
        (pick[2], float(gold is not None)) for (gold, _, _), pick in zip(docs, picks, strict=True) if pick
    ]
    gate = fit_logistic(np.array([row for row, _ in told]), np.array([y for _, y in told]), ridge=GATE_RIDGE)
    return w, np.asarray(gate)


def fit_candidates(docs: list[Document]) -> np.ndarray:
    rows = [
        (x, float(year == gold))
        for gold, found, refused in docs
        for year, x in found.items()
        if year not in refused
    ]
    x = terms(np.array([x for x, _ in rows]))
    return np.asarray(fit_logistic(x, np.array([y for _, y in rows]), ridge=RIDGE))


def accuracy(model: Model, docs: list[Document]) -> float:
    """As ingest picks: the best year that is not only a date of writing (practice_year)."""
    w, gate = model
    picks = [best_year(found, w, refused=refused, gate=gate) for _, found, refused in docs]
    return sum(p == gold for p, (gold, _, _) in zip(picks, docs, strict=True)) / max(1, len(docs))


def write_weights(model: Model) -> Path:
    """kb/data/year_ranker.yaml: one line per term, named, so a change reads in a diff."""
    path = Path(__file__).resolve().parent.parent / "kb" / "data" / WEIGHTS_FILE
    names = [*TERMS, *(f"tells: {name}" for name in TELLS)]
    lines = [f'"{name}": {float(value)}' for name, value in zip(names, np.concatenate(model), strict=True)]
    header = "# Written by bench/year_ranker.py --fit: the year ranker's weights (ingest/metadata/year_ranker.py)\n"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--leave-out", nargs="*", default=[], help="set names kept out (blind sets)")
    args = parser.parse_args()
    sets = {path: documents(path) for path in kept_sets(args.leave_out)}
    rows = []
    for path, docs, others in held_out(sets):
        rows.append(
            {
                "set": path.name,
                "documents": len(docs),
                "held_out": round(accuracy(fit(others), docs), 3),
                "in_code_in_sample": round(accuracy((weights(), gate_weights()), docs), 3),
                "told": round(sum(gold in found for gold, found, _ in docs) / max(1, len(docs)), 3),
            }
        )
    every = [d for ds in sets.values() for d in ds]
    total = sum(r["documents"] for r in rows)
    rows.append(
        {
            "set": "all",
            "documents": total,
            "held_out": round(sum(r["held_out"] * r["documents"] for r in rows) / total, 3),
            "in_code_in_sample": round(accuracy((weights(), gate_weights()), every), 3),
            "told": round(sum(gold in found for gold, found, _ in every) / total, 3),
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
        print("wrote", write_weights(fit(every)))


if __name__ == "__main__":
    main()
