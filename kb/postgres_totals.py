"""The PostgreSQL store's running totals: per passage language (count and vector sum) and per
document (mean passage vector), kept in the same transaction as each change, as in the
embedded catalogue (:mod:`kb.catalogue_languages`), so nothing sums every vector on open."""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import psycopg

from kb.models import NewDocument

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

    def slots_for(self, languages: Sequence[str]) -> dict[str, int]:
        """Each language's slot, assigned on first sight (inside the writer lock)."""
        slots, extra = self.language_slots(), self.stored_dimension - self.dimension
        for language in dict.fromkeys(languages):
            if language not in slots and len(slots) < extra:
                slots.append(language)
                self.db.execute(
                    "INSERT INTO meta VALUES ('language_slots', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (json.dumps(slots),),
                )
        return {lang: slots.index(lang) if lang in slots else extra - 1 for lang in set(languages)}

    def with_languages(
        self, vectors: np.ndarray, slots: dict[str, int], doc: NewDocument
    ) -> list[np.ndarray]:
        out = []
        for passage, vector in zip(doc.passages, vectors, strict=True):
            indicator = np.zeros(self.stored_dimension - self.dimension, dtype=np.float32)
            indicator[slots[passage.language]] = 1.0
            out.append(np.concatenate([np.asarray(vector, dtype=np.float32), indicator]))
        return out

    def query_with_offsets(self, query: np.ndarray, offsets: dict[str, float] | None) -> np.ndarray:
        """The query followed by minus each language's centring offset in its slot."""
        slots = self.language_slots()
        extra = np.zeros(self.stored_dimension - self.dimension, dtype=np.float32)
        for language, offset in (offsets or {}).items():
            if language in slots:
                extra[slots.index(language)] = -offset
        return np.concatenate([np.ravel(query).astype(np.float32), extra])

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
