"""Snowball stems for the lexical index, and the index tokens they make: one language per passage,
all three for a query.

Passages are stemmed in their own language; a query term is expanded to its pt, it
and en stems (ORed), so "internacionalização" meets "internacionalizar" without
knowing the query's language, while acronyms such as COSME or GT-APL stay intact.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import snowballstemmer

from kb.text import fold, words

ALGORITHMS = {"pt": "portuguese", "it": "italian", "en": "english"}


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer | None:
    name = ALGORITHMS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@cache
def stem(word: str, language: str) -> str:
    """Folded stem of one word (the folded word itself for other languages)."""
    stemmer = _stemmer(language)
    lowered = word.lower()
    return fold(stemmer.stemWord(lowered) if stemmer else lowered)


def stem_text(text: str, language: str) -> str:
    """Text as the lexical index stores it: folded stems separated by spaces."""
    return " ".join(stem(w, language) for w in words(text))


def term_stems(term: str) -> list[str]:
    """The stems a query term may take in any of our languages, plus the plain word."""
    return list(dict.fromkeys([fold(term), *(stem(term, lang) for lang in ALGORITHMS)]))


PROBES = "all'acqua dell'impresa international internally interstate cooperação internacionalização distretti"
"""Words that Snowball releases have cut differently (3.1 drops Italian elisions, keeps
"international" apart from "intern")."""


@cache
def stems_version() -> str:
    """Changes when the installed stemmers cut the probe words otherwise: an index stemmed by
    another Snowball release is then rebuilt, instead of being searched with stems it lacks."""
    stems = " ".join(stem(word, language) for language in ALGORITHMS for word in PROBES.split())
    return hashlib.sha256(stems.encode()).hexdigest()[:8]


Phrase = tuple[str, ...]
"""A sequence of index tokens (folded stems), matched consecutively."""


def index_phrase(text: str, language: str) -> Phrase:
    """Text as the lexical index holds it (``stem_text``, then cut into runs of letters and digits)."""
    return tuple(token for w in words(text) for token in tokens_of(stem(w, language)))


def may_loosen(phrase: Phrase) -> bool:
    """Whether a form's words may be held apart (coverage): not a name with a number in it
    ("Horizon 2020", "Industria 4.0"), whose words apart mean something else."""
    return not any(ch.isdigit() for token in phrase for ch in token)


_TOKEN = re.compile(r"[^\W_]+")
MAX_TOKEN = 64
"""Longer "words" (encoded data, runs of digits) are nobody's query: the lexical index drops them."""


def index_text(text: str, language: str) -> str:
    """Text as a lexical index holds it: folded stems in ``language``, as index tokens."""
    return " ".join(t for t in tokens_of(stem_text(text, language)) if len(t) <= MAX_TOKEN)


def tokens_of(stemmed: str) -> list[str]:
    """Index tokens: runs of letters and digits (gt-apl → gt, apl)."""
    return _TOKEN.findall(stemmed)
