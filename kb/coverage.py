"""How much of a query each candidate document holds: the lexical evidence of the relevance boundary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kb.boundary import Candidate
from kb.glossary import QueryPart
from kb.store import Store, idf


def measure_coverage(
    store: Store,
    passages: int,
    candidates: list[Candidate],
    parts: list[QueryPart],
    counts: list[int],
) -> None:
    """How much of the query each candidate holds, each part weighted by its rarity (IDF);
    ``counts``: how many passages of the collection hold each part."""
    doc_ids = [c.doc_id for c in candidates]
    weights = [idf(passages, df) for df in counts]
    body: dict[str, set[int]] = defaultdict(set)
    title: dict[str, set[int]] = defaultdict(set)
    concepts = [part.concept is not None for part in parts]  # "imprese … in rete" holds "reti di imprese"
    anywhere, in_title = store.documents_holding([part.alternatives for part in parts], doc_ids, concepts)
    for i, (holders, title_holders) in enumerate(zip(anywhere, in_title, strict=True)):
        for doc_id in holders:
            body[doc_id].add(i)
        for doc_id in title_holders:
            title[doc_id].add(i)
    names = [i for i, p in enumerate(parts) if p.is_name]
    titles = store.titles(set(doc_ids))
    for c in candidates:
        c.coverage = idf_share(weights, body[c.doc_id], range(len(parts)))
        c.title = idf_share(weights, title[c.doc_id], range(len(parts)))
        c.title_text = titles.get(c.doc_id, "")
        c.names = idf_share(weights, body[c.doc_id], names) if names else 0.0


def idf_share(weights: list[float], found: set[int], among: Iterable[int]) -> float:
    """The share of the parts ``among`` that a text holds, each weighted by its IDF."""
    among = list(among)
    total = sum(weights[i] for i in among)
    return sum(weights[i] for i in among if i in found) / total if total else 0.0
