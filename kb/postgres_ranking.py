"""SQL for the PostgreSQL store's word ranking (:meth:`kb.postgres_lexical.Lexical.lexical_search`):
which passages to score, and what each query part adds to a passage's score.

A part is its tsquery and IDF; a field's weight multiplies the IDF of a part it holds (BM25 with
every term frequency one). Nothing here reads a tsvector except :func:`scores_sql`, on passages
already found.
"""

from __future__ import annotations

from collections.abc import Sequence

from kb.store import HEADING_FIELDS


def within(docs: Sequence[str] | None) -> tuple[str, list[object]]:
    """The condition (and its parameter) keeping a document filter's passages; none without one."""
    return (" AND doc_id = ANY(%s)", [list(docs)]) if docs is not None else ("", [])


def found_sql(
    parts: Sequence[tuple[str, bool]], fields: Sequence[str], docs: Sequence[str] | None, sample: int
) -> tuple[str, list[object]]:
    """SQL of the passages worth scoring for these (tsquery, common) parts in ``fields``, rarest
    first: every one holding a rare part; of each common part, at most ``sample`` holding it
    anywhere and as many in a title or names (those score most, the rest would tie). When every
    part is common, ``sample`` holding them all and ``sample`` holding the rarest stand for the
    parts' samples (a common word's posting list is read whole, so each read costs)."""
    among, among_params = within(docs)
    selects: list[str] = []
    params: list[object] = []

    def add(condition: str, condition_params: list[object], limit: bool) -> None:
        selects.append(
            f"(SELECT chunk_id FROM passage_terms WHERE ({condition}){among}{' LIMIT %s' if limit else ''})"
        )
        params.extend([*condition_params, *among_params, *([sample] if limit else [])])

    heading = [f for f in fields if f in HEADING_FIELDS]
    heading = heading if len(heading) < len(fields) else []  # a search of the headings alone has no more
    all_common = len(parts) > 1 and all(common for _, common in parts)
    for i, (query, common) in enumerate(parts):
        if not all_common or i == 0:  # every part common: the rarest one fills up after those holding all
            add(_held(fields), [query] * len(fields), common)
        if common and heading:
            add(_held(heading), [query] * len(heading), True)
    for where in (fields, heading) if all_common else ():  # all of them; in a title or names scores most
        if where:
            add(" AND ".join(f"({_held(where)})" for _ in parts), [q for q, _ in parts for _ in where], True)
    return " UNION ".join(selects), params


def _held(fields: Sequence[str]) -> str:
    return " OR ".join(f"{field} @@ %s::tsquery" for field in fields)


def scores_sql(
    parts: Sequence[tuple[str, float]], weight: Sequence[tuple[str, float]]
) -> tuple[str, list[object]]:
    """An SQL sum of what these (tsquery, IDF) parts add to a passage ``p`` holding them."""
    terms = " + ".join(
        f"CASE WHEN p.{field} @@ %s::tsquery THEN %s ELSE 0 END" for _ in parts for field, _ in weight
    )
    return terms, [x for query, idf in parts for _, w in weight for x in (query, idf * w)]
