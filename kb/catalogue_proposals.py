"""Facet values extraction proposed (programme names the registry lacked) and their confirmation."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

PROPOSED = "proposed"


class Proposals:
    """Mixed into :class:`kb.catalogue.Catalogue`, whose connection and transactions it uses."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def proposed_values(self, field: str) -> dict[str, int]:
        """Proposed values of a field → how many documents hold each, most common first."""
        rows = self.db.execute(
            "SELECT value, COUNT(DISTINCT doc_id) AS n FROM facets WHERE field = ? AND source = ?"
            " GROUP BY value ORDER BY n DESC, value",
            (field, PROPOSED),
        )
        return {value: n for value, n in rows}

    def confirm_value(self, field: str, value: str) -> int:
        """A proposed value becomes an ordinary extracted one in every document; how many changed."""
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE facets SET source = 'extracted' WHERE field = ? AND value = ? AND source = ?",
                (field, value, PROPOSED),
            )
            return cursor.rowcount
