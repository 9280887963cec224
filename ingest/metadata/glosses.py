"""A name a text glosses: the practice's own name, then its translation in brackets."""

from __future__ import annotations

import re

import numpy as np

from ingest.metadata.name_candidates import Candidate

_GLOSS_OPENS = re.compile(r"[*_]*[ \t]*\([ \t]*(?:the|o|a|il|la|lo)[ \t]+$", re.IGNORECASE)


def glossed(best: int, candidates: list[Candidate], probability: np.ndarray, text: str) -> Candidate:
    """The name candidate ``best`` translates, when the text writes it only in brackets right after
    that name ("the Consorzio di Tutela della Pasta di Gragnano IGP (the Gragnano Pasta Protection
    Consortium)"): a practice goes by its own name. Of the names ending there, the likeliest one
    the ranker may propose (not "Regione Campania and the Consorzio …"); ``best`` otherwise."""
    name = candidates[best]
    if " " not in name.name:  # "Name (ACR)": an acronym is a name of its own
        return name
    glossing = [
        i
        for i, other in enumerate(candidates)
        if i != best and probability[i] > 0 and all(_right_after(other, start, text) for start in name.starts)
    ]
    return candidates[max(glossing, key=lambda i: probability[i])] if glossing else name


def _right_after(other: Candidate, start: int, text: str) -> bool:
    """Whether ``other`` is written right before an opening bracket and an article at ``start``."""
    return any(
        _GLOSS_OPENS.fullmatch(text[end:start])
        for end in (at + len(other.name) for at in other.starts)
        if end < start <= end + 12
    )
