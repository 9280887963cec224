"""The form of the ranker's best name that a text gives the practice: the side of a title's dash that
names it, its own name before a translation in brackets, the practice's name that holds it, an
acronym with its words, a name with its place."""

from __future__ import annotations

import re

import numpy as np

from ingest.metadata.name_candidates import Candidate
from ingest.metadata.place_names import a_large_place
from ingest.metadata.practice_kinds import names_a_kind_of_practice, title_side

FORM_SHARE = 0.15
"""A fuller form replaces the best name only from this share of its probability: a branch or a park
the text names once (a sister scheme's "… Torino", 0.08 beside the scheme's 0.86) is no form of the
scheme it is about. At 0.5 two right forms were lost over 2,150 labelled documents; at 0.15 none."""
_GLOSS_OPENS = re.compile(r"[*_]*[ \t]*\([ \t]*(?:the|o|a|il|la|lo)[ \t]+$", re.IGNORECASE)


def glossed(best: int, candidates: list[Candidate], probability: np.ndarray, text: str) -> Candidate:
    """The practice's name that holds ``best`` (:func:`practice_form`), if any; else the name
    candidate ``best`` translates, when the text writes it only in brackets right after that name
    ("the Consorzio di Tutela della Pasta di Gragnano IGP (the Gragnano Pasta Protection
    Consortium)"): a practice goes by its own name. Of the names ending there, the likeliest one the
    ranker may propose (not "Regione Campania and the Consorzio …"); else ``best`` with its words
    (:func:`spelled_out`) or its place (:func:`placed_form`) where the text writes it so."""
    name = candidates[best]
    if part := title_part(name, text):
        return part
    likely = np.where(probability >= FORM_SHARE * probability[best], probability, 0.0)  # not a passing form
    if practiced := practice_form(name, candidates, likely):
        return practiced
    if " " not in name.name:  # "Name (ACR)": an acronym is a name of its own
        return spelled_out(name, candidates, text) or placed_form(name, candidates, likely)
    glossing = [
        i
        for i, other in enumerate(candidates)
        if i != best and probability[i] > 0 and all(_right_after(other, start, text) for start in name.starts)
    ]
    if glossing:
        return candidates[max(glossing, key=lambda i: probability[i])]
    return placed_form(name, candidates, likely)


def title_part(name: Candidate, text: str) -> Candidate | None:
    """The side of a title's dash that names a practice (:func:`title_side`), where the text writes it."""
    if not (part := title_side(name.name)):
        return None
    return Candidate(
        part, [m.start() for m in re.finditer(re.escape(part), text)] or name.starts, name.quoted
    )


def _right_after(other: Candidate, start: int, text: str) -> bool:
    """Whether ``other`` is written right before an opening bracket and an article at ``start``."""
    return any(
        _GLOSS_OPENS.fullmatch(text[end:start])
        for end in (at + len(other.name) for at in other.starts)
        if end < start <= end + 12
    )


def practice_form(name: Candidate, candidates: list[Candidate], probability: np.ndarray) -> Candidate | None:
    """The likeliest name of a practice that holds ``name`` whole, at its start or its end, when
    ``name`` names none ("Point Lisas Industrial Estate", "Incubadora MIDITEC", "Parque Científico e
    Tecnológico da PUCRS"): the text is about the park, not the place or the university. None when
    the text writes no such name."""
    if names_a_kind_of_practice(name.name):
        return None
    holding = [
        i
        for i, other in enumerate(candidates)
        if probability[i] > 0
        and (other.name.startswith(f"{name.name} ") or other.name.endswith(f" {name.name}"))
        and names_a_kind_of_practice(other.name)
        and " in " not in other.name  # "… Business Park in Leeds": where some members are
    ]
    return candidates[max(holding, key=lambda i: probability[i])] if holding else None


def spelled_out(name: Candidate, candidates: list[Candidate], text: str) -> Candidate | None:
    """An acronym with the words it stands for, as the text spells it out in brackets ("Guinness
    Enterprise Centre (GEC)", "GEC (Guinness Enterprise Centre)"), written "Long Name (ACR)": a
    reader and a curator see what it is. None when the text spells it out nowhere."""
    acronym = name.name
    if not _an_acronym(acronym) or len(acronym) < 2:
        return None
    for other in candidates:
        initials = "".join(
            word[0] for word in re.findall(r"[^\W\d_][\w'’-]*", other.name) if word[0].isupper()
        )
        if initials.upper() != acronym or " " not in other.name:
            continue
        long = re.escape(other.name)
        if re.search(rf"{long}[ \t]*\([ \t]*{acronym}[ \t]*\)|{acronym}[ \t]*\([ \t]*{long}[ \t]*\)", text):
            return Candidate(f"{other.name} ({acronym})", name.starts, name.quoted)
    return None


def placed_form(name: Candidate, candidates: list[Candidate], probability: np.ndarray) -> Candidate:
    """The form of ``name`` that the text also writes with its place, as one name ("Kitakyushu
    Eco-Town", "Computer Village di Ikeja", "IT Park Uzbekistan"), the likeliest of them; not a place
    after "in" ("Ideon Science Park in Lund" says where it is) nor an owner's ("Lagos's Co-Creation
    Hub"), nor an acronym's ("CIS di Nola": the text spells the acronym out). ``name`` when the text
    writes none."""
    if _an_acronym(name.name):
        return name  # its long form is found elsewhere (ingest.metadata.full_names)
    pattern = re.compile(
        rf"(?P<place>[\w -]+?)[ \t]+{re.escape(name.name)}|{re.escape(name.name)}[ \t]+"
        r"(?:(?:di|de|da|do|of)[ \t]+)?(?P<after>[\w -]+)"
    )
    placed = [
        i
        for i, other in enumerate(candidates)
        if probability[i] > 0
        and (found := pattern.fullmatch(other.name))
        and a_large_place(found.group("place") or found.group("after"))
    ]
    return candidates[max(placed, key=lambda i: probability[i])] if placed else name


def _an_acronym(name: str) -> bool:
    """Letters only, all capitals ("GEC", "CIS"; not "BLOCK71")."""
    return name.isalpha() and name.isupper()
