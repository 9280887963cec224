"""Pick the part of a passage that shows why it matched, and where the query terms are."""

from __future__ import annotations

from kb.text import WORD, fold

ELLIPSIS = "…"


def term_matches(word: str, terms: list[str]) -> bool:
    """A folded word matches a term exactly or by a shared leading stem (≥ 3/4 of the term)."""
    for term in terms:
        if word == term:
            return True
        if len(term) >= 5 and word.startswith(term[: max(4, int(len(term) * 0.75))]):
            return True
    return False


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Character spans of every word in ``text`` that matches a query term."""
    if not terms:
        return []
    return [m.span() for m in WORD.finditer(text) if term_matches(fold(m.group()), terms)]


def make_snippet(text: str, terms: list[str], width: int = 280) -> tuple[str, list[tuple[int, int]]]:
    """A window of about ``width`` characters holding the most matches, with their spans."""
    text = " ".join(text.split())
    spans = match_spans(text, terms)
    if len(text) <= width:
        return text, spans
    start = 0
    if spans:
        best = max(
            range(len(spans)),
            key=lambda i: sum(1 for s in spans[i:] if s[1] <= spans[i][0] + width - 40),
        )
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
