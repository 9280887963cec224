"""Pick the part of a passage that shows why it matched, and where the query terms are."""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from kb.accents import accented
from kb.text import STOPWORDS, WORD, fold, query_terms, words

if TYPE_CHECKING:
    from kb.glossary import QueryPart

ELLIPSIS = "…"


def highlight_terms(query: str, parts: Iterable[QueryPart]) -> list[str]:
    """The query's words, and the one-word forms and acronyms of the concepts it names: a search for
    "PME" marks "PMI" and "SMEs" in the Italian and English passages it found through them. An
    acronym the query did not type keeps its capitals: it is marked only where a passage writes it so
    (:func:`match_spans`), not in "eu" or "usa", words of Portuguese and Italian."""
    terms = query_terms(query) + _names_stop_words(query)
    typed = set(terms)
    for part in parts:
        if part.concept is not None:
            concept = part.concept
            terms += [a for a in concept.acronyms if fold(a) not in typed and len(words(a)) == 1]
            forms = (term for terms in concept.terms.values() for term in terms)
            terms += [fold(form) for form in forms if len(words(form)) == 1 and len(form) > 2]
        elif part.is_name and " " in part.text:  # a place typed bare, "sao paulo": "São" as capitalised
            terms += [accented(w, "pt").capitalize() for w in words(part.text) if fold(w) in STOPWORDS]
    return list(dict.fromkeys(terms))


def _names_stop_words(query: str) -> list[str]:
    """Stop words that begin a name, typed with a capital before another capitalised word: "São" of
    "São Paulo" (also the verb "são"), marked only where a passage writes it so. Not a word of one
    or two letters ("A Itália", "DE"), nor one typed all in capitals."""
    typed = words(query)
    return [
        w
        for w, after in zip(typed, typed[1:], strict=False)
        if fold(w) in STOPWORDS and len(w) > 2 and w[:1].isupper() and w[1:].islower() and after[:1].isupper()
    ]


def leading_stem(term: str) -> str | None:
    """The prefix a word must share with a term of five letters or more (≥ 3/4 of it)."""
    return term[: max(4, int(len(term) * 0.75))] if len(term) >= 5 else None


@lru_cache(maxsize=65_536)
def _folded(word: str) -> str:
    return fold(word)


def _variants() -> dict[str, str]:
    """Each ASCII letter and digit with every Latin character that folds to it alone."""
    table = {c: c + c.upper() for c in string.ascii_lowercase}
    table |= {d: d for d in string.digits}
    for code in range(0xC0, 0x250):
        folded = fold(chr(code))
        if folded in table and len(folded) == 1:
            table[folded] += chr(code)
    return table


_VARIANTS = _variants()
_PLAIN_TEXT = re.compile(f"[^\\x00-\\x7f{re.escape(''.join(_VARIANTS.values()))}]")
"""A character outside ASCII and the variants: a text holding one takes the word-by-word path."""
_PLAIN_TERM = re.compile(r"[a-z0-9'-]+")


@lru_cache(maxsize=256)
def _word_starts(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """Where a word can begin with one of ``prefixes`` once folded (found in C, checked in
    Python); None when a prefix holds a character the variants do not cover."""
    if not all(_PLAIN_TERM.fullmatch(p) for p in prefixes):
        return None
    alternatives = (
        "".join(f"[{_VARIANTS[c]}]" if c in _VARIANTS else re.escape(c) for c in p) for p in prefixes
    )
    return re.compile(rf"(?<!\w)(?<!\w[-'])(?:{'|'.join(alternatives)})")


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Character spans of every word in ``text`` that matches a query term: exactly, or by a
    shared leading stem (≥ 3/4 of a term of five letters or more); a term with capitals (an
    acronym, "PMI") only as written.

    Reading every word in Python is most of a snippet's cost; where the text and terms allow,
    a regular expression finds the few words that can match, and only those are folded."""
    if not terms:
        return []
    capitals = {fold(t): t for t in terms if t != t.lower()}  # acronyms: marked only as written
    terms = [fold(t) for t in terms]
    exact, stems = set(terms), tuple(p for t in terms if t not in capitals and (p := leading_stem(t)))
    starts = _word_starts(tuple(sorted({*terms, *stems})))
    if starts is None or _PLAIN_TEXT.search(text):
        candidates = WORD.finditer(text)
    else:
        candidates = (w for m in starts.finditer(text) if (w := WORD.match(text, m.start())))
    spans = []
    for m in candidates:
        word = _folded(m.group())
        if word in capitals and m.group() != capitals[word]:
            continue
        if word in exact or word.startswith(stems):
            spans.append(m.span())
    return spans


def make_snippet(text: str, terms: list[str], width: int = 280) -> tuple[str, list[tuple[int, int]]]:
    """A window of about ``width`` characters holding the most matches, with their spans."""
    text = " ".join(text.split())
    spans = match_spans(text, terms)
    if len(text) <= width:
        return text, spans
    start = 0
    if spans:
        ends = [b for _, b in spans]  # ascending: words do not overlap
        best = max(range(len(spans)), key=lambda i: bisect_right(ends, spans[i][0] + width - 40, lo=i) - i)
        start = max(0, spans[best][0] - 40)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return prefix + text[start:end] + suffix, inside
