"""How a query's words show a name: capitals, acronyms and codes.

A name or acronym the collection holds must always find its documents, and a word of the
glossary written inside a name ("Enterprise Europe Network", "Mario Russo", "Banco do Brasil")
is that name's, not the concept's; these tests read only how the words are typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kb.text import ELISION, STOPWORDS, fold

DIRECTIONS = frozenset(
    fold(w)
    for w in "nord sud est ovest centro norte sul leste oeste north south east west northern southern "
    "eastern western central centrale settentrionale meridionale".split()
)
"""Words that place a country or region rather than name something ("Nord Italia", "Sud Europa")."""


def side_by_side(query: str, run: list[str]) -> bool:
    """Whether these words follow each other in the query with nothing but spaces between them (and
    an elided article: "Banca d'Italia")."""
    return bool(re.search(rf"[ \t]+(?:{ELISION})?".join(re.escape(w) for w in run), query))


def beside_a_name(
    typed: list[str], start: int, end: int, query: str, is_concept: Callable[[str], bool]
) -> bool:
    """Whether the words ``typed[start:end]`` stand in a name with a capitalised word beside them,
    or one stop word away ("Europa Creativa", "Mario Russo", "Banco do Brasil", "Brasil sem
    Miséria"). A neighbour counts when nothing but spaces separates them and it is no acronym
    ("Italian SMEs"), no word of a glossary form ("Italia Germania", "Arranjos Produtivos Locais
    no Brasil"), no direction ("Nord Italia") and no stop word ("A Itália", "Districts In Italy"):
    titles are often typed with every word capitalised. A query typed all in capitals shows no
    names this way."""
    if all(in_capitals(w) for w in typed if any(ch.isalpha() for ch in w)):
        return False
    for step, edge in ((-1, start - 1), (1, end)):
        run = typed[start:end]
        for position in (edge, edge + step):
            if not 0 <= position < len(typed):
                break
            word = typed[position]
            run = [word, *run] if step < 0 else [*run, word]
            if _names_with(word, is_concept):
                if side_by_side(query, run):
                    return True
                break
            if fold(word) not in STOPWORDS:
                break
    return False


def _names_with(word: str, is_concept: Callable[[str], bool]) -> bool:
    """Whether a neighbouring word is part of a name (see :func:`beside_a_name`)."""
    folded = fold(word)
    if not word[:1].isupper() or is_acronym_or_code(word) or folded in DIRECTIONS | STOPWORDS:
        return False
    return not is_concept(word)


def in_capitals(word: str) -> bool:
    """Letters all capitals ("BRASIL", and "E" in "FRANÇA E ALEMANHA")."""
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


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
