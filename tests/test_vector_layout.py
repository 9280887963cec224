"""The dense index chosen by size: exact while small, IVF-SQ8 with exact rescoring beyond."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kb import vector_layout
from kb.embedders import HashingEmbedder
from kb.knowledge_base import KnowledgeBase
from kb.models import FacetValue, NewDocument, Passage
from kb.vectors import VectorIndex

DIMENSION = 256  # the hashing embedder's
PASSAGES_PER_DOC = 5


def clustered(n: int, rng: np.random.Generator) -> np.ndarray:
    """Unit vectors around a few hundred centres, like passages about a few hundred subjects."""
    centres = rng.normal(size=(300, DIMENSION)).astype(np.float32)
    vectors = centres[rng.integers(0, len(centres), n)] + 0.6 * rng.normal(size=(n, DIMENSION)).astype(
        np.float32
    )
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def documents(count: int, rng: np.random.Generator) -> list[tuple[NewDocument, np.ndarray]]:
    out = []
    for n in range(count):
        language = ["pt", "it", "en"][n % 3]
        passages = [Passage(f"texto {n} {i}", i, None, 0, 10, language) for i in range(PASSAGES_PER_DOC)]
        doc = NewDocument(
            path=f"/synthetic/{n}.txt",
            title=f"Prática {n}",
            language=language,
            content_hash=str(n),
            file_type="text",
            year=2000 + n % 20,
            passages=passages,
            facets=[FacetValue("country", "UY" if n % 50 == 0 else "BR")],
        )
        out.append((doc, clustered(PASSAGES_PER_DOC, rng)))
    return out


@pytest.fixture
def large_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    """A collection past a lowered exact/approximate line (1,500 passages instead of 150,000)."""
    monkeypatch.setattr(vector_layout, "EXACT_UP_TO", 1_000)
    kb = KnowledgeBase.open(tmp_path / "index", HashingEmbedder(), create=True)
    rng = np.random.default_rng(3)
    with kb.writing():
        for doc, vectors in documents(300, rng):
            kb.put(doc, vectors)
    return kb


def test_a_large_collection_gets_an_approximate_index_that_finds_what_exact_search_finds(
    large_kb: KnowledgeBase,
) -> None:
    store = large_kb.store
    assert store.vectors.approximate and store.vectors.describe()["kind"] == "IVF-SQ8"
    ids, matrix, languages = store.all_vectors(store.dimension)
    rng = np.random.default_rng(5)
    hits = 0
    for _ in range(20):
        query = matrix[rng.choice(len(ids), 4)].sum(axis=0)
        query /= np.linalg.norm(query)
        exact = ids[np.argsort(-(matrix @ query))[:10]]
        found, scores = store.dense_search(query, 10)
        hits += len(set(exact.tolist()) & set(found.tolist()))
        assert np.all(np.diff(scores) <= 1e-6), "rescored exactly, best first"
    assert hits / 200 >= 0.95
    assert large_kb.verify() == []


def test_a_deep_approximate_search_scores_its_first_hundred_exactly(large_kb: KnowledgeBase) -> None:
    store = large_kb.store
    ids, matrix, _ = store.all_vectors(store.dimension)
    exact = dict(zip(ids.tolist(), (matrix @ (matrix[3] + matrix[700])).tolist(), strict=True))
    query = (matrix[3] + matrix[700]) / np.linalg.norm(matrix[3] + matrix[700])
    deep, scores = store.dense_search(query, 3 * vector_layout.RESCORED)
    shallow, _ = store.dense_search(query, 10)
    assert len(deep) == 3 * vector_layout.RESCORED and deep[:10].tolist() == shallow.tolist()
    norm = float(np.linalg.norm(matrix[3] + matrix[700]))
    head = [exact[i] / norm for i in deep[:10].tolist()]
    np.testing.assert_allclose(scores[:10], head, atol=1e-5)


def test_the_approximate_index_survives_reopening_removal_and_filters(
    large_kb: KnowledgeBase, tmp_path: Path
) -> None:
    reopened = KnowledgeBase.open(tmp_path / "index", HashingEmbedder())
    assert reopened.store.vectors.approximate
    doc_id = reopened.store.find_by_path("/synthetic/7.txt")[0]
    passage_ids = reopened.store.chunk_ids_for([doc_id])
    with reopened.writing():
        reopened.remove(doc_id)
    assert not set(passage_ids.tolist()) & set(reopened.store.vectors.ids().tolist())
    assert reopened.verify() == []
    narrow = reopened.store.chunk_ids_for(reopened.store.filtered_doc_ids({"country": ("UY",)}))
    found, _ = reopened.store.dense_search(np.ones(DIMENSION, np.float32) / 16, 10, narrow)
    assert len(found) == 10 and set(found.tolist()) <= set(narrow.tolist())


def test_the_index_kind_is_recorded_and_shown(large_kb: KnowledgeBase) -> None:
    assert large_kb.manifest.vector_index["kind"] == "IVF-SQ8"
    assert large_kb.stats()["vector_index"]["probes"] >= vector_layout.PROBES[0]


def test_a_shrunken_collection_goes_back_to_exact_search(
    large_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vector_layout, "EXACT_UP_TO", 4_000)  # now 1,500 passages is below half of it
    with large_kb.writing():
        large_kb.remove(large_kb.store.find_by_path("/synthetic/8.txt")[0])
    assert not large_kb.store.vectors.approximate and large_kb.verify() == []


def test_a_narrow_filter_is_scored_exactly() -> None:
    index = VectorIndex(4)
    index.add(range(100), np.eye(4, dtype=np.float32)[np.arange(100) % 4])
    found, scores = index.search(np.array([1, 0, 0, 0], np.float32), 3, np.array([1, 4, 5, 8]))
    assert found.tolist() == [4, 8, 1] and scores.tolist() == [1.0, 1.0, 0.0]


def test_a_small_change_in_a_large_collection_is_logged_not_rewritten(
    large_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readers and reopenings catch up from the catalogue's change log; the FAISS file waits."""
    from kb import embedded_store

    monkeypatch.setattr(embedded_store, "CHECKPOINT_SHARE", 0.5)
    reader = KnowledgeBase.open(tmp_path / "index", HashingEmbedder())
    faiss_file = tmp_path / "index" / embedded_store.VECTORS
    written = faiss_file.stat().st_mtime_ns
    doc, vectors = documents(301, np.random.default_rng(9))[-1]
    with large_kb.writing():
        large_kb.remove(large_kb.store.find_by_path("/synthetic/11.txt")[0])
        large_kb.put(doc, vectors)
    assert faiss_file.stat().st_mtime_ns == written, "one document changed: no rewrite"
    assert reader.store.refresh() == "changed"
    new_ids = reader.store.chunk_ids_for([reader.store.find_by_path(doc.path)[0]])
    assert set(new_ids.tolist()) <= set(reader.store.vectors.ids().tolist())
    assert reader.verify() == []
    reopened = KnowledgeBase.open(tmp_path / "index", HashingEmbedder())
    assert reopened.verify() == [] and len(reopened.store.vectors) == len(large_kb.store.vectors)
    monkeypatch.setattr(embedded_store, "CHECKPOINT_SHARE", 0.0)  # now every change is written
    with large_kb.writing():
        large_kb.remove(large_kb.store.find_by_path("/synthetic/12.txt")[0])
    assert faiss_file.stat().st_mtime_ns != written
    assert large_kb.store.vector_changes(0) is None, "the log the file holds is forgotten"
    assert reader.store.refresh() == "changed" and reader.verify() == [], "so a reader behind reloads"


def test_a_reader_behind_a_forgotten_log_reloads_rather_than_diverge(
    large_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kb import embedded_store

    reader = KnowledgeBase.open(tmp_path / "index", HashingEmbedder())
    behind = reader.store.last_vector_change()
    monkeypatch.setattr(embedded_store, "CHECKPOINT_SHARE", 0.0)
    with large_kb.writing():
        large_kb.remove(large_kb.store.find_by_path("/synthetic/13.txt")[0])
    monkeypatch.setattr(embedded_store, "CHECKPOINT_SHARE", 0.5)
    with large_kb.writing():  # logged, not written: the reader needs both the file and the log
        large_kb.remove(large_kb.store.find_by_path("/synthetic/14.txt")[0])
    assert reader.store.vector_changes(behind) is None
    assert reader.store.refresh() == "changed" and reader.verify() == []
    assert len(reader.store.vectors) == len(large_kb.store.vectors)


def test_a_query_probes_at_least_one_list_in_sixteen() -> None:
    assert vector_layout.least_probes(4_000) == 256  # a million passages
    assert vector_layout.least_probes(1_265) == 96  # 100,000: calibration asks for more there
    assert vector_layout.least_probes(64) == vector_layout.PROBES[0]
    assert vector_layout.least_probes(10**9) == vector_layout.PROBES[-1]


def test_an_index_saved_with_fewer_probes_searches_with_the_least(large_kb: KnowledgeBase) -> None:
    vectors = large_kb.store.vectors
    vectors._index.nprobe = 1  # as saved before the floor
    vector_layout.keep_least_probes(vectors)
    assert vectors.describe()["probes"] == vector_layout.least_probes(vectors.lists)
