"""Snowball stems for the lexical index: one language per passage, all three for a query.

Passages are stemmed in their own language; a query term is expanded to its pt, it
and en stems (ORed), so "internacionalização" meets "internacionalizar" without
knowing the query's language, while acronyms such as COSME or GT-APL stay intact: a word
written in capitals is folded whole, not stemmed, so Portuguese "UNIDO" (the UN agency) is
not "unido" or "unidos" (united), which stem to "unid".
"""

from __future__ import annotations

import hashlib
from functools import cache

import snowballstemmer

from kb.text import fold, words
from kb.typed_names import in_capitals

ALGORITHMS = {"pt": "portuguese", "it": "italian", "en": "english"}


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer | None:
    name = ALGORITHMS.get(language)
    return snowballstemmer.stemmer(name) if name else None


def as_indexed(typed: list[str]) -> list[str]:
    """Words ready for :func:`stem`: a word in capitals beside another in capitals belongs to a
    heading or a query typed in capitals ("DISTRETTI INDUSTRIALI") and is lower-cased, so it is
    stemmed like any word; one standing alone stays an acronym."""
    capitals = [in_capitals(w) for w in typed]
    beside = [False, *capitals, False]
    return [w.lower() if capitals[i] and (beside[i] or beside[i + 2]) else w for i, w in enumerate(typed)]


@cache
def stem(word: str, language: str) -> str:
    """Folded stem of one word (the folded word itself for other languages, and for an acronym)."""
    if in_capitals(word):
        return fold(word)
    stemmer = _stemmer(language)
    lowered = word.lower()
    return fold(stemmer.stemWord(lowered) if stemmer else lowered)


def stem_text(text: str, language: str) -> str:
    """Text as the lexical index stores it: folded stems separated by spaces."""
    return " ".join(stem(w, language) for w in as_indexed(words(text)))


def term_stems(term: str) -> list[str]:
    """The stems a query term may take in any of our languages, plus the plain word."""
    return list(dict.fromkeys([fold(term), *(stem(term, lang) for lang in ALGORITHMS)]))


PROBES = "all'acqua dell'impresa international internally interstate cooperação internacionalização distretti UNIDO"
"""Words that Snowball releases have cut differently (3.1 drops Italian elisions, keeps
"international" apart from "intern"), and an acronym, which this module once stemmed."""


@cache
def stems_version() -> str:
    """Changes when the installed stemmers cut the probe words otherwise: an index stemmed by
    another Snowball release is then rebuilt, instead of being searched with stems it lacks."""
    stems = " ".join(stem(word, language) for language in ALGORITHMS for word in PROBES.split())
    return hashlib.sha256(stems.encode()).hexdigest()[:8]
