"""The one district or cluster a text names, however seldom: a news item or a travel note names "o
polo do mármore do Anticlinal de Estremoz" once and then its quarries and firms. Asked only when
nothing else names the practice, so it must be the text's own district: named after an article,
with a trade, not only compared with ("Ao contrário do polo calçadista de Franca"), nor a service's
district ("distretto notarile", "polo de vacinação"), nor a country's ("the Chinese shoe cluster").
"""

from __future__ import annotations

import re

from ingest.metadata.district_names import (
    CLUSTER_AFTER,
    capitalised_whole,
    country_adjectives,
    districts,
    english_clusters,
    introduced,
    not_a_trade,
    trade_words,
)
from ingest.metadata.place_names import a_place
from kb.taxonomy import default_taxonomy
from kb.text import fold

_COMPARED = re.compile(
    r"(?i)(?:\b(?:ao contr[áa]rio d[oa]s?|diferentemente d[oa]s?|como n?o|tal como o|come (?:il|nel|per il)|"
    r"a differenza (?:del|dello|della)|rispetto al|diversamente dal|like|unlike|as in|compared (?:with|to)|"
    r"than|rivals?|compete[sd]? with|competing with)[ \t]+(?:the[ \t]+)?)$"
)
"""Words before a district only compared with: "Ao contrário do polo calçadista de Franca", "Come il
distretto della ceramica di Sassuolo", "Like the Tiruppur knitwear cluster"."""
_CLAUSE = frozenset(
    "presente presenti attivo attiva attivi operante operanti diffuso diffusa radicato situato situata "
    "localizzato numerosi numerose vari varie diversi diverse molti molte".split()
)
"""Words that make "nel distretto presente in molti comuni della Brianza" a clause, not a trade."""
_BODY_WORDS = frozenset(
    "confindustria sebrae senai senac camera associazione associacao consorzio consorcio universita "
    "universidade comune prefeitura regione governo ministero ministerio".split()
)
"""Words of a body joined to a district's place by "e" ("… di Sassuolo e Confindustria Ceramica")."""


def lone_district(text: str) -> str | None:
    """The one district or English cluster a text names (see the module's docstring), its longest
    form, capitalised."""
    found: dict[str, str] = {}
    for match in [*districts(text), *english_clusters(text)]:
        words = [fold(w) for w in re.findall(r"[\w'’-]+", match.group())]
        if _COMPARED.search(match.string[max(0, match.start() - 40) : match.start()]) or not_a_trade(words):
            continue
        place = _own_district(match)
        if place is None:
            continue
        written = re.sub(r"\s+", " ", match.group())
        if len(written) > len(found.get(place, "")):
            found[place] = written
    if len(found) != 1:
        return None
    name = found.popitem()[1]
    return name[0].upper() + name[1:]


def _own_district(match: re.Match[str]) -> str | None:
    """The place (folded) of a district named the field's way, or None for one not introduced, with
    no trade or a clause for one, a country's or joined to a body."""
    if match.re is CLUSTER_AFTER:
        first = match.group().split()[0]
        return None if first.casefold() in country_adjectives() else fold(match.group())
    trade = trade_words(match)
    if capitalised_whole(match) or not introduced(match) or not trade or _CLAUSE & {fold(w) for w in trade}:
        return None
    place = match.group(2)
    joined = re.split(r"[ \t]+(?:e|ed|and|y)[ \t]+", place)
    if any(_a_body(part) for part in joined[1:]):
        return None
    return fold(place)


def _a_body(part: str) -> bool:
    """A body, not a place, after a district's place and "e" ("Confindustria Ceramica", "Sebrae PE")."""
    words = {fold(w) for w in part.split()}
    return bool(words & _BODY_WORDS) or (
        not a_place(part) and any(o.name == part for o in default_taxonomy().organisations)
    )
