"""Whether the name ranker's best guess joins the names that the rules found.

The rules often find a name that a text only mentions: an umbrella policy ("Portugal 2020", "pôles
de compétitivité"), a law, a funder. The text is about another name, which it keeps writing
("Vale Incubação", "Cosmetic Valley"). A confident guess always joins the rules' finds. A less
confident one joins only when the text writes it more often than each of them, and a weak one
only when it writes it three times as often.
"""

from __future__ import annotations

import re

from ingest.metadata.collective_names import collective_uses, renamed
from ingest.metadata.everyday_terms import an_everyday_term
from ingest.metadata.matching import trie_pattern
from ingest.metadata.name_ranker import CONFIDENT, READ_CHARS
from ingest.metadata.place_names import a_place
from ingest.metadata.programme_keys import programme_key, written_forms, written_otherwise
from ingest.metadata.registry import by_key, mentioned
from ingest.metadata.title_subject import titled
from kb.taxonomy import Taxonomy, default_taxonomy
from kb.text import fold

BESIDE = 0.3
"""From this probability a guess written more often than every find joins them. Over 1,640 labelled
documents (sets through heldout53), programme found 0.835 → 0.848 and programmes F1 0.718 → 0.719;
at 0.4, 0.846 and 0.719; at 0.2, 0.848 and 0.718. Without the count, any guess from 0.3 gave 0.851
but F1 0.708 (it added "SENAI" beside "Brasil Mais Produtivo"). Those figures counted one form of a
name, as written; counting every form in any case, in the opening only, later lost one document."""


TIED = 0.45
"""From this probability a guess the title names, written as often as the finds, joins them."""
DOMINANT = 3
"""Below :data:`BESIDE`, a guess the text writes this many times as often as each find joins them."""


def joins_the_finds(
    guess: tuple[str, float], found: list[str], text: str, taxonomy: Taxonomy, title: str = ""
) -> bool:
    """The guess is confident, or likely and written more often than each name found (as often,
    when the title names it and none of them), in the opening the ranker reads (a long report's
    every page would take seconds)."""
    name, probability = guess
    if written_otherwise(name, found):
        return False
    if probability >= CONFIDENT:
        return True
    opening = text[:READ_CHARS]
    times = times_written(name, opening)
    if not times:
        return False
    registered = mentioned(taxonomy.programmes, opening)
    most = max((max(times_written(other, opening), registered.get(other, 0)) for other in found), default=0)
    if probability >= BESIDE:
        tie = (
            times == most
            and probability >= TIED
            and titled(name, title)
            and not any(titled(f, title) for f in found)
        )
        return times > most or tie
    # a weaker guess must dominate, and be a name of its own: not an acronym, a kind ("Consorzio") or
    # a part of a find ("Legge quadro" of "Legge quadro per l'artigianato …")
    own = not name.isupper() and not an_everyday_term(name) and not any(fold(name) in fold(f) for f in found)
    return own and times >= DOMINANT * max(1, most)


def times_written(name: str, text: str) -> int:
    """How often the text writes a name in any of its forms and in any case ("Growth & Skills
    Voucher" and "GSV" count together), and without the kind of body that ends it ("Blue Diamond"
    of "Blue Diamond Growers")."""
    forms = [f for f in written_forms(name) if f]
    forms += [short for f in forms if (short := _without_kind(f))]
    given = _short_name_given(name, text) if len(forms) == 1 else None
    forms += [given] if given else []
    if not forms:
        return 0
    times = len(re.findall(rf"(?i)(?<!\w){trie_pattern(forms)}(?!\w)", text))
    return times - 1 if given else times  # the name and its short name in brackets are one use


def _short_name_given(name: str, text: str) -> str | None:
    """The short name the text gives ``name`` in brackets after it ("União Nacional das Cooperativas
    … Solidária (Unicafes)", then "a Unicafes"); not a place ("(Senegal)") nor a registered body, which
    says whose it is ("Fundo Amazônia (BNDES)")."""
    given = re.search(rf"{re.escape(name)}[ \t]*\(([A-ZÀ-Ý][\w&-]{{1,15}})\)", text)
    short = given.group(1) if given else None
    registered = short is not None and by_key(default_taxonomy().organisations, short) is not None
    return short if short and not a_place(short) and not registered else None


_KIND_AT_END = re.compile(
    r"(?i)[ \t]+(?:growers|group|grupo|gruppo|cooperative|co-op|cooperativa|association|associa[çc][ãa]o|"
    r"associazione|consortium|consorzio|cons[óo]rcio|network|rete|rede|federation|federazione|"
    r"federa[çc][ãa]o|union)$"
)


def _without_kind(name: str) -> str | None:
    """The name without the kind that ends it, when two words or more are left and they are no
    term of the field nor a place."""
    short = _KIND_AT_END.sub("", name)
    if short == name or len(short.split()) < 2 or an_everyday_term(short) or a_place(short):
        return None
    return short


OUTNUMBERED = 2
"""How many times as often as each find a collective must be named or called by its kind to join them."""


def collective_beside(text: str, title: str, found: list[str]) -> str | None:
    """The collective a text keeps calling by its kind ("o APL" of the "Arranjo Produtivo Local de
    Calçados de Nova Serrana"), when it outnumbers every name found (a body, a scheme it uses)."""
    used = collective_uses(text, title)
    if not used or not found:
        return None
    name, times = used
    words = _words(name)
    if (
        an_everyday_term(name)
        or any(words <= _words(f) or _words(f) <= words or renamed(text, name, f) for f in found)
    ):  # a kind ("Polo Industrial"), a form of a find ("… Local Pedras" of "… Pedras, Gemas e Joias"), its first name
        return None
    opening = text[:READ_CHARS]
    most = max(times_written(other, opening) for other in found)
    return name if times >= OUTNUMBERED * max(1, most) else None


def _words(name: str) -> set[str]:
    """A name's words compared as keys, singular ("Key Cluster" is a form of "Key Clusters")."""
    return {w.removesuffix("s") for w in re.findall(r"\w+", programme_key(name))}
