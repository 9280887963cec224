"""How a query's words show a name: capitals, acronyms and codes.

A name or acronym the collection holds must always find its documents, and a word of the
glossary written inside a name ("Enterprise Europe Network", "Mario Russo") is that name's, not
the concept's; these tests read only how the words are typed.
"""

from __future__ import annotations

from kb.text import STOPWORDS, fold


def inside_a_name(typed: list[str], start: int, end: int) -> bool:
    """Whether the words ``typed[start:end]`` stand beside other capitalised words: a region there
    is part of a name ("Enterprise Europe Network", "Europa Creativa"), not the region."""
    neighbours = typed[start - 1 : start] + typed[end : end + 1]
    return any(w[:1].isupper() and fold(w) not in STOPWORDS for w in neighbours)


def is_acronym_or_code(text: str) -> bool:
    """Two capitals or more (APL, GT-APL) or a digit (317, 4.0)."""
    return any(ch.isdigit() for ch in text) or sum(ch.isupper() for ch in text) >= 2


def looks_like_name(typed: list[str], position: int) -> bool:
    """Acronyms (two capitals or more), codes with digits, and capitalised words past the first
    (``position``: where the words begin in the query)."""
    for word in typed:
        if is_acronym_or_code(word):
            return True
        letters = [ch for ch in word if ch.isalpha()]
        if position > 0 and letters and letters[0].isupper():
            return True
    return False
