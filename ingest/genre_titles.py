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
        "asked questions answers call proposals conference immediate newsletter case study factsheet profile "
        "the a and mid term final interim review parliamentary question written answer "
        # Portuguese
        "ficha de da do boa prática experiência relatório síntese resumo avaliação intermediária "
        "intercalar final comunicado imprensa entrevista ata reunião assembleia geral ordinária "
        "extraordinária perguntas respostas frequentes nota política técnica informativo estudo caso e pergunta "
        "parlamentar requerimento "
        # Italian
        "scheda di buona pratica sintesi del della rapporto valutazione comunicato stampa verbale dell "
        "assemblea dei soci soggetti aderenti riunione generale ordinaria straordinaria nota didattica "
        "intervista domande risposte frequenti iniziativa caso studio interrogazione a risposta scritta orale "
        "in commissione"
    ).split()
)
"""Words of a document's kind, in the three languages; a title made of them alone names no practice."""

_NUMBERING = re.compile(r"(?i)^(?:n|nr|no|nº|º|\d+)$")
_FIELD_LABEL = re.compile(
    r"(?i)^(?:title|t[ií]tulo|titolo|practice|pr[aá]tica|name|nome|series|s[ée]rie|module|m[oó]dulo|tema|topic)"
    r"(?:\s+[\w'’]+){0,3}\s*:\s+"  # "Titolo della buona pratica: …"
)
"""A label the line after the kind of document may carry ("Title: Joint export marketing …")."""
_OTHER_FIELD = re.compile(r"^[\w'’]+(?: [\w'’]+)?:\s")
"""Any other field ("Data: 15 de março", "Country: Italy"): what it holds is no title."""
_NO_TITLE = re.compile(r"(?i)^(?:\d|page\b|p[aá]gina\b|pagina\b)|://|\bwww\.")
"""A section number, a page number or an address."""
_LONGEST = 150
"""A line longer than this is a sentence of the text, not a title."""


def a_genre_label(title: str) -> bool:
    """Whether the title is a kind of document and perhaps its number ("SCHEDA BUONA PRATICA N. 14",
    "Verbale dell'Assemblea dei Soci", "Mid-term evaluation"), or no words at all ("=====")."""
    words = [w for w in re.findall(r"[^\W_]+", title) if not _NUMBERING.match(w)]
    return all(fold(w) in GENRE_WORDS for w in words)


def title_after_label(text: str, title: str, name: str | None) -> str:
    """The card's ``name`` when it has one, else the first line after the label if it reads as a
    title (short, whole, no full stop at its end, not another field), else the label itself."""
    if not a_genre_label(title):
        return title
    if name:
        return name
    lines = [line.strip().strip("#*").strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    for i, line in enumerate(lines):
        if line == title or a_genre_label(line):
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        line = _FIELD_LABEL.sub("", line, count=1)
        fits = (
            len(line) <= _LONGEST
            and not line.endswith((".", ":", ","))
            and not line.startswith("|")
            and not _OTHER_FIELD.match(line)
            and not _NO_TITLE.search(line)
            and not following[:1].islower()  # a sentence wrapped onto the next line
        )
        return line if fits else title
    return title
