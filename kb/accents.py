"""Accents a query typed without them most likely lost, so its words still meet their stems.

Advisers often type Portuguese without accents ("exportacao", "sao paulo"). Passages are stemmed
as written, with their accents, and Snowball cuts an accented word otherwise than the same word
bare: Portuguese "exportação" and "exportações" are both "export", "exportacao" is "exportaca".
A bare query word therefore also asks for the stem of its likely accented spelling, in the
language whose endings it restores. Only endings whose bare form Snowball cuts differently are
restored; an ending typed with its accents is taken as written.
"""

from __future__ import annotations

import re

from kb.text import fold

ENDINGS = {
    "pt": (
        (r"coes", "ções"),
        (r"cao", "ção"),
        (r"oes", "ões"),
        (r"aes", "ães"),
        (r"ao", "ão"),
        (r"encia", "ência"),
        (r"encias", "ências"),
        (r"ancia", "ância"),
        (r"ancias", "âncias"),
        (r"aveis", "áveis"),
        (r"avel", "ável"),
        (r"iveis", "íveis"),
        (r"ivel", "ível"),
    ),
    "it": ((r"ita", "ità"),),
}
"""Per language, a bare ending and its accented spelling, longest first where one ends another."""
_RULES = {
    language: [(re.compile(rf"(?<=\w){bare}$", re.IGNORECASE), accented) for bare, accented in endings]
    for language, endings in ENDINGS.items()
}


def accented(text: str, language: str) -> str:
    """``text`` with each bare word's ending accented as ``language`` writes it ("cooperacao" is
    "cooperação", "sao paulo" "são paulo"); unchanged where nothing applies."""
    return " ".join(_accented_word(word, language) for word in text.split(" "))


def _accented_word(word: str, language: str) -> str:
    """A word whose ending lacks its accents, even where another letter has one ("certificaçao"),
    with that ending accented, in lower case; any other word as typed."""
    folded = fold(word)
    for rule, ending in _RULES.get(language, ()):
        if rule.search(folded):
            return word if word.lower().endswith(ending) else rule.sub(ending, folded)
    return word
