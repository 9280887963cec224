"""Typed values that cross module boundaries: what ingest hands in, what search hands out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from kb.glossary import Concept

from kb.facets import CARD_FIELDS, LIST_FACETS, OCR_PAGES, WRITTEN, card_field, facet


@dataclass(frozen=True)
class Passage:
    """One chunk of a document as ingest produced it."""

    text: str
    order: int
    page: int | None
    start: int
    end: int
    language: str


@dataclass(frozen=True)
class FacetValue:
    """One metadata value of a document and where it came from."""

    field: str
    value: str
    source: str = "extracted"  # or "curated"


@dataclass
class NewDocument:
    """A parsed, chunked document ready to be stored (ingest → kb)."""

    path: str
    title: str
    language: str
    content_hash: str
    file_type: str
    passages: list[Passage]
    n_pages: int | None = None
    year: int | None = None
    facets: list[FacetValue] = field(default_factory=list)
    curated: set[str] = field(default_factory=set)  # fields a curator set (title, year, theme…)
    dates: tuple[str, str] | None = None  # (added_at, updated_at) of a copied document; None: now

    @classmethod
    def from_rows(
        cls,
        document: tuple[object, ...],
        passages: list[tuple[int, int | None, int, int, str, str]],
        facets: list[tuple[str, str, str]],
    ) -> NewDocument:
        """A stored document as it was put: ``document`` (path, title, language, year, file_type,
        n_pages, content_hash, curated JSON, added_at, updated_at), ``passages`` (order, page, start, end, language, text),
        ``facets`` (field, value, source); language and year come from the document row."""
        path, title, language, year, file_type, n_pages, content_hash, curated, added, updated = document
        return cls(
            path=path,
            title=title,
            language=language,
            content_hash=content_hash,
            file_type=file_type,
            passages=[
                Passage(text, order, page, start, end, lang)
                for order, page, start, end, lang, text in passages
            ],
            n_pages=n_pages,
            year=year,
            facets=[FacetValue(f, v, s) for f, v, s in facets if f not in ("language", "year")],
            curated=set(json.loads(curated)),
            dates=(added, updated),
        )

    def document_row(self, doc_id: str, added_at: str | None) -> tuple[object, ...]:
        """The ``documents`` row of both stores: added when first stored (or as copied), updated now."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        added, updated = self.dates or (added_at or now, now)
        head = (doc_id, self.path, self.title, self.language, self.year, self.file_type, self.n_pages)
        return (*head, self.content_hash, added, updated, json.dumps(sorted(self.curated)))

    def stored_facets(self) -> list[tuple[str, str, str]]:
        """(field, value, source) of every facet value, language and year included."""

        def source(name: str) -> str:
            return "curated" if name in self.curated else "extracted"

        facets = {("language", self.language, source("language"))}
        if self.year is not None:
            facets.add(("year", str(self.year), source("year")))
        facets |= {(f.field, f.value, f.source) for f in self.facets}
        return sorted(facets)


@dataclass(frozen=True)
class Document:
    """A stored document with its metadata, as the catalogue returns it."""

    doc_id: str
    path: str
    title: str
    language: str
    year: int | None
    file_type: str
    n_pages: int | None
    n_chunks: int
    content_hash: str
    added_at: str
    updated_at: str
    metadata: dict[str, list[str]]
    curated: frozenset[str] = frozenset()

    def values(self, field_name: str) -> list[str]:
        return self.metadata.get(field_name, [])

    @property
    def card(self) -> dict[str, str]:
        """The practice card's labelled fields (name, proponent, partners, funding, results …)."""
        return {name: found[0] for name in CARD_FIELDS if (found := self.values(card_field(name)))}

    @property
    def ocr_pages(self) -> frozenset[int]:
        """Pages whose text was recognised from a scan (OCR), not read from a text layer."""
        return frozenset(int(n) for value in self.values(OCR_PAGES) for n in value.split(",") if n.isdigit())

    @property
    def written(self) -> int | None:
        """The year the text was written or published, when it says (or its file does)."""
        return next((int(v) for v in self.values(WRITTEN) if v.isdigit()), None)

    def as_dict(self) -> dict[str, object]:
        return {
            **shown_fields(self),
            "written": self.written,
            "file_type": self.file_type,
            "n_pages": self.n_pages,
            "n_chunks": self.n_chunks,
            "content_hash": self.content_hash,
            "added_at": self.added_at,
            "updated_at": self.updated_at,
            "curated": sorted(self.curated),
        }


@dataclass(frozen=True)
class Hit:
    """One document in a result list, with its best passage as the snippet."""

    doc_id: str
    path: str
    title: str
    language: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    page: int | None
    year: int | None
    countries: list[str]
    themes: list[str]
    programmes: list[str]
    organisations: list[str]
    chunk_id: int | None = None
    card: dict[str, str] = field(default_factory=dict)
    scanned: bool = False  # the snippet's page was read by OCR from a scan
    written: int | None = None  # the text's own year, which a reference cites
    missing: list[str] = field(default_factory=list)  # the query's names it does not hold, as typed

    @classmethod
    def of(cls, doc: Document, **found: Any) -> Hit:
        """A hit on a stored document: its fields, and what the search ``found`` (score, snippet,
        highlights, page, chunk, whether that page was scanned, the query's names it lacks)."""
        facets = {f.key: doc.values(f.name) for f in LIST_FACETS}
        own = {"path": doc.path, "title": doc.title, "language": doc.language, "year": doc.year}
        return cls(doc_id=doc.doc_id, **own, card=doc.card, written=doc.written, **facets, **found)

    def values(self, field_name: str) -> list[str]:
        return list(getattr(self, facet(field_name).key))

    def as_dict(self) -> dict[str, object]:
        return {
            **shown_fields(self),
            "score": round(self.score, 6),
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "page": self.page,
            "scanned": self.scanned,
            "written": self.written,
            "missing": self.missing,
            "card": self.card,
        }


def shown_fields(item: Document | Hit) -> dict[str, object]:
    """What a document and a search hit both show: identity, language, year and facet values."""
    fields = {"doc_id": item.doc_id, "path": item.path, "title": item.title, "language": item.language}
    return {**fields, "year": item.year, **{f.key: item.values(f.name) for f in LIST_FACETS}}


@dataclass(frozen=True)
class ChunkVector:
    """One stored passage's vector, with what derived views group it by."""

    chunk_id: int
    doc_id: str
    language: str
    vector: np.ndarray


@dataclass(frozen=True)
class FacetCount:
    """How many documents of a result set hold one facet value."""

    field: str
    value: str
    count: int


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, the size of the whole result set, and its facet counts."""

    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]]
    concepts: list[tuple[str, Concept]] = field(default_factory=list)  # (as typed, glossary concept)
    near_misses: list[Hit] = field(default_factory=list)  # closest documents when none matched
    unfiltered_total: int | None = None  # the same search's total without its filters (None: no filter)
