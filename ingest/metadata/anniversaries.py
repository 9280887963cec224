"""A founding year told as an anniversary: "comemorou os seus 60 anos", "the cluster's twentieth
anniversary this year", "compie trent'anni". A press release or a news item dated 2023 that says so
was founded in 1963 or 2003, though it writes no such year."""

from __future__ import annotations

import re

from kb.text import fold

_CARDINALS = {
    **dict.fromkeys(["five", "cinco", "cinque"], 5),
    **dict.fromkeys(["ten", "dez", "dieci"], 10),
    **dict.fromkeys(["fifteen", "quinze", "quindici"], 15),
    **dict.fromkeys(["twenty", "vinte", "venti", "vent"], 20),
    **dict.fromkeys(["twenty-five", "vinte e cinco", "venticinque"], 25),
    **dict.fromkeys(["thirty", "trinta", "trenta", "trent"], 30),
    **dict.fromkeys(["forty", "quarenta", "quaranta", "quarant"], 40),
    **dict.fromkeys(["fifty", "cinquenta", "cinquanta", "cinquant"], 50),
    **dict.fromkeys(["sixty", "sessenta", "sessanta", "sessant"], 60),
    **dict.fromkeys(["seventy", "setenta", "settanta", "settant"], 70),
    **dict.fromkeys(["seventy-five", "setenta e cinco", "settantacinque"], 75),
    **dict.fromkeys(["eighty", "oitenta", "ottanta", "ottant"], 80),
    **dict.fromkeys(["ninety", "noventa", "novanta", "novant"], 90),
    **dict.fromkeys(["hundred", "one hundred", "cem", "cento"], 100),
}
_ORDINALS = {
    "fifth": 5, "tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_DECADES = {"duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
            "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "due": 2, "tre": 3, "quattro": 4, "sei": 6, "sette": 7, "otto": 8}  # fmt: skip
_NUMBER = rf"(\d{{1,3}}|{'|'.join(sorted(map(re.escape, _CARDINALS), key=len, reverse=True))})"
_ORDINAL = rf"(\d{{1,3}})(?:st|nd|rd|th|º|°|o)?|({'|'.join(sorted(_ORDINALS, key=len, reverse=True))})"
_YEARS = [
    # "comemorou neste mês os seus 60 anos", "festeggia i suoi trent'anni", "celebrates 25 years"
    re.compile(
        rf"\b(?:seus|suoi|sua|completa\w*|comemora\w*|celebra\w*|festeja\w*|festeggia\w*|compi\w*|turn\w*|"
        rf"mark\w*)[ \t]+(?:\w+[ \t]+){{0,2}}?{_NUMBER}(?:[ \t]+|['’])(?:anos|anni|years)\b"
    ),
    # "seis décadas de cooperação" celebrated, "six decades since its founding"
    re.compile(
        rf"\b(?:celebra\w*|comemora\w*|completa\w*|festeja\w*|festeggia\w*|mark\w*)[ \t]+(?:\w+[ \t]+){{0,2}}?"
        rf"({'|'.join(_DECADES)})[ \t]+(?:decadas|decenni|decades)\b"
    ),
    # "its 50th anniversary", "the cluster's twentieth anniversary", "o 30º aniversário", "il 40° anniversario"
    re.compile(rf"\b(?:{_ORDINAL})[ \t]+(?:anniversary|aniversario|anniversario)\b"),
]


def founding_from_anniversary(text: str, dated: int | None) -> int | None:
    """The year of writing ``dated`` less the years an anniversary in the text counts, if it tells one
    (in its opening: a long report's history section tells other anniversaries)."""
    if dated is None:
        return None
    folded = fold(text[:3000])
    for pattern in _YEARS:
        if match := pattern.search(folded):
            years = _years(match, decades=pattern is _YEARS[1])
            if years and 5 <= years <= 150:
                return dated - years
    return None


def _years(match: re.Match[str], decades: bool) -> int | None:
    written = next(g for g in match.groups() if g)
    if decades:
        return 10 * _DECADES[written]
    if written.isdigit():
        return int(written)
    return _CARDINALS.get(written) or _ORDINALS.get(written)
