"""The body or scheme a text is about, when its title names it and the text keeps naming it.

A practice is often a public body itself: an agency, a development bank, a training fund ("Domande
frequenti sull'ICE-Agenzia", "Síntese de avaliação: o apoio da Financiadora de Estudos e Projetos
(FINEP) …"). The programme patterns look for programmes and the name ranker learnt that a body runs
programmes rather than being one, so such a text got no programme, or only the ones it mentions.
The name its title gives, written more often than any other name of the text, is its subject.
"""

from __future__ import annotations

import re

from ingest.metadata.firms import about_firms
from ingest.metadata.name_candidates import name_candidates
from ingest.metadata.name_checks import a_common_word, a_person_or_an_amount, a_place
from ingest.metadata.name_ranker import an_everyday_term, ranked_text
from ingest.metadata.programme_keys import name_keys, programme_key
from ingest.metadata.registry import is_entry
from kb.taxonomy import default_taxonomy
from kb.text import fold

MIN_USES = 3
"""How often the text must write the name: a title's passing mention is not its subject."""


def title_subject(text: str, title: str) -> str | None:
    """The name the title gives that the text writes most (at least :data:`MIN_USES` times, and as
    often as any other name; the only such name the title gives), unless it is a place, one of the field's words, a word the text also
    writes in lower case ("Cooperativas"), a person or a sum."""
    whole = ranked_text(text, title)
    if not title.strip() or not about_firms(whole):
        return None
    uses = {c.name: len(c.starts) for c in name_candidates(whole)}
    if not uses:
        return None
    most = max(uses.values())
    titled = [name for name, n in uses.items() if n == most and n >= MIN_USES and in_title(name, title)]
    if len(titled) != 1:
        return None
    name = titled[0]
    if (
        a_place(name)
        or an_everyday_term(name)
        or a_common_word(name, whole)
        or a_person_or_an_amount(name, whole)
    ):
        return None
    return name if _goes_by_it(name, whole) else None


def _goes_by_it(name: str, text: str) -> bool:
    """A name a body or scheme goes by: one word of three letters or more, two of them capitals
    ("FINEP", "KredEx"; not a state's "PI" or "3D"), a short name the text gives in brackets ("…
    d'investissement (Bpifrance)"), or a registered body's ("Enterprise Ireland"); not the town,
    region or heading a title also names."""
    if len(name) < 3:  # "Picos (PI)": a state's code
        return False
    one_word = " " not in name and sum(ch.isupper() for ch in name) >= 2
    bracketed = re.search(rf"\(\s*{re.escape(name)}\s*\)", text) is not None
    return one_word or bracketed or is_entry(default_taxonomy().organisations, name)


def in_title(name: str, title: str) -> bool:
    """The name, as whole words, in the title (case and accents aside)."""
    return re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", fold(title)) is not None


def titled(name: str, title: str) -> bool:
    """A found programme that the title names in one of its forms ("Programa Inovar-Auto" in "… o
    programa Inovar Auto"), compared as keys."""
    keys = {f" {key} " for key in name_keys(name) if len(key) > 2}
    words = f" {programme_key(title)} "
    return any(key in words for key in keys)
