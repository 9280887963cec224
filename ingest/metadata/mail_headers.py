"""The address lines heading an e-mail or a memo: who writes and to whom, not what it is about.

A network's officer writes to its members about a cluster they visited; the network is named only
in the "From:" line, the cluster throughout the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ADDRESS_LINE = re.compile(
    r"(?im)^[ \t>*_]*(?:from|to|cc|bcc|sender|reply-to|da|a|mittente|destinatari[oa]?|de|para|remetente|"
    r"destinat[aá]rios?)[ \t*_]*:"
)
"""A header line naming the writer or the readers: "From:", "To:", "Da:", "A:", "De:", "Para:"."""


def only_in_the_address(starts: Iterable[int], text: str) -> bool:
    """Whether every place a name is written at (``starts``, offsets into ``text``) is on an address
    line of the opening's header (two such lines at least: an interview's "A:" is an answer)."""
    header = [m.start() for m in _ADDRESS_LINE.finditer(text, 0, HEADER_CHARS)]
    lines = [text.rfind("\n", 0, at) + 1 for at in starts]
    return len(header) >= 2 and bool(lines) and all(line in header for line in lines)


HEADER_CHARS = 800
"""How far into a text (its title first) an e-mail's or a memo's header runs."""
