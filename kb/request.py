"""A search as a plain value that round-trips through URL query parameters."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kb.facets import FACET_FIELDS

MAX_RESULTS = 1000
"""Most results one request returns (a page, or an export of a whole result list)."""
MAX_PAGE = 10_000
"""Pages past this are clamped: deeper pages of a relevance ranking mean nothing."""


@dataclass(frozen=True)
class SearchRequest:
    """What the user asked for: text, facet filters (OR within a field, AND across), a page."""

    query: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    k: int = 10
    page: int = 1
    bounded: bool = True  # False: every candidate in ranking order (to measure ranking alone)
    snippets: bool = True  # False: hits without snippets (evaluation needs only the ranking)

    def __post_init__(self) -> None:
        unknown = set(self.filters) - set(FACET_FIELDS)
        if unknown:
            raise ValueError(
                f"unknown filter {sorted(unknown)[0]!r}; valid filters: {', '.join(FACET_FIELDS)}"
            )
        cleaned = {
            name: tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))
            for name, values in self.filters.items()
        }
        object.__setattr__(self, "filters", {n: v for n, v in cleaned.items() if v})
        object.__setattr__(self, "query", self.query.strip())
        object.__setattr__(self, "k", max(1, min(int(self.k), MAX_RESULTS)))
        object.__setattr__(self, "page", max(1, min(int(self.page), MAX_PAGE)))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.k

    @property
    def filters_as_recorded(self) -> str:
        """The filters as the curators' list of searches that found nothing records them (JSON), one
        form for the app and ``kb search`` so the same search is counted once."""
        return json.dumps(self.filters, ensure_ascii=False)

    @property
    def is_browse(self) -> bool:
        """An empty query lists documents that pass the filters."""
        return not self.query

    @classmethod
    def from_params(cls, params: Mapping[str, str | Sequence[str]]) -> SearchRequest:
        """Build from URL parameters (``q``, ``page``, ``k`` and one key per facet field)."""

        def many(name: str) -> tuple[str, ...]:
            raw = params.get(name, ())
            return (raw,) if isinstance(raw, str) else tuple(raw)

        def one(name: str, default: int) -> int:
            values = many(name)
            try:
                return int(values[0]) if values else default
            except ValueError:
                return default

        filters = {name: many(name) for name in FACET_FIELDS if many(name)}
        query = many("q")
        return cls(query=query[0] if query else "", filters=filters, k=one("k", 10), page=one("page", 1))

    def to_params(self) -> dict[str, str | list[str]]:
        """The inverse of :meth:`from_params`; defaults are left out to keep links short."""
        params: dict[str, str | list[str]] = {}
        if self.query:
            params["q"] = self.query
        for name in FACET_FIELDS:
            if self.filters.get(name):
                params[name] = list(self.filters[name])
        if self.page != 1:
            params["page"] = str(self.page)
        if self.k != 10:
            params["k"] = str(self.k)
        return params
