"""SQL for the PostgreSQL store's word ranking (:meth:`kb.postgres_lexical.Lexical.lexical_search`):
which passages to score, and what each query part adds to a passage's score.

A part is its tsquery and IDF; a field's weight multiplies the IDF of a part it holds (BM25 with
every term frequency one). Nothing here reads a tsvector except :func:`scores_sql`, on passages
already found.
"""

from __future__ import annotations

from collections.abc import Sequence


def within(docs: Sequence[str] | None) -> tuple[str, list[object]]:
    """The condition (and its parameter) keeping a document filter's passages; none without one."""
    return (" AND doc_id = ANY(%s)", [list(docs)]) if docs is not None else ("", [])


def found_sql(
    parts: Sequence[tuple[str, bool]], fields: Sequence[str], docs: Sequence[str] | None, sample: int
) -> tuple[str, list[object]]:
    """SQL of the passages holding any of these (tsquery, common) parts in ``fields``: every one
    holding a rare part, at most ``sample`` holding each common one (the rest would tie)."""
    held = " OR ".join(f"{field} @@ %s::tsquery" for field in fields)
    among, among_params = within(docs)
    selects, params = [], []
    for query, common in parts:
        selects.append(
            f"(SELECT chunk_id FROM passage_terms WHERE ({held}){among}{' LIMIT %s' if common else ''})"
        )
        params += [*[query] * len(fields), *among_params, *([sample] if common else [])]
    return " UNION ".join(selects), params


def summed_sql(
    parts: Sequence[tuple[str, float]], weight: Sequence[tuple[str, float]], docs: Sequence[str] | None
) -> tuple[str, list[object]]:
    """SQL of the passages holding any of these (tsquery, IDF) parts, with the sum of IDF times
    field weight of what each holds, added up from the GIN matches alone."""
    among, among_params = within(docs)
    selects, params = [], []
    for query, idf in parts:
        for field, w in weight:
            selects.append(
                f"SELECT chunk_id, %s::real AS w FROM passage_terms WHERE {field} @@ %s::tsquery{among}"
            )
            params += [idf * w, query, *among_params]
    return f"SELECT chunk_id, SUM(w) AS s FROM ({' UNION ALL '.join(selects)}) m GROUP BY chunk_id", params


def scores_sql(
    parts: Sequence[tuple[str, float]], weight: Sequence[tuple[str, float]]
) -> tuple[str, list[object]]:
    """An SQL sum of what these (tsquery, IDF) parts add to a passage ``p`` holding them."""
    terms = " + ".join(
        f"CASE WHEN p.{field} @@ %s::tsquery THEN %s ELSE 0 END" for _ in parts for field, _ in weight
    )
    return terms, [x for query, idf in parts for _, w in weight for x in (query, idf * w)]
