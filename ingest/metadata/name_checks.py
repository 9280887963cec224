"""Whether words a pattern caught are a programme's name: not a body's, not a qualifier's,
not the tail of a longer name that began before the match."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.metadata.programme_keys import GENERIC_WORDS
from ingest.metadata.programme_patterns import BODIES, LEADING, PUBLIC_BODIES
from kb.taxonomy import default_taxonomy
from kb.text import fold

OWNERS = re.compile(
    r"(?:Minist[eé]r|Ministry|Ag[eê]nc|Agenzi|Agency|Banco|Banca|Bank|Funda[cç]|Fundaci|Fondazion|Foundation|"
    r"Na[cç][oõ]es Unidas|Nazioni Unite|Naciones Unidas|United Nations|Regione|Regi[aã]o|Comune|Governo|"
    r"Government|Prefeitura|Camera di Commercio|C[aâ]mara)"
)
"""Bodies that own calls and systems rather than being their subject."""


def a_body_after_of(match: re.Match[str]) -> bool:
    """ "o edital do Ministério da Saúde", "il sistema delle Nazioni Unite": a programme word
    *of* a body is that body's call or system, and the body is not its name (a cluster, park or
    district programme is: "il programma dei Distretti Tecnologici")."""
    gap = match.string[match.start() : match.start("name")]
    return bool(OWNERS.match(match.group("name"))) and bool(_OF_AT_END.search(gap))


_OF_AT_END = re.compile(r"(?i)\b(?:de|di|da|do|dos|das|del|della|dello|delle|dei|degli|of)[ \t]+$")


def a_public_body(name: str) -> bool:
    """ "Ministry for Primary Industries", "Atlantic Canada Opportunities Agency": a public body's
    name, which opens or closes with what it is."""
    words = name.split()
    return bool(words) and any(re.fullmatch(rf"(?:{PUBLIC_BODIES})", w) for w in (words[0], words[-1]))


_QUALIFIERS = frozenset(
    "nacional nazionale national federal regional regionale estadual statale state municipal comunale europeu "
    "europeo europea european operacional operativo operational social sociale comum comune common geral "
    "generale general especial speciale special integrado integrato integrated piloto pilota pilot "
    "manager director diretor direttore coordinator coordenador coordinatore officer leader team equipe "
    "staff office unit committee comitato comite".split()
)
"""Second words that qualify a programme word or make it a role ("Project Manager"), not a name."""


_ADJECTIVE_ENDINGS = ("ico", "icos", "ica", "icas", "ici", "iche", "ivo", "ivos", "iva", "ivas", "ivi", "ive")


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Countries' one-word names in pt/it/en ("Programa Brasil" says where, not which)."""
    names = default_taxonomy().country_names().values()
    return frozenset(fold(n) for found in names for n in found if " " not in n)


def one_word_named(name: str | None) -> bool:
    """ "Projet Arganier", "Programa Centelha", "Fundo Amazônia": a programme word and one word
    of a name (not a qualifier such as "Nacional" or "Regional") name a programme plainly."""
    words = (name or "").split()
    return (
        len(words) == 2
        and fold(words[0]) in GENERIC_WORDS
        and words[1][:1].isupper()
        and len(words[1]) >= 4
        and fold(words[1]) not in GENERIC_WORDS | _QUALIFIERS | _country_words()
        and not fold(words[1]).endswith(_ADJECTIVE_ENDINGS)  # "Programas Estratégicos", "Piano Operativo"
        and not BODIES.search(words[1])
    )


def inside_a_name(text: str, start: int) -> bool:
    """ "International Fund for Agricultural Development": a capitalised word right before the
    match (not an article, nor the first word of a sentence, a line or the text: "Pelo Programa
    …") means the name began earlier."""
    window = text[max(0, start - 40) : start]
    before = re.search(r"(^|[.!?:;\n]?)[ \t]*\b([A-ZÀ-Ý][\w'’-]*)[ \t]+$", window)
    first = before is not None and (before.group(1) != "" or before.start(2) == 0 and start <= 40)
    return bool(before) and not first and not LEADING.fullmatch(before.group(2) + " ")
