"""Countries' names that are also a word, a name or another place: "Jordan", "Turkey", "Georgia".

kb/data/countries.yaml lists them as ``ambiguous``: weak evidence, and only where they stand alone.
A state that bears one of them ("Georgia", the American state; "Niger", the Nigerian state) counts
for its own country only where the text places it there otherwise.
"""

from __future__ import annotations

import re

from ingest.metadata.matching import Mention, NameMatcher
from ingest.metadata.places import PlaceMatcher

_ALONE_AFTER = re.compile(r"(?:['’]s\b|[ \t]*(?:[,.;:)!?]|$)|[ \t]+(?:and|or|e|ed|ou|o)\b)")


def standing_alone(text: str, mention: Mention) -> bool:
    """An ambiguous name standing alone: "Jordan's ports", "between Jordan and Israel", "in Turkey.",
    not "Turkey growers", "Chad Harris", "Georgia Tech", "New Guinea" or "Michael Jordan"."""
    before = text[max(0, mention.start - 30) : mention.start].split()
    after = text[mention.start + len(mention.text) :]
    return not (before and before[-1][:1].isupper() and before[-1][-1:].isalpha()) and bool(
        _ALONE_AFTER.match(after)
    )


def namesakes_placed(
    mentions: list[Mention],
    places: set[int],
    title_mentions: list[Mention],
    title_places: list[Mention],
    ambiguous: NameMatcher | PlaceMatcher,
    text: str = "",
    title: str = "",
) -> tuple[list[Mention], list[Mention]]:
    """The text's and the title's mentions, less the places bearing an ambiguous country's name where
    no other place of their own country is named: "the port of Poti, in Georgia" is the country, and
    so is "Georgia's agency … as in the United States", while "Atlanta, Georgia" is the state.
    ``places``: where the text's places start; ``title_places``: the title's places; ``ambiguous``:
    the matcher of the ambiguous names."""

    def namesake(mention: Mention, is_place: bool, written: str) -> bool:
        return (
            is_place
            and any(a.value != mention.value for a in ambiguous.find(mention.text))
            and not a_state_said(written, mention)
        )

    flagged = [namesake(m, m.start in places, text) for m in mentions]
    # another place of its country ("Atlanta, Georgia"), not the country's name in a comparison
    placed = {m.value for m, flag in zip(mentions, flagged, strict=True) if m.start in places and not flag}
    kept = [m for m, flag in zip(mentions, flagged, strict=True) if m.value in placed or not flag]
    titled = [m for m in title_mentions if m.value in placed or not namesake(m, m in title_places, title)]
    return kept, titled


_STATE_BEFORE = re.compile(r"(?i)\b(?:state|estado|stato)[ \t]+(?:of|de|do|di|del|dello)[ \t]+$")
_STATE_AFTER = re.compile(r"[ \t]+State\b")


def a_state_said(written: str, mention: Mention) -> bool:
    """The text says the name is a state's: "the state of Georgia", "o estado de Niger", "Niger State"."""
    before = written[max(0, mention.start - 20) : mention.start]
    return bool(
        _STATE_BEFORE.search(before) or _STATE_AFTER.match(written, mention.start + len(mention.text))
    )
