"""The catalogue's two logs: what ingest did to each file, and searches that found nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from kb.text import MAX_DETAIL_CHARS


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Logs:
    """Mixed into :class:`kb.catalogue.Catalogue`, whose connection and transactions it uses."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def log_ingest(self, path: str, status: str, reason: str = "", detail: str = "") -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO ingest_log (at, path, status, reason, detail) VALUES (?,?,?,?,?)",
                (utc_now(), path, status, reason, detail),
            )

    def log_search_miss(self, query: str, filters: str) -> None:
        """Remember a search that found nothing: the text, the filters and the day, nothing else.

        Written outside ``transaction()`` so it does not bump the generation (readers
        would reload vectors for nothing).
        """
        self.db.execute(
            "INSERT INTO search_misses (day, query, filters) VALUES (?,?,?)",
            (utc_now()[:10], query[:MAX_DETAIL_CHARS], filters[:MAX_DETAIL_CHARS]),
        )

    def search_misses(self, limit: int = 100) -> list[dict[str, object]]:
        """Searches that found nothing, most frequent first: a curator's to-do list."""
        rows = self.db.execute(
            "SELECT query, filters, COUNT(*) AS n, MAX(day) FROM search_misses"
            " GROUP BY query, filters ORDER BY n DESC, MAX(day) DESC LIMIT ?",
            (limit,),
        )
        return [{"query": q, "filters": f, "count": n, "last": d} for q, f, n, d in rows]

    def ingest_log(self, limit: int = 200) -> list[dict[str, str]]:
        rows = self.db.execute(
            "SELECT at, path, status, reason, detail FROM ingest_log ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        keys = ("at", "path", "status", "reason", "detail")
        return [dict(zip(keys, r, strict=True)) for r in rows]
