"""A town's name that names another place here: "Trang" of "Bat Trang" (a Vietnamese village, not the
Thai city), "Henderson, sulla costa dell'Australia Occidentale" (not the city in Nevada).

The gazetteer knows each big city once, by its name alone, and a name alone is shared: a place the
text places itself, by a longer name or by the country it names right after it, is not that city.
"""

from __future__ import annotations

import re

from ingest.metadata.matching import Mention
from kb.text import STOPWORDS, fold

AFTER = 40
"""Characters after a town, within its sentence, where the country it lies in is said."""
_LISTED = re.compile(r"(?i)(?:\b(?:e|ed|and|or|ou|o|y|to|a|para|verso|towards|from|da|de|di)\b|,.*,)")
"""Words that make the next country another place (a list, a route): "Verona, Milano e della
Germania", "to Ho Chi Minh City or across the border to China"."""
_CAPITALISED_BEFORE = re.compile(r"(?<=[\w,][ \t])([A-ZÀ-Ý][\w'’-]*)[ \t]+$")
"""A capitalised word inside a sentence (after a word or a comma: "Hoje Lisboa" opens one)."""
_TWO_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*[ \t]+[A-ZÀ-Ý][\w'’-]*[ \t]+$")
_SENTENCE_END = re.compile(r"[.!?;\n]")


def placed_elsewhere(town: Mention, text: str, countries: list[Mention]) -> bool:
    """The town ends a two-word name ("Bat Trang"; not "Em Lisboa", nor a longer name that ends with
    where it works, "Programma di Sviluppo Rurale Campania"), or the text names another country in its
    sentence right after it ("Henderson, … dell'Australia")."""
    before = _CAPITALISED_BEFORE.search(text[max(0, town.start - 30) : town.start])
    if (
        before
        and fold(before.group(1)) not in STOPWORDS
        and not _TWO_BEFORE.search(text[max(0, town.start - 80) : town.start])
    ):
        return True
    end = town.start + len(town.text)
    stop = _SENTENCE_END.search(text, end, end + AFTER)
    limit = stop.start() if stop else end + AFTER
    return any(
        end <= c.start < limit and c.value != town.value and not _LISTED.search(text[end : c.start])
        for c in countries
    )
