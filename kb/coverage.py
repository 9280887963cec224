"""How much of a query each candidate document holds: the lexical evidence of the relevance boundary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cache

from kb.boundary import Candidate, is_named
from kb.glossary import QueryPart, words
from kb.store import Store, idf


def parts_held(
    store: Store, parts: list[QueryPart], doc_ids: list[str]
) -> tuple[list[set[str]], list[set[str]]]:
    """For each part, the documents holding it anywhere, and those holding it in their title or
    names: the one search that coverage needs, which can run while the candidates are fused."""
    concepts = [part.concept is not None for part in parts]  # "imprese … in rete" holds "reti di imprese"
    return store.documents_holding([part.alternatives for part in parts], doc_ids, concepts)


def measure_coverage(
    candidates: list[Candidate],
    parts: list[QueryPart],
    counts: list[int],
    passages: int,
    held: tuple[list[set[str]], list[set[str]]],
    titles: dict[str, str],
) -> None:
    """How much of the query each candidate holds, each part weighted by its rarity (IDF);
    ``counts``: how many of the collection's ``passages`` hold each part; ``held``: what
    :func:`parts_held` found; ``titles``: the candidates' titles."""
    body, title = _masks(held[0]), _masks(held[1])
    names = sum(1 << i for i, p in enumerate(parts) if p.is_name)
    shown = [(1 << i, p.text) for i, p in enumerate(parts) if is_named(p, parts)]
    share = _shares([idf(passages, df) for df in counts])
    phrases = [
        (1 << i, df / max(1, passages))
        for i, (p, df) in enumerate(zip(parts, counts, strict=True))
        if is_a_phrase(p)
    ]
    for c in candidates:
        held_here = body.get(c.doc_id, 0)
        c.coverage = share(held_here)
        c.title = share(title.get(c.doc_id, 0))
        c.title_text = titles.get(c.doc_id, "")
        c.names = share(held_here & names, names)
        c.phrase_share = min((part_share for bit, part_share in phrases if held_here & bit), default=1.0)
        c.missing = tuple(text for bit, text in shown if not held_here & bit)


def is_a_phrase(part: QueryPart) -> bool:
    """A concept of the glossary named in two words or more ("gestione dei cluster"), not a name."""
    return part.concept is not None and not part.is_name and len(words(part.text)) > 1


def _masks(holders: list[set[str]]) -> dict[str, int]:
    """Each document's parts as a bit mask (bit i: it holds part i)."""
    masks: dict[str, int] = defaultdict(int)
    for i, docs in enumerate(holders):
        for doc_id in docs:
            masks[doc_id] |= 1 << i
    return masks


def _shares(weights: list[float]) -> Callable[..., float]:
    """``share(mask, of=all)``: the IDF-weighted share of the parts ``of`` that ``mask`` holds
    (a query has a handful of parts, its candidates hundreds: each mask is summed once)."""
    everything = (1 << len(weights)) - 1

    @cache
    def total(mask: int) -> float:
        return sum(w for i, w in enumerate(weights) if mask >> i & 1)

    def share(mask: int, of: int = everything) -> float:
        whole = total(of)
        return total(mask & of) / whole if whole else 0.0

    return share
