"""The names texts write for a country's region, beside the one ISO 3166-2 gives.

pycountry names a region as its own people do, in a form made for lists ("Bayern", "Catalunya
[Cataluña]", "Murcia, Región de", "Sichuan Sheng", "Tamil Nādu"); a text in Italian writes
"Baviera", one in English "Sichuan" or "Tamil Nadu". pycountry's own translations give most of
the Italian and English names; its Portuguese ones are few (the countries file adds those).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache

import pycountry

COMPASS = frozenset(
    {"North", "South", "East", "West", "Centre", "Center", "Central", "Nord", "Sud", "Est", "Ovest"}
    | {"Norte", "Sul", "Leste", "Oeste", "Centro"}
)

SUBDIVISION_LANGUAGES = ("it", "en", "pt", "pt_BR")
"""The languages of pycountry's own translations of subdivision names read beside the local name
("Baviera" and "Bavaria" for "Bayern", "Fiandre" for "Vlaams Gewest"); its Portuguese ones are few."""


@cache
def _subdivision_translations() -> list[gettext.NullTranslations]:
    return [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in SUBDIVISION_LANGUAGES
    ]


def region_names(iso_name: str) -> set[str]:
    """Every name texts write for the subdivision ISO calls ``iso_name``: its forms, and those of
    pycountry's translations of it."""
    written = {iso_name, *(t.gettext(iso_name) for t in _subdivision_translations())}
    return {form for name in written for form in region_name_forms(name)}


def region_name_forms(written: str) -> set[str]:
    """The names a subdivision's ISO entry stands for, as a text writes them: "Catalunya
    [Cataluña]" is both names, "Murcia, Región de" is "Región de Murcia" and "Murcia",
    "Taita/Taveta" either half, "Sofia (stolitsa)" "Sofia", "Sichuan Sheng" "Sichuan" and "Tamil
    Nādu" "Tamil Nadu" too; codes ("Stockholms län [SE-01]") are no names."""
    written = re.sub(r"\s*\([^)]*\)", "", written)
    parts = [p.strip() for p in re.split(r"[\[\]/]", written) if p.strip()]
    forms: set[str] = set()
    for part in parts:
        if re.search(r"\d|\b[A-Z]{2}-", part):
            continue
        head, _, tail = part.partition(", ")
        if tail and re.search(r"\b(?:and|e|y|et)\b|,", tail):  # a list ("San Andrés, Providencia y …")
            forms.add(part)
            continue
        forms |= {head, f"{tail} {head}"} if tail else {head}
    forms |= {_CHINESE_KIND.sub("", form) for form in forms}
    return forms | {_plain_latin(form) for form in forms}


_CHINESE_KIND = re.compile(r" (?:\w+zu |Uygur )?(?:Sheng|Shi|Zizhiqu|SAR)$")
"""What a Chinese province's ISO name adds to the name a text writes ("Sichuan Sheng", "Ningxia
Huizu Zizhiqu")."""


def _plain_latin(name: str) -> str:
    """ "Tamil Nādu", "Mahārāshtra" as texts in pt/it/en write them: letters whose marks lie
    outside Latin-1 lose them; "São Paulo" and "Baden-Württemberg" keep theirs."""
    return "".join(c if ord(c) <= 0xFF else unicodedata.normalize("NFD", c)[0] for c in name)


_DIRECTION_WORDS = COMPASS | frozenset(
    "Orientale Occidentale Centrale Meridionale Settentrionale Nordorientale Nordoccidentale "
    "Sudorientale Sudoccidentale Nordest Nordovest Sudest Sudovest Eastern Western Northern Southern "
    "Regione Provincia Region Province Terra Land Capo Estremo del dell' della di of the "
    "Al Ash Awsat Janub Janubiyah Shamal Shamaliyah Shimal Wusta".split()  # Arabic: central, south, north
)
_DIRECTION_FOLDED = frozenset(word.casefold() for word in _DIRECTION_WORDS)


def only_a_direction(name: str) -> bool:
    """ "Regione del Sud", "Provincia dell'Est", "Terra del Nordest", "Nord-Occidentale": a
    translated region name that says only where in its country it lies could be any country's."""
    return all(word.casefold() in _DIRECTION_FOLDED for word in re.split(r"[ -]+|(?<=')", name) if word)
