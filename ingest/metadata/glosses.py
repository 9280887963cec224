"""A name a text glosses: the practice's own name, then its translation in brackets."""

from __future__ import annotations

import re

from ingest.metadata.name_candidates import Candidate

_GLOSS_OPENS = re.compile(r"[*_]*[ \t]*\([ \t]*(?:the|o|a|il|la|lo)[ \t]+$", re.IGNORECASE)


def glossed(best: Candidate, candidates: list[Candidate], text: str) -> Candidate:
    """The name ``best`` translates, when the text writes it only in brackets right after that name
    ("the Consorzio di Tutela della Pasta di Gragnano IGP (the Gragnano Pasta Protection Consortium)"):
    a practice goes by its own name, the longest written there; ``best`` otherwise."""
    if " " not in best.name:  # "Name (ACR)": an acronym is a name of its own
        return best
    for other in sorted(candidates, key=lambda c: -len(c.name)):
        ends = {start + len(other.name) for start in other.starts}
        if other is not best and all(
            any(_GLOSS_OPENS.fullmatch(text[end:start]) for end in ends if end < start <= end + 12)
            for start in best.starts
        ):
            return other
    return best
