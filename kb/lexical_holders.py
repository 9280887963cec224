"""Which candidate documents hold each part of a query, read in one Tantivy search (coverage).

Coverage (:mod:`kb.coverage`) asks of every candidate document whether it holds each query
part anywhere, and whether its title or names do. Asked part by part, that took two searches
a part, each building its filter of candidates again and reading its own hits; most of a
search's time at 100,000 passages went there. Here every part is one constant-score clause
whose score is a bit of its own, 2^i anywhere and 2^(n+i) in the title or names, so the
score of a passage is the set of parts it holds, and its ``dkey`` fast field names its
document. Scores are 32-bit floats, which hold integers exactly up to 2^24: twelve parts a
search.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import tantivy

from kb.lexical_queries import Occur, Query, any_part, document_key, loose_forms, of_documents
from kb.stemming import Phrase
from kb.store import HEADING_FIELDS

PARTS_PER_SEARCH = 12
GUESS_PER_DOCUMENT = 16
"""Hits collected per candidate document at first; a search that matched more asks again."""


def documents_holding(
    searcher: tantivy.Searcher, parts: Sequence[frozenset[Phrase]], docs: Sequence[str], loose: Sequence[bool]
) -> tuple[list[set[str]], list[set[str]]]:
    """For each part, the ``docs`` holding it in any field (``loose``: a concept's words in any
    order in one passage's body), and those holding it in their title or names."""
    anywhere: list[set[str]] = []
    heading: list[set[str]] = []
    for first in range(0, len(parts), PARTS_PER_SEARCH):
        group = slice(first, first + PARTS_PER_SEARCH)
        found = _holding(searcher, parts[group], docs, loose[group])
        anywhere += found[: len(found) // 2]
        heading += found[len(found) // 2 :]
    return anywhere, heading


def _holding(
    searcher: tantivy.Searcher, parts: Sequence[frozenset[Phrase]], docs: Sequence[str], loose: Sequence[bool]
) -> list[set[str]]:
    """2n sets: the holders of each part anywhere, then in the title or names (a part's first
    bit is set by its body alone: its title and names are read once, for the second)."""
    n = len(parts)
    found: list[set[str]] = [set() for _ in range(2 * n)]
    query = _parts_as_bits(parts, loose)
    if query is None or not docs:
        return found
    query = Query.boolean_query(
        [(Occur.Must, query), (Occur.Must, Query.const_score_query(of_documents(docs), 0.0))]
    )
    limit = GUESS_PER_DOCUMENT * len(docs)
    result = searcher.search(query, limit, count=True)
    if result.count > limit:
        result = searcher.search(query, result.count, count=False)
    hits = result.hits  # built anew on each reading
    if not hits:
        return found
    scores, addresses = zip(*hits, strict=True)
    keys = np.asarray(searcher.fast_field_values("dkey", list(addresses)), dtype=np.int64)
    bits = np.asarray(scores, dtype=np.float64).astype(np.int64)
    order = np.argsort(keys, kind="stable")
    keys, bits = keys[order], bits[order]
    firsts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])  # a document's passages: a run
    doc_of = {document_key(doc_id): doc_id for doc_id in docs}
    for key, held in zip(keys[firsts].tolist(), np.bitwise_or.reduceat(bits, firsts).tolist(), strict=True):
        doc_id = doc_of.get(key)
        while held and doc_id is not None:
            lowest = held & -held
            found[lowest.bit_length() - 1].add(doc_id)
            held ^= lowest
    for i in range(n):
        found[i] |= found[n + i]
    return found


def _parts_as_bits(parts: Sequence[frozenset[Phrase]], loose: Sequence[bool]) -> Query | None:
    n, clauses = len(parts), []
    for i, (alternatives, loosely) in enumerate(zip(parts, loose, strict=True)):
        body = loose_forms(alternatives) if loosely else alternatives
        for bit, forms, fields, flag in (
            (i, body, ("body",), loosely),
            (n + i, alternatives, HEADING_FIELDS, False),
        ):
            query = any_part([forms], fields, [1.0] * len(fields), flag)
            if query is not None:
                clauses.append((Occur.Should, Query.const_score_query(query, float(1 << bit))))
    return Query.boolean_query(clauses) if clauses else None
