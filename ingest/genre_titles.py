"""A title that only says what kind of document it is ("GOOD PRACTICE CARD", "Ata n.º 23",
"SINTESI DI VALUTAZIONE", a rule of "=====") gives way to what the document is about.

Such a first line tells every card or every set of minutes from the next: in a list of results
they would all read alike. The card's own name ("Name: …") or the line after the label says
which practice it is.
"""

from __future__ import annotations

import re

from kb.text import fold

GENRE_WORDS = frozenset(
    fold(w)
    for w in (
        # English
        "good practice card sheet report summary evaluation press release media news interview "
        "transcript edited for length minutes of meeting policy brief note teaching faq frequently "
        "asked questions call proposals conference immediate newsletter case study factsheet profile "
        "the a and mid-term final interim review "
        # Portuguese
        "ficha de da do boa prática experiência relatório síntese resumo avaliação intermediária "
        "intercalar final comunicado imprensa entrevista ata reunião assembleia geral ordinária "
        "extraordinária perguntas frequentes nota política técnica informativo estudo caso e "
        # Italian
        "scheda di buona pratica sintesi del della rapporto valutazione comunicato stampa verbale dell "
        "assemblea dei soci soggetti aderenti riunione generale ordinaria straordinaria nota didattica "
        "intervista domande frequenti iniziativa caso studio"
    ).split()
)
"""Words of a document's kind, in the three languages; a title made of them alone names no practice."""

_NUMBERING = re.compile(r"(?i)^(?:n\.?º?|no\.?|nº|\d[\d./-]*)$")
_FIELD_LABEL = re.compile(
    r"(?i)^(?:title|t[ií]tulo|titolo|practice|pr[aá]tica|name|nome|series|s[ée]rie|module|m[oó]dulo|tema|topic)"
    r"(?:\s+\w+){0,2}\s*:\s+"  # "Titolo della pratica: …"
)
"""A label the line after the kind of document may carry ("Title: Joint export marketing …")."""
_LONGEST = 150
"""A line longer than this is a sentence of the text, not a title."""


def a_genre_label(title: str) -> bool:
    """Whether the title is a kind of document and perhaps its number ("SCHEDA BUONA PRATICA N. 14"),
    or no words at all ("=====")."""
    words = [w for w in re.findall(r"[^\W_]+(?:['’.º][^\W_]*)*", title) if not _NUMBERING.match(w)]
    return all(fold(w.rstrip("'’")) in GENRE_WORDS for w in words)


def title_after_label(text: str, title: str, name: str | None) -> str:
    """The card's ``name`` when it has one, else the first line after the label that reads as a
    title (short, no full stop at its end), else the label itself."""
    if not a_genre_label(title):
        return title
    if name:
        return name
    lines = [line.strip().strip("#*").strip() for line in text.splitlines()]
    for line in lines:
        if not line or line == title or a_genre_label(line):
            continue
        line = _FIELD_LABEL.sub("", line)
        fits = len(line) <= _LONGEST and not line.endswith((".", ":")) and not line.startswith("|")
        return line if fits else title
    return title
