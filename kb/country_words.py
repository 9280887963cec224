"""Countries as the glossary's concepts: their names in pt/it/en and the words for their people.

An adviser asks for "vinhos chilenos" or "vini cileni", and the practice that answers, in English,
says "Chile" and "Chilean". A demonym typed in one language meets the country's names and demonyms
in every language, in a passage's text and in the names field, which holds a document's countries
by their Babel names (:func:`kb.store.names_text`). Demonyms and abbreviations come from
kb/data/countries.yaml, where the forms that are also everyday words were left out; a country name
that is also a word or another place ("Chad", "Turkey", "Jordan": the file's ignore list) is left
out here too, as is the European Union (an institution, the glossary's own concept).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from kb.yaml_data import shipped

NOT_A_COUNTRY = "EU"


@dataclass(frozen=True)
class CountryWords:
    code: str  # ISO 3166 alpha-2
    names: dict[str, str]  # language → the country's name (Babel)
    demonyms: tuple[str, ...]  # in any of the languages, as countries.yaml lists them
    abbreviations: tuple[str, ...]  # "EUA", "USA", "UK"


@cache
def country_words(languages: tuple[str, ...]) -> tuple[CountryWords, ...]:
    """Every country countries.yaml gives demonyms for, with its names in ``languages``."""
    data = shipped("countries.yaml")
    ignored = {str(n) for n in data.get("ignore", [])}  # type: ignore[union-attr]
    ambiguous = {str(n) for names in data.get("ambiguous", {}).values() for n in names}  # type: ignore[union-attr]
    abbreviations = data.get("abbreviations", {})  # type: ignore[union-attr]
    territories = {lang: Locale.parse(lang).territories for lang in languages}
    found = []
    for code, demonyms in data.get("demonyms", {}).items():  # type: ignore[union-attr]
        if code == NOT_A_COUNTRY:
            continue
        names = {
            lang: name
            for lang in languages
            if (name := territories[lang].get(code)) and name not in ignored | ambiguous
        }
        found.append(
            CountryWords(
                code,
                names,
                tuple(str(d) for d in demonyms),
                tuple(str(a) for a in abbreviations.get(code, ())),
            )
        )
    return tuple(found)
