"""The catalogue's SQLite schema, its numbered migrations and the SQL of facet filters."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from kb.catalogue_languages import DOCUMENT_TABLE, LANGUAGE_TABLE, recount_languages
from kb.catalogue_vector_log import VECTOR_LOG, VECTOR_LOG_STATEMENTS
from kb.facets import FACET_FIELDS
from kb.store import LEXICAL_NAME_FIELDS, names_text

if TYPE_CHECKING:
    from kb.catalogue import Catalogue

SCHEMA_VERSION = 9

OWNER_INDEX = "CREATE INDEX IF NOT EXISTS chunks_owner ON chunks(chunk_id, doc_id, language);"
"""Each passage's document and language, read for every passage a search finds: the table's
rows hold text and a vector, so one row a page; this index holds hundreds a page."""

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id       TEXT PRIMARY KEY,
    path         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    language     TEXT NOT NULL,
    year         INTEGER,
    file_type    TEXT NOT NULL,
    n_pages      INTEGER,
    content_hash TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    curated      TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id   TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    page     INTEGER,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    language TEXT NOT NULL,
    text     TEXT NOT NULL,
    vector   BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id, ord);
CREATE INDEX IF NOT EXISTS documents_by_hash ON documents(content_hash);
{OWNER_INDEX}
CREATE TABLE IF NOT EXISTS facets (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    field  TEXT NOT NULL,
    value  TEXT NOT NULL COLLATE NOCASE,
    source TEXT NOT NULL DEFAULT 'extracted',
    PRIMARY KEY (doc_id, field, value)
);
CREATE INDEX IF NOT EXISTS facets_by_value ON facets(field, value);
{LANGUAGE_TABLE}
{DOCUMENT_TABLE}
{VECTOR_LOG}
CREATE TABLE IF NOT EXISTS search_misses (
    id      INTEGER PRIMARY KEY,
    day     TEXT NOT NULL,
    query   TEXT NOT NULL,
    filters TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ingest_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    path   TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    detail TEXT
);
"""


def migrate(catalogue: Catalogue) -> None:
    """Numbered schema migrations, each in its own transaction."""
    version = int(catalogue.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
    for number, step in (
        (5, _language_totals),
        (6, _language_totals),
        (7, _vector_log),
        (8, _lexical_index_outside),
        (9, _owner_index),
    ):
        if version < number:
            with catalogue.transaction() as db:
                step(db)
                db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(number),))


def _language_totals(db: sqlite3.Connection) -> None:
    """5: running per-language counts and vector sums (no full scan on open); 6: each
    document's mean passage vector (no full scan for similar practices)."""
    db.execute(LANGUAGE_TABLE)
    db.execute(DOCUMENT_TABLE)
    recount_languages(db)


def _vector_log(db: sqlite3.Connection) -> None:
    """7: a log of passages added and removed, so the FAISS copy is caught up, not reloaded."""
    for statement in VECTOR_LOG_STATEMENTS:
        db.execute(statement)


def _lexical_index_outside(db: sqlite3.Connection) -> None:
    """8: the lexical index moved from FTS5 to a Tantivy index beside the catalogue (built from
    it when the index is opened; steps 2-4 used to fill the FTS5 table)."""
    db.execute("DROP TABLE IF EXISTS chunks_fts")


def _owner_index(db: sqlite3.Connection) -> None:
    """9: see :data:`OWNER_INDEX` (:data:`SCHEMA`, run on every open, builds it already in a
    catalogue of an older schema: a scan of the passages, once; this step records the version)."""
    db.execute(OWNER_INDEX)


def names_by_document(db: sqlite3.Connection, doc_ids: set[str]) -> dict[str, str]:
    """doc_id → the names field text of its passages (see :func:`names_text`)."""
    values: dict[str, list[tuple[str, str]]] = {}
    for doc_id, field, value in db.execute(
        "SELECT doc_id, field, value FROM facets WHERE field IN (SELECT value FROM json_each(?))"
        " AND doc_id IN (SELECT value FROM json_each(?)) ORDER BY doc_id, rowid",
        (json.dumps(LEXICAL_NAME_FIELDS), json.dumps(sorted(doc_ids))),
    ):
        values.setdefault(doc_id, []).append((field, value))
    return {d: names_text(v) for d, v in values.items()}


def filter_clause(filters: Mapping[str, Sequence[str]], alias: str = "d") -> tuple[str, list[str]]:
    """SQL that keeps documents matching every field (AND) and any value within one (OR)."""
    parts: list[str] = []
    params: list[str] = []
    for field in FACET_FIELDS:
        values = list(filters.get(field, ()))
        if not values:
            continue
        marks = ",".join("?" * len(values))
        parts.append(
            f"EXISTS (SELECT 1 FROM facets f WHERE f.doc_id = {alias}.doc_id "
            f"AND f.field = ? AND f.value IN ({marks}))"
        )
        params += [field, *values]
    return (" AND ".join(parts) or "1"), params
