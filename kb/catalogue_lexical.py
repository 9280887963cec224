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
        """(chunk id, BM25) best first, columns weighted (title, body, names); filters by JOIN."""
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

    def indexed_text(self, doc_ids: Sequence[str]) -> dict[str, list[tuple[str, str, str]]]:
        """doc_id → (title, body, names) of each passage as the lexical index holds it (stems)."""
        rows = self.db.execute(
            "SELECT c.doc_id, f.title, f.body, f.names FROM chunks c JOIN chunks_fts f ON f.rowid = c.chunk_id"
            " WHERE c.doc_id IN (SELECT value FROM json_each(?)) ORDER BY c.doc_id, c.ord",
            (json.dumps(list(doc_ids)),),
        )
        out: dict[str, list[tuple[str, str, str]]] = {}
        for doc_id, title, body, names in rows:
            out.setdefault(doc_id, []).append((title, body, names))
        return out

    def lexical_ids(self) -> np.ndarray:
        """Passage ids the lexical index holds (they must be the catalogue's)."""
        rows = self.db.execute("SELECT rowid FROM chunks_fts")
        return np.fromiter((r[0] for r in rows), dtype=np.int64)
