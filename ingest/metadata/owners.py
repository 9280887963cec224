"""A name without its owner's: the scheme, not the place, body or office that owns or runs it."""

from __future__ import annotations

import re

from ingest.metadata.place_names import a_place
from ingest.metadata.practice_kinds import PRACTICE_WORDS, names_a_kind_of_practice
from ingest.metadata.registry import mentioned
from kb.taxonomy import Taxonomy

_OWNED = re.compile(r"^(.+?)['’]s[ \t]+((?-i:[A-ZÀ-Ý]).*)$")
_MANAGED = re.compile(
    r"^(?:(?:Administration|Directorate|Management|Secretariat)[ \t]+of[ \t]+the[ \t]+(?=[A-ZÀ-Ý])"
    r"|(?:Administração|Direção|Direcção|Gestão|Amministrazione|Direzione|Gestione)[ \t]+"
    rf"(?:d[aoe]s?[ \t]+|del(?:l[aoe])?[ \t]+|dell['’][ \t]*)(?=(?i:{PRACTICE_WORDS})\b)"
    r"|(?:Grupo[ \t]+de[ \t]+Trabalho|Gruppo[ \t]+di[ \t]+[Ll]avoro|Working[ \t]+Group|Comit[êéeè][ \t]+Gestor|"
    r"Steering[ \t]+Committee|Comitato[ \t]+di[ \t]+[Gg]estione|Task[ \t]+Force)"
    r"(?:[ \t]+(?:para|per|for|on|sobre)[ \t]+[^\n]+?)?[ \t]+(?:d[aoe]|dell[oa]|del|of[ \t]+the)[ \t]+"
    rf"(?=(?i:{PRACTICE_WORDS})\b))"
    r"((?:[A-ZÀ-Ý][\w'’-]*|de|do|da|dos|das|di|del|della|of|the|and|e)(?:[ \t]+(?:[A-ZÀ-Ý][\w'’-]*|de|do|da|dos|"
    r"das|di|del|della|of|the|and|e))*)$"
)
"""The office that runs a practice named as one ("Administration of the Navoi Free Economic Zone",
"Direzione del Distretto Orafo"), and so is its working group or steering committee ("Grupo de Trabalho
para a Internacionalização do Cluster do Mobiliário …"); not the management of something done in one
("Gestão da Qualidade no APL", "Secretaria de Desenvolvimento do Polo")."""


def without_owner(name: str, taxonomy: Taxonomy) -> str:
    """ "Israel's Yozma" is Yozma, "ACOA's Business Development Program" the programme: a place,
    an acronym or a registered body owns the scheme; "Women's Business Centers" keeps its name. The
    office that runs a practice is the practice ("Administration of the Navoi Free Economic Zone")."""
    managed = _MANAGED.match(name)
    if managed and names_a_kind_of_practice(managed.group(1)):
        return managed.group(1)
    owned = _OWNED.match(name)
    if not owned:
        return name
    owner = owned.group(1)
    if a_place(owner) or owner.isupper() or mentioned(taxonomy.organisations, owner):
        return owned.group(2)
    return name
