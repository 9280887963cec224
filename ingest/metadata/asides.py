"""Names a text writes aside from its subject: on the address lines heading an e-mail or a memo (who
writes and to whom), in a periodical's masthead, as an interview's speaker, or as the name a body had
at first.

A network's officer writes to its members about a cluster they visited; the network is named only
in the "From:" line, the cluster throughout the body. A cooperative "nasceu em 1977 com o nome de
Cooperativa Central Agropecuária do Sudoeste" and later took the name the text calls it by.
"""

from __future__ import annotations

import re

from ingest.metadata.practice_kinds import names_a_kind_of_practice

_ADDRESS_LINE = re.compile(
    r"(?im)^[ \t>*_]*(?:from|to|cc|bcc|sender|reply-to|da|a|mittente|destinatari[oa]?|de|para|remetente|"
    r"destinat[aá]rios?)[ \t*_]*:"
)
"""A header line naming the writer or the readers: "From:", "To:", "Da:", "A:", "De:", "Para:"."""
HEADER_CHARS = 800
"""How far into a text (its title first) an e-mail's or a memo's header runs."""
_MASTHEAD = re.compile(
    r"(?i)[\W\d]*(?:revista|jornal|boletim|newsletter|rivista|giornale|notiziario|magazine|gazette|bulletin|"
    r"journal)[ \t]+"
)
"""A line that opens with a periodical's word right before the name: "REVISTA SABORES DA SERRA — Edição
47" (not "Newsletter trimestral da Adega Cooperativa …", a body's own newsletter)."""
_COURSE_LINE = re.compile(
    r"(?i)[\W]*(?:disciplina|curso|course|module|m[oó]dulo|corso|insegnamento|unidade curricular|"
    r"autor(?:a|es)?|authors?|autor[ei]|docente|professor[ea]?|lecturer|instructor|editora|publisher)[ \t*_]*:[ \t*_]*"
)
"""A teaching case's or a paper's label before the name: "*Disciplina: Estratégia e Desenvolvimento Territorial
— Mestrado em Gestão*" is the course the case is taught in, "Autor:" who wrote it."""
_SPEAKER = re.compile(r"[ \t*_]*:|[ \t]+[—–][ \t]")
"""After a speaker's label: "SABORES:", "HM — Em parte." """
_FORMER_NAME = re.compile(
    r"(?i)\b(?:nasceu|nasceram|fundad[oa]|criad[oa]|nacque|nata|nato|fondat[oa]|founded|established|began|started|"
    r"born)\b[^.;\n]{0,80}?\b(?:com[ \t]+o[ \t]+nome[ \t]+de|con[ \t]+il[ \t]+nome[ \t]+di|col[ \t]+nome[ \t]+di|"
    r"under[ \t]+the[ \t]+name(?:[ \t]+of)?)[ \t]*[\"“'‘]?[ \t]*(?:(?:a|o|il|la|the)[ \t]+)?$"
)
"""The name a body was born or founded under ("nasceu em 1977 … com o nome de …", "founded in 1950 under
the name …", "nata nel 1962 con il nome di …"); not the name it is known or sold by."""


def aside(name: str, starts: list[int], text: str) -> bool:
    """Whether every place ``name`` is written at (``starts``, offsets into ``text``) is aside from the
    subject: an address line of the opening's header (two such lines at least: an interview's "A:" is
    an answer), a periodical's masthead, a course's or an author's label, a speaker's label opening a
    line twice at least ("SABORES: Como começou …?", the magazine asking; a title's colon is no label;
    with the brackets that introduce it), or the name a body had at first."""
    header = {m.start() for m in _ADDRESS_LINE.finditer(text, 0, HEADER_CHARS)}
    header = header if len(header) >= 2 else set()
    speaking = {
        at
        for at in starts
        if not _line_before(text, at).strip(" \t*_") and _SPEAKER.match(text, at + len(name))
    }
    # with the brackets introducing the initials the labels then use: "Giulia Ferri (GF)"
    bracketed = {at for at in starts if text[at - 1 : at] == "(" and text.startswith(")", at + len(name))}
    speaking = speaking | bracketed if len(speaking) >= 2 else set()
    masthead = not names_a_kind_of_practice(name)  # "Boletim APL Moveleiro de Ubá": the practice's own
    return bool(starts) and all(at in speaking or _aside_at(text, at, header, masthead) for at in starts)


def set_aside(name: str, text: str) -> bool:
    """Whether ``name`` is written, and only aside (:func:`aside`), everywhere in ``text``."""
    return aside(name, [m.start() for m in re.finditer(re.escape(name), text)], text)


def _line_before(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1 : at]


def _aside_at(text: str, at: int, header: set[int], masthead: bool) -> bool:
    line = text.rfind("\n", 0, at) + 1
    return (
        line in header
        or (masthead and _MASTHEAD.fullmatch(text, line, at) is not None)
        or _COURSE_LINE.match(text, line, at + 1) is not None  # anywhere on the label's line
        or _FORMER_NAME.search(text, max(0, at - 160), at) is not None
    )
