"""The storage contract: what retrieval, ingest, the app and the tests may ask of an index's store.

:class:`kb.embedded_store.EmbeddedStore` (SQLite, FAISS and Tantivy files in a folder) is the
first implementation. A second backend implements this protocol and nothing above the
storage layer changes. Chunk ids are integers the store assigns; documents are keyed by
their ``doc_id``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

import numpy as np

from kb.facets import FACET_FIELDS, NAME_FIELDS
from kb.models import ChunkVector, Document, FacetCount, NewDocument
from kb.regions import region_tokens
from kb.stemming import Phrase
from kb.taxonomy import LANGUAGES, country_label

Filters = Mapping[str, Sequence[str]]
LEXICAL_FIELDS = ("title", "body", "names")
"""What a passage's lexical entry holds: its document's title, its text, its document's names."""
HEADING_FIELDS = ("title", "names")


def idf(passages: int, holding: int) -> float:
    """BM25's inverse document frequency of a query part that ``holding`` of ``passages`` hold:
    how both stores' rankings and the relevance boundary weigh a part by its rarity."""
    total = max(1, passages)
    return math.log(1 + (total - holding + 0.5) / (holding + 0.5))


LEXICAL_NAME_FIELDS = (*NAME_FIELDS, "country")
NAMES_VERSION = 2
"""Bumped when :func:`names_text` changes: both stores then index their words again."""


def loose_flags(parts: Sequence[object], loose: Sequence[bool]) -> list[bool]:
    """One ``loose`` flag per part (see :meth:`Store.documents_holding`): parts past the end of
    ``loose`` are matched as written."""
    return [i < len(loose) and bool(loose[i]) for i in range(len(parts))]


def names_text(values: Iterable[tuple[str, str]]) -> str:
    """The names field of the lexical index from a document's (field, value) facets.

    Programme and organisation names as written; countries by their pt/it/en names, so that
    "Estados Unidos" meets an English document about the United States, and by the tokens of
    the regions around them, so that "America Centrale" meets a document about Honduras.
    """
    words: list[str] = []
    for field, value in values:
        if field == "country":
            words += dict.fromkeys(country_label(value, language) for language in LANGUAGES)
            words += region_tokens(value)
        elif field in NAME_FIELDS:
            words.append(value)
    return " ; ".join(dict.fromkeys(words))


class Store(Protocol):
    # -- life cycle ------------------------------------------------------------
    def writing(self) -> AbstractContextManager[object]:
        """Hold the one-writer lock; every write happens inside it."""

    def refresh(self) -> str:
        """Pick up other processes' commits: 'unchanged', 'changed' or 'replaced' (restored)."""

    def generation(self) -> int:
        """A number that grows with every committed change."""

    def verify(self) -> list[str]:
        """Inconsistencies between the store's parts (empty when all is well)."""

    def vector_index(self) -> dict[str, object]:
        """How the dense side is indexed (kind and parameters): for the manifest and kb stats."""

    def close(self) -> None: ...

    # -- writes ----------------------------------------------------------------
    def upsert(self, doc_id: str, doc: NewDocument, vectors: np.ndarray) -> None:
        """Insert or replace a document with its passages and their vectors, atomically."""

    def delete(self, doc_id: str) -> None: ...

    def log_ingest(self, path: str, status: str, reason: str = "", detail: str = "") -> None: ...

    def log_search_miss(self, query: str, filters: str) -> None: ...

    def proposed_values(self, field: str) -> dict[str, int]:
        """Values extraction proposed for a field (new programme names) → documents holding each."""

    def confirm_value(self, field: str, value: str) -> int:
        """Make a proposed value an ordinary one everywhere (inside ``writing()``)."""

    # -- documents -------------------------------------------------------------
    def find_by_path(self, path: str) -> tuple[str, str] | None:
        """(doc_id, content_hash) of the document stored for a file path."""

    def find_by_hash(self, content_hash: str) -> list[tuple[str, str]]:
        """(doc_id, path) of the documents stored with this content hash (the same file elsewhere)."""

    def doc_id_taken(self, doc_id: str) -> bool: ...

    def documents(self, doc_ids: Sequence[str]) -> dict[str, Document]: ...

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]: ...

    def all_doc_ids(self) -> list[str]: ...

    def filtered_doc_ids(self, filters: Filters) -> list[str]:
        """Documents passing the filters (AND across fields, OR within one), by title."""

    def facet_counts(
        self, doc_ids: Sequence[str], fields: Sequence[str] = FACET_FIELDS
    ) -> dict[str, list[FacetCount]]: ...

    def counts(self) -> dict[str, int]:
        """{'documents': n, 'chunks': n}."""

    # -- passages --------------------------------------------------------------
    def chunk_ids_for(self, doc_ids: Sequence[str]) -> np.ndarray: ...

    def chunks(self, chunk_ids: Sequence[int]) -> dict[int, tuple[str, str, int | None, int]]:
        """chunk_id → (doc_id, text, page, order)."""

    def first_chunks(self, doc_ids: Sequence[str]) -> dict[str, tuple[int, str, int | None]]: ...

    def stored_document(self, doc_id: str) -> tuple[NewDocument, np.ndarray] | None:
        """A document exactly as it was put, with its passage vectors (to copy an index)."""

    def passages(self, doc_id: str) -> list[tuple[int, str, int | None]]:
        """(chunk_id, text, page) in order, without the overlap between passages."""

    def chunk_vectors(self) -> Iterator[ChunkVector]:
        """Every passage vector with its document and language (for derived views)."""

    def language_stats(self) -> dict[str, tuple[int, np.ndarray]]:
        """Passage language → (passages, sum of their vectors), kept up to date on every write."""

    def document_means(self) -> tuple[list[str], np.ndarray]:
        """(doc ids, mean passage vectors) of every document, kept up to date on every write."""

    def means_of(self, doc_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The mean passage vectors of these documents (those still stored)."""

    def chunk_owners(self, chunk_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """The document and the passage language of each of these chunks."""

    # -- retrieval -------------------------------------------------------------
    def dense_search(
        self,
        query: np.ndarray,
        k: int,
        allowed_ids: np.ndarray | None = None,
        offsets: Mapping[str, float] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (chunk ids, inner products minus the offset of each passage's language), in
        one search over every language; ``allowed_ids`` restricts the search."""

    def lexical_search(
        self,
        parts: Sequence[frozenset[Phrase]],
        limit: int,
        docs: Sequence[str] | None = None,
        weights: Sequence[float] = (2.0, 1.0, 2.0),
        fields: Sequence[str] = LEXICAL_FIELDS,
        counts: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """(chunk id, BM25) best first: passages holding any form of any part in any of
        ``fields`` (weighted), among the passages of ``docs`` when given; ``counts``, each part's
        :meth:`lexical_count` when the caller has them already."""

    def lexical_count(self, alternatives: frozenset[Phrase]) -> int:
        """Passages holding any of these forms anywhere (a query part's document frequency)."""

    def documents_holding(
        self, parts: Sequence[frozenset[Phrase]], docs: Sequence[str], loose: Sequence[bool] = ()
    ) -> tuple[list[set[str]], list[set[str]]]:
        """For each part, which of ``docs`` hold any of its forms in some passage, and which in
        their title or names; asked for every part and both at once, so that a database reads
        each passage once. A part marked ``loose`` is held in a passage by all the words of one
        of its forms in any order ("imprese … in rete" for "reti di imprese"); in titles and
        names a form is always matched as written."""

    # -- logs ------------------------------------------------------------------
    def ingest_log(self, limit: int = 200) -> list[dict[str, str]]: ...

    def search_misses(self, limit: int = 100) -> list[dict[str, object]]: ...
