"""The PostgreSQL store's search by meaning (pgvector) and its document filters.

Dense: one HNSW search by inner product over the stored vectors (embedding + language
indicator), the query carrying minus each language's centring offset, so the order is the
centred score's, exactly as in the embedded store; a filter goes inside the search (pgvector's
iterative index scan keeps looking until enough allowed passages are found).
Words are searched in :mod:`kb.postgres_lexical`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import psycopg

from kb.facets import FACET_FIELDS

EF_SEARCH = 400
"""HNSW's candidate list. Queries are far from every passage (a question is not a passage), where
HNSW needs a wide search: on the latency benchmark's 10k passages ef_search 100 found 0.41 of
the exact top ten, 400 found 0.74, 1000 found 0.94; at 100k its synthetic passages tie so closely
(the top 300 within 0.01 of each other) that every setting from 100 to 1000 found 0.30–0.35 of
the exact top ten, with scores within 0.003 of the exact ones, in 12 ms (400) against 23 ms."""


EXACT_BELOW = 10_000
"""A collection or a filter of this few passages is searched exactly (every vector compared, about
2 µs each): no recall lost, and faster than an HNSW scan skipping what a filter leaves out."""


def filter_clause(filters: Mapping[str, Sequence[str]], alias: str = "d") -> tuple[str, list[object]]:
    """SQL that keeps documents matching every field (AND) and any value within one (OR)."""
    parts: list[str] = []
    params: list[object] = []
    for field in FACET_FIELDS:
        values = [v.lower() for v in filters.get(field, ())]
        if values:
            parts.append(
                f"EXISTS (SELECT 1 FROM facets f WHERE f.doc_id = {alias}.doc_id"
                " AND f.field = %s AND lower(f.value) = ANY(%s))"
            )
            params += [field, values]
    return (" AND ".join(parts) or "TRUE"), params


class Retrieval:
    """Mixed into :class:`kb.postgres_store.PostgresStore` (after :class:`kb.postgres_totals.Totals`,
    whose ``query_with_offsets`` it uses)."""

    db: psycopg.Connection
    dimension: int

    def find_by_hash(self, content_hash: str) -> list[tuple[str, str]]:
        """(doc_id, path) of the documents stored with this content hash (a copy's twins)."""
        rows = self.db.execute("SELECT doc_id, path FROM documents WHERE content_hash = %s", (content_hash,))
        return [(doc_id, path) for doc_id, path in rows]

    def dense_search(
        self,
        query: np.ndarray,
        k: int,
        allowed_ids: np.ndarray | None = None,
        offsets: Mapping[str, float] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        if k <= 0 or (allowed_ids is not None and len(allowed_ids) == 0):
            return np.empty(0, np.int64), np.empty(0, np.float32)
        full = self.query_with_offsets(query, dict(offsets or {}))  # type: ignore[attr-defined]
        where = "WHERE chunk_id = ANY(%s)" if allowed_ids is not None else ""
        params = [[int(i) for i in allowed_ids]] if allowed_ids is not None else []
        searched = len(allowed_ids) if allowed_ids is not None else self._passages()  # type: ignore[attr-defined]
        db = self.db
        with db.transaction():
            if searched <= EXACT_BELOW:
                rows = db.execute(
                    "SELECT chunk_id, score FROM (SELECT chunk_id, -(embedding <#> %s) AS score FROM chunks"
                    f" {where} OFFSET 0) searched ORDER BY score DESC LIMIT %s",
                    [full, *params, k],
                ).fetchall()
            else:
                db.execute("SET LOCAL enable_seqscan = off")  # after ANALYZE the planner prefers a scan
                db.execute(f"SET LOCAL hnsw.ef_search = {EF_SEARCH}")
                db.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
                rows = db.execute(
                    f"SELECT chunk_id, -(embedding <#> %s) AS score FROM chunks {where}"
                    " ORDER BY embedding <#> %s LIMIT %s",
                    [full, *params, full, k],
                ).fetchall()
        rows.sort(key=lambda r: (-r[1], r[0]))  # an iterative scan may return near ties out of order
        return np.array([r[0] for r in rows], dtype=np.int64), np.array(
            [r[1] for r in rows], dtype=np.float32
        )
