"""Hybrid search: dense (FAISS) and lexical (FTS5 BM25) candidates fused by weighted RRF.

Filters are applied inside both searches (an id selector in FAISS, a JOIN in
SQLite), never by dropping results afterwards, so a narrow filter still gets a
full page. Chunks are grouped by document; the best chunk becomes the snippet.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from kb.catalogue import Catalogue
from kb.config import SearchSettings
from kb.embedders import Embedder
from kb.language_profile import LanguageProfile
from kb.models import Hit, SearchResult
from kb.request import SearchRequest
from kb.snippets import make_snippet
from kb.stemming import term_stems
from kb.text import query_terms
from kb.vectors import VectorIndex


def fts_match(terms: list[str]) -> str:
    """An FTS5 query: every term required, each as any of its stems, all quoted.

    AND keeps lexical hits precise: a passage must hold all content words, so names and
    acronyms match strongly while common words alone cannot pull in near-misses. Quoting
    means no input can be read as FTS5 syntax.
    """

    def quoted(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    groups = []
    for term in terms:
        stems = term_stems(term)
        groups.append(quoted(stems[0]) if len(stems) == 1 else "(" + " OR ".join(map(quoted, stems)) + ")")
    return " AND ".join(groups)


def rrf(rankings: list[tuple[list[int], float]], k: int) -> dict[int, float]:
    """Weighted reciprocal rank fusion of several ranked id lists."""
    fused: dict[int, float] = defaultdict(float)
    for ids, weight in rankings:
        if weight <= 0:  # a switched-off ranking must not smuggle its candidates in
            continue
        for rank, item in enumerate(ids):
            fused[int(item)] += weight / (k + rank + 1)
    return fused


class Searcher:
    """One search over a catalogue and its vectors."""

    def __init__(
        self,
        catalogue: Catalogue,
        vectors: VectorIndex,
        embedder: Embedder,
        settings: SearchSettings,
        languages: LanguageProfile,
    ) -> None:
        self.catalogue = catalogue
        self.vectors = vectors
        self.embedder = embedder
        self.settings = settings
        self.languages = languages

    def search(self, request: SearchRequest) -> SearchResult:
        allowed = self.catalogue.filtered_doc_ids(request.filters) if request.filters else None
        if request.is_browse:
            doc_ids = allowed if allowed is not None else self.catalogue.filtered_doc_ids({})
            ranked = [(doc_id, 0.0, None) for doc_id in doc_ids]
        else:
            ranked = self.rank_documents(request, allowed)
        page = ranked[request.offset : request.offset + request.k]
        return SearchResult(
            hits=self._hits(page, query_terms(request.query)),
            total=len(ranked),
            facets=self.catalogue.facet_counts([doc_id for doc_id, _, _ in ranked]),
        )

    def rank_documents(
        self, request: SearchRequest, allowed: list[str] | None
    ) -> list[tuple[str, float, int | None]]:
        """(doc_id, score, best chunk id), best first."""
        s = self.settings
        depth = max(s.dense_candidates, 3 * (request.offset + request.k))  # deep pages need more
        allowed_chunks = None if allowed is None else self.catalogue.chunk_ids_for(allowed)
        vector = self.embedder.embed_queries([request.query])[0]
        dense_ids = self.dense_ranking(vector, allowed_chunks, depth)
        terms = query_terms(request.query)
        lexical = (
            self.catalogue.lexical_search(fts_match(terms), request.filters, max(s.lexical_candidates, depth))
            if terms
            else []
        )
        lexical_weight = (
            s.lexical_weight if len(terms) > s.short_query_terms else s.short_query_lexical_weight
        )
        fused = rrf(
            [(list(dense_ids), s.dense_weight), ([c for c, _ in lexical], lexical_weight)],
            s.rrf_k,
        )
        owners = self.catalogue.chunks(list(fused))
        best: dict[str, tuple[float, int]] = {}
        scores: dict[str, list[float]] = defaultdict(list)
        for chunk_id, score in fused.items():
            if chunk_id not in owners:  # removed since the vectors were loaded
                continue
            doc_id = owners[chunk_id][0]
            scores[doc_id].append(score)
            if doc_id not in best or score > best[doc_id][0]:
                best[doc_id] = (score, chunk_id)
        ranked = [
            (doc_id, top + s.chunk_mean_weight * sum(scores[doc_id]) / len(scores[doc_id]), chunk_id)
            for doc_id, (top, chunk_id) in best.items()
        ]
        return sorted(ranked, key=lambda item: (-item[1], item[0]))

    def dense_ranking(self, vector: np.ndarray, allowed_chunks: np.ndarray | None, depth: int) -> list[int]:
        """Chunk ids by dense score, searched per passage language and offset by its centroid."""
        s = self.settings
        offsets = self.languages.offsets(vector, s.language_centering)
        scored: list[tuple[float, int]] = []
        for language, ids in self.languages.groups.items():
            if allowed_chunks is not None:
                ids = ids[np.isin(ids, allowed_chunks, assume_unique=True)]
            found, scores = self.vectors.search(vector, depth, ids)
            scored += [
                (float(score) - offsets[language], int(i)) for i, score in zip(found, scores, strict=True)
            ]
        scored.sort(reverse=True)
        return [chunk_id for _, chunk_id in scored[:depth]]

    def _hits(self, page: list[tuple[str, float, int | None]], terms: list[str]) -> list[Hit]:
        docs = self.catalogue.documents([d for d, _, _ in page])
        chunk_ids = [c for _, _, c in page if c is not None]
        chunks = {cid: (text, pg) for cid, (_, text, pg, _) in self.catalogue.chunks(chunk_ids).items()}
        openings = self.catalogue.first_chunks([d for d, _, c in page if c is None])
        hits = []
        for doc_id, score, chunk_id in page:
            doc = docs.get(doc_id)
            if doc is None:
                continue
            if chunk_id is not None and chunk_id in chunks:
                text, page_no = chunks[chunk_id]
            else:
                chunk_id, text, page_no = openings.get(doc_id, (None, "", None))
            snippet, spans = make_snippet(text, terms, self.settings.snippet_chars)
            hits.append(
                Hit(
                    doc_id=doc_id,
                    path=doc.path,
                    title=doc.title,
                    language=doc.language,
                    score=score,
                    snippet=snippet,
                    highlights=spans,
                    page=page_no,
                    year=doc.year,
                    countries=doc.values("country"),
                    themes=doc.values("theme"),
                    programmes=doc.values("programme"),
                    organisations=doc.values("organisation"),
                    chunk_id=chunk_id,
                )
            )
        return hits
