"""The PostgreSQL store's searches: pgvector for meaning, a ``tsvector`` for words.

Dense: one HNSW search by inner product over the stored vectors (embedding + language
indicator), the query carrying minus each language's centring offset, so the order is the
centred score's, exactly as in the embedded store; a filter goes inside the search (pgvector's
iterative index scan keeps looking until enough allowed passages are found).

Lexical: each query part is a tsquery of its forms (phrases of index tokens, ``<->`` within a
phrase), ORed; ranking is ``ts_rank`` with the title and names weighted twice the body. It
has no IDF (a difference from the embedded store's BM25); the counts and per-candidate matches
the relevance boundary uses are the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import psycopg

from kb.catalogue_lexical import lexical_rows_of
from kb.facets import FACET_FIELDS
from kb.glossary import MAX_TOKEN, Phrase
from kb.models import NewDocument
from kb.store import LEXICAL_FIELDS, names_text

WEIGHT_LABEL = {"title": "A", "names": "B", "body": "D"}
EF_SEARCH = 1000
"""pgvector's largest: queries are far from every passage (a question is not a passage), where
HNSW needs a wide search; on the latency benchmark's 10k passages ef_search 100 found 0.41 of
the exact top ten, 400 found 0.74, 1000 found 0.94 (14 ms, against 25 ms for an exact scan)."""


def lexemes_sql() -> str:
    """The lexical entry of a passage from its title, names and text tokens."""
    return (
        "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"
        " || setweight(to_tsvector('simple', %s), 'D')"
    )


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


def tsquery(parts: Sequence[frozenset[Phrase]], fields: Sequence[str] = LEXICAL_FIELDS) -> str | None:
    """Any form of any part, in ``fields`` only; None when nothing is left to look for.

    The fields share one ``tsvector`` (title A, names B, text D, one after the other), so a
    phrase is asked field by field: its words must be next to each other within one field.
    """
    labels = [WEIGHT_LABEL[f] for f in fields]
    whole = set(fields) == set(LEXICAL_FIELDS)
    forms = []
    for alternatives in parts:
        for phrase in sorted(alternatives):
            tokens = [t for t in phrase if len(t) <= MAX_TOKEN]  # letters and digits: never tsquery syntax
            if len(tokens) == 1:
                forms.append(f"'{tokens[0]}'" + ("" if whole else ":" + "".join(labels)))
            elif tokens:
                forms += ["(" + " <-> ".join(f"'{t}':{label}" for t in tokens) + ")" for label in labels]
    return " | ".join(forms) or None


class Retrieval:
    """Mixed into :class:`kb.postgres_store.PostgresStore` (after :class:`kb.postgres_totals.Totals`,
    whose ``query_with_offsets`` it uses)."""

    db: psycopg.Connection
    dimension: int

    @staticmethod
    def lexeme_texts(doc: NewDocument) -> list[tuple[str, str, str]]:
        """(title, names, text) of each passage as index tokens, as the embedded store makes them."""
        names = names_text((f.field, f.value) for f in doc.facets)
        rows = lexical_rows_of((0, "", doc.title, p.text, names, p.language) for p in doc.passages)
        return [(row.title, row.names, row.body) for row in rows]

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
        where, params = (
            ("WHERE chunk_id = ANY(%s)", [[int(i) for i in allowed_ids]])
            if allowed_ids is not None
            else ("", [])
        )
        db = self.db
        with db.transaction():
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

    def lexical_search(
        self,
        parts: Sequence[frozenset[Phrase]],
        limit: int,
        docs: Sequence[str] | None = None,
        weights: Sequence[float] = (2.0, 1.0, 2.0),
        fields: Sequence[str] = LEXICAL_FIELDS,
    ) -> list[tuple[int, float]]:
        query = tsquery(parts, fields)
        if query is None or limit <= 0 or (docs is not None and not docs):
            return []
        weight = dict(zip(fields, weights, strict=True))
        top = max(weight.values())
        ranks = [weight.get(f, 0.0) / top for f in ("body", "", "names", "title")]  # ts_rank's {D, C, B, A}
        where, params = ("AND doc_id = ANY(%s)", [list(docs)]) if docs is not None else ("", [])
        rows = self.db.execute(
            "SELECT chunk_id, ts_rank(%s::real[], lexemes, q) AS s FROM chunks, to_tsquery('simple', %s) q"
            f" WHERE lexemes @@ q {where} ORDER BY s DESC, chunk_id LIMIT %s",
            [ranks, query, *params, limit],
        )
        return [(int(c), float(s)) for c, s in rows]

    def lexical_count(self, alternatives: frozenset[Phrase]) -> int:
        query = tsquery([alternatives])
        if query is None:
            return 0
        row = self.db.execute(
            "SELECT COUNT(*) FROM chunks WHERE lexemes @@ to_tsquery('simple', %s)", (query,)
        )
        return int(row.fetchone()[0])

    def passages_matching(
        self,
        alternatives: frozenset[Phrase],
        docs: Sequence[str],
        limit: int,
        fields: Sequence[str] = LEXICAL_FIELDS,
    ) -> np.ndarray:
        query = tsquery([alternatives], fields)
        if query is None or not docs or limit <= 0:
            return np.empty(0, np.int64)
        rows = self.db.execute(
            "SELECT chunk_id FROM chunks WHERE doc_id = ANY(%s) AND lexemes @@ to_tsquery('simple', %s)"
            " ORDER BY chunk_id LIMIT %s",
            (list(docs), query, limit),
        )
        return np.array([r[0] for r in rows], dtype=np.int64)

    def passages_of(self, doc_ids: Sequence[str]) -> tuple[np.ndarray, list[str]]:
        rows = self.db.execute(
            "SELECT chunk_id, doc_id FROM chunks WHERE doc_id = ANY(%s) ORDER BY chunk_id", (list(doc_ids),)
        ).fetchall()
        return np.array([r[0] for r in rows], dtype=np.int64), [r[1] for r in rows]
