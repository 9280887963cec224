"""Glossary phrases as single index terms, so the lexical index answers them without positions.

A phrase query makes Tantivy read the positions of every passage holding all of its words,
and counting a concept of many multi-word forms ("arranjo produtivo local", "local productive
arrangement", …) that way cost ~8 ms a search at 100,000 passages and far more at a million.
Each adjacent token pair of a glossary form (:func:`phrase_pairs`) is therefore
also stored as one term, ``arranj_produt``, in a pair field beside its field: a form made of
such pairs is the conjunction of its pair terms, whose document frequencies the term
dictionary knows at once. Tokens never hold "_", so a pair term meets no word.

Coverage also asks whether a passage holds a concept's words in any order ("imprese … in
rete" holds "reti di imprese"), an intersection of their postings that cost most of a search
at 100,000 passages, since such words are common. Each glossary form of two words or more
whose words a passage's body holds is therefore stored too, as one loose term of its sorted
words, ``impres+ret``, in :data:`LOOSE_FIELD`. Tokens never hold "+" either.
"""

from __future__ import annotations

import hashlib
from functools import cache

from kb.glossary import LANGUAGES, Glossary
from kb.stemming import MAX_TOKEN, Phrase, index_phrase, may_loosen

LOOSE_FIELD = "body_loose"


@cache
def phrase_pairs() -> frozenset[str]:
    """Adjacent token pairs ("arranj produt") of the glossary's forms of several words, each term
    stemmed in every language as a query part's own forms are: both stores index these pairs as
    terms (this module), so a concept's phrase is matched as written without reading
    every word's position."""
    pairs: set[str] = set()
    for phrase in glossary_phrases():
        pairs.update(f"{a} {b}" for a, b in zip(phrase, phrase[1:], strict=False))
    return frozenset(pairs)


@cache
def glossary_phrases() -> frozenset[Phrase]:
    """Every form of every concept as the lexical index holds it, each term stemmed in every
    language as a query part's own forms are."""
    phrases: set[Phrase] = set()
    for concept in Glossary.load().concepts:
        texts = [*concept.acronyms, *(t for terms in concept.terms.values() for t in terms)]
        phrases |= concept.phrases() | {index_phrase(t, lang) for t in texts for lang in LANGUAGES}
    return frozenset(phrases)


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


@cache
def _loose_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The loose forms' sorted words, filed under their first word."""
    forms: dict[str, set[tuple[str, ...]]] = {}
    for phrase in glossary_phrases():
        held = tuple(sorted({t for t in phrase if len(t) <= MAX_TOKEN}))
        if len(held) > 1 and may_loosen(phrase):
            forms.setdefault(held[0], set()).add(held)
    return {first: tuple(sorted(found)) for first, found in forms.items()}


def loose_term(phrase: Phrase) -> str | None:
    """The loose term of a form's words (all of them, in any order, in one body), or None when
    the index holds no such term for it (then its words' postings are intersected)."""
    held = tuple(sorted(set(phrase)))
    return "+".join(held) if len(held) > 1 and held in _loose_by_first_word().get(held[0], ()) else None


def loose_in(tokens: str) -> str:
    """The loose terms a body's tokens (space-separated) hold, space-separated."""
    present, by_first = set(tokens.split()), _loose_by_first_word()
    return " ".join(
        "+".join(form)
        for word in sorted(present.intersection(by_first))
        for form in by_first[word]
        if present.issuperset(form)
    )


def pairs_version() -> str:
    """Changes whenever the indexed pairs or loose forms do (a glossary edit): the index is then rebuilt."""
    loose = ["+".join(form) for forms in _loose_by_first_word().values() for form in forms]
    text = "\n".join(sorted(phrase_pairs())) + "\n#\n" + "\n".join(sorted(loose))
    return hashlib.sha256(text.encode()).hexdigest()[:12]
