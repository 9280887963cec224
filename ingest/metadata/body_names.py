"""Whether a candidate name is a body's: a ministry, an institute, a chamber, an agency.

An agency runs programmes; it is none. The name ranker weighs this against a name being proposed.
"""

from __future__ import annotations

import re

_ELIDED = re.compile(r"^\w+['’]")  # "dall'Instituto" opens with Instituto
BODY_WORDS = (
    r"minist\w*|institut\w*|istitut\w*|regione|região|region|camera|câmara|chamber|ag[eê]nc\w*|agenzia|"
    r"fundaç\w*|fondazione|foundation|associa\w*|universit\w*|department|prefeitura|comune|munic[ií]pio|"
    r"secretaria|governo|government|conselho|consiglio|council|confedera\w*|federa\w*|ufficio|office|"
    r"direç\w*|direzione|servi[cç]o|service|bank|banca|uni[aã]o|unione|union|organi[sz]\w*|ente|"
    r"authority|autorit\w*|company|compagnia|companhia"
)
"""Words that name a body: an agency runs programmes, it is none."""
_BODY = re.compile(rf"(?i)^(?:{BODY_WORDS})\b")
_DESCRIBED_AS_BODY = r",?\s+(?:(?:a|o|la|il|l['’]|the|an?)\s*)?(?:\w+\s+)?(?:" + BODY_WORDS + r")\b"


def a_body(name: str, text: str) -> bool:
    """The name opens with a body's word ("Ministério …", "Regione …") or the text spells it as one."""
    return bool(_BODY.match(name)) or spelled_as_a_body(name, text)


def spelled_as_a_body(name: str, text: str) -> bool:
    """ "ANAPEC" where the text spells it "Agence Nationale … (ANAPEC)" or "CNA, Confederazione …"."""
    if not (name.isupper() and 2 <= len(name) <= 12):
        return False
    for bracketed in re.finditer(rf"\({re.escape(name)}\)", text):
        before = text[max(0, bracketed.start() - 160) : bracketed.start()].split()[-8:]
        if any(_BODY.match(_ELIDED.sub("", word)) for word in before):
            return True
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w){_DESCRIBED_AS_BODY}", text, re.I) is not None
