"""World regions as the glossary's place concepts: a region's names and its countries' names.

A document about Honduras never says "Central America", yet an adviser who asks for
"America Centrale" wants it. A region typed in a query therefore counts as found where any
of its countries (or its sub-regions) is named, in any of our languages. Membership comes from
kb/data/regions.yaml (UN M49 codes); names in pt/it/en from Babel. Only a region's full
name expands: a lone "Sud" or "central" stays an ordinary word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from babel import Locale


@dataclass(frozen=True)
class Region:
    code: str  # UN M49
    names: dict[str, tuple[str, ...]]  # language → the region's name
    members: dict[str, tuple[str, ...]]  # language → names of every country and sub-region inside


@cache
def _table() -> dict[str, tuple[str, ...]]:
    text = resources.files("kb").joinpath("data", "regions.yaml").read_text(encoding="utf-8")
    return {str(code): tuple(str(m) for m in members) for code, members in yaml.safe_load(text).items()}


def inside(region: str) -> list[str]:
    """Every country and sub-region within ``region``, outermost first."""
    found: list[str] = []
    for member in _table().get(region, ()):
        found += [member, *inside(member)]
    return found


def regions(languages: tuple[str, ...]) -> list[Region]:
    """Every region of the table with its names and its members' names in ``languages``."""
    names = {lang: Locale.parse(lang).territories for lang in languages}
    out = []
    for code in _table():
        members = inside(code)
        out.append(
            Region(
                code,
                {lang: (names[lang][code],) for lang in languages if code in names[lang]},
                {lang: tuple(names[lang][m] for m in members if m in names[lang]) for lang in languages},
            )
        )
    return out
