"""The SQLite side of the index: documents, chunks (with their vectors), facets, logs.

The catalogue is the source of truth. Every change to a document happens in one
transaction, so a crash leaves either the old or the new version, never half.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from kb.catalogue_filters import FilterCache, Remembered
from kb.catalogue_languages import LanguageStats, add_to_totals, take_from_totals
from kb.catalogue_lexical import LexicalSource
from kb.catalogue_logs import Logs
from kb.catalogue_proposals import Proposals
from kb.catalogue_schema import SCHEMA, SCHEMA_VERSION, migrate
from kb.catalogue_vector_log import VectorLog
from kb.connections import PerThread
from kb.errors import IndexDamaged
from kb.facets import FACET_FIELDS
from kb.models import ChunkVector, Document, FacetCount, NewDocument, Passage

FACETS_BY_DOCUMENT_SHARE = 0.1
DOCUMENT_COLUMNS = (
    "path, title, language, year, file_type, n_pages, content_hash, curated, added_at, updated_at"
)


class Catalogue(FilterCache, LexicalSource, Logs, Proposals, LanguageStats, VectorLog):
    """SQLite in WAL mode; one connection per thread so the app can share the object."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connections = PerThread(self._connect)
        self._remembered = Remembered()
        try:
            self.db.executescript(SCHEMA)
            self.db.execute(  # autocommit, not transaction(): opening must not look like a change to readers
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?), ('generation', '0')",
                (str(SCHEMA_VERSION),),
            )
            migrate(self)
        except sqlite3.Error as error:
            self.close()
            hint = "make it writable" if "readonly" in str(error) else "restore a backup with kb restore"
            raise IndexDamaged(f"cannot open the catalogue {path}: {error}; {hint}") from None

    @property
    def db(self) -> sqlite3.Connection:
        return self._connections.get()

    def _connect(self) -> sqlite3.Connection:
        # each connection is used by the thread that made it; close() may close it from another
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def close(self) -> None:
        self._connections.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; bumps the generation readers poll to notice changes."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def generation(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    # -- writes -------------------------------------------------------------

    def write_document(
        self, doc_id: str, doc: NewDocument, vectors: np.ndarray
    ) -> tuple[list[int], list[int]]:
        """Insert or replace a document in one transaction; returns (removed chunk ids, new chunk ids)."""
        with self.transaction() as db:
            row = db.execute("SELECT added_at FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            old_ids = self._delete_chunks(db, doc_id)
            db.execute("DELETE FROM facets WHERE doc_id = ?", (doc_id,))
            db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                doc.document_row(doc_id, row[0] if row else None),
            )
            new_ids = [
                self._insert_chunk(db, doc_id, doc, passage, vector)
                for passage, vector in zip(doc.passages, vectors, strict=True)
            ]
            db.executemany(
                "INSERT OR REPLACE INTO facets VALUES (?,?,?,?)",
                [(doc_id, *row) for row in doc.stored_facets()],
            )
            add_to_totals(db, doc_id, [(p.language, v) for p, v in zip(doc.passages, vectors, strict=True)])
        return old_ids, new_ids

    @staticmethod
    def _insert_chunk(
        db: sqlite3.Connection, doc_id: str, doc: NewDocument, passage: Passage, vector: np.ndarray
    ) -> int:
        """One passage and its vector."""
        cur = db.execute(
            'INSERT INTO chunks (doc_id, ord, page, start, "end", language, text, vector) VALUES (?,?,?,?,?,?,?,?)',
            (doc_id, passage.order, passage.page, passage.start, passage.end, passage.language, passage.text)
            + (np.asarray(vector, dtype=np.float32).tobytes(),),
        )
        return int(cur.lastrowid)

    def delete_document(self, doc_id: str) -> list[int]:
        """Remove a document; returns the chunk ids that went with it."""
        with self.transaction() as db:
            ids = self._delete_chunks(db, doc_id)
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        return ids

    @staticmethod
    def _delete_chunks(db: sqlite3.Connection, doc_id: str) -> list[int]:
        take_from_totals(db, doc_id)
        ids = [r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))]
        db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
        return ids

    # -- reads --------------------------------------------------------------

    def find_by_path(self, path: str) -> tuple[str, str] | None:
        """(doc_id, content_hash) of the document stored for a path."""
        row = self.db.execute("SELECT doc_id, content_hash FROM documents WHERE path = ?", (path,)).fetchone()
        return (row[0], row[1]) if row else None

    def find_by_hash(self, content_hash: str) -> list[tuple[str, str]]:
        rows = self.db.execute("SELECT doc_id, path FROM documents WHERE content_hash = ?", (content_hash,))
        return [(doc_id, path) for doc_id, path in rows]

    def doc_id_taken(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def documents(self, doc_ids: Sequence[str]) -> dict[str, Document]:
        """Documents with their metadata, keyed by id (unknown ids are left out)."""
        ids_json = json.dumps(list(doc_ids))
        metadata: dict[str, dict[str, list[str]]] = {d: {} for d in doc_ids}
        for doc_id, field, value in self.db.execute(
            "SELECT doc_id, field, value FROM facets WHERE doc_id IN (SELECT value FROM json_each(?))"
            " ORDER BY doc_id, field, rowid",
            (ids_json,),
        ):
            metadata[doc_id].setdefault(field, []).append(value)
        rows = self.db.execute(
            "SELECT d.*, (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.doc_id) FROM documents d"
            " WHERE d.doc_id IN (SELECT value FROM json_each(?))",
            (ids_json,),
        )
        out = {}
        for r in rows:
            out[r[0]] = Document(
                doc_id=r[0],
                path=r[1],
                title=r[2],
                language=r[3],
                year=r[4],
                file_type=r[5],
                n_pages=r[6],
                content_hash=r[7],
                added_at=r[8],
                updated_at=r[9],
                curated=frozenset(json.loads(r[10])),
                n_chunks=r[11],
                metadata=metadata.get(r[0], {}),
            )
        return out

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """doc_id → title, without the rest of each document."""
        rows = self.db.execute(
            "SELECT doc_id, title FROM documents WHERE doc_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(doc_ids)),),
        )
        return dict(rows.fetchall())

    def chunks(self, chunk_ids: Sequence[int]) -> dict[int, tuple[str, str, int | None, int]]:
        """chunk_id → (doc_id, text, page, order)."""
        rows = self.db.execute(
            "SELECT chunk_id, doc_id, text, page, ord FROM chunks"
            " WHERE chunk_id IN (SELECT value FROM json_each(?))",
            (json.dumps([int(i) for i in chunk_ids]),),
        )
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def first_chunks(self, doc_ids: Sequence[str]) -> dict[str, tuple[int, str, int | None]]:
        """doc_id → (chunk_id, text, page) of each document's opening passage."""
        rows = self.db.execute(
            "SELECT doc_id, chunk_id, text, page FROM chunks WHERE ord = 0"
            " AND doc_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(doc_ids)),),
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def stored_document(self, doc_id: str) -> tuple[NewDocument, np.ndarray] | None:
        """A document exactly as it was put, with its passage vectors (to copy an index)."""
        db = self.db
        row = db.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        chunks = db.execute(
            'SELECT ord, page, start, "end", language, text, vector FROM chunks WHERE doc_id = ? ORDER BY ord',
            (doc_id,),
        ).fetchall()
        facets = db.execute(
            "SELECT field, value, source FROM facets WHERE doc_id = ? ORDER BY rowid", (doc_id,)
        )
        vectors = np.array([np.frombuffer(c[6], dtype=np.float32) for c in chunks], dtype=np.float32)
        return NewDocument.from_rows(row, [c[:6] for c in chunks], facets.fetchall()), vectors

    def passages(self, doc_id: str) -> list[tuple[int, str, int | None]]:
        """(chunk_id, text, page) of a document, in order, without the overlap between passages."""
        rows = self.db.execute(
            'SELECT chunk_id, text, page, start, "end" FROM chunks WHERE doc_id = ? ORDER BY ord', (doc_id,)
        ).fetchall()
        out, shown_until = [], 0
        for chunk_id, text, page, start, end in rows:
            skip = max(0, shown_until - start)
            out.append((chunk_id, text[skip:].lstrip(), page))
            shown_until = max(shown_until, end)
        return out

    def chunk_id_set(self) -> np.ndarray:
        return np.fromiter((r[0] for r in self.db.execute("SELECT chunk_id FROM chunks")), dtype=np.int64)

    def chunk_vectors(self) -> Iterator[ChunkVector]:
        """Every passage's vector with its owner and language, in id order: the one full scan."""
        rows = self.db.execute("SELECT chunk_id, doc_id, language, vector FROM chunks ORDER BY chunk_id")
        for chunk_id, doc_id, language, blob in rows:
            yield ChunkVector(chunk_id, doc_id, language, np.frombuffer(blob, dtype=np.float32))

    def all_vectors(self, dimension: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(chunk ids, vectors, languages) of the whole collection, to rebuild the FAISS copy."""
        with self.snapshot():  # the count and the rows from one state
            n = self.count_passages()
            ids, matrix, languages = np.empty(n, np.int64), np.empty((n, dimension), np.float32), []
            for i, row in enumerate(self.chunk_vectors()):  # filled in place: one copy, not two
                ids[i], matrix[i] = row.chunk_id, row.vector
                languages.append(row.language)
        return ids, matrix, languages

    def facet_counts(
        self, doc_ids: Sequence[str], fields: Sequence[str] = FACET_FIELDS
    ) -> dict[str, list[FacetCount]]:
        """Per field, how many of these documents hold each value (most frequent first).

        A result set is read document by document (CROSS JOIN fixes that order: SQLite would
        otherwise scan every value of the fields, 250 ms at a million passages for a handful
        of documents); a tenth of the collection or more is cheaper read field by field.
        """
        if len(doc_ids) <= FACETS_BY_DOCUMENT_SHARE * self._document_count():
            documents = "(SELECT DISTINCT value AS doc_id FROM json_each(?)) AS j CROSS JOIN facets f USING (doc_id) WHERE"
        else:
            documents = "facets f WHERE f.doc_id IN (SELECT value FROM json_each(?)) AND"
        rows = self.db.execute(
            f"SELECT f.field, f.value, COUNT(DISTINCT f.doc_id) AS n FROM {documents}"
            " f.field IN (SELECT value FROM json_each(?)) GROUP BY f.field, f.value ORDER BY f.field, n DESC, f.value",
            (json.dumps(list(doc_ids)), json.dumps(list(fields))),
        )
        counts: dict[str, list[FacetCount]] = {field: [] for field in fields}
        for field, value, n in rows:
            counts.setdefault(field, []).append(FacetCount(field, value, n))
        return counts

    def _document_count(self) -> int:
        key = (self.generation(), "documents")
        return self._remembered.get(
            key, lambda: self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        )

    def counts(self) -> dict[str, int]:
        db = self.db
        return {
            "documents": db.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
            "chunks": db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0],
        }

    def all_doc_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM documents ORDER BY doc_id")]
