"""Sentence-aware chunking with overlap; every chunk keeps its character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.config import ChunkingSettings

_BOUNDARY = re.compile(
    r"(?P<paragraph>\n[ \t]*\n\s*)"
    r"|(?P<sentence>(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(]*[A-ZÀ-ÖØ-Þ0-9]))"
    r"|(?P<item>\n(?=[ \t]*(?:[-•*–]|\d{1,2}[.)])\s))"
)
_ABBREVIATIONS = frozenset(
    "sr sra dr dra prof profa eng etc ex art n nº no vol pp p ed eds cf ca vs mr mrs ms st co "
    "inc ltd jr av dott ing sig spa s.p.a ltda u.s e.g i.e".split()
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    words: int


def sentence_spans(text: str) -> list[Span]:
    """Sentences (and list items, and paragraphs) as character spans with word counts."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()].rstrip()
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before else ""
        is_marker = before.lstrip("-•*– ").rstrip(".)").isdigit()  # "1." of a numbered list
        if match.lastgroup == "sentence" and (last_word in _ABBREVIATIONS or is_marker):
            continue
        _add(spans, text, start, match.start())
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = start + lead
    spans.append(Span(begin, begin + len(stripped), len(stripped.split())))


def _split_long(text: str, span: Span, max_words: int) -> list[Span]:
    """Cut a sentence longer than a whole chunk at word boundaries."""
    pieces = []
    words = list(re.finditer(r"\S+", text[span.start : span.end]))
    for i in range(0, len(words), max_words):
        group = words[i : i + max_words]
        pieces.append(Span(span.start + group[0].start(), span.start + group[-1].end(), len(group)))
    return pieces


def chunk_spans(text: str, settings: ChunkingSettings) -> list[tuple[int, int]]:
    """(start, end) of chunks of about ``target_words``, never above ``max_words``,
    each beginning with up to ``overlap_words`` of the previous chunk's last sentences."""
    units: list[Span] = []
    for span in sentence_spans(text):
        units += _split_long(text, span, settings.max_words) if span.words > settings.max_words else [span]
    chunks: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        j, words = i, 0
        while (
            j < len(units)
            and (words < settings.target_words)
            and words + units[j].words <= settings.max_words
        ):
            words += units[j].words
            j += 1
        j = max(j, i + 1)
        chunks.append((units[i].start, units[j - 1].end))
        if j >= len(units):
            break
        back, overlap = j, 0
        while back - 1 > i and overlap + units[back - 1].words <= settings.overlap_words:
            back -= 1
            overlap += units[back].words
        i = back
    return _merge_tail(text, chunks, settings)


def _merge_tail(
    text: str, chunks: list[tuple[int, int]], settings: ChunkingSettings
) -> list[tuple[int, int]]:
    """Fold a last chunk much smaller than the target into the one before it."""
    if len(chunks) >= 2:
        last_words = len(text[chunks[-1][0] : chunks[-1][1]].split())
        prev_words = len(text[chunks[-2][0] : chunks[-2][1]].split())
        if last_words < settings.target_words // 4 and prev_words + last_words <= settings.max_words:
            chunks[-2:] = [(chunks[-2][0], chunks[-1][1])]
    return chunks
