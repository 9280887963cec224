"""Running totals kept as documents come and go: per passage language (count and vector sum)
and per document (its mean passage vector).

Language centring needs each passage language's mean vector, the lexical weight the share of
the collection in a language, and "similar practices" each document's mean vector. Summing
every passage vector for them costs a full scan (seconds at a million passages); these
totals make opening and the first Practice page independent of the number of passages.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

import numpy as np

LANGUAGE_TABLE = """CREATE TABLE IF NOT EXISTS language_stats (
    language TEXT PRIMARY KEY,
    n        INTEGER NOT NULL,
    total    BLOB NOT NULL
);"""


DOCUMENT_TABLE = """CREATE TABLE IF NOT EXISTS document_vectors (
    doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    mean   BLOB NOT NULL
);"""


Passages = list[tuple[str, np.ndarray]]
"""(language, vector) of each passage of one document."""


def stored_passages(db: sqlite3.Connection, doc_id: str) -> Passages:
    """A document's passages as the catalogue holds them (read once per change)."""
    rows = db.execute("SELECT language, vector FROM chunks WHERE doc_id = ?", (doc_id,)).fetchall()
    return [(language, np.frombuffer(blob, dtype=np.float32)) for language, blob in rows]


def add_to_totals(db: sqlite3.Connection, doc_id: str, passages: Passages) -> None:
    """Count a document's passages in its languages' totals and keep its mean vector."""
    _change_languages(db, passages, +1)
    if passages:
        mean = np.mean([np.asarray(v, dtype=np.float32) for _, v in passages], axis=0, dtype=np.float64)
        db.execute(
            "INSERT OR REPLACE INTO document_vectors VALUES (?,?)",
            (doc_id, mean.astype(np.float32).tobytes()),
        )


def take_from_totals(db: sqlite3.Connection, doc_id: str) -> None:
    """Before a document's passages are deleted: take them out of their languages' totals
    (its mean vector goes with the document row)."""
    _change_languages(db, stored_passages(db, doc_id), -1)


def _change_languages(db: sqlite3.Connection, passages: Passages, sign: int) -> None:
    change: dict[str, tuple[int, np.ndarray]] = {}
    for language, vector in passages:
        n, total = change.get(language, (0, 0.0))
        change[language] = (n + 1, total + np.asarray(vector, dtype=np.float32).astype(np.float64))
    for language, (n, total) in change.items():
        row = db.execute("SELECT n, total FROM language_stats WHERE language = ?", (language,)).fetchone()
        old_n, old_total = (row[0], np.frombuffer(row[1], dtype=np.float64)) if row else (0, 0.0)
        new_n = old_n + sign * n
        if new_n <= 0:
            db.execute("DELETE FROM language_stats WHERE language = ?", (language,))
        else:
            new_total = np.asarray(old_total + sign * total, dtype=np.float64)
            db.execute(
                "INSERT OR REPLACE INTO language_stats VALUES (?,?,?)", (language, new_n, new_total.tobytes())
            )


def recount_languages(db: sqlite3.Connection) -> None:
    """The running totals from scratch (a migration, or a repair): one scan of every vector."""
    db.execute("DELETE FROM language_stats")
    for (doc_id,) in db.execute("SELECT doc_id FROM documents").fetchall():
        add_to_totals(db, doc_id, stored_passages(db, doc_id))


class LanguageStats:
    """Mixed into :class:`kb.catalogue.Catalogue`, whose connection it reads through."""

    db: sqlite3.Connection

    def language_stats(self) -> dict[str, tuple[int, np.ndarray]]:
        """Passage language → (passages, sum of their vectors)."""
        rows = self.db.execute("SELECT language, n, total FROM language_stats ORDER BY language")
        return {lang: (n, np.frombuffer(total, dtype=np.float64)) for lang, n, total in rows}

    def language_slots(self) -> list[str]:
        """Passage languages in the order they were first stored (the vectors' extra dimensions)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'language_slots'").fetchone()
        return json.loads(row[0]) if row else []

    def add_language_slot(self, language: str) -> list[str]:
        slots = [*self.language_slots(), language]
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('language_slots', ?)", (json.dumps(slots),))
        return slots

    def document_means(self) -> tuple[list[str], np.ndarray]:
        """(doc ids, mean passage vectors) of every document, in id order."""
        rows = self.db.execute("SELECT doc_id, mean FROM document_vectors ORDER BY doc_id").fetchall()
        if not rows:
            return [], np.zeros((0, 0), dtype=np.float32)
        return [r[0] for r in rows], np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])

    def means_of(self, doc_ids: Sequence[str]) -> dict[str, np.ndarray]:
        rows = self.db.execute(
            "SELECT doc_id, mean FROM document_vectors WHERE doc_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(doc_ids)),),
        )
        return {r[0]: np.frombuffer(r[1], dtype=np.float32) for r in rows}

    def chunk_owners(self, chunk_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """The document and the passage language of each of these chunks."""
        rows = self.db.execute(
            "SELECT chunk_id, doc_id, language FROM chunks INDEXED BY chunks_owner"
            " WHERE chunk_id IN (SELECT value FROM json_each(?))",
            (json.dumps([int(i) for i in chunk_ids]),),
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    def vectors_of(self, chunk_ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(ids, float32 vectors, languages) of these chunks, as stored (for exact rescoring)."""
        marks = ",".join("?" * len(chunk_ids))
        rows = self.db.execute(
            f"SELECT chunk_id, vector, language FROM chunks WHERE chunk_id IN ({marks})", list(chunk_ids)
        ).fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
        return ids, matrix, [r[2] for r in rows]
