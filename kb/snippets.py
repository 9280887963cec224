"""Pick the part of a passage that shows why it matched, and where the query terms are."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from kb.text import WORD, fold

ELLIPSIS = "…"


def leading_stem(term: str) -> str | None:
    """The prefix a word must share with a term of five letters or more (≥ 3/4 of it)."""
    return term[: max(4, int(len(term) * 0.75))] if len(term) >= 5 else None


@lru_cache(maxsize=65_536)
def _folded(word: str) -> str:
    return fold(word)


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Character spans of every word in ``text`` that matches a query term: exactly, or by a
    shared leading stem (≥ 3/4 of a term of five letters or more)."""
    if not terms:
        return []
    exact, stems = set(terms), tuple(p for t in terms if (p := leading_stem(t)))
    spans = []
    for m in WORD.finditer(text):
        word = _folded(m.group())
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
