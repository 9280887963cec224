"""Names that are headings of a document, not of a scheme: a part of a course or a series ("Week 5",
"Lezione 9"), an abbreviation with stops ("A.A." for an academic year), a newspaper's section
written in capitals over its articles ("ECONOMIA · Publicado em …")."""

from __future__ import annotations

import re

from ingest.metadata.years import MONTH
from kb.text import fold

_PART = (
    r"(?:week|lesson|lecture|session|module|unit|chapter|episode|case(?:[ \t]+study)?|part|semana|aula|m[oó]dulo|"
    r"unidade|cap[ií]tulo|epis[oó]dio|sess[aã]o|(?:estudo[ \t]+de[ \t]+)?caso(?:[ \t]+d[ei][ \t]+(?:studio|estudo))?|"
    r"parte|lezione|settimana|unit[aà]|capitolo|episodio|sessione|puntata)"
)
_PART_OF_A_SERIES = re.compile(
    rf"(?i)(?:^|[ \t]-[ \t]+|[—–:][ \t]*)(?:{_PART}[ \t]+\d+|^(?-i:[A-Z])\.(?-i:[A-Z])\.?)$"
    rf"|^{_PART}[ \t]+\d+[ \t]*[—–:-]"
)
"""A numbered part of a course or a series, alone, ending a heading ("Agri-Food Value Chains — Case
6", "… - Estudo de caso 3") or opening one ("Module 6 — Cluster Policy"), or two letters with stops ("A.A." for an academic year, "S.A."): headings and abbreviations,
never a scheme's name ("P.O.R." may be one)."""


_NEWS_SECTIONS = frozenset(
    fold(w)
    for w in "economia economy business negócios negocios política politica politics cultura culture "
    "esporte esportes sport sports mundo world tecnologia technology local regional opinião opinione "
    "opinion cronaca attualità notizie news notícias noticias agronegócio agricoltura agricultura "
    "ambiente environment saúde salute health educação istruzione education ciência scienza science "
    "lavoro trabalho jobs finanza finanças finance mercados mercati markets imprese empresas esteri estero "
    "internacional internazionale international".split()
)
"""A newspaper's section written over its articles in capitals ("ECONOMIA · Publicado em …"), or
two of them with a slash ("Esteri/Economia")."""


_CONNECTIVES = frozenset(
    "segundo secondo conforme according inoltre além alem tuttavia porém porem however".split()
)
"""Words that open a sentence and so are written with a capital ("Segundo o relatório …")."""


_ROMAN = re.compile(r"(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|VI{0,3}|I{2,3})")
"""A number in Roman numerals ("século XX", "Parte III"): a century or a part, never a scheme."""


_PUBLICATION = re.compile(
    r"(?i)^(?:boletim|bollettino|bulletin|newsletter|notiziario|informativo|revista|rivista|jornal|giornale|magazine)"
    r"\b(?!\s+(?:de|do|da|di|del|della|of)\b)|\b(?:newsletter|bulletin|notiziario)(?:\s*[—–:-]\s*.*)?$"
)
"""A publication's name ("Boletim Cooperação em Rede", "Crafts & Clusters Newsletter — Issue 42"): the
text's own masthead, not a practice ("Revista de …" and "Bulletin of …" may name a body's journal;
"Suame Magazine" is a place, Kumasi's artisans' quarter)."""


_ISSUE = re.compile(
    rf"(?i)^(?:n\.?[ \t]*[º°o]\.?|nr\.|no\.|issue|n[úu]mero|edi[çz][ãa]o|edizione|edition|vol\.)[ \t]*\d+"
    rf"(?:[ \t]*[—–:,|·-][ \t]*{MONTH}(?:[ \t]+(?:de[ \t]+|di[ \t]+|del[ \t]+)?\d{{4}})?)?$"
)
"""An issue of a periodical, alone or with its month ("N.º 32 — Outubro", "Issue 42"): a masthead's
part. A law's number names its law first ("Lei n.º 11.079")."""


def a_heading(name: str, text: str = "") -> bool:
    """Whether the name is one of these headings or a sentence's opening word, however often a text
    writes it, or an item of the ``text``'s numbered agenda or outline (:func:`numbered_only`)."""
    if (
        fold(name) in _CONNECTIVES
        or numbered_only(name, text)
        or _PUBLICATION.search(name)
        or _ISSUE.match(name)
    ):
        return True
    sections = [fold(part).strip() for part in re.split(r"[/|·]", name)]
    return bool(_PART_OF_A_SERIES.search(name) or (len(name) > 1 and _ROMAN.fullmatch(name))) or (
        (name.isupper() or len(sections) > 1) and all(part in _NEWS_SECTIONS for part in sections)
    )


def written_as_a_heading(name: str, text: str) -> bool:
    """An upper-case word or phrase whose every longer word the text also writes in lower case
    ("PROGRAMMA", "APOIO INSTITUCIONAL AOS PEQUENOS NEGÓCIOS"): a heading, not a name ("MADE IN
    ITALY" stays a name unless the text writes "italy" too)."""
    if len(name) <= 3 or not name.isupper():
        return False
    words = [w.lower() for w in name.split() if len(w) > 3]
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


_NUMBERED = re.compile(r"(?m)^[ \t]*(?:\d{1,2}|[a-zA-Z])[.)][ \t]+$")


def numbered_only(name: str, text: str) -> bool:
    """An upper-case phrase the text writes only as a numbered line's opening ("3. PARQUE TECNOLÓGICO E
    INCUBAÇÃO", an item of a meeting's agenda; "2) EXPORTAÇÕES"): a heading of the text's own."""
    if not name.isupper() or " " not in name:
        return False
    found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    return bool(found) and all(_NUMBERED.search(text[max(0, at - 8) : at]) for at in found)


_BROADCAST = re.compile(
    r"(?i)\b(?:r[aá]dio|tv|televis[aã]o|televisione|television|podcast|emissora|emittente|broadcast)\b"
)


def a_broadcast(name: str, text: str) -> bool:
    """A radio or television programme a transcript was recorded for ("Programa "Campo e
    Desenvolvimento" — Rádio universitária"): every line that writes the name also names a
    broadcaster."""
    lines = [line for line in text.splitlines() if name in line]
    return bool(lines) and all(_SHOW.match(line) and _BROADCAST.search(line) for line in lines)


_SHOW = re.compile(r"(?i)^\W*(?:programa|programma|programme|program|show|trasmissione)\b")
"""A show's heading line opens with the word ("Programa "Campo e Desenvolvimento" — Rádio …"); a
paragraph that mentions the radio is about something else."""
