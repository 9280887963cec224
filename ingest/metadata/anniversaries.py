"""A founding year told as an anniversary: "comemorou os seus 60 anos", "the cluster's twentieth
anniversary this year", "festeggia i suoi trent'anni". A press release or a news item dated 2023 that
says so was founded in 1963 or 2003, though it writes no such year."""

from __future__ import annotations

import re

from ingest.metadata.matching import trie_pattern
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
    **dict.fromkeys(["one hundred", "a hundred", "cem", "cento"], 100),
}
_ORDINALS = {
    "fifth": 5, "tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "quinto": 5, "decimo": 10, "vigesimo": 20, "trigesimo": 30, "quadragesimo": 40, "quinquagesimo": 50,
    "sexagesimo": 60, "septuagesimo": 70, "setuagesimo": 70, "octogesimo": 80, "nonagesimo": 90, "centesimo": 100,
    "ventesimo": 20, "trentesimo": 30, "quarantesimo": 40, "cinquantesimo": 50, "sessantesimo": 60,
    "settantesimo": 70, "ottantesimo": 80, "novantesimo": 90,
}  # fmt: skip
_DECADES = {
    "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8,
}  # fmt: skip


_CELEBRATES = (
    r"(?:comemor(?:a|am|ou|aram)|celebr(?:a|am|ou|aram|ates|ated|ating|ano|ato)|festej(?:a|am|ou|aram)|"
    r"festeggi(?:a|ano|ato)|complet(?:a|am|ou|aram)|compie|compiuto|turns|turned)"
)
"""An organisation keeping its anniversary (in the present or the past): not "marks" or "completato",
which count other spans ("served the market for 20 years", "sarà completato in 5 anni")."""
_GAP = r"(?:[ \t]+(?!(?:por|per|for|in|em|di|durante|during|ate|fino|until)\b)[\w']+){0,4}?"
"""Up to four words between the verb and the count ("comemorou neste mês os seus"), none that makes
the count a span of something else ("celebrado por 5 anos", "completed in five years")."""
_NOT_AGE = r"(?![ \t]+(?:de[ \t]+idade|di[ \t]+eta|of[ \t]+age|old|de[ \t]+garantia|di[ \t]+garanzia|of[ \t]+funding))"
_FOUNDING_ANNIVERSARY = re.compile(
    rf"\b(?:(\d{{1,3}})\.?(?:st|nd|rd|th|º|°|o)?|({trie_pattern(_ORDINALS)}))[ \t]+(?:anniversary|aniversario|anniversario)"
    r"[ \t]+(?:of[ \t]+(?:the|its|their)|della|dalla|da|de)[ \t]+"
    r"(?:costituzione|fondazione|nascita|creazione|fundacao|criacao|constituicao|founding|foundation|establishment|creation)\b"
)  # fmt: skip
"""The founding's own anniversary, whoever keeps it: "ricorre il settantesimo anniversario della
costituzione", "o 50.º aniversário da fundação", "the 60th anniversary of its founding"."""
_YEARS_SINCE_FOUNDING = re.compile(
    rf"\b(\d{{1,3}}|{trie_pattern(_CARDINALS)})(?:[ \t]+|['’])(?:anos|anni|years)[ \t]+(?:da|dalla|dalla sua|desde a|since(?: its| their)?)"
    r"[ \t]+(?:fondazione|fundacao|founding|foundation|establishment)\b"
    r"(?![ \t]+(?:d[aeiou]s?|del|dell[aoe]?|dei|degli|of)\b)"
)  # fmt: skip
"""The years since the founding, counted: "i 120 anni dalla fondazione", "60 years since its founding";
not another's ("150 anos da fundação do município"), nor a constitution's or a person's birth."""
_PATTERNS = (
    # "comemorou neste mês os seus 60 anos", "festeggia i suoi trent'anni", "celebrates 25 years"
    (re.compile(rf"\b{_CELEBRATES}{_GAP}[ \t]+(\d{{1,3}}|{trie_pattern(_CARDINALS)})(?:[ \t]+|['’])(?:anos|anni|years)\b{_NOT_AGE}"), 1),
    # "celebra seis décadas de cooperação", "festeggia cinque decenni"
    (re.compile(rf"\b{_CELEBRATES}{_GAP}[ \t]+({trie_pattern(_DECADES)})[ \t]+(?:decadas|decenni|decades)\b"), 10),
    # "its 50th anniversary", "the cluster's twentieth anniversary", "o seu 30.º aniversário", "il suo 40° anniversario"
    (
        re.compile(
            rf"\b(?:its|their|[\w-]+'s|seu|sua|suo)[ \t]+(?:own[ \t]+)?(?:(\d{{1,3}})\.?(?:st|nd|rd|th|º|°|o)?|({trie_pattern(_ORDINALS)}))"
            r"[ \t]+(?:anniversary|aniversario|anniversario)\b(?![ \t]+(?:edition|edicao|edizione|of|de|di|del|della|do|da)\b)"
        ),
        1,
    ),
    (_FOUNDING_ANNIVERSARY, 1),
    (_YEARS_SINCE_FOUNDING, 1),
)  # fmt: skip


OPENING = 3000


def founding_from_anniversary(text: str, dated: int | None) -> int | None:
    """The year of writing ``dated`` less the years of the first anniversary the text's opening tells
    (a long report's history section tells other anniversaries), if any."""
    if dated is None:
        return None
    folded = fold(text[:OPENING])
    found = [(m.start(), m, scale) for pattern, scale in _PATTERNS if (m := pattern.search(folded))]
    if not found:
        return None
    _, match, scale = min(found, key=lambda f: f[0])
    written = next(g for g in match.groups() if g)
    years = scale * (
        int(written) if written.isdigit() else (_DECADES if scale == 10 else _CARDINALS | _ORDINALS)[written]
    )
    return dated - years if 5 <= years <= 200 else None


def tells_founding_anniversary(text: str) -> bool:
    """Whether the opening names the founding's anniversary itself: that tells the start more surely
    than any year the text writes (a minutes' "Bilancio 2023")."""
    folded = fold(text[:OPENING])
    return any(pattern.search(folded) for pattern in (_FOUNDING_ANNIVERSARY, _YEARS_SINCE_FOUNDING))
