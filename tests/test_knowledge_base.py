"""Catalogue and vectors stay consistent through add, replace, remove, crash and reopen."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from ingest.pipeline import ingest_paths
from kb.config import Settings
from kb.embedders import HashingEmbedder
from kb.errors import DocumentNotFound, EmbedderMismatch, IndexLocked, IndexNotFound
from kb.knowledge_base import VECTORS, KnowledgeBase
from kb.request import SearchRequest
from kb.vectors import VectorIndex
from tests.conftest import EN, PT, write


def assert_consistent(kb: KnowledgeBase) -> None:
    """Every chunk is in the vectors and the lexical index exactly once, with the stored vector."""
    assert kb.verify() == []
    for row in kb.store.chunk_vectors():
        found, scores = kb.store.dense_search(row.vector, 1, np.array([row.chunk_id]))
        assert found.tolist() == [row.chunk_id] and scores[0] == pytest.approx(1.0, abs=1e-4)


def test_add_replace_remove(small_kb: KnowledgeBase, small_corpus: Path, settings: Settings) -> None:
    assert_consistent(small_kb)
    before = small_kb.store.counts()
    write(small_corpus / "compras.txt", "Central de compras\n\n" + PT + " " + PT)
    report = ingest_paths(small_kb, [small_corpus], settings)
    assert report.counts == {"updated": 1, "unchanged": 2}
    assert small_kb.store.counts()["documents"] == before["documents"]
    assert_consistent(small_kb)
    doc = small_kb.document("compras")
    assert doc.added_at <= doc.updated_at
    with small_kb.writing():
        small_kb.remove("compras")
    assert_consistent(small_kb)
    with pytest.raises(DocumentNotFound):
        small_kb.document("compras")
    assert small_kb.store.counts()["documents"] == before["documents"] - 1


def test_unchanged_files_are_skipped_by_hash(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings
) -> None:
    report = ingest_paths(small_kb, [small_corpus], settings)
    assert report.counts == {"unchanged": 3}
    assert report.passages == 0


def test_a_copy_of_the_folder_is_not_a_second_collection(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings, tmp_path: Path
) -> None:
    """The same files under another folder are reported as duplicates and not added; a changed
    copy, or a file whose first place is gone (moved), is read as usual."""
    copy = tmp_path / "copy"
    for file in small_corpus.iterdir():
        write(copy / file.name, file.read_text(encoding="utf-8"))
    write(copy / "compras.txt", "Central de compras, outra versão\n\n" + PT)
    before = small_kb.store.counts()["documents"]
    report = ingest_paths(small_kb, [copy], settings)
    assert report.counts == {"duplicate": 2, "added": 1}
    twin = report.duplicates[0]
    assert twin.doc_id in small_kb.store.all_doc_ids() and str(small_corpus) in twin.detail
    assert small_kb.store.counts()["documents"] == before + 1
    assert all(row["status"] != "duplicate" for row in small_kb.store.ingest_log())
    moved = Path(small_kb.document(twin.doc_id).path)
    moved.unlink()
    again = ingest_paths(small_kb, [copy / moved.name], settings)
    assert again.counts == {"added": 1}


def test_copies_within_one_batch_and_copies_of_an_edited_file(
    small_kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    """Two copies read in one batch make one document; a copy of a stored file that was edited
    since (its document not yet read again) is the old text, read as a document of its own."""
    first = write(tmp_path / "d1" / "rede.txt", "Rede de teste\n\n" + PT)
    write(tmp_path / "d2" / "rede.txt", "Rede de teste\n\n" + PT)
    report = ingest_paths(small_kb, [tmp_path / "d1", tmp_path / "d2"], settings)
    assert report.counts == {"added": 1, "duplicate": 1}
    assert report.duplicates[0].doc_id is None and str(first) in report.duplicates[0].detail
    copy = write(tmp_path / "d3" / "rede-copia.txt", first.read_text(encoding="utf-8"))
    write(first, "Rede de teste, nova versão\n\n" + PT)  # edited after the copy was made
    assert ingest_paths(small_kb, [copy], settings).counts == {"added": 1}


def test_reopen_uses_saved_vectors(small_kb: KnowledgeBase, settings: Settings) -> None:
    reopened = KnowledgeBase.open(settings.index_dir)
    assert reopened.manifest.embedder == "hash"
    assert_consistent(reopened)


@pytest.mark.folder_store
def test_crash_between_catalogue_and_vectors_is_repaired(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings
) -> None:
    """A document committed to SQLite but never saved to FAISS (the process died) still shows."""
    saved = (settings.index_dir / VECTORS).read_bytes()
    write(small_corpus / "extra.txt", "Outra prática\n\n" + PT)
    ingest_paths(small_kb, [small_corpus], settings)
    (settings.index_dir / VECTORS).write_bytes(saved)  # as if the final save never happened
    reopened = KnowledgeBase.open(settings.index_dir)
    assert_consistent(reopened)
    assert "extra" in reopened.store.all_doc_ids()


def test_a_failed_file_does_not_cost_its_old_version(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings
) -> None:
    (small_corpus / "compras.txt").write_bytes(b"")
    report = ingest_paths(small_kb, [small_corpus], settings)
    assert [(f.reason, Path(f.path).name) for f in report.failures] == [("empty", "compras.txt")]
    assert small_kb.document("compras").title.startswith("Central de compras")
    log = small_kb.store.ingest_log()
    assert log[0]["status"] == "failed" and log[0]["reason"] == "empty"


def test_bad_files_are_reported_and_the_batch_goes_on(
    hash_kb: KnowledgeBase, tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "batch"
    write(folder / "good.txt", "Boa prática\n\n" + PT)
    (folder / "fake.pdf").write_bytes(b"not a pdf at all" * 10)
    (folder / "empty.md").write_bytes(b"")
    write(folder / "notes.xlsx", "x")
    write(folder / "also-good.md", "# Partnerships\n\n" + EN)
    report = ingest_paths(hash_kb, [folder], settings)
    assert report.counts["added"] == 2
    assert sorted((Path(f.path).name, f.reason) for f in report.failures) == [
        ("empty.md", "empty"),
        ("fake.pdf", "corrupt"),
        ("notes.xlsx", "unsupported"),
    ]


def test_a_file_is_embedded_while_its_metadata_is_extracted(
    hash_kb: KnowledgeBase, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first file's extraction builds the matchers' tables (about a second and a half): the
    embedder must not wait for it, and a file whose extraction fails is reported on its own."""
    import threading

    import ingest.parsing as parsing

    embedding = threading.Event()
    real_embed, real_describe = hash_kb.embedder.embed_documents, parsing.describe
    overlapped: list[bool] = []

    def embed(texts: list[str]) -> np.ndarray:
        embedding.set()
        return real_embed(texts)

    def describe(draft: object) -> None:
        overlapped.append(embedding.wait(timeout=10))
        if "broken" in draft.doc.path:  # type: ignore[attr-defined]
            raise ValueError("a metadata rule failed")
        real_describe(draft)  # type: ignore[arg-type]

    monkeypatch.setattr(hash_kb.embedder, "embed_documents", embed)
    monkeypatch.setattr(parsing, "describe", describe)
    folder = tmp_path / "batch"
    write(folder / "a-first.txt", "Boa prática\n\n" + PT)
    write(folder / "b-broken.txt", "Outra prática\n\n" + PT)
    write(folder / "c-last.md", "# Partnerships\n\n" + EN)
    report = ingest_paths(hash_kb, [folder], settings)
    assert overlapped[0], "the first file went to the embedder before its metadata was read"
    assert report.counts["added"] == 2
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [("b-broken.txt", "internal-error")]
    assert hash_kb.document("a-first").values("country") == ["BR"], "its metadata and themes are stored"
    assert_consistent(hash_kb)


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFound, match="kb ingest"):
        KnowledgeBase.open(tmp_path / "nowhere")


def test_other_embedder_is_refused_with_rebuild_advice(small_kb: KnowledgeBase, settings: Settings) -> None:
    with pytest.raises(EmbedderMismatch, match="delete .* and run: kb ingest"):
        KnowledgeBase.open(settings.index_dir, "hash:128")


def test_second_writer_is_refused(small_kb: KnowledgeBase, settings: Settings) -> None:
    other = KnowledgeBase.open(settings.index_dir, HashingEmbedder())
    with small_kb.writing(), pytest.raises(IndexLocked, match="another process"), other.writing():
        pass
    with other.writing():  # free again once the first writer is done
        pass


def test_writes_need_the_lock(small_kb: KnowledgeBase) -> None:
    with pytest.raises(RuntimeError, match="writing"):
        small_kb.remove("compras")


def test_reader_sees_a_writers_changes(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings
) -> None:
    reader = KnowledgeBase.open(settings.index_dir)
    write(small_corpus / "novo.txt", "Nova prática\n\n" + PT)
    ingest_paths(small_kb, [small_corpus], settings)
    assert reader.refresh() is True
    assert_consistent(reader)
    assert reader.refresh() is False


def test_new_ingest_version_rereads_unchanged_files(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.parsing as parsing
    import ingest.pipeline as pipeline

    monkeypatch.setattr(parsing, "INGEST_VERSION", parsing.INGEST_VERSION + 1)
    monkeypatch.setattr(pipeline, "INGEST_VERSION", parsing.INGEST_VERSION)
    assert ingest_paths(small_kb, [small_corpus], settings).counts == {"updated": 3}
    assert ingest_paths(small_kb, [small_corpus], settings).counts == {"unchanged": 3}
    assert KnowledgeBase.open(settings.index_dir).manifest.ingest_version == pipeline.INGEST_VERSION


def test_opening_an_index_is_not_a_change(small_kb: KnowledgeBase, settings: Settings) -> None:
    reader = KnowledgeBase.open(settings.index_dir)
    KnowledgeBase.open(settings.index_dir)  # another process opening the same index
    assert reader.refresh() is False


def test_a_batch_with_a_failure_leaves_its_good_files_current(
    hash_kb: KnowledgeBase, tmp_path: Path, settings: Settings
) -> None:
    """A failed file on a new index (or a killed run) must not make every later run re-embed."""
    folder = tmp_path / "batch"
    write(folder / "good.txt", "Boa prática\n\n" + PT)
    write(folder / "also-good.md", "# Partnerships\n\n" + EN)
    (folder / "empty.md").write_bytes(b"")
    assert ingest_paths(hash_kb, [folder], settings).counts == {"added": 2, "failed": 1}
    assert ingest_paths(hash_kb, [folder], settings).counts == {"unchanged": 2, "failed": 1}


def test_an_unexpected_reader_error_is_one_failed_file(
    hash_kb: KnowledgeBase, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.parsing as parsing

    folder = tmp_path / "batch"
    write(folder / "good.txt", "Boa prática\n\n" + PT)
    write(folder / "broken.md", "# Partnerships\n\n" + EN)
    real_read = parsing.read_file

    def read_file(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == "broken.md":
            raise RecursionError("maximum recursion depth exceeded in a library")
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(parsing, "read_file", read_file)
    report = ingest_paths(hash_kb, [folder], settings)
    assert report.counts == {"added": 1, "failed": 1}
    [failure] = report.failures
    assert failure.reason == "internal-error" and "RecursionError" in failure.detail
    [logged] = [e for e in hash_kb.store.ingest_log() if e["status"] == "failed"]
    assert "Traceback" in logged["detail"], "the traceback is kept for curators"


@pytest.mark.folder_store
@pytest.mark.parametrize("damage", ["truncate", "garble"])
def test_a_damaged_vectors_file_is_rebuilt_from_the_catalogue(
    small_kb: KnowledgeBase, settings: Settings, damage: str
) -> None:
    path = settings.index_dir / "vectors.faiss"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3] if damage == "truncate" else os.urandom(len(data)))
    reopened = KnowledgeBase.open(settings.index_dir)
    assert reopened.verify() == [] and small_kb.store.counts() == reopened.store.counts()
    assert reopened.search(SearchRequest("compras", bounded=False)).hits
    with reopened.writing():  # the next write saves a good copy again
        pass
    saved = VectorIndex.load(path, reopened.store.stored_dimension)
    assert sorted(saved.ids().tolist()) == sorted(small_kb.store.chunk_id_set().tolist())


@pytest.mark.folder_store
def test_vectors_written_before_language_slots_are_rebuilt(
    small_kb: KnowledgeBase, settings: Settings
) -> None:
    """An index from before the one-pass search holds bare vectors: opening it rebuilds the copy."""
    old = VectorIndex(small_kb.manifest.dimension)
    ids, matrix, _ = small_kb.store.all_vectors(small_kb.manifest.dimension)
    old.add(ids, matrix)
    old.save(settings.index_dir / "vectors.faiss")
    reopened = KnowledgeBase.open(settings.index_dir)
    assert reopened.verify() == []
    assert reopened.store.vectors.dimension == small_kb.manifest.dimension + 8
    assert reopened.search(SearchRequest("compras", bounded=False)).hits


@pytest.mark.folder_store
def test_writers_clean_up_temporary_files_left_by_a_killed_writer(
    small_kb: KnowledgeBase, settings: Settings
) -> None:
    leftover = settings.index_dir / ".vectors.faiss.99999.tmp"
    leftover.write_bytes(b"half a file")
    with small_kb.writing():
        pass
    assert not leftover.exists()


def test_an_ingest_with_other_chunking_is_refused(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings
) -> None:
    from ingest.pipeline import ingest_paths
    from kb.config import ChunkingSettings
    from kb.errors import ChunkingMismatch

    other = replace(settings, chunking=ChunkingSettings(target_words=90, max_words=120, overlap_words=10))
    with pytest.raises(ChunkingMismatch, match="was built with chunking"):
        ingest_paths(small_kb, [small_corpus], other)
    assert small_kb.verify() == []


def test_search_settings_are_fixed_at_open(small_kb: KnowledgeBase) -> None:
    from kb.config import SearchSettings

    lexical = small_kb.using(SearchSettings().lexical_only())
    assert lexical.search_settings.dense_weight == 0.0
    assert small_kb.search_settings == SearchSettings(), "the original keeps its settings"
    assert lexical.search(SearchRequest("COSME", k=1)).hits[0].doc_id == "cosme"


@pytest.mark.folder_store
def test_language_totals_follow_every_write_and_an_old_index_is_recounted(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings
) -> None:
    """Opening needs no scan of the vectors: per-language totals are kept as documents change."""
    write(small_corpus / "compras.txt", "Central de compras\n\n" + PT + " " + PT)
    ingest_paths(small_kb, [small_corpus], settings)
    with small_kb.writing():
        small_kb.remove("reti")
    assert small_kb.verify() == []
    assert set(small_kb.store.language_stats()) == {"pt", "en"}
    with small_kb.store.transaction() as db:  # an index from before the totals were kept
        db.execute("DELETE FROM language_stats")
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    assert small_kb.verify() != []
    small_kb.close()
    reopened = KnowledgeBase.open(settings.index_dir)
    assert reopened.verify() == [], "opening recounts them"


def test_the_text_keeps_its_own_year_beside_the_practices(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings
) -> None:
    """A reference cites when the text was written; the practice it tells of may be older."""
    write(
        small_corpus / "moveleiro.md",
        "---\ntitle: Central de compras do polo moveleiro\ndate: 2021-09-02\n---\n\n"
        "A central de compras foi criada em 2004 pelas empresas do polo. " + PT,
    )
    ingest_paths(small_kb, [small_corpus], settings)
    doc = small_kb.document("moveleiro")
    assert (doc.year, doc.written) == (2004, 2021)
    assert doc.as_dict()["written"] == 2021
    hit = next(
        h
        for h in small_kb.search(SearchRequest("central de compras moveleiro")).hits
        if h.doc_id == "moveleiro"
    )
    assert (hit.year, hit.written) == (2004, 2021)
