"""Glossary phrases as single index terms, so the lexical index answers them without positions.

A phrase query makes Tantivy read the positions of every passage holding all of its words,
and counting a concept of many multi-word forms ("arranjo produtivo local", "local productive
arrangement", …) that way cost ~8 ms a search at 100,000 passages and far more at a million.
Each adjacent token pair of a glossary form (:func:`kb.glossary.phrase_pairs`) is therefore
also stored as one term, ``arranj_produt``, in a pair field beside its field: a form made of
such pairs is the conjunction of its pair terms, whose document frequencies the term
dictionary knows at once. Tokens never hold "_", so a pair term meets no word.
"""

from __future__ import annotations

import hashlib
from functools import cache

from kb.glossary import Phrase, phrase_pairs


@cache
def indexed_pairs() -> frozenset[tuple[str, str]]:
    return frozenset(tuple(pair.split()) for pair in phrase_pairs())  # type: ignore[misc]


def pair_field(field: str) -> str:
    return f"{field}_pairs"


def pairs_in(tokens: str) -> str:
    """The pair terms a field's tokens (space-separated) hold, space-separated."""
    words, known = tokens.split(), indexed_pairs()
    return " ".join(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False) if (a, b) in known)


def pair_terms(phrase: Phrase) -> list[str] | None:
    """The pair terms a passage holding ``phrase`` holds, or None when some pair of it is not
    indexed (a word cut into pieces, "covid-19": matched by its positions instead)."""
    pairs = list(zip(phrase, phrase[1:], strict=False))
    known = indexed_pairs()
    if len(phrase) < 2 or not all(pair in known for pair in pairs):
        return None
    return sorted({f"{a}_{b}" for a, b in pairs})


def pairs_version() -> str:
    """Changes whenever the indexed pairs do (a glossary edit): the index is then rebuilt."""
    return hashlib.sha256("\n".join(sorted(phrase_pairs())).encode()).hexdigest()[:12]
