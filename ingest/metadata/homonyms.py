"""A town's name that names another place here: "Henderson, sulla costa dell'Australia Occidentale"
(not the city in Nevada).

The gazetteer knows each big city once, by its name alone, and a name alone is shared: a town the
text places itself, by the country it names right after it, is not that city.
"""

from __future__ import annotations

import re

from ingest.metadata.matching import Mention

AFTER = 40
"""Characters after a town, within its sentence, where the country it lies in is said."""
_PLACING = re.compile(r"[ \t]*[,(]")
"""A town is placed after a comma or a bracket ("Henderson, sulla costa dell'Australia", "Trang
(Vietnam)"); not by a verb ("Le imprese di Milano vendono in Germania")."""
_LISTED = re.compile(r"(?i)(?:\b(?:e|ed|and|or|ou|o|y|to|a|para|verso|towards|from|da|de|di)\b|,.*,)")
"""Words that make the next country another place (a list, a route): "Verona, Milano e della
Germania", "to Ho Chi Minh City or across the border to China"."""
_SENTENCE_END = re.compile(r"[.!?;\n]")


def placed_elsewhere(town: Mention, text: str, countries: list[Mention]) -> bool:
    """The text names another country right after the town, set off by a comma or a bracket, with
    no list or route between ("Henderson, sulla costa dell'Australia Occidentale")."""
    end = town.start + len(town.text)
    if not _PLACING.match(text, end):
        return False
    stop = _SENTENCE_END.search(text, end, end + AFTER)
    limit = stop.start() if stop else end + AFTER
    return any(
        end <= c.start < limit and c.value != town.value and not _LISTED.search(text[end : c.start])
        for c in countries
    )
