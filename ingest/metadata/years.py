"""The year a practice refers to: a labelled field, the programme's start, or the text's dates."""

from __future__ import annotations

import re
from collections.abc import Iterable

_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20[0-4]\d)(?![\d/])")
_LAW_NUMBER = re.compile(r"\b(?:n\.|nº|no\.|n°)\s*$", re.IGNORECASE)
_START = re.compile(
    r"\b(?:em|in|nel|no|desde|dal|since|a partir de|from|inaugurad[oa]|lançad[oa]|lanciat[oa]|launched|criad[oa]|creat[oa])\s+$",
    re.IGNORECASE,
)


_DECADE_WORDS = {
    "cinquanta": 1950,
    "sessanta": 1960,
    "settanta": 1970,
    "ottanta": 1980,
    "novanta": 1990,
    "cinquenta": 1950,
    "sessenta": 1960,
    "setenta": 1970,
    "oitenta": 1980,
    "noventa": 1990,
}
_DECADE = re.compile(r"\b(?:anni|anos|década de)\s+(" + "|".join(_DECADE_WORDS) + r")\b", re.IGNORECASE)


def year_in_field(value: str) -> int | None:
    match = _YEAR.search(value)
    return int(match.group()) if match else None


def years_in_text(text: str) -> list[tuple[int, int, bool]]:
    """(year, offset, introduced by a start word such as 'em', 'nel', 'since')."""
    found = []
    for match in _YEAR.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        if _LAW_NUMBER.search(before):
            continue
        found.append((int(match.group()), match.start(), bool(_START.search(before))))
    for match in _DECADE.finditer(text):  # "anni Novanta", "anos noventa"
        found.append((_DECADE_WORDS[match.group(1).lower()], match.start(), True))
    return sorted(found, key=lambda item: item[1])


def practice_year(text: str, programme_starts: Iterable[int] = ()) -> int | None:
    """A registered programme's start wins; else the first dated event in the text."""
    starts = [y for y in programme_starts if y]
    if starts:
        return starts[0]
    found = years_in_text(text)
    introduced = [year for year, _, started in found if started]
    if introduced:
        return introduced[0]
    return found[0][0] if found else None
