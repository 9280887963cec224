"""Whether a name is a place: where a programme runs, not its name ("Lisboa", "Estado de São Paulo",
"Anambra State", "Bari e Valle d'Itria")."""

from __future__ import annotations

import re
from functools import cache

import pycountry

from ingest.metadata.gazetteer import folded_places, only_compass_words, place_countries
from ingest.metadata.programme_keys import country_names
from ingest.metadata.programme_patterns import BODIES, PROGRAMME_WORDS
from kb.taxonomy import default_taxonomy
from kb.text import fold


def a_place(name: str) -> bool:
    """A country, region or town (also as "Estado de …", "… State"), its people ("Estonian"), a
    region named by its direction ("North-West", "NORTE"), or two places listed ("Bari e Valle d'Itria")."""
    core = _ADMINISTRATIVE.sub("", re.sub(r"['’]s$", "", name))  # "Sri Lanka's"
    return (
        fold(core) in _places()
        or only_compass_words(name.title())
        or _places_joined(name)
        or _part_of_a_place(core)
    )


_PART_OF = re.compile(
    r"(?i:Norte|Nordeste|Noroeste|Sul|Sudeste|Sudoeste|Leste|Oeste|Centro|Nord|Sud|Est|Ovest|North|South|East|"
    r"West|Northeast|Northwest|Southeast|Southwest|Northern|Southern|Eastern|Western|Central)"
    r"(?:[ -](?i:Ovest|Est|Oeste|Leste|East|West))?[ \t]+"
    r"(?:(?i:d[eoa]s?|di|del|della|of(?:[ \t]+the)?)[ \t]+|(?i:dell)['’][ \t]*)?(?P<place>.+)"
)


def _part_of_a_place(name: str) -> bool:
    """ "Oeste do Paraná", "Nordeste do Brasil", "Sud dell'Italia", "Northern Italy", "OESTE DO
    PARANÁ": a known place's part named by its direction is a place too."""
    part = _PART_OF.fullmatch(name)
    return bool(part) and fold(_ADMINISTRATIVE.sub("", part.group("place"))) in _places()


_ADMINISTRATIVE = re.compile(
    r"^(?:Estado|Stato|State|Province|Provincia|Prov[ií]ncia|Regi[ãa]o|Regione|Region|Munic[ií]pio|Comune|"
    r"Bairro|Quartiere|Borough)"
    r"[ \t]+(?:d[eoa]s?|di|del|della|dell['’]|of(?:[ \t]+the)?)[ \t]+|[ \t]+(?:State|Province|Region|County)$"
)
"""A place's administrative kind around its name: "Estado de São Paulo", "Anambra State", a town's
part ("Bairro do Recife")."""


_PROGRAMME_WORD = re.compile(rf"(?i)\b(?:{PROGRAMME_WORDS})\b")
"""A programme's word makes a name of places a scheme's ("Programa Lisboa e Vale do Tejo")."""
_JOINED = re.compile(r"[ \t]+(?:e|ed|and|y|und)[ \t]+(?:(?:della|del|d[aeio]|the)[ \t]+|dell['’])?")


def _places_joined(name: str) -> bool:
    """ "Bari e Valle d'Itria", "Borba e Vila Viçosa", "Cile e della Polonia", "Val di Non e della Val di
    Sole": two places listed, each known or named as land (a valley, a town), one of them known unless
    both are land "of" somewhere; no digit and no programme word in either part. Two known towns
    joined by a dash are a route ("Minsk–Mosca", the motorway beside a park); two countries so joined
    name a cross-border programme ("Italia–Svizzera")."""
    dashed = re.split(r"[ \t]*[–—][ \t]*", name)
    if len(dashed) == 2 and all(fold(p) in _places() and fold(p) not in country_names() for p in dashed):
        return True
    parts = _JOINED.split(name)
    if len(parts) != 2 or any(ch.isdigit() for ch in name) or _PROGRAMME_WORD.search(name):
        return False
    known = [fold(p) in _places() for p in parts]
    geographic = [_GEOGRAPHIC.match(p) is not None for p in parts]
    return (
        all(p[:1].isupper() for p in parts)
        and all(k or g for k, g in zip(known, geographic, strict=True))
        and (any(known) or all(_LAND_OF.match(p) for p in parts))
    )


_GEOGRAPHIC = re.compile(
    r"(?:Vale|Valle|Val|Serra|Sierra|Costa|Alto|Alta|Baixo|Bassa|Vila|Villa|Monte|Ponte|Porto|Riviera)\b"
)
"""A place's first word that says what kind of land it is ("Valle d'Itria", "Vila Viçosa")."""
_LAND_OF = re.compile(rf"{_GEOGRAPHIC.pattern}[ \t]*(?:d['’]|(?:d[aeio]s?|del|della|dei)[ \t]+)[A-ZÀ-Ý]")
"""Land named by what it is "of": "Val di Non", "Valle d'Itria" (not "Alta Formazione", "Porto Digital")."""


@cache
def _places() -> frozenset[str]:
    """Countries, regions and towns, folded: a place is where a programme runs, not its name."""
    taxonomy = default_taxonomy()
    demonyms = {  # capitalised as in English ("Estonian"); "russo", "greco" are also Italian surnames
        fold(d)
        for found in taxonomy.country_extras.get("demonyms", {}).values()
        for d in found
        if d[:1].isupper()
    }
    return folded_places(_country_name_forms()) | country_names() | demonyms | _lower_subdivisions()


def a_large_place(name: str) -> bool:
    """A country, a region or a city the gazetteer counts as evidence of its country (not a small
    town, whose name is as often a word: "Summit")."""
    return fold(name) in _large_places()


@cache
def _large_places() -> frozenset[str]:
    return frozenset(fold(place) for place in place_countries(_country_name_forms())) | country_names()


@cache
def _country_name_forms() -> frozenset[str]:
    """Every name the taxonomy gives a country, as written (the gazetteer's tables are keyed by them)."""
    return frozenset(n for found in default_taxonomy().country_names().values() for n in found)


@cache
def _lower_subdivisions() -> frozenset[str]:
    """Provinces, départements and districts below a country's regions ("Eure-et-Loir", "Davao de
    Oro"): places too, though too many share a name across countries to tell a country."""
    return frozenset(fold(s.name) for s in pycountry.subdivisions if s.parent_code is not None)


def a_town_by_its_state(name: str, text: str) -> bool:
    """ "Jaú (SP)", "Arzignano (VI)": a name of three words at most, no programme's or body's, that the
    text writes with a Brazilian state's or an Italian province's code in brackets, as towns are written;
    or the two written together ("Passo Fundo (RS)", which reads like a name and its acronym)."""
    if (coded := re.fullmatch(r"(.+?)[ \t]*\(([A-Z]{2})\)", name)) and coded.group(2) in _state_codes():
        name = coded.group(1)
    if len(name.split()) > 3 or (_PROGRAMME_WORD.search(name) and not a_place(name)) or BODIES.search(name):
        return False  # "Passo Fundo" is a town, though "fundo" is a fund
    written = re.finditer(rf"(?<!\w){re.escape(name)}[ \t]*\(([A-Z]{{2}})\)", text)
    return any(m.group(1) in _state_codes() for m in written)


def a_road(name: str) -> bool:
    """ "BR-116", "RJ-116", "SC-401": a Brazilian federal or state highway, written with its code."""
    road = re.fullmatch(r"([A-Z]{2})-\d{2,3}", name)
    return bool(road) and (road.group(1) == "BR" or road.group(1) in _subdivision_codes("BR"))


@cache
def _state_codes() -> frozenset[str]:
    """Brazil's states' and Italy's provinces' codes ("SP", "VI")."""
    return _subdivision_codes("BR") | _subdivision_codes("IT")


@cache
def _subdivision_codes(country: str) -> frozenset[str]:
    return frozenset(s.code.split("-")[1] for s in pycountry.subdivisions.get(country_code=country))
