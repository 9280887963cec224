"""Names a text writes aside from its subject: on the address lines heading an e-mail or a memo (who
writes and to whom), or as the name a body had at first.

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


def aside(starts: list[int], text: str) -> bool:
    """Whether a name is written only on the address lines or only as a former name."""
    return only_in_the_address(starts, text) or only_a_former_name(starts, text)


def only_in_the_address(starts: list[int], text: str) -> bool:
    """Whether every place a name is written at (``starts``, offsets into ``text``) is on an address
    line of the opening's header (two such lines at least: an interview's "A:" is an answer)."""
    header = [m.start() for m in _ADDRESS_LINE.finditer(text, 0, HEADER_CHARS)]
    lines = [text.rfind("\n", 0, at) + 1 for at in starts]
    return len(header) >= 2 and bool(lines) and all(line in header for line in lines)


HEADER_CHARS = 800
"""How far into a text (its title first) an e-mail's or a memo's header runs."""


_FORMER_NAME = re.compile(
    r"(?i)(?:\b(?:com|sob)\s+o\s+nome\s+de|\b(?:con|sotto)\s+(?:il\s+)?nome\s+(?:di\s+)?|\bunder\s+the\s+name"
    r"(?:\s+of)?|\boriginally\s+(?:called|named|known\s+as)|\binicialmente\s+(?:chamad[oa]|denominad[oa])|"
    r"\boriginariamente\s+(?:chiamat[oa]|denominat[oa])|\bthen\s+called|\bent[ãa]o\s+chamad[oa]|"
    r"\ballora\s+chiamat[oa])\s*[\"“'‘]?\s*(?:(?:a|o|il|la|the)\s+)?$"
)
"""What introduces the name a body had at first ("com o nome de …", "founded under the name …", "nata
con il nome di …")."""


def only_a_former_name(starts: list[int], text: str) -> bool:
    """Whether every place a name is written at (``starts``) gives it as the name a body had at first:
    the practice goes by the name it took later."""
    return bool(starts) and all(_FORMER_NAME.search(text[max(0, at - 40) : at]) for at in starts)
