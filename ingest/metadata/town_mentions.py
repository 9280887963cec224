"""Small towns a text names as places: after a word that places them, listed together, or written
so often that they are its subject; not a surname or a brand, nor a word the text also writes in
lower case."""

from __future__ import annotations

import re
from collections import Counter

from ingest.metadata.matching import Mention

LIST_JOIN = re.compile(
    r"^\s*(?:,|/|e|ed|and|y|ou|o|or)\s*(?:(?:a|ao|aos|à|às|o|os|no|na|nos|nas|em|in|the|il|lo|la|le|i|gli|"
    r"l'|nel|nella|negli)\s*)?$"
)
_LOCATIVE = re.compile(
    r"(?:^|\W)(?:in|em|a|à|nel|nella|no|na|near|at|di|de|do|da|from|dal|dalla|around)[ \t]+$"
)
"""Words that put what follows in a place: a small town named after one is a place."""


OFTEN = 4
"""Times a text writes a small town's name for the town to count wherever it is written: the text's
subject ("Galway produces …", "Galway's anchors …")."""


def towns_as_places(found: list[Mention], text: str) -> list[Mention]:
    """Small towns the text names as places, not as a surname or a brand: after a word that
    places ("a Lecco", "em Caldas da Rainha") or a field's colon, or listed with another town of
    the same country ("Silves, Tavira e Loulé"); never a town it also writes in lower case."""
    found = [m for m in found if not as_a_word(m.text, text)]
    paired = {
        i
        for a, b in zip(range(len(found)), range(1, len(found)), strict=False)
        if found[a].value == found[b].value
        and LIST_JOIN.match(text[found[a].start + len(found[a].text) : found[b].start])
        for i in (a, b)
    }
    often = Counter(m.text for m in found if _by_itself(m, text))
    return [
        m
        for i, m in enumerate(found)
        if i in paired or often[m.text] >= OFTEN or _LOCATIVE.search(text[max(0, m.start - 12) : m.start])
    ]


def as_a_word(name: str, text: str) -> bool:
    return bool(re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text))


def _by_itself(mention: Mention, text: str) -> bool:
    """A town's name written by itself: not a speaker's label ("Tavares:"), nor a word of a longer name
    ("the Marshall Plan", "Frank Marshall")."""
    end = mention.start + len(mention.text)
    after = re.match(r"[ \t]*(?::|[A-ZÀ-Ý])", text[end : end + 3])
    before = re.search(r"[A-ZÀ-Ý][\w'’-]*[ \t]+$", text[max(0, mention.start - 30) : mention.start])
    return after is None and before is None
