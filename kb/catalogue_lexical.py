"""The catalogue's lexical index (FTS5 over stemmed title, body and names): BM25 and counts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence

import numpy as np

from kb.catalogue_schema import filter_clause


class LexicalQueries:
    """Mixed into :class:`kb.catalogue.Catalogue`, whose connection it reads through."""

    db: sqlite3.Connection

    def lexical_search(
        self,
        match: str,
        filters: Mapping[str, Sequence[str]],
        limit: int,
        weights: tuple[float, float, float] = (2.0, 1.0, 2.0),
    ) -> list[tuple[int, float]]:
        """(chunk id, BM25) best first, columns weighted (title, body, names); filters by JOIN.

        Without filters the query stays inside FTS5, which ranks and cuts at the limit itself.
        """
        if not any(filters.values()):
            sql = "SELECT rowid, bm25(chunks_fts, ?, ?, ?) AS s FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY s LIMIT ?"
            return [(r[0], -r[1]) for r in self.db.execute(sql, [*weights, match, limit])]
        where, params = filter_clause(filters)
        sql = (
            "SELECT c.chunk_id, bm25(chunks_fts, ?, ?, ?) AS s FROM chunks_fts"
            " JOIN chunks c ON c.chunk_id = chunks_fts.rowid"
            " JOIN documents d ON d.doc_id = c.doc_id"
            f" WHERE chunks_fts MATCH ? AND {where} ORDER BY s LIMIT ?"
        )
        return [(r[0], -r[1]) for r in self.db.execute(sql, [*weights, match, *params, limit])]

    def match_count(self, match: str) -> int:
        """How many passages an FTS5 expression matches (its document frequency)."""
        return int(
            self.db.execute("SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (match,)).fetchone()[
                0
            ]
        )

    def documents_matching(self, match: str, doc_ids: Sequence[str]) -> set[str]:
        """Which of these documents hold an FTS5 expression in some passage (the index does the work)."""
        rows = self.db.execute(
            "SELECT DISTINCT c.doc_id FROM chunks_fts JOIN chunks c ON c.chunk_id = chunks_fts.rowid"
            " WHERE chunks_fts MATCH ? AND c.doc_id IN (SELECT value FROM json_each(?))",
            (match, json.dumps(list(doc_ids))),
        )
        return {r[0] for r in rows}

    def lexical_ids(self) -> np.ndarray:
        """Passage ids the lexical index holds (they must be the catalogue's)."""
        rows = self.db.execute("SELECT rowid FROM chunks_fts")
        return np.fromiter((r[0] for r in rows), dtype=np.int64)
