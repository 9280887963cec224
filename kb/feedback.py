"""Pseudo-relevance feedback in the space of documents: the best few candidates name a topic.

A query such as "compras conjuntas" or "gestione dei cluster" asks for every document on a
topic, and the best few candidates say what that topic is better than the query's few words
do. A document close in meaning to them is likely on the topic too, whatever its language:
its words may share none with the query and its passages may sit far down the dense ranking,
yet its mean vector, centred on its language, lies near theirs. A question asks for one
answer, not a topic, and is left as ranked (on squad-xling the lift cost 0.01 nDCG@10); the
best few keep their places, so one typed without its mark keeps its answer on top.
"""

from __future__ import annotations

import numpy as np

from kb.boundary import Candidate
from kb.config import SearchSettings
from kb.store import Store


def centred_means(
    store: Store, doc_ids: list[str], centroids: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Each document's unit mean vector minus its language's centroid, made unit again.

    A document's language is the one whose centroid its mean is closest to, as for a query,
    so no catalogue row need be read for it."""
    means = store.means_of(doc_ids)
    stacked = np.stack(list(centroids.values())) if centroids else None
    centred = {}
    for doc_id, mean in means.items():
        vector = mean / max(float(np.linalg.norm(mean)), 1e-9)
        if stacked is not None:
            vector = vector - stacked[int(np.argmax(stacked @ vector))]
        centred[doc_id] = vector / max(float(np.linalg.norm(vector)), 1e-9)
    return centred


def add_feedback(
    candidates: list[Candidate], store: Store, centroids: dict[str, np.ndarray], s: SearchSettings
) -> None:
    """Add ``s.feedback_weight`` × its centred similarity to the mean of the best
    ``s.feedback_depth`` (negative for a document unlike them) to each candidate after those, up
    to the ``s.feedback_reach``-th (further down, a lift would not reach the first page), never
    above the last of the best few, and re-rank them. The best few keep their places: the query
    itself put them there. Candidates come best first."""
    depth, reach = s.feedback_depth, candidates[: s.feedback_reach]
    if len(reach) <= depth:
        return
    vectors = centred_means(store, [c.doc_id for c in reach], centroids)
    best = [vectors[c.doc_id] for c in reach[:depth] if c.doc_id in vectors]
    if not best:
        return
    topic = np.mean(best, axis=0)
    topic /= max(float(np.linalg.norm(topic)), 1e-9)
    ceiling = reach[depth - 1].score
    for c in reach[depth:]:
        if c.doc_id in vectors:
            c.score = min(ceiling, c.score + s.feedback_weight * float(vectors[c.doc_id] @ topic))
    candidates[depth:] = sorted(candidates[depth:], key=lambda c: (-c.score, c.doc_id))
