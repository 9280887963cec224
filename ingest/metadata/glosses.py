"""A name a text glosses: the practice's own name, then its translation in brackets."""

from __future__ import annotations

import re

import numpy as np

from ingest.metadata.name_candidates import Candidate
from ingest.metadata.name_checks import a_place

_GLOSS_OPENS = re.compile(r"[*_]*[ \t]*\([ \t]*(?:the|o|a|il|la|lo)[ \t]+$", re.IGNORECASE)


def glossed(best: int, candidates: list[Candidate], probability: np.ndarray, text: str) -> Candidate:
    """The name candidate ``best`` translates, when the text writes it only in brackets right after
    that name ("the Consorzio di Tutela della Pasta di Gragnano IGP (the Gragnano Pasta Protection
    Consortium)"): a practice goes by its own name. Of the names ending there, the likeliest one
    the ranker may propose (not "Regione Campania and the Consorzio …"); ``best`` otherwise, or a
    one-word ``best`` with its place (:func:`placed_form`)."""
    name = candidates[best]
    if " " not in name.name:  # "Name (ACR)": an acronym is a name of its own
        return placed_form(name, candidates, probability, text)
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


def placed_form(
    name: Candidate, candidates: list[Candidate], probability: np.ndarray, text: str
) -> Candidate:
    """The form of ``name`` with its place ("Kitakyushu Eco-Town", "Eco-Town di Kitakyushu") when the
    text also writes ``name`` in lower case (a kind of scheme, "le eco-town", whose one instance the
    text is about); ``name`` otherwise."""
    lower = name.name.lower()
    if lower == name.name or not re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text):
        return name
    pattern = re.compile(
        rf"(?P<place>[\w'’ -]+?)[ \t]+{re.escape(name.name)}|{re.escape(name.name)}[ \t]+"
        r"(?:di|de|da|do|of|in)[ \t]+(?P<after>[\w'’ -]+)"
    )
    placed = [
        i
        for i, other in enumerate(candidates)
        if probability[i] > 0
        and (found := pattern.fullmatch(other.name))
        and a_place(found.group("place") or found.group("after"))
    ]
    return candidates[max(placed, key=lambda i: probability[i])] if placed else name
