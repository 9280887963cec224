"""The PostgreSQL store's logs (ingest outcomes, searches that found nothing) and proposed
facet values, as in the embedded catalogue (:mod:`kb.catalogue_logs`, :mod:`kb.catalogue_proposals`)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import psycopg

from kb.catalogue_logs import utc_now
from kb.text import MAX_DETAIL_CHARS


class Logs:
    """Mixed into :class:`kb.postgres_store.PostgresStore`."""

    db: psycopg.Connection
    transaction: Callable[[], AbstractContextManager[psycopg.Connection]]

    def log_ingest(self, path: str, status: str, reason: str = "", detail: str = "") -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO ingest_log (at, path, status, reason, detail) VALUES (%s,%s,%s,%s,%s)",
                (utc_now(), path, status, reason, detail),
            )

    def log_search_miss(self, query: str, filters: str) -> None:
        """Remembered on the primary; a search served by a read-only replica records nothing."""
        try:
            self.db.execute(
                "INSERT INTO search_misses (day, query, filters) VALUES (%s,%s,%s)",
                (utc_now()[:10], query[:MAX_DETAIL_CHARS], filters[:MAX_DETAIL_CHARS]),
            )
        except psycopg.errors.ReadOnlySqlTransaction:
            pass

    def proposed_values(self, field: str) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT value, COUNT(DISTINCT doc_id) AS n FROM facets WHERE field = %s AND source = 'proposed'"
            " GROUP BY value ORDER BY n DESC, value",
            (field,),
        )
        return dict(rows.fetchall())

    def confirm_value(self, field: str, value: str) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE facets SET source = 'extracted' WHERE field = %s AND value = %s AND source = 'proposed'",
                (field, value),
            )
            return cursor.rowcount

    def ingest_log(self, limit: int = 200) -> list[dict[str, str]]:
        rows = self.db.execute(
            "SELECT at, path, status, reason, detail FROM ingest_log ORDER BY id DESC LIMIT %s", (limit,)
        )
        keys = ("at", "path", "status", "reason", "detail")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def search_misses(self, limit: int = 100) -> list[dict[str, object]]:
        rows = self.db.execute(
            "SELECT query, filters, COUNT(*) AS n, MAX(day) FROM search_misses"
            " GROUP BY query, filters ORDER BY n DESC, MAX(day) DESC LIMIT %s",
            (limit,),
        )
        return [{"query": q, "filters": f, "count": n, "last": d} for q, f, n, d in rows]
