"""Controlled vocabularies: themes, countries, programmes and organisations.

Values are stored canonically (theme ids, ISO 3166-1 alpha-2 codes plus ``EU``,
registry names). Filters accept any alias in any of our languages, ignoring case
and accents; labels are given in the reader's language.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry
import yaml
from babel import Locale

from kb.text import fold
from kb.yaml_data import load_yaml, shipped

LANGUAGES = ("pt", "it", "en")
COUNTRY_NAME_LOCALES = (*LANGUAGES, "pt_PT")
"""Babel's country names: Portugal writes "Benim", "Quénia", "Vietname" where Brazil writes "Benin"."""
EU = "EU"
CLOSED_FIELDS = ("theme", "country", "language")
"""Filters whose every value is known in advance: an unknown one is a typing error, not an empty result."""


def programme_registry() -> Path:
    """The programme registry curators extend: ``KB_PROGRAMME_REGISTRY``, else kb/data/programmes.yaml."""
    configured = os.environ.get("KB_PROGRAMME_REGISTRY", "").strip()
    return (
        Path(configured)
        if configured
        else Path(str(resources.files("kb").joinpath("data", "programmes.yaml")))
    )


def add_programme(name: str, country: str | None = None, organisation: str | None = None) -> None:
    """Append a programme to the registry (a curator confirmed a proposed name); later
    extraction matches it by name, and every process's next taxonomy includes it."""
    entry: dict[str, object] = {"name": name, "aliases": []}
    if organisation:
        entry["organisation"] = organisation
    if country:
        entry["country"] = country
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, default_flow_style=None)
    with programme_registry().open("a", encoding="utf-8") as registry:
        registry.write(block)
    default_taxonomy.cache_clear()


@dataclass(frozen=True)
class Theme:
    id: str
    labels: dict[str, str]
    descriptions: dict[str, list[str]]
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegistryEntry:
    """A programme or an organisation with every name it goes by."""

    name: str
    aliases: tuple[str, ...] = ()
    organisation: str | None = None
    country: str | None = None
    start_year: int | None = None
    abroad: bool = False  # a cooperation agency: it works in other countries than its own

    def __post_init__(self) -> None:
        # the registries' matchers are cached by their tuple of entries, hashed at every look-up
        object.__setattr__(self, "_hash", hash(self._values()))

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined]

    def __reduce__(self) -> tuple[type[RegistryEntry], tuple[object, ...]]:
        # rebuilt from its fields: a string's hash differs from process to process
        return type(self), self._values()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(eq=False)  # hashed by identity, so matchers can be cached per taxonomy
class Taxonomy:
    themes: dict[str, Theme]
    programmes: list[RegistryEntry]
    organisations: list[RegistryEntry]
    country_extras: dict[str, dict[str, list[str]]]
    ignored_country_names: frozenset[str]
    _aliases: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Taxonomy:
        themes_raw = shipped("themes.yaml")
        themes = {
            theme_id: Theme(theme_id, spec["label"], spec["describe"], tuple(spec.get("keywords", ())))
            for theme_id, spec in themes_raw.items()  # type: ignore[union-attr]
        }
        extras = shipped("countries.yaml")
        taxonomy = cls(
            themes=themes,
            programmes=[_entry(e) for e in load_yaml(programme_registry().read_text(encoding="utf-8"))],
            organisations=[_entry(e) for e in shipped("organisations.yaml")],  # type: ignore[union-attr]
            country_extras={k: v for k, v in extras.items() if k != "ignore"},  # type: ignore[union-attr]
            ignored_country_names=frozenset(extras.get("ignore", [])),  # type: ignore[union-attr]
        )
        taxonomy._aliases = {
            "theme": taxonomy._theme_aliases(),
            "country": taxonomy._country_aliases(),
            "programme": _registry_aliases(taxonomy.programmes),
            "organisation": _registry_aliases(taxonomy.organisations),
            "language": _language_aliases(),
        }
        return taxonomy

    # -- names ----------------------------------------------------------------

    def country_names(self) -> dict[str, set[str]]:
        """ISO code → proper names in pt, it and en (Babel, pycountry, the extras file)."""
        names: dict[str, set[str]] = {}
        for country in pycountry.countries:
            found = {country.name, getattr(country, "common_name", country.name)}
            found.add(getattr(country, "official_name", country.name))
            names[country.alpha_2] = found
        for language in COUNTRY_NAME_LOCALES:
            for code, name in Locale.parse(language).territories.items():
                if len(code) == 2 and code.isalpha() and (code in names or code == EU):
                    names.setdefault(code, set()).add(name)
        for group in ("names", "places"):
            for code, extra in self.country_extras.get(group, {}).items():
                names.setdefault(code, set()).update(extra)
        return {
            code: {n for n in found if n not in self.ignored_country_names and "," not in n}
            for code, found in names.items()
        }

    def _country_aliases(self) -> dict[str, str]:
        aliases: dict[str, str] = {}
        for code, found in self.country_names().items():
            for name in found:
                aliases[fold(name)] = code
            aliases[fold(code)] = code
        for group in ("abbreviations", "demonyms"):
            for code, found in self.country_extras.get(group, {}).items():
                for name in found:
                    aliases.setdefault(fold(name), code)
        return aliases

    def _theme_aliases(self) -> dict[str, str]:
        aliases = {}
        for theme in self.themes.values():
            aliases[theme.id] = theme.id
            aliases[theme.id.replace("isation", "ization")] = theme.id  # "internationalization"
            for label in theme.labels.values():
                aliases[fold(label)] = theme.id
        return aliases

    # -- for filters and display ------------------------------------------------

    def canonical(self, field_name: str, value: str) -> str:
        """The stored form of a filter value; unknown values pass through unchanged."""
        table = self._aliases.get(field_name)
        if not table:
            return value.strip()
        return table.get(fold(value.strip()), value.strip())

    def knows(self, field_name: str, value: str) -> bool:
        """Whether a filter value names something of a closed list (a theme, a country, a language) in
        any form the filters accept; any value of an open list (programmes, organisations, years)."""
        if field_name not in CLOSED_FIELDS:
            return True
        return fold(value.strip()) in self._aliases[field_name]

    def label(self, field_name: str, value: str, language: str) -> str:
        """A facet value as a reader of ``language`` should see it."""
        if field_name == "theme" and value in self.themes:
            return self.themes[value].labels.get(language, value)
        if field_name == "country":
            return country_label(value, language)
        if field_name == "language":
            return language_label(value, language)
        return value

    def programme(self, name: str) -> RegistryEntry | None:
        return next((p for p in self.programmes if p.name == name), None)


def _entry(raw: dict[str, object]) -> RegistryEntry:
    return RegistryEntry(
        name=str(raw["name"]),
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),  # type: ignore[union-attr]
        organisation=raw.get("organisation"),  # type: ignore[arg-type]
        country=raw.get("country"),  # type: ignore[arg-type]
        start_year=raw.get("start_year"),  # type: ignore[arg-type]
        abroad=bool(raw.get("abroad", False)),
    )


def _registry_aliases(entries: list[RegistryEntry]) -> dict[str, str]:
    return {fold(name): entry.name for entry in entries for name in entry.names}


@cache
def country_label(code: str, language: str) -> str:
    territories = Locale.parse(language if language in LANGUAGES else "en").territories
    return territories.get(code, code)


def _language_aliases() -> dict[str, str]:
    """Every language's code and its name in pt, it and en ("Português", "portoghese", "Portuguese")
    → its code; documents may be in any language the detector knows, or undetermined ("und")."""
    aliases = {"und": "und"}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).languages.items():
            if "_" not in code:
                aliases[fold(code)] = code
                aliases.setdefault(fold(name), code)
    return aliases


@cache
def language_label(code: str, language: str) -> str:
    names = Locale.parse(language if language in LANGUAGES else "en").languages
    return names.get(code, code).capitalize()


class _OncePerProcess:
    """The taxonomy, loaded once per process, even when two threads first ask at the same time
    (an ingest's metadata and its theme model do): the registries' matchers are cached per tuple
    of entries, and a second, equal copy made every look-up compare ~360 entries field by field
    before it found the matcher built for the first (~4 % of an ingest's own CPU time)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: Taxonomy | None = None

    def __call__(self) -> Taxonomy:
        with self._lock:
            if self._loaded is None:
                self._loaded = Taxonomy.load()
            return self._loaded

    def cache_clear(self) -> None:
        """The next call loads the data files again (a curator extended the registry)."""
        with self._lock:
            self._loaded = None


default_taxonomy = _OncePerProcess()
