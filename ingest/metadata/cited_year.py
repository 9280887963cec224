"""The year a reference cites for a document: when the text itself was written or published.

It is not the practice's year (a text of 2021 tells of a network founded in 2004), and a wrong
year in a citation is worse than none ("[s.d.]"). So each source counts only when it can be
trusted for this: a date field or a publication line in the opening, a dateline on the first
lines (not a timeline's entry further down), the file's own date, and only then a line that
tells the text was updated or a copyright. A year ahead of today is an event announced, never
the date of writing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ingest.metadata.field_years import year_in_field
from ingest.metadata.written_dates import dates_of_writing, year_of_writing
from ingest.metadata.years import dateline_year

FIRST_LINES = 300
"""Characters: a dateline this near the top dates the text; further down it dates an entry."""
EARLIEST = 1900
"""A year the text tells before this is no date of writing of a text about today's practices."""
EARLIEST_FILE = 1990
"""A file's own date before the web and PDF is a clock's zero (1 January 1970), not a publication."""


def cited_year(fields: dict[str, str], text: str, date_hint: str | None) -> int | None:
    """The first trusted year of :func:`_told` that is not ahead of today, or None."""
    today = date.today().year
    return next((year for year in _told(fields, text, date_hint) if EARLIEST <= year <= today), None)


def _told(fields: dict[str, str], text: str, date_hint: str | None) -> Iterator[int]:
    """The text's own dates, most trusted first (each looked for only when the one before fails)."""
    for year in (
        year_in_field(fields.get("dated", "")),
        year_of_writing(text),
        dateline_year(text[:FIRST_LINES]),
    ):
        if year is not None:
            yield year
    if date_hint and date_hint[:4].isdigit() and int(date_hint[:4]) >= EARLIEST_FILE:
        yield int(date_hint[:4])  # an HTML page's date, a PDF's creation, a front matter's date
    yield from sorted(dates_of_writing(text), reverse=True)  # the latest update (cited_year skips any ahead)
