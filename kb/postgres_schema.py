"""The PostgreSQL store's schema: tables, indexes, and numbered migrations.

The same data model as the embedded catalogue. Each passage row holds its stored vector
(the embedding followed by its language's indicator, as in the FAISS copy, so one pgvector
search applies every language's centring offset); its words are in ``passage_terms`` and
``lexicon`` (:mod:`kb.postgres_lexical`). Version 2 moved them there from a positional
``tsvector`` in ``chunks``; they are indexed again when the glossary's token pairs change.
"""

from __future__ import annotations

import json
from collections import Counter

import psycopg
from psycopg import Connection

from kb.config import redacted
from kb.errors import KbError
from kb.postgres_lexical import TABLES as lexical_tables
from kb.postgres_lexical import pairs_fingerprint, raise_lexicon, terms_rows, write_terms
from kb.store import names_text

SCHEMA_VERSION = 2


def statements(stored_dimension: int) -> list[str]:
    """The current version of the schema, idempotent."""
    return [
        "CREATE EXTENSION IF NOT EXISTS vector",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS documents (
            doc_id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
            language TEXT NOT NULL, year INTEGER, file_type TEXT NOT NULL, n_pages INTEGER,
            content_hash TEXT NOT NULL, added_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            curated TEXT NOT NULL DEFAULT '[]')""",
        f"""CREATE TABLE IF NOT EXISTS chunks (
            chunk_id BIGSERIAL PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            ord INTEGER NOT NULL, page INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            language TEXT NOT NULL, text TEXT NOT NULL,
            embedding vector({stored_dimension}) NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks (doc_id, ord)",
        "CREATE INDEX IF NOT EXISTS documents_by_hash ON documents (content_hash)",
        "CREATE INDEX IF NOT EXISTS chunks_embedding ON chunks USING hnsw (embedding vector_ip_ops)",
        """CREATE TABLE IF NOT EXISTS facets (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            field TEXT NOT NULL, value TEXT NOT NULL, source TEXT NOT NULL DEFAULT 'extracted',
            position SERIAL)""",
        "CREATE UNIQUE INDEX IF NOT EXISTS facets_key ON facets (doc_id, field, lower(value))",
        "CREATE INDEX IF NOT EXISTS facets_by_value ON facets (field, lower(value))",
        """CREATE TABLE IF NOT EXISTS language_stats (
            language TEXT PRIMARY KEY, n BIGINT NOT NULL, total DOUBLE PRECISION[] NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS document_vectors (
            doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
            mean REAL[] NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS search_misses (
            id BIGSERIAL PRIMARY KEY, day TEXT NOT NULL, query TEXT NOT NULL, filters TEXT NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS ingest_log (
            id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, path TEXT NOT NULL, status TEXT NOT NULL,
            reason TEXT, detail TEXT)""",
        *lexical_tables,
    ]


SCHEMA_LOCK = 0x50_52_41_58  # "PRAX": one process creates or migrates the schema at a time
WRITER_LOCK = 0x50_52_41_59  # one writer at a time, across machines (see PostgresStore.writing)


def schema_version(conn: Connection) -> int | None:
    if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def current(conn: Connection) -> bool:
    """The schema is there and up to date (then nothing is written: a read-only standby opens too)."""
    if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
        return False
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('schema_version', 'phrase_pairs')"))
    return (
        rows.get("schema_version") == str(SCHEMA_VERSION) and rows.get("phrase_pairs") == pairs_fingerprint()
    )


def migrate(conn: Connection, stored_dimension: int) -> None:
    """Create the schema, or bring an older one up to :data:`SCHEMA_VERSION`, waiting for any
    writer to finish. A standby cannot: it serves an older schema only until its primary moves."""
    if current(conn):
        return
    if conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
        if schema_version(conn) != SCHEMA_VERSION:
            raise KbError(
                "this standby's primary holds an older schema: open the primary once with this Praxis"
            )
        return  # other token pairs: glossary phrases may miss until the primary indexes again
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
        fresh = conn.execute("SELECT to_regclass('chunks')").fetchone()[0] is None
        for statement in statements(stored_dimension):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO meta VALUES ('schema_version', %s), ('generation', '0') ON CONFLICT DO NOTHING",
            (str(SCHEMA_VERSION),),
        )
        rows = dict(
            conn.execute("SELECT key, value FROM meta WHERE key IN ('schema_version', 'phrase_pairs')")
        )
        version = int(rows["schema_version"])
        if version > SCHEMA_VERSION:
            raise KbError(f"the database holds schema {version}; this Praxis reads up to {SCHEMA_VERSION}")
        if version < 2 or rows.get("phrase_pairs") != pairs_fingerprint():
            index_words(conn)
        if fresh or version < 2:  # each takes a lock on chunks that searches wait for
            conn.execute("ALTER TABLE chunks DROP COLUMN IF EXISTS lexemes")  # version 1 kept words there
            conn.execute(
                "ALTER TABLE chunks ALTER COLUMN embedding SET STORAGE PLAIN"
            )  # exact scans read no TOAST
        conn.execute(
            "INSERT INTO meta VALUES ('schema_version', %s), ('phrase_pairs', %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(SCHEMA_VERSION), pairs_fingerprint()),
        )


def index_words(conn: Connection) -> None:
    """Every passage's terms and the lexicon, from the passages' text: on moving from version 1,
    and when the glossary's token pairs changed."""
    conn.execute("DELETE FROM passage_terms")
    conn.execute("DELETE FROM lexicon")
    held: Counter[str] = Counter()
    for doc_id, title in conn.execute("SELECT doc_id, title FROM documents ORDER BY doc_id").fetchall():
        facets = conn.execute(
            "SELECT field, value FROM facets WHERE doc_id = %s ORDER BY position", (doc_id,)
        )
        names = names_text(facets.fetchall())
        chunks = conn.execute(
            "SELECT chunk_id, text, language FROM chunks WHERE doc_id = %s ORDER BY ord", (doc_id,)
        ).fetchall()
        held += write_terms(conn, terms_rows(doc_id, title, names, chunks))
    raise_lexicon(conn, held)


def read_manifest(url: str) -> dict[str, object] | None:
    """The manifest of the index in this database, None when it holds none (or no tables yet)."""
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
                return None
            row = conn.execute("SELECT value FROM meta WHERE key = 'manifest'").fetchone()
    except psycopg.Error as error:
        raise KbError(f"cannot reach the database {redacted(url)}: {error}") from None
    return json.loads(row[0]) if row else None
