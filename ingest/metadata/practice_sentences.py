"""Whether a sentence of a text tells of its practice: names it or one of its programmes, calls a
collective among them by its kind, or tells its founding unnamed. A year told with a founding
counts as the practice's start only where its sentence does."""

from __future__ import annotations

import re

from ingest.metadata.collective_names import refers_to
from ingest.metadata.early_years import MADE_A_COOPERATIVE
from ingest.metadata.name_checks import a_country_or_its_people
from ingest.metadata.subject_foundings import FOUNDS_ONE, told_of_the_subject
from kb.text import fold

_SENTENCE_END = re.compile(r"[!?\n]|\.(?!\S)")
"""A sentence ends at a full stop before a space, not inside "Lei n.º 70/VIII/2014" or "3.5"."""


def called(name: str) -> list[str]:
    """The name, and what a text calls a collective by after its kind: "Dos Pinos" of "Cooperativa
    Dos Pinos" ("A Dos Pinos foi fundada em 1947"), two words at least, or before it ("Norco" of "Norco
    Co-operative Limited"); not "de Leche" of a name in lower case."""
    words = name.split() or [""]
    kind, *rest = words
    if _KIND_FIRST.fullmatch(kind) and len(rest) >= 2 and all(w[:1].isupper() for w in rest):
        return [name, " ".join(rest)]
    at = next((i for i, w in enumerate(words) if _KIND_FIRST.fullmatch(w)), 0)
    head, tail = " ".join(words[:at]), words[at + 1 :]
    if (
        at
        and len(head) >= 4
        and all(w[:1].isupper() for w in words[:at])
        and all(fold(w) in _BUSINESS_WORDS for w in tail)
        and not a_country_or_its_people(head)
    ):  # "Norco Co-operative Limited", not "New Zealand Co-operative Dairy Company"
        return [name, head]
    return [name]  # "Associação Comercial" is not called "Comercial"


_BUSINESS_WORDS = frozenset("limited ltd inc group society company dairy creamery".split())
"""What may follow a collective's kind in its name, the name still being its head's ("Tatua
Co-operative Dairy Company"); not "Banca Popolare Cooperativa di …"."""
_KIND_FIRST = re.compile(
    r"(?i)(?:cooperativa|cooperative|co-operative|consorzio|cons[oó]rcio|consortium|associa[çc][ãa]o|associazione|"
    r"association|federa[çc][ãa]o|federazione|federation|union|uni[ãa]o|unione)"
)


def names_it(text: str, at: int, folded_names: list[str]) -> bool:
    """Whether the sentence at ``at`` names the practice or its programme, calls a collective among
    them by its kind ("A cooperativa foi fundada em 1931"), or tells a cooperative among them made
    ("took over the factory in 1931 and organised it as a production cooperative")."""
    sentence = _written_sentence(text, at)
    folded = fold(sentence)
    return (
        any(n in folded for n in folded_names)
        or any(refers_to(n, sentence) for n in folded_names)
        or (any("cooperativ" in n for n in folded_names) and _MADE_A_COOPERATIVE.search(sentence) is not None)
        or told_of_the_subject(text, start := at - len(sentence_head(text, at)), at)
        or _it_after_its_name(text, start, at, folded_names)
        or _founds_its_kind(text, at, folded_names)
    )


def _it_after_its_name(text: str, start: int, at: int, folded_names: list[str]) -> bool:
    """ "Tatua is a dairy co-operative near Morrinsville. It was set up in 1914 by local farmers": "it"
    in the sentence after one that names the practice is the practice."""
    previous = fold(sentence_head(text, max(0, start - 1)))
    return any(n in previous for n in folded_names) and told_of_the_subject(
        text, start, at, pronoun_anywhere=True
    )


def _founds_its_kind(text: str, at: int, folded_names: list[str]) -> bool:
    """After the year, a group founds a body of the practice's own kind, unnamed ("Em dezembro de
    1927, um grupo de agricultores … fundou uma sociedade cooperativa" of a cooperative)."""
    end = _SENTENCE_END.search(text, at + 4)
    found = FOUNDS_ONE.match(text[at + 4 : min(end.start() if end else len(text), at + 240)])
    kind = fold(found["kind"]).replace("-", "")[:6] if found else ""
    return bool(kind) and any(kind in n.replace("-", "") for n in folded_names)


_MADE_A_COOPERATIVE = re.compile(MADE_A_COOPERATIVE, re.IGNORECASE)


def sentence_head(text: str, at: int) -> str:
    """The sentence up to ``at`` (searching back from it: a long report has thousands of years)."""
    window = max(0, at - 1000)  # no mark may be found: never scan back to the start of a long report
    ends = [text.rfind(mark, window, at) for mark in ("!", "?", "\n", ". ", ".\t")]  # "n.º 70" goes on
    return text[max(window - 1, *ends) + 1 : at]


def _written_sentence(text: str, at: int) -> str:
    end = _SENTENCE_END.search(text, at + 4)
    return sentence_head(text, at) + text[at : end.start() if end else len(text)]


def folded_sentence(text: str, at: int) -> str:
    return fold(_written_sentence(text, at))
