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
    titles: dict[str, str] | None = None,
) -> None:
    """How much of the query each candidate holds, each part weighted by its rarity (IDF);
    ``counts``: how many passages of the collection hold each part; ``titles``: the titles of
    candidates read already (the rest are read here)."""
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
    total, names_total = sum(weights), sum(weights[i] for i in names)
    titles = dict(titles or {})
    titles |= store.titles({d for d in doc_ids if d not in titles})
    for c in candidates:
        held = body.get(c.doc_id, set())
        c.coverage = _share(weights, held, total)
        c.title = _share(weights, title.get(c.doc_id, set()), total)
        c.title_text = titles.get(c.doc_id, "")
        c.names = _share(weights, held.intersection(names), names_total)


def _share(weights: list[float], found: Iterable[int], total: float) -> float:
    """The IDF-weighted share of the parts that a text holds (``total``: the weight of all)."""
    return sum(weights[i] for i in found) / total if total else 0.0
