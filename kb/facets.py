"""The facet schema: every field a document is filtered and counted by, declared once.

The catalogue's filters and counts, sidecar keys, the CLI's filter options, the app's
sidebar and Explore charts, curator edits and their log, CSV and JSON all derive from
:data:`FACETS`. Adding a facet starts here (docs/architecture.md says what else to touch).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    name: str  # the stored field and the filter key: "programme"
    key: str  # the sidecar, JSON and CSV key: "programmes"
    multi: bool  # several values per document
    sidebar: bool  # a filter in the app's sidebar and a chart in Explore
    names: bool = False  # its values are names the lexical index holds beside each title

    @property
    def label_key(self) -> str:
        """The message key of its label in the app (app_pages/i18n.py)."""
        return f"facet_{self.name}"


FACETS = (
    Facet("theme", "themes", multi=True, sidebar=True),
    Facet("country", "countries", multi=True, sidebar=True),
    Facet("programme", "programmes", multi=True, sidebar=True, names=True),
    Facet("organisation", "organisations", multi=True, sidebar=False, names=True),
    Facet("language", "language", multi=False, sidebar=True),
    Facet("year", "year", multi=False, sidebar=True),
)
FACET_FIELDS = tuple(f.name for f in FACETS)
"""Facet fields a search can filter and count by, in sidebar order."""
LIST_FACETS = tuple(f for f in FACETS if f.multi)
"""Facets a document holds a list of (the rest are its language and year)."""
SIDEBAR_FACETS = tuple(f.name for f in FACETS if f.sidebar)
NAME_FIELDS = tuple(f.name for f in FACETS if f.names)


CARD_FIELDS = ("name", "proponent", "sector", "geography", "year", "partners", "funding", "results")
"""Labelled fields of a practice card, kept as written (stored as ``card.NAME`` values beside the
facets, shown on the Practice page and exported; never counted or filtered on)."""


OCR_PAGES = "read.ocr_pages"
"""Stored beside the facets like the card fields: the pages whose text was recognised from a scan
("2,3"), so passages from them can say so; never counted or filtered on."""


WRITTEN = "read.written"
"""Stored beside the facets like the card fields: the year the text itself was written or published
(its dateline, its publication line, the file's date), which a reference cites; the practice's own
year is the ``year`` facet."""


def card_field(name: str) -> str:
    """The stored field of a practice-card entry."""
    return f"card.{name}"


def facet(name: str) -> Facet:
    """The facet called ``name``; KeyError for an unknown one."""
    for candidate in FACETS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)
