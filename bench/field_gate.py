"""Fit and check the off-topic gate (ingest.metadata.field_gate) on every labelled set.

    python bench/field_gate.py [--json] [--leave-out SET ...]

The gate lets a document in when one sign alone is enough (its best similarity to a theme
description for its language, its theme keyword density, fewer keywords when the programme rules
found a practice in it) or when a logistic model over the three finds it likelier in than not.
Every labelled document is embedded once with the bundled model (kept in bench/.cache, as
bench/theme_model.py keeps them). ``--leave-out`` keeps sets (blind ones) out. For each set in turn
the model is fitted on the others and the set's wrong calls counted (off-topic documents let in,
on-topic ones kept out), beside the weights in the code and the signs alone. The last row gives the weights fitted on
every set, to copy into FIELD_WEIGHTS.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import numpy as np
from embedding_cache import CachedEmbedder
from labelled import held_out, kept_sets
from logistic import fit_logistic
from report import print_rows

from ingest.evaluation import load_gold, read_as_ingested
from ingest.metadata.field_gate import FIELD_WEIGHTS, field_features, in_the_field, one_sign_enough
from ingest.metadata.themes import ThemeClassifier
from ingest.themed_vectors import embedding_text, names_a_practice
from kb.config import DEFAULT_EMBEDDER
from kb.embedders import Embedder, load_embedder

Sample = tuple[str, float, float, bool, bool]  # language, keyword density, best similarity, off-topic, named


def samples(gold: Path, classifier: ThemeClassifier, embedder: Embedder) -> list[Sample]:
    out = []
    for item in load_gold(gold):
        doc = read_as_ingested(Path(str(item["path"])))
        vectors = embedder.embed_documents([embedding_text(doc, p) for p in doc.passages])
        text = " ".join(p.text for p in doc.passages)
        keywords = float(classifier.keyword_density(text).sum())
        similarity = float(classifier.similarity(vectors).max())
        out.append((doc.language, keywords, similarity, not item.get("themes"), names_a_practice(doc)))
    return out


def wrong(docs: list[Sample], weights: tuple[float, ...]) -> tuple[int, int]:
    """Off-topic documents the gate lets in, and on-topic ones it keeps out."""
    return _tally(docs, lambda sim, kw, lang, named: in_the_field(sim, kw, lang, named, weights))


def signs_alone(docs: list[Sample]) -> str:
    """The signs alone, without the model: off-topic documents let in / on-topic ones kept out."""
    let_in, kept_out = _tally(docs, one_sign_enough)
    return f"{let_in} / {kept_out}"


def _tally(
    docs: list[Sample], inside: Callable[[np.ndarray, np.ndarray, str, bool], bool]
) -> tuple[int, int]:
    calls = [
        (inside(np.array([sim]), np.array([kw]), lang, named), off) for lang, kw, sim, off, named in docs
    ]
    return sum(i and o for i, o in calls), sum(not i and not o for i, o in calls)


def fit(docs: list[Sample]) -> tuple[float, ...]:
    """The gate's weights fitted on ``docs``."""
    rows = np.array(
        [field_features(np.array([sim]), np.array([kw]), lang, named) for lang, kw, sim, _, named in docs]
    )
    return fit_logistic(rows, np.array([0.0 if off else 1.0 for *_, off, _ in docs]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--leave-out", nargs="*", default=[], help="set names kept out (blind sets)")
    args = parser.parse_args()
    embedder = load_embedder(DEFAULT_EMBEDDER)
    classifier = ThemeClassifier(embedder)
    cached = CachedEmbedder(embedder)
    sets = {path: samples(path, classifier, cached) for path in kept_sets(args.leave_out)}
    rows = []
    for path, docs, others in held_out(sets):
        let_in, kept_out = wrong(docs, fit(others))
        rows.append(
            {
                "set": path.name,
                "documents": len(docs),
                "off_topic": sum(d[3] for d in docs),
                "let_in": let_in,
                "kept_out": kept_out,
                "wrong_in_code": sum(wrong(docs, FIELD_WEIGHTS)),
                "signs_alone": signs_alone(docs),
            }
        )
    every = [d for ds in sets.values() for d in ds]
    rows.append(
        {
            "set": f"all (fitted on all: {fit(every)})",
            "documents": len(every),
            "off_topic": sum(d[3] for d in every),
            "let_in": sum(int(r["let_in"]) for r in rows),
            "kept_out": sum(int(r["kept_out"]) for r in rows),
            "wrong_in_code": sum(wrong(every, FIELD_WEIGHTS)),
            "signs_alone": signs_alone(every),
        }
    )
    headers = {
        "set": "set",
        "documents": "documents",
        "off_topic": "off-topic",
        "let_in": "off-topic let in, held out (fitted on the others)",
        "kept_out": "on-topic kept out, held out",
        "wrong_in_code": "wrong, weights in the code (in-sample)",
        "signs_alone": "signs alone: let in / kept out",
    }
    print_rows(rows, headers, args.json)


if __name__ == "__main__":
    main()
