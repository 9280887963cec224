"""Which FAISS index a collection gets: exact while small, IVF-SQ8 once exact search is slow.

An exact scan costs about 8 ms per query at 40k passages on two cores and grows with the
collection; an inverted file with 8-bit codes visits only the lists nearest a query and holds
a quarter of the memory. Its number of lists is four times the square root of the collection
(at 100,000 passages, 1,265 lists: the 256-384 probes they need scan 20-30 % of the codes,
where 316 lists needed 128 probes, 40 %, and found less of the exact top ten), and it is
trained again once the collection has grown fourfold; how many lists a query probes is chosen
at build time as the fewest that find :data:`TARGET_RECALL` of the exact top ten on
calibration queries drawn from the collection itself.
"""

from __future__ import annotations

import math

import faiss
import numpy as np

from kb.vectors import VectorIndex, with_id_table

EXACT_UP_TO = 40_000
"""Passages searched exactly; above, an IVF-SQ8 index (back to exact below half of it)."""
TARGET_RECALL = 0.98
"""Of the calibration queries' exact top ten. At a million passages and 4,000 lists the real
bench queries found 0.975 of theirs, with probes chosen for 0.98 or for 0.99 alike."""
RESCORED = 100
"""An approximate search returns at least this many candidates, and the store scores this many
of them again exactly on the catalogue's vectors; recall is calibrated on the exact top ten
within them."""
PROBES = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768)
LEAST_PROBED = 16
"""A query probes at least one list in this many. Calibration queries are made of the collection's
own vectors and find their neighbours in fewer lists than questions do: at a million passages (4,000
lists) 128 probes found 0.99 of the calibration queries' exact top ten but 0.9625 of the benchmark
questions'; 256 found 0.9875 of theirs. At 100,000 passages (1,265 lists) calibration already asks
for 384, and 256 found all of the questions'."""
TRAINING_PER_LIST = 48  # FAISS wants at least 39 training vectors per list
CALIBRATION_QUERIES = 200


def needs_rebuild(index: VectorIndex) -> bool:
    """The collection crossed the exact/approximate line, or outgrew its trained lists."""
    n = len(index)
    if not index.approximate:
        return n > EXACT_UP_TO
    return n <= EXACT_UP_TO // 2 or lists_for(n) > 2 * index.lists


def lists_for(n: int) -> int:
    """Four lists per square root of the collection, but no more than its vectors can train
    (:data:`TRAINING_PER_LIST` each), and at least 64."""
    return max(64, min(round(4 * math.sqrt(n)), n // TRAINING_PER_LIST))


def build(ids: np.ndarray, vectors: np.ndarray, dimension: int, meaning: int | None = None) -> VectorIndex:
    """The index this many vectors should have, holding them.

    ``meaning``: how many leading dimensions are the embedding (the rest are language
    indicators, left out of the calibration queries).
    """
    if len(ids) <= EXACT_UP_TO:
        index = VectorIndex(dimension)
        index.add(ids, vectors)
        return index
    rng = np.random.default_rng(0)
    lists = lists_for(len(ids))
    ivf = faiss.index_factory(dimension, f"IVF{lists},SQ8", faiss.METRIC_INNER_PRODUCT)
    sample = rng.choice(len(ids), min(len(ids), TRAINING_PER_LIST * lists), replace=False)
    ivf.train(np.ascontiguousarray(vectors[np.sort(sample)], dtype=np.float32))
    index = VectorIndex(dimension, with_id_table(ivf))
    index.add(ids, vectors)
    ivf.nprobe = max(calibrated_probes(index, ids, vectors, rng, meaning or dimension), least_probes(lists))
    return index


def keep_least_probes(index: VectorIndex) -> None:
    """An index saved before :data:`LEAST_PROBED` (FAISS keeps its probes in the file) searches
    with at least as many probes as one built now."""
    if index.approximate:
        index._index.nprobe = max(int(index._index.nprobe), least_probes(index.lists))


def least_probes(lists: int) -> int:
    """The fewest probes any collection gets: enough for one list in :data:`LEAST_PROBED`."""
    return next((p for p in PROBES if p * LEAST_PROBED >= lists), PROBES[-1])


def calibrated_probes(
    index: VectorIndex, ids: np.ndarray, vectors: np.ndarray, rng: np.random.Generator, meaning: int
) -> int:
    """The fewest probes whose top :data:`RESCORED` hold :data:`TARGET_RECALL` of the exact top ten.

    Calibration queries are means of four stored vectors: new text about what the collection
    holds, as loosely tied to any one passage as real questions are (midpoints of two were too
    easy: probes chosen on them reached only 0.90 recall on real queries), never a stored
    vector that would find itself.
    """
    groups = rng.choice(len(ids), size=(CALIBRATION_QUERIES, 4))
    queries = np.zeros((CALIBRATION_QUERIES, vectors.shape[1]), dtype=np.float32)
    queries[:, :meaning] = vectors[groups, :meaning].sum(axis=1)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    exact = [set(row.tolist()) for row in exact_top(ids, vectors, queries, 10)]
    ivf = index._index
    for probes in PROBES:
        ivf.nprobe = probes
        _, found = ivf.search(queries, RESCORED)
        recall = np.mean([len(e & set(f.tolist())) / 10 for e, f in zip(exact, found, strict=True)])
        if recall >= TARGET_RECALL:
            return probes
    return PROBES[-1]


def exact_top(
    ids: np.ndarray, vectors: np.ndarray, queries: np.ndarray, k: int, block: int = 32_768
) -> np.ndarray:
    """The exact top-``k`` ids of each query, block by block (memory stays flat)."""
    best_scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
    best_ids = np.zeros((len(queries), k), dtype=np.int64)
    for first in range(0, len(ids), block):
        scores = queries @ np.ascontiguousarray(vectors[first : first + block], dtype=np.float32).T
        merged = np.hstack([best_scores, scores])
        merged_ids = np.hstack([best_ids, np.broadcast_to(ids[first : first + block], scores.shape)])
        keep = np.argpartition(-merged, k - 1, axis=1)[:, :k]
        best_scores = np.take_along_axis(merged, keep, axis=1)
        best_ids = np.take_along_axis(merged_ids, keep, axis=1)
    return best_ids
