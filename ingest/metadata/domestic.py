"""The country a text takes for granted: read from its spelling, currency and institutions.

A text written for readers at home seldom names home. When nothing in a document about firms
names a country, the words of ``kb/data/domestic.yaml`` say which of its language's countries
it is written in (Portugal's "equipa" and euros, Brazil's "equipe" and reais).
"""

from __future__ import annotations

import re
from functools import cache

from kb.yaml_data import shipped


def domestic_country(text: str, language: str | None) -> str | None:
    """The country with the most of its words in the text, if it has more than any other; in a
    language with a default (Italian), that default unless another country's words outnumber it."""
    markers, defaults = _markers()
    counts = {
        country: len(pattern.findall(text)) for country, pattern in markers.get(language or "", {}).items()
    }
    ranked = sorted(counts.values(), reverse=True)
    if ranked and ranked[0] > (ranked[1] if len(ranked) > 1 else 0):
        return max(counts, key=lambda country: counts[country])
    return defaults.get(language or "")


@cache
def _markers() -> tuple[dict[str, dict[str, re.Pattern[str]]], dict[str, str]]:
    data = shipped("domestic.yaml")
    assert isinstance(data, dict)
    markers = {
        language: {country: _pattern(words) for country, words in countries.items()}
        for language, countries in data.items()
        if language != "defaults"
    }
    return markers, dict(data.get("defaults", {}))


def _pattern(words: list[str]) -> re.Pattern[str]:
    """Whole words, as written (case kept: "Comune" the body, not "comune" the adjective); a
    symbol may touch its number ("R$1.200")."""
    return re.compile("|".join(_whole(str(w)) for w in sorted(words, key=len, reverse=True)))


def _whole(word: str) -> str:
    start = r"(?<!\w)" if word[0].isalnum() else ""
    end = r"(?!\w)" if word[-1].isalnum() else ""
    return start + re.escape(word) + end
