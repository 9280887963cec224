"""The PostgreSQL store's schema: tables, indexes, and numbered migrations.

The same data model as the embedded catalogue. Each passage row holds its stored vector
(the embedding followed by its language's indicator, as in the FAISS copy, so one pgvector
search applies every language's centring offset) and its lexical entry: the index tokens
of its document's title (weight A), its document's names (weight B) and its text (weight D)
in a ``tsvector`` of the ``simple`` configuration. The tokens are Praxis's own folded
Snowball stems in the passage's language (:mod:`kb.stemming`), so a query built from the
same tokens meets them exactly, as in the embedded store's Tantivy index.
"""

from __future__ import annotations

import json

import psycopg
from psycopg import Connection

from kb.config import redacted
from kb.errors import KbError

SCHEMA_VERSION = 1


def statements(stored_dimension: int) -> list[str]:
    """Version 1 of the schema, idempotent."""
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
            embedding vector({stored_dimension}) NOT NULL,
            lexemes tsvector NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks (doc_id, ord)",
        "CREATE INDEX IF NOT EXISTS chunks_lexemes ON chunks USING gin (lexemes)",
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
    ]


SCHEMA_LOCK = 0x50_52_41_58  # "PRAX": one process creates or migrates the schema at a time


def current(conn: Connection) -> bool:
    """The schema is there and up to date (then nothing is written: a read-only standby opens too)."""
    if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
        return False
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row is not None and int(row[0]) == SCHEMA_VERSION


def migrate(conn: Connection, stored_dimension: int) -> None:
    """Create the schema, or bring an older one up to :data:`SCHEMA_VERSION`."""
    if current(conn):
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        for statement in statements(stored_dimension):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO meta VALUES ('schema_version', %s), ('generation', '0') ON CONFLICT DO NOTHING",
            (str(SCHEMA_VERSION),),
        )
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0])
        if version > SCHEMA_VERSION:
            raise KbError(f"the database holds schema {version}; this Praxis reads up to {SCHEMA_VERSION}")
        # later versions: `if version < 2: ...` steps here, each setting schema_version


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
