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

    def passages_matching(self, match: str) -> np.ndarray:
        """Ids of every passage an FTS5 expression matches, ascending.

        Only ids leave the index: joining each match to its document inside SQLite cost
        ten times more at 100k passages than checking the candidates' ids here.
        """
        rows = self.db.execute("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ?", (match,))
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64)
        return ids if np.all(ids[:-1] <= ids[1:]) else np.sort(ids)

    def passages_of(self, doc_ids: Sequence[str]) -> tuple[np.ndarray, list[str]]:
        """These documents' passage ids, ascending, and the document of each (for coverage)."""
        rows = self.db.execute(
            "SELECT chunk_id, doc_id FROM chunks WHERE doc_id IN (SELECT value FROM json_each(?))"
            " ORDER BY chunk_id",
            (json.dumps(list(doc_ids)),),
        ).fetchall()
        return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)), [r[1] for r in rows]

    def lexical_ids(self) -> np.ndarray:
        """Passage ids the lexical index holds (they must be the catalogue's)."""
        rows = self.db.execute("SELECT rowid FROM chunks_fts")
        return np.fromiter((r[0] for r in rows), dtype=np.int64)
