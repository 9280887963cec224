"""The PostgreSQL store: the whole collection in one database that many processes share.

Documents, passages, facets and logs are tables; vectors a pgvector column under HNSW
(:mod:`kb.postgres_retrieval`); words stripped ``tsvector`` columns under GIN (:mod:`kb.postgres_lexical`). Every write is one transaction and a
write block holds a session advisory lock, so two ingests never interleave; the generation in
``meta`` grows with every committed change, which is how readers notice one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

import numpy as np
import psycopg
from pgvector.psycopg import register_vector

from kb import language_slots
from kb.config import redacted
from kb.connections import PerThread
from kb.errors import IndexLocked, KbError
from kb.facets import FACET_FIELDS
from kb.models import ChunkVector, Document, FacetCount, NewDocument
from kb.postgres_lexical import Lexical
from kb.postgres_logs import Logs
from kb.postgres_retrieval import Retrieval, filter_clause
from kb.postgres_schema import WRITER_LOCK, migrate
from kb.postgres_totals import Totals

DOCUMENT_COLUMNS = (
    "path, title, language, year, file_type, n_pages, content_hash, curated, added_at, updated_at"
)


class PostgresStore(Retrieval, Lexical, Totals, Logs):
    """:class:`kb.store.Store` over a PostgreSQL database with pgvector; safe to share between
    threads (one connection each)."""

    def __init__(self, url: str, dimension: int) -> None:
        self.url = url
        self.dimension = dimension
        self.stored_dimension = dimension + language_slots.LANGUAGE_SLOTS
        self._connections = PerThread(self._connect, lambda conn: not conn.closed)
        self._writing = False
        try:
            with psycopg.connect(
                url, autocommit=True
            ) as conn:  # before any connection looks up the vector type
                migrate(conn, self.stored_dimension)
        except psycopg.Error as error:
            raise KbError(f"cannot open the database {redacted(url)}: {error}") from None
        self._generation = self.generation()

    @property
    def db(self) -> psycopg.Connection:
        return self._connections.get()

    def _connect(self) -> psycopg.Connection:
        conn = psycopg.connect(self.url, autocommit=True)
        register_vector(conn)
        return conn

    def close(self) -> None:
        self._connections.close()

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        """One write transaction; bumps the generation readers poll to notice changes."""
        db = self.db
        with db.transaction():
            yield db
            db.execute("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'generation'")

    # -- life cycle ------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[PostgresStore]:
        """Hold the writer lock (a session advisory lock: it goes with a dead process)."""
        db = self.db
        if not db.execute("SELECT pg_try_advisory_lock(%s)", (WRITER_LOCK,)).fetchone()[0]:
            raise IndexLocked(
                f"another process is writing to {redacted(self.url)}; try again when it is done"
            )
        self._writing = True
        try:
            yield self
        finally:
            self._writing = False
            db.execute("SELECT pg_advisory_unlock(%s)", (WRITER_LOCK,))
            self._generation = self.generation()

    def refresh(self) -> str:
        generation = self.generation()
        if generation == self._generation:
            return "unchanged"
        self._generation = generation
        return "changed"

    def generation(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])

    def verify(self) -> list[str]:
        problems = []
        recount = dict(self.db.execute("SELECT language, COUNT(*) FROM chunks GROUP BY language").fetchall())
        kept = {language: n for language, (n, _) in self.language_stats().items()}
        if recount != kept:
            problems.append(f"language totals: {kept} kept, {recount} counted")
        docs, means = self.db.execute(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM document_vectors)"
        ).fetchone()
        if docs != means:
            problems.append("document vectors: not one per document")
        return problems

    def vector_index(self) -> dict[str, object]:
        return {"kind": "pgvector HNSW (inner product)", "m": 16, "ef_construction": 64}

    def write_manifest(self, data: dict[str, object]) -> None:
        """How the index was built, kept in the database (a folder keeps it in manifest.json)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO meta VALUES ('manifest', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (json.dumps(data),),
            )

    def _require_lock(self) -> None:
        if not self._writing:
            raise RuntimeError("writes need `with kb.writing():`")

    # -- writes ------------------------------------------------------------------------

    def upsert(self, doc_id: str, doc: NewDocument, vectors: np.ndarray) -> None:
        self._require_lock()
        languages = [p.language for p in doc.passages]
        stored_vectors = language_slots.stored(vectors, languages, self.slots_for(languages), self.dimension)
        with self.transaction() as db:
            row = db.execute("SELECT added_at FROM documents WHERE doc_id = %s", (doc_id,)).fetchone()
            self._delete_rows(db, doc_id)
            db.execute(
                "INSERT INTO documents VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                doc.document_row(doc_id, row[0] if row else None),
            )
            with db.cursor() as cur:
                cur.executemany(
                    "INSERT INTO facets (doc_id, field, value, source) VALUES (%s,%s,%s,%s)"
                    " ON CONFLICT DO NOTHING",
                    [(doc_id, *row) for row in doc.stored_facets()],
                )
                cur.executemany(
                    'INSERT INTO chunks (doc_id, ord, page, start, "end", language, text, embedding)'
                    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s) RETURNING chunk_id",
                    [
                        (doc_id, p.order, p.page, p.start, p.end, p.language, p.text, stored)
                        for p, stored in zip(doc.passages, stored_vectors, strict=True)
                    ],
                    returning=True,
                )
                chunk_ids = [result.fetchone()[0] for result in cur.results()] if doc.passages else []
            self.add_terms(db, doc_id, doc, chunk_ids)
            self.add_to_totals(
                db, doc_id, [(p.language, v) for p, v in zip(doc.passages, vectors, strict=True)]
            )

    def delete(self, doc_id: str) -> None:
        self._require_lock()
        with self.transaction() as db:
            self._delete_rows(db, doc_id)

    def _delete_rows(self, db: psycopg.Connection, doc_id: str) -> None:
        self.take_from_totals(db, doc_id)
        self.take_terms(db, doc_id)
        db.execute("DELETE FROM documents WHERE doc_id = %s", (doc_id,))  # chunks and facets cascade

    # -- documents -----------------------------------------------------------------------

    def find_by_path(self, path: str) -> tuple[str, str] | None:
        row = self.db.execute(
            "SELECT doc_id, content_hash FROM documents WHERE path = %s", (path,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def doc_id_taken(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE doc_id = %s", (doc_id,)).fetchone() is not None

    def documents(self, doc_ids: Sequence[str]) -> dict[str, Document]:
        metadata: dict[str, dict[str, list[str]]] = {d: {} for d in doc_ids}
        for doc_id, field, value in self.db.execute(
            "SELECT doc_id, field, value FROM facets WHERE doc_id = ANY(%s) ORDER BY doc_id, field, position",
            (list(doc_ids),),
        ):
            metadata[doc_id].setdefault(field, []).append(value)
        rows = self.db.execute(
            "SELECT d.*, (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.doc_id) FROM documents d"
            " WHERE d.doc_id = ANY(%s)",
            (list(doc_ids),),
        )
        keys = ("doc_id", "path", "title", "language", "year", "file_type", "n_pages", "content_hash")
        return {
            r[0]: Document(
                **dict(zip(keys, r[:8], strict=True)),
                added_at=r[8],
                updated_at=r[9],
                curated=frozenset(json.loads(r[10])),
                n_chunks=r[11],
                metadata=metadata.get(r[0], {}),
            )
            for r in rows
        }

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        rows = self.db.execute("SELECT doc_id, title FROM documents WHERE doc_id = ANY(%s)", (list(doc_ids),))
        return dict(rows.fetchall())

    def all_doc_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM documents ORDER BY doc_id")]

    def filtered_doc_ids(self, filters: Mapping[str, Sequence[str]]) -> list[str]:
        where, params = filter_clause(filters)
        sql = f"SELECT d.doc_id FROM documents d WHERE {where} ORDER BY lower(d.title), d.title"
        return [r[0] for r in self.db.execute(sql, params)]

    def facet_counts(
        self, doc_ids: Sequence[str], fields: Sequence[str] = FACET_FIELDS
    ) -> dict[str, list[FacetCount]]:
        rows = self.db.execute(
            "SELECT field, min(value), COUNT(DISTINCT doc_id) AS n FROM facets"
            " WHERE doc_id = ANY(%s) AND field = ANY(%s)"
            " GROUP BY field, lower(value) ORDER BY field, n DESC, lower(value)",
            (list(doc_ids), list(fields)),
        )
        counts: dict[str, list[FacetCount]] = {field: [] for field in fields}
        for field, value, n in rows:
            counts.setdefault(field, []).append(FacetCount(field, value, n))
        return counts

    def counts(self) -> dict[str, int]:
        row = self.db.execute("SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM chunks)")
        return dict(zip(("documents", "chunks"), row.fetchone(), strict=True))

    # -- passages ------------------------------------------------------------------------

    def chunk_ids_for(self, doc_ids: Sequence[str]) -> np.ndarray:
        rows = self.db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ANY(%s)", (list(doc_ids),))
        return np.array([r[0] for r in rows], dtype=np.int64)

    def chunks(self, chunk_ids: Sequence[int]) -> dict[int, tuple[str, str, int | None, int]]:
        rows = self.db.execute(
            "SELECT chunk_id, doc_id, text, page, ord FROM chunks WHERE chunk_id = ANY(%s)",
            ([int(i) for i in chunk_ids],),
        )
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def first_chunks(self, doc_ids: Sequence[str]) -> dict[str, tuple[int, str, int | None]]:
        rows = self.db.execute(
            "SELECT doc_id, chunk_id, text, page FROM chunks WHERE ord = 0 AND doc_id = ANY(%s)",
            (list(doc_ids),),
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def passages(self, doc_id: str) -> list[tuple[int, str, int | None]]:
        rows = self.db.execute(
            'SELECT chunk_id, text, page, start, "end" FROM chunks WHERE doc_id = %s ORDER BY ord', (doc_id,)
        ).fetchall()
        out, shown_until = [], 0
        for chunk_id, text, page, start, end in rows:
            skip = max(0, shown_until - start)
            out.append((chunk_id, text[skip:].lstrip(), page))
            shown_until = max(shown_until, end)
        return out

    def stored_document(self, doc_id: str) -> tuple[NewDocument, np.ndarray] | None:
        db = self.db
        row = db.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE doc_id = %s", (doc_id,)).fetchone()
        if row is None:
            return None
        chunks = db.execute(
            'SELECT ord, page, start, "end", language, text, embedding FROM chunks WHERE doc_id = %s ORDER BY ord',
            (doc_id,),
        ).fetchall()
        facets = db.execute(
            "SELECT field, value, source FROM facets WHERE doc_id = %s ORDER BY position", (doc_id,)
        )
        vectors = np.array([c[6].to_numpy()[: self.dimension] for c in chunks], dtype=np.float32)
        return NewDocument.from_rows(row, [c[:6] for c in chunks], facets.fetchall()), vectors

    def chunk_vectors(self) -> Iterator[ChunkVector]:
        with self.db.cursor(name="every_vector") as cur, self.db.transaction():  # streamed, not loaded
            cur.execute("SELECT chunk_id, doc_id, language, embedding FROM chunks ORDER BY chunk_id")
            for chunk_id, doc_id, language, stored in cur:
                yield ChunkVector(chunk_id, doc_id, language, stored.to_numpy()[: self.dimension])

    def chunk_owners(self, chunk_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        rows = self.db.execute(
            "SELECT chunk_id, doc_id, language FROM chunks WHERE chunk_id = ANY(%s)",
            ([int(i) for i in chunk_ids],),
        )
        return {r[0]: (r[1], r[2]) for r in rows.fetchall()}
