"""Fusion: rankings of passages merged by weighted reciprocal rank, then grouped by document."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from kb.boundary import Candidate
from kb.config import SearchSettings


def rrf(rankings: list[tuple[list[tuple[int, float]], float]], k: int) -> dict[int, float]:
    """Weighted reciprocal rank fusion of rankings of (id, score), best first. Equal scores share
    the best rank among them: a tie (every passage holding one rare word once, in a store that
    does not weigh lengths) says nothing about which comes first, so the other rankings decide."""
    fused: dict[int, float] = defaultdict(float)
    for ranked, weight in rankings:
        if weight <= 0:  # a switched-off ranking must not smuggle its candidates in
            continue
        rank, previous = 0, None
        for position, (item, score) in enumerate(ranked):
            if score != previous:
                rank, previous = position, score
            fused[int(item)] += weight / (k + rank + 1)
    return fused


def by_document(
    fused: dict[int, float],
    owners: dict[int, tuple[str, str]],
    dense: dict[int, tuple[float, float]],
    s: SearchSettings,
) -> list[Candidate]:
    """Passage scores grouped by document: its best passage plus a share of their mean.

    Each document keeps the (centred, cosine) dense scores of its closest passage.
    """
    best: dict[str, tuple[float, int]] = {}
    scores: dict[str, list[float]] = defaultdict(list)
    closest: dict[str, tuple[float, float]] = {}
    for chunk_id, score in fused.items():
        if chunk_id not in owners:  # removed since the vectors were loaded
            continue
        doc_id = owners[chunk_id][0]
        scores[doc_id].append(score)
        if doc_id not in best or score > best[doc_id][0]:
            best[doc_id] = (score, chunk_id)
        if chunk_id in dense:
            closest[doc_id] = max(closest.get(doc_id, (-math.inf, -math.inf)), dense[chunk_id])
    return [
        Candidate(
            doc_id,
            chunk_id,
            top + s.chunk_mean_weight * sum(scores[doc_id]) / len(scores[doc_id]),
            *closest.get(doc_id, (-math.inf, -math.inf)),
        )
        for doc_id, (top, chunk_id) in best.items()
    ]


def first_per_document(
    found: list[tuple[int, float]], owners: dict[int, tuple[str, str]], all_titles: dict[str, str]
) -> list[tuple[int, float]]:
    """Title and name matches repeat on every passage of a document: keep its first.

    Documents that share a title (sections of one report, say) share one place: the
    title alone cannot tell them apart, so it lifts none of them.
    """
    titles = {
        owners[c][0]: all_titles[owners[c][0]] for c, _ in found if c in owners and owners[c][0] in all_titles
    }
    per_title = Counter(titles.values())
    seen: set[str] = set()
    out: list[tuple[int, float]] = []
    for chunk_id, score in found:
        doc_id = owners.get(chunk_id, (None,))[0]
        if doc_id in titles and doc_id not in seen and per_title[titles[doc_id]] == 1:
            seen.add(doc_id)
            out.append((chunk_id, score))
    return out
