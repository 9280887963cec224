"""Names a card or a pattern introduces as the practice's: which may be proposed to a curator, which
a card names as a programme, which a title gives with an acronym the text uses."""

from __future__ import annotations

import re

from ingest.metadata.asides import set_aside
from ingest.metadata.everyday_terms import an_everyday_term
from ingest.metadata.headings import a_broadcast
from ingest.metadata.programme_keys import written_forms
from ingest.metadata.programme_patterns import PROGRAMME_WORDS
from ingest.metadata.registry import names_one


def may_be_proposed(name: str, text: str) -> bool:
    """A name a pattern introduced that may be proposed: "the federal SME programme" introduces no
    programme named "SME" (one of the field's words names none; "the Supplier Development programme"
    may be one), nor does a broadcast's or a course's line ("Disciplina: Estratégia …")."""
    return (
        (" " in name or not an_everyday_term(name))
        and names_one(name)
        and not a_broadcast(name, text)
        and not set_aside(name, text)
    )


_PROGRAMME_NAMED = re.compile(
    rf"^[A-ZÀ-Ý][\w'’-]*(?:[ \t]+[\w'’-]+){{0,4}}[ \t]+(?i:{PROGRAMME_WORDS})[ \t]+\([A-ZÀ-Ý][^()]{{2,60}}\)$"
    rf"|^(?:{PROGRAMME_WORDS.title()})\b(?!-)(?=.*\s[A-ZÀ-Ý])"
)


def named_as_a_programme(value: str) -> bool:
    """A card's name that is a programme's: a programme word before the name it goes by ("Upper
    Austrian cluster programme (Clusterland …)"), or opening a capitalised name ("Programa Nacional
    …"); not a practice described in lower case ("Projeto de compras conjuntas da cooperativa"), a
    person ("João Silva, coordenador do projeto") or "Fund-raising event"."""
    return len(value) <= 80 and "," not in value and bool(_PROGRAMME_NAMED.search(value.strip()))


def acronym_in(name: str, text: str) -> bool:
    """ "Growth & Skills Voucher (GSV)" whose text says "the GSV"."""
    return any(re.search(rf"\b{re.escape(short)}\b", text) for short in written_forms(name)[1:])
