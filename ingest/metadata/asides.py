"""Names a text writes aside from its subject: on the address lines heading an e-mail or a memo (who
writes and to whom), in a periodical's masthead, as an interview's speaker, or as the name a body had
at first.

A network's officer writes to its members about a cluster they visited; the network is named only
in the "From:" line, the cluster throughout the body. A cooperative "nasceu em 1977 com o nome de
Cooperativa Central Agropecuária do Sudoeste" and later took the name the text calls it by.
"""

from __future__ import annotations

import re

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
_SPEAKER = re.compile(r"[ \t*_]*:")
_FORMER_NAME = re.compile(
    r"(?i)(?:\b(?:com|sob)\s+o\s+nome\s+de|\b(?:con|sotto)\s+(?:il\s+)?nome\s+(?:di\s+)?|\bunder\s+the\s+name"
    r"(?:\s+of)?|\boriginally\s+(?:called|named|known\s+as)|\binicialmente\s+(?:chamad[oa]|denominad[oa])|"
    r"\boriginariamente\s+(?:chiamat[oa]|denominat[oa])|\bthen\s+called|\bent[ãa]o\s+chamad[oa]|"
    r"\ballora\s+chiamat[oa])\s*[\"“'‘]?\s*(?:(?:a|o|il|la|the)\s+)?$"
)
"""What introduces the name a body had at first ("com o nome de …", "founded under the name …", "nata
con il nome di …")."""


def aside(name: str, starts: list[int], text: str) -> bool:
    """Whether every place ``name`` is written at (``starts``, offsets into ``text``) is aside from the
    subject: an address line of the opening's header (two such lines at least: an interview's "A:" is
    an answer), a periodical's masthead, a speaker's label opening a line ("SABORES: Como começou …?",
    the magazine asking), or the name a body had at first."""
    header = {m.start() for m in _ADDRESS_LINE.finditer(text, 0, HEADER_CHARS)}
    header = header if len(header) >= 2 else set()
    return bool(starts) and all(_aside_at(text, at, len(name), header) for at in starts)


def _aside_at(text: str, at: int, length: int, header: set[int]) -> bool:
    line = text.rfind("\n", 0, at) + 1
    return (
        line in header
        or _MASTHEAD.fullmatch(text, line, at) is not None
        or (not text[line:at].strip(" \t*_") and _SPEAKER.match(text, at + length) is not None)
        or _FORMER_NAME.search(text, max(0, at - 40), at) is not None
    )
