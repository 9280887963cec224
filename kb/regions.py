"""World regions: their names in pt/it/en, and a token for each in the names of its countries.

A document about Honduras never says "Central America", yet an adviser who asks for "America
Centrale" wants it. Matching the names of a region's countries in the text would also meet
ordinary words ("Mali" and "mal", "Réunion" and "reunião"), so the lexical index's names field
of a document carries, beside its countries, one token per region around them ("m49region013"),
and a region typed in a query counts as found where its token is. Membership comes from
kb/data/regions.yaml (UN M49 codes); names from Babel, and those people also write from
kb/data/region_names.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from kb.yaml_data import shipped


@dataclass(frozen=True)
class Region:
    code: str  # UN M49
    names: dict[str, tuple[str, ...]]  # language → the region's name
    token: str  # what the names field of a document about a country inside it holds


def region_token(code: str) -> str:
    """A word no text holds, so it meets only the names field it was put in."""
    return f"m49region{code}"


@cache
def _table() -> dict[str, tuple[str, ...]]:
    table = shipped("regions.yaml")
    return {str(code): tuple(str(m) for m in members) for code, members in table.items()}  # type: ignore[union-attr]


@cache
def regions_of(country: str) -> tuple[str, ...]:
    """The M49 codes of every region that holds ``country`` (directly or through a sub-region)."""
    found: list[str] = []
    frontier = [region for region, members in _table().items() if country in members]
    while frontier:
        region = frontier.pop(0)
        if region not in found:
            found.append(region)
            frontier += [parent for parent, members in _table().items() if region in members]
    return tuple(found)


def region_tokens(country: str) -> list[str]:
    return [region_token(code) for code in regions_of(country)]


def regions(languages: tuple[str, ...]) -> list[Region]:
    """Every region of the table with its names in ``languages``: Babel's first, then those people
    also write (kb/data/region_names.yaml: "Sudamerica", "Sul da Europa")."""
    names = {lang: Locale.parse(lang).territories for lang in languages}
    written: dict[str, dict[str, list[str]]] = shipped("region_names.yaml")  # type: ignore[assignment]
    return [
        Region(
            code,
            {
                lang: (names[lang][code], *written.get(code, {}).get(lang, ()))
                for lang in languages
                if code in names[lang]
            },
            region_token(code),
        )
        for code in _table()
    ]
