"""Fit and check the off-topic gate (ingest.metadata.themes.about_the_field) on every labelled set.

    python bench/field_gate.py [--json] [--leave-out SET ...]

A document is about the field when its theme keywords reach MIN_FIELD_KEYWORDS per 100 words
(NAMED_FIELD_KEYWORDS when the programme rules found a practice in it) or its best similarity to a
theme description reaches its language's threshold. Every labelled document is embedded once with
the bundled model (kept in bench/.cache, as bench/theme_model.py keeps them, so a rerun takes a
minute). ``--leave-out`` keeps sets (blind ones) out. For each set in turn the
thresholds are fitted on the others and the set's wrong calls counted (off-topic documents let
in, on-topic ones kept out), beside the thresholds in the code and one threshold for all.
The last row gives the thresholds fitted on every set.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from embedding_cache import CachedEmbedder
from labelled import held_out, kept_sets
from report import print_rows

from ingest.evaluation import load_gold, read_as_ingested
from ingest.metadata.themes import MIN_FIELD_SIMILARITY, OTHER_FIELD_SIMILARITY, ThemeClassifier, in_the_field
from ingest.themed_vectors import embedding_text, names_a_practice
from kb.config import DEFAULT_EMBEDDER
from kb.embedders import Embedder, load_embedder

Sample = tuple[str, float, float, bool, bool]  # language, keyword density, best similarity, off-topic, named
CANDIDATES = [round(0.80 + step / 1000, 3) for step in range(80)]


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


def wrong(docs: list[Sample], thresholds: dict[str, float]) -> int:
    """Documents the gate gets wrong: an off-topic one let in, or an on-topic one kept out."""
    return sum(
        in_the_field(similarity, keywords, lang, thresholds, named) == off
        for lang, keywords, similarity, off, named in docs
    )


def fit(docs: list[Sample]) -> dict[str, float]:
    """Per language, the threshold with the fewest wrong calls (the closest to 0.82 on ties)."""
    return {
        lang: min(
            CANDIDATES, key=lambda t: (wrong([d for d in docs if d[0] == lang], {lang: t}), abs(t - 0.82))
        )
        for lang in ("pt", "it", "en")
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--leave-out", nargs="*", default=[], help="set names kept out (blind sets)")
    args = parser.parse_args()
    embedder = load_embedder(DEFAULT_EMBEDDER)
    classifier = ThemeClassifier(embedder)
    cached = CachedEmbedder(embedder)
    sets = {path: samples(path, classifier, cached) for path in kept_sets(args.leave_out)}
    one = {lang: OTHER_FIELD_SIMILARITY for lang in ("pt", "it", "en")}
    rows = []
    for path, docs, others in held_out(sets):
        rows.append(
            {
                "set": path.name,
                "documents": len(docs),
                "off_topic": sum(d[3] for d in docs),
                "wrong_held_out": wrong(docs, fit(others)),
                "wrong_in_code": wrong(docs, MIN_FIELD_SIMILARITY),
                "wrong_one_threshold": wrong(docs, one),
            }
        )
    every = [d for ds in sets.values() for d in ds]
    rows.append(
        {
            "set": f"all (fitted on all: {fit(every)})",
            "documents": len(every),
            "off_topic": sum(d[3] for d in every),
            "wrong_held_out": sum(int(r["wrong_held_out"]) for r in rows),
            "wrong_in_code": wrong(every, MIN_FIELD_SIMILARITY),
            "wrong_one_threshold": wrong(every, one),
        }
    )
    headers = {
        "set": "set",
        "documents": "documents",
        "off_topic": "off-topic",
        "wrong_held_out": "wrong, held out (fitted on the others)",
        "wrong_in_code": "wrong, thresholds in the code (in-sample)",
        "wrong_one_threshold": f"wrong, one threshold {OTHER_FIELD_SIMILARITY}",
    }
    print_rows(rows, headers, args.json)


if __name__ == "__main__":
    main()
