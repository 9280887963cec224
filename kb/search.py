"""Hybrid search: dense and lexical (BM25) candidates fused by weighted RRF,
then cut at a relevance boundary so that a search answers *which* documents match.

A filtered result set is the unfiltered one narrowed by the filters (:func:`kb.boundary.narrowed`);
the whole ranking and the closest documents of an empty result apply filters inside both searches
(by the store), so a narrow filter still fills a page. The best chunk becomes the snippet.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from typing import TypeVar

import numpy as np

from kb.boundary import Candidate, narrowed, within_boundary
from kb.config import DEFAULT_EMBEDDER, SearchSettings
from kb.coverage import measure_coverage, parts_held
from kb.embedders import Embedder
from kb.feedback import add_feedback
from kb.fusion import by_document, first_per_document, rrf
from kb.glossary import Glossary, QueryPart
from kb.language_profile import LanguageProfile
from kb.lowercase_places import with_typed_place
from kb.models import Hit, SearchResult
from kb.query_weights import is_question, is_short, short_weight
from kb.request import SearchRequest
from kb.snippets import highlight_terms, make_snippet
from kb.store import HEADING_FIELDS, Store

SIDE = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="search-side")
"""Where a search's vector search runs while the calling thread runs its lexical side, and its
coverage search while the calling thread fuses the candidates: FAISS, Tantivy, SQLite and a
PostgreSQL server let go of the GIL, so the two overlap. The query is embedded before either
starts: the embedder's own threads use every core, and sharing them only slowed both."""
T = TypeVar("T")


@contextmanager
def alongside(work: Callable[..., T] | None, *args: object) -> Iterator[Future[T] | None]:
    """``work(*args)`` on :data:`SIDE` while the block runs (None: nothing). Should the block
    fail, the side work is cancelled or waited for, so none outlives its search: the store it
    reads may be closed next, and its own failure would go unseen."""
    future = SIDE.submit(work, *args) if work is not None else None
    try:
        yield future
    except BaseException:
        if future is not None and not future.cancel():
            wait([future])
        raise


Owners = dict[int, tuple[str, str]]  # chunk id → (document id, passage language)
Ranking = list[tuple[int, float, float]]  # (chunk id, centred score, cosine), best first


class Searcher:
    """One search over a store (its passages, lexical index and vectors)."""

    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        settings: SearchSettings,
        languages: LanguageProfile,
        glossary: Glossary | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self.languages = languages
        self.glossary = glossary or Glossary.load()
        self._vectors: dict[str, np.ndarray] = {}

    def query_vector(self, query: str) -> np.ndarray:
        """The query embedded once per search (a filtered search may rank twice: see :meth:`search`)."""
        if query not in self._vectors:
            self._vectors[query] = self.embedder.embed_queries([query])[0]
        return self._vectors[query]

    def search(self, request: SearchRequest) -> SearchResult:
        allowed = self.store.filtered_doc_ids(request.filters) if request.filters else None
        parts = self.glossary.parse(request.query) if request.query else []
        parts = with_typed_place(parts, self.store)  # "veneto" as "Veneto" when the collection says so
        near: list[Hit] = []
        unfiltered_total, lacking = None, {}
        if request.is_browse:
            doc_ids = allowed if allowed is not None else self.store.filtered_doc_ids({})
            ranked = [(doc_id, 0.0, None) for doc_id in doc_ids]
        elif not request.bounded:  # the whole ranking, inside the filters (to measure ranking alone)
            ranked = [c.as_ranked for c in self.candidates(request, allowed, parts)]
        else:
            # the result set is drawn without the filters, then narrowed by them (kb.boundary.narrowed)
            candidates = self.candidates(replace(request, filters={}), None, parts)
            settings = self._boundary_settings()
            whole = within_boundary(candidates, parts, settings)
            inside = cache(lambda: self.candidates(request, allowed, parts))  # the filtered search, if asked
            allowed_ids = None if allowed is None else set(allowed)
            matching = narrowed(whole, parts, settings, allowed_ids, inside if allowed else None)
            unfiltered_total = None if allowed is None else len(whole)
            ranked, lacking = [c.as_ranked for c in matching], {c.doc_id: c.missing for c in matching}
            if not matching and allowed != []:  # the closest documents inside the filters, not matching
                closest = (candidates if allowed is None else inside())[: self.settings.near_misses]
                near = self._hits([c.as_ranked for c in closest], highlight_terms(request.query, parts))
        page = ranked[request.offset : request.offset + request.k]
        return SearchResult(
            hits=self._hits(page, highlight_terms(request.query, parts), request.snippets, lacking),
            total=len(ranked),
            facets=self.store.facet_counts([doc_id for doc_id, _, _ in ranked]),
            concepts=[(p.text, p.concept) for p in parts if p.concept is not None],
            near_misses=near,
            unfiltered_total=unfiltered_total,
        )

    # -- ranking ------------------------------------------------------------

    def candidates(
        self, request: SearchRequest, allowed: list[str] | None, parts: list[QueryPart]
    ) -> list[Candidate]:
        """Every document either search found, best first, with its boundary features."""
        s = self.settings
        vector = self.query_vector(request.query)  # first, on both cores: the embedder's threads scale
        offsets = self.languages.offsets(vector, s.language_centering)
        dense, lexical, fields, counts, owners = self._both_sides(request, allowed, parts, vector, offsets)
        doc_ids = sorted({doc_id for doc_id, _ in owners.values()})
        with alongside(parts_held if parts and doc_ids else None, self.store, parts, doc_ids) as held:
            titles = self.store.titles(set(doc_ids)) if held is not None else {}  # while held is read
            by_title = first_per_document(fields, owners, titles)
            short, question = is_short(parts, s), is_question(request.query)
            # a question's words only meet passages in its own language: weigh them by how much of
            # the collection that is (squared: one language in three leaves dense search in charge)
            share = self.languages.closest_share(vector)
            question_weight = s.lexical_weight * share**2
            fused = rrf(
                [
                    ([(c, centred) for c, centred, _ in dense], s.dense_weight),
                    (lexical, short_weight(parts, share, s, question) if short else question_weight),
                    (by_title, s.title_weight),
                ],
                s.rrf_k,
            )
            candidates = by_document(fused, owners, {c: (centred, cos) for c, centred, cos in dense}, s)
            if held is not None:
                measure_coverage(candidates, parts, counts, self.languages.total, held.result(), titles)
                # questions name things in passing; a short one's names, like its words, by share²
                self._lift_held_titles_and_names(
                    candidates, s.name_weight * (share**2 if question else 1.0) if short else 0.0
                )
        candidates.sort(key=lambda c: (-c.score, c.doc_id))
        if s.feedback_weight > 0 and not question:  # a question asks for one answer, not a topic
            add_feedback(candidates, self.store, self.languages.centroids, s)
        self._score_unreached(candidates[: s.unreached_scored], vector, offsets, owners)
        return candidates

    def _both_sides(
        self,
        request: SearchRequest,
        allowed: list[str] | None,
        parts: list[QueryPart],
        vector: np.ndarray,
        offsets: dict[str, float],
    ) -> tuple[Ranking, list[tuple[int, float]], list[tuple[int, float]], list[int], Owners]:
        """The dense ranking (chunk id, centred score, cosine), BM25 over the whole text and over
        titles and names, each part's passage count, and the owners of every passage found.

        The centred score is the cosine minus the query's similarity to the centroid of the
        passage's language, which takes out the pull towards the query's own language."""
        s = self.settings
        # a result set is drawn from the same candidates on every page and in every export, so its
        # total does not grow as one pages on; only the whole ranking (unbounded) reaches deeper
        depth = (
            s.dense_candidates
            if request.bounded
            else max(s.dense_candidates, 3 * (request.offset + request.k))
        )
        allowed_chunks = None if allowed is None else self.store.chunk_ids_for(allowed)
        with alongside(self.store.dense_search, vector, depth, allowed_chunks, offsets) as dense_side:
            counts = [self.store.lexical_count(p.alternatives) for p in parts]
            lexical, fields = (
                self._lexical_rankings(parts, counts, allowed, max(s.lexical_candidates, depth))
                if parts
                else ([], [])
            )
            found, scores = dense_side.result()
        passages = list({*found.tolist(), *(c for c, _ in [*lexical, *fields])})
        owners = self.store.chunk_owners(passages) if passages else {}
        return _centred(found, scores, owners, offsets), lexical, fields, counts, owners

    def _score_unreached(
        self, candidates: list[Candidate], vector: np.ndarray, offsets: dict[str, float], owners: Owners
    ) -> None:
        """Give the candidates that only the lexical side found their closeness in meaning: the
        dense score of their best passage, scored against the query here.

        The fused ranking is left as it is (their place in the dense ranking is unknown), but the
        relevance boundary compares every candidate with the best one in meaning: in a collection
        larger than the dense side's depth, a document holding the query in its title would
        otherwise count as far from it only because its passages ranked past that depth. Only the
        first few candidates are scored (``unreached_scored``): further down none is a match."""
        unreached = {c.chunk_id: c for c in candidates if c.dense == -math.inf and c.chunk_id is not None}
        if not unreached:
            return
        ids = np.array(sorted(unreached), dtype=np.int64)
        try:
            found, scores = self.store.dense_search(vector, len(ids), ids, offsets)
        except RuntimeError:  # a passage another process indexed as text before its vector
            return
        for chunk_id, centred, cosine in _centred(found, scores, owners, offsets):
            unreached[chunk_id].dense, unreached[chunk_id].cosine = centred, cosine

    def _lift_held_titles_and_names(self, candidates: list[Candidate], name_weight: float) -> None:
        """Add the share of the query a candidate's title holds, unless other candidates share
        that title (it singles none of them out), and the share of its names it holds."""
        titles = Counter(c.title_text for c in candidates)
        for c in candidates:
            unique_title = titles[c.title_text] == 1
            c.score += self.settings.title_coverage_weight * c.title * unique_title + name_weight * c.names

    def _lexical_rankings(
        self, parts: list[QueryPart], counts: list[int], allowed: list[str] | None, limit: int
    ) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """BM25 over the whole text, and over titles and names alone.

        Parts found in half the passages or more are left out, unless every part is: their
        IDF is next to nothing, yet ranking them means reading their longest posting lists.
        """
        total = max(1, self.languages.total)
        kept = [i for i, n in enumerate(counts) if n < total / 2] or list(range(len(parts)))
        ranked, ranked_counts = [parts[i].alternatives for i in kept], [counts[i] for i in kept]
        weights = self.settings.column_weights
        lexical = self.store.lexical_search(ranked, limit, allowed, weights, counts=ranked_counts)
        fields = self.store.lexical_search(ranked, limit, allowed, (1.0, 1.0), HEADING_FIELDS, ranked_counts)
        return lexical, fields

    # -- the relevance boundary ----------------------------------------------

    def _boundary_settings(self) -> SearchSettings:
        """The relevance boundary's settings: its cosine gate is calibrated for the default model only."""
        if self.embedder.spec != DEFAULT_EMBEDDER:
            return replace(self.settings, min_top_cosine=math.inf, min_close_cosine=math.inf)
        return self.settings

    def _hits(
        self,
        page: list[tuple[str, float, int | None]],
        terms: list[str],
        snippets: bool = True,
        lacking: dict[str, tuple[str, ...]] | None = None,  # the query's names each document lacks
    ) -> list[Hit]:
        docs = self.store.documents([d for d, _, _ in page])
        chunk_ids = [c for _, _, c in page if c is not None]
        chunks = {cid: (text, pg) for cid, (_, text, pg, _) in self.store.chunks(chunk_ids).items()}
        openings = self.store.first_chunks([d for d, _, c in page if c is None])
        hits = []
        for doc_id, score, chunk_id in page:
            doc = docs.get(doc_id)
            if doc is None:
                continue
            if chunk_id is not None and chunk_id in chunks:
                text, page_no = chunks[chunk_id]
            else:
                chunk_id, text, page_no = openings.get(doc_id, (None, "", None))
            snippet, spans = make_snippet(text, terms, self.settings.snippet_chars) if snippets else ("", [])
            found = {
                "score": score,
                "snippet": snippet,
                "highlights": spans,
                "page": page_no,
                "chunk_id": chunk_id,
            }
            missing = list((lacking or {}).get(doc_id, ()))
            hits.append(Hit.of(doc, **found, scanned=page_no in doc.ocr_pages, missing=missing))
        return hits


def _centred(found: np.ndarray, scores: np.ndarray, owners: Owners, offsets: dict[str, float]) -> Ranking:
    """(chunk id, centred score, cosine) of a dense search's passages: the store ranks by the
    centred score, and the cosine adds back the offset of the passage's language."""
    ranked = []
    for chunk_id, score in zip(found.tolist(), scores.tolist(), strict=True):
        language = owners.get(chunk_id, ("", ""))[1]
        ranked.append((chunk_id, score, score + offsets.get(language, 0.0)))
    return ranked
