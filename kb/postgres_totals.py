"""The PostgreSQL store's running totals: per passage language (count and vector sum) and per
document (mean passage vector), kept in the same transaction as each change, as in the
embedded catalogue (:mod:`kb.catalogue_languages`), so nothing sums every vector on open."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import numpy as np
import psycopg

from kb import language_slots

Passages = list[tuple[str, np.ndarray]]


class Totals:
    """Mixed into :class:`kb.postgres_store.PostgresStore`."""

    db: psycopg.Connection
    dimension: int
    stored_dimension: int

    # -- language slots: each passage language's extra dimension of the stored vectors -------

    def language_slots(self) -> list[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'language_slots'").fetchone()
        return json.loads(row[0]) if row else []

    def slots_for(self, languages: Sequence[str]) -> list[str]:
        """The slot list with each new language's slot assigned (inside the writer lock)."""
        slots = self.language_slots()
        assigned = language_slots.assign(slots, languages)
        if assigned != slots:
            self.db.execute(
                "INSERT INTO meta VALUES ('language_slots', %s)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (json.dumps(assigned),),
            )
        return assigned

    def query_with_offsets(self, query: np.ndarray, offsets: Mapping[str, float]) -> np.ndarray:
        return language_slots.query(query, offsets, self.language_slots())

    # -- totals -------------------------------------------------------------------------------

    def add_to_totals(self, db: psycopg.Connection, doc_id: str, passages: Passages) -> None:
        self._change_languages(db, passages, +1)
        if passages:
            mean = np.mean([np.asarray(v, dtype=np.float32) for _, v in passages], axis=0, dtype=np.float64)
            db.execute(
                "INSERT INTO document_vectors VALUES (%s, %s) ON CONFLICT (doc_id) DO UPDATE SET mean = excluded.mean",
                (doc_id, mean.astype(np.float32).tolist()),
            )

    def take_from_totals(self, db: psycopg.Connection, doc_id: str) -> None:
        rows = db.execute("SELECT language, embedding FROM chunks WHERE doc_id = %s", (doc_id,)).fetchall()
        self._change_languages(db, [(lang, v.to_numpy()[: self.dimension]) for lang, v in rows], -1)

    def _change_languages(self, db: psycopg.Connection, passages: Passages, sign: int) -> None:
        change: dict[str, tuple[int, np.ndarray]] = {}
        for language, vector in passages:
            n, total = change.get(language, (0, np.zeros(self.dimension)))
            change[language] = (n + 1, total + np.asarray(vector, dtype=np.float64))
        for language, (n, total) in change.items():
            row = db.execute(
                "SELECT n, total FROM language_stats WHERE language = %s FOR UPDATE", (language,)
            ).fetchone()
            old_n, old_total = (row[0], np.asarray(row[1])) if row else (0, np.zeros(self.dimension))
            if old_n + sign * n <= 0:
                db.execute("DELETE FROM language_stats WHERE language = %s", (language,))
                continue
            db.execute(
                "INSERT INTO language_stats VALUES (%s, %s, %s) ON CONFLICT (language)"
                " DO UPDATE SET n = excluded.n, total = excluded.total",
                (language, old_n + sign * n, (old_total + sign * total).tolist()),
            )

    def language_stats(self) -> dict[str, tuple[int, np.ndarray]]:
        rows = self.db.execute("SELECT language, n, total FROM language_stats ORDER BY language")
        return {lang: (n, np.asarray(total, dtype=np.float64)) for lang, n, total in rows}

    def document_means(self) -> tuple[list[str], np.ndarray]:
        rows = self.db.execute("SELECT doc_id, mean FROM document_vectors ORDER BY doc_id").fetchall()
        if not rows:
            return [], np.zeros((0, 0), dtype=np.float32)
        return [r[0] for r in rows], np.asarray([r[1] for r in rows], dtype=np.float32)

    def means_of(self, doc_ids: Sequence[str]) -> dict[str, np.ndarray]:
        rows = self.db.execute(
            "SELECT doc_id, mean FROM document_vectors WHERE doc_id = ANY(%s)", (list(doc_ids),)
        )
        return {r[0]: np.asarray(r[1], dtype=np.float32) for r in rows}
