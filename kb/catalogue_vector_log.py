"""Which passages came and went since a point in time: how readers and reopenings catch up
with the FAISS copy without reading the whole file again.

Triggers on ``chunks`` append to ``vector_log`` in the same transaction as the change itself,
so the log cannot disagree with the catalogue. The FAISS file records the last entry it holds
(a checkpoint); entries up to a checkpoint are forgotten once it is on disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

VECTOR_LOG_STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS vector_log (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    chunk_id INTEGER NOT NULL,
    added    INTEGER NOT NULL
)""",
    """CREATE TRIGGER IF NOT EXISTS chunks_logged_in AFTER INSERT ON chunks
BEGIN INSERT INTO vector_log (chunk_id, added) VALUES (new.chunk_id, 1); END""",
    """CREATE TRIGGER IF NOT EXISTS chunks_logged_out AFTER DELETE ON chunks
BEGIN INSERT INTO vector_log (chunk_id, added) VALUES (old.chunk_id, 0); END""",
)
VECTOR_LOG = ";\n".join(VECTOR_LOG_STATEMENTS) + ";"


class VectorLog:
    """Mixed into :class:`kb.catalogue.Catalogue`, whose connection it reads through."""

    db: sqlite3.Connection

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads from one state of the database (inside a transaction, that one's)."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def count_passages(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def last_vector_change(self) -> int:
        """The number of the latest change ever logged (it survives forgetting)."""
        row = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'vector_log'").fetchone()
        return int(row[0]) if row else 0

    def vector_changes(self, after: int) -> tuple[int, list[int], list[int]] | None:
        """(latest change, passages to add, passages to remove) since change ``after``, net of
        each other (a passage added and removed again meanwhile is in neither list); None when
        some of those changes were already forgotten (the caller reloads the FAISS file).

        Numbers have no gaps (AUTOINCREMENT, and a rolled-back change takes its number back),
        so a first remaining entry beyond ``after + 1`` means forgotten entries.
        """
        with self.snapshot():  # one state: a checkpoint may forget entries meanwhile
            rows = self.db.execute(
                "SELECT seq, chunk_id, added FROM vector_log WHERE seq > ? ORDER BY seq", (after,)
            ).fetchall()
            latest = self.last_vector_change()
        if (rows[0][0] if rows else latest) != (after + 1 if rows else after):
            return None
        net = {chunk_id: bool(added) for _, chunk_id, added in rows}
        return latest, [i for i, a in net.items() if a], [i for i, a in net.items() if not a]

    def forget_vector_changes(self, up_to: int) -> None:
        """Drop the entries a checkpoint on disk already holds (not a change of the collection:
        the generation stays)."""
        self.db.execute("DELETE FROM vector_log WHERE seq <= ?", (up_to,))
