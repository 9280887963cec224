"""The words a practice of this field is called by, inside its own name: "Tonsley Innovation
District", "Cooperativa Agrária", "Parque de Ciência e Tecnologia Guamá", "Computer Village".

A labeller's programme is as often the practice itself (a park, a district, a cooperative) as a
scheme that funds it; such a name holds one of these words, while the universities, agencies and
places a text also names seldom do. Words that as often name something else are left out or
taken only with the word that makes them a practice's: a market, a hub, a campus or a zone
("Single Market", "Zona Euro", "Zona Industriale Nord", "Campus Party"; a free zone is one),
"estate" (summer in Italian; an industrial estate is one), "complex" ("Complex Systems"; an
industrial complex is one), a city (an industrial or economic city is one: "Jubail Industrial
City"). Only the singular counts: "Parques Tecnológicos" or "Science Parks" names a programme or
a chapter about many, not one practice.
"""

from __future__ import annotations

import re

from ingest.metadata.programme_patterns import PROGRAMME_WORDS

PRACTICE_WORDS = (
    r"park|parque|parco|tecnopolo|technopole|technopolis|technopark|techpark|teknokent|teknopark|tecnoparque|"
    r"technoparc|tecnoparco|"
    r"district|distretto|distrito|cluster|p[oó]lo|arranjo|APL|aglomerado|"
    r"cooperativ[ae]|co-operative|consorzio|cons[oó]rcio|consortium|"
    r"village|valley|incubator|incubatore|incubadora|"
    r"industrial[ \t]+(?:complex|estate|city)|complexo[ \t]+industrial|economic[ \t]+city|cidade[ \t]+industrial|"
    r"citt[aà][ \t]+industriale|"
    r"zona[ \t]+franca|free[ \t]+zone|(?:special[ \t]+)?economic[ \t]+zone|zona[ \t]+econ[oó]mica[ \t]+especial|"
    r"zona[ \t]+economica[ \t]+speciale"
)
_PRACTICE = re.compile(rf"(?i)(?<![\w-])(?:{PRACTICE_WORDS})(?![\w-])")
_A_PERSON = re.compile(r"(?i)\bMarco[ \t]+Polo\b|\bPolo[ \t]+Ralph\b")


_SCHEME_AFTER = re.compile(
    rf"(?i)(?<![\w-])(?:{PROGRAMME_WORDS}|strategy|strategia|estrat[eé]gia|platform)(?![\w-])"
)
"""A scheme's word after the practice's: the practice word qualifies the scheme ("European Cluster
Excellence Initiative", "Cluster Development Programme"), which is what the name names."""


def names_a_kind_of_practice(name: str) -> bool:
    """Whether the name holds a word for a kind of practice ("Distretto serico comasco"), as what it
    names (not "European Cluster Excellence Initiative")."""
    found = _PRACTICE.search(name)
    return bool(found) and not _A_PERSON.search(name) and not _SCHEME_AFTER.search(name, found.end())


def title_side(name: str) -> str | None:
    """The side of a title's dash that names a practice, when the other is a phrase naming none
    ("Minutes of the Annual General Assembly — Croatian Wood Cluster", "From Olive Groves to Export
    Markets — the Jaén Olive Oil Cluster"): a run of capitalised words across the dash is two phrases,
    not one name ("UPTEC – Parque de Ciência e Tecnologia" is a brand and its kind). Both sides may
    name a kind ("From Village Looms …": a village is one), and then neither is taken."""
    parts = _TITLE_DASH.split(name)
    kinds = [names_a_kind_of_practice(part) for part in parts]
    if len(parts) != 2 or kinds.count(True) != 1 or len(parts[kinds.index(False)].split()) < TITLE_WORDS:
        return None
    return _ARTICLE.sub("", parts[kinds.index(True)])


TITLE_WORDS = 3
"""The words at least of the side that names no practice: a phrase, not a brand ("Proplast")."""
_TITLE_DASH = re.compile(r"[ \t]+[–—][ \t]+")
_ARTICLE = re.compile(r"^(?:the|il|lo|la|o|a|os|as)[ \t]+")  # in lower case: "La Spezia" is a place


_ZONE_WORDS = (
    r"franca|pilota|econ[oô]mica|especial|speciale|libero|livre|scambio|com[eé]rcio|"
    r"trasformazione|transforma[cç][aã]o|processamento|esportazione|exporta[cç][aã]o|sviluppo|desenvolvimento|"
    r"di|de|del|per|para|l['’]"
)
ZONE = re.compile(  # "Zona franca di esportazione di Masan", "Zona pilota di libero scambio di Shanghai"
    rf"(?<![\w'’])(?P<name>(?:Zona[ \t]+(?:(?:{_ZONE_WORDS})(?:[ \t]+|(?<=['’]))){{1,6}}?"
    r"|Porto[ \t]+(?:[Ff]ranco|[Ll]ivre)(?:[ \t]+[Ii]nternazionale)?[ \t]+)"
    r"(?:di|de|da|do)[ \t]+"
    r"(?P<place>[A-ZÀ-Ý][\w'’-]+(?:[ \t]+[A-ZÀ-Ý][\w'’-]+)?))"
)
"""A zone or a free port named in Italian or Portuguese, its kind in lower case, then its place
("Porto franco di Amburgo"; not an industrial zone's name: "Zona industriale di Prato" is where
firms are; nor a trade bloc's free-trade area, "Zona de livre comércio do Mercosul", which
``programme_names`` leaves out with a country's)."""
TRADE_BLOCS = frozenset(
    "mercosul mercosur asean sadc comesa cedeao ecowas efta nafta usmca caricom sica can uemoa".split()
)
