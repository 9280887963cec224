"""Stored passages made readable: a PDF's hard line breaks joined, headings and labelled lines kept apart."""

from __future__ import annotations

import re

SENTENCE_END = (".", ":", ";", "!", "?", "…")
LABELLED = re.compile(r"^\s*(?:[-•*–]|\d+[.)]|[^\W\d][\w '’/-]{1,40}:\s)")
"""A bullet, a numbered item or a card's 'Label: value' line: always starts a new line."""
HEADING_MAX = 80
"""A line shorter than this, without final punctuation, followed by a capitalised line, is a heading."""


def _is_heading(line: str, following: str) -> bool:
    return len(line) < HEADING_MAX and not line.endswith(SENTENCE_END + (",",)) and following[:1].isupper()


def readable_blocks(text: str) -> list[str]:
    """The passage as blocks (paragraphs, headings, labelled lines), each on one line.

    A line break inside a sentence (a PDF's column width) becomes a space, a word broken
    with a hyphen at the end of a line is joined again, and runs of spaces become one.
    """
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in paragraph.splitlines()]
        lines = [line for line in lines if line]
        current = ""
        for i, line in enumerate(lines):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if not current:
                current = line
            elif current.endswith("-") and line[:1].islower():
                current = current[:-1] + line
            else:
                current = f"{current} {line}"
            breaks = not following or LABELLED.match(following) or current.endswith(SENTENCE_END[1:])
            if (
                breaks
                or LABELLED.match(line)
                or _is_heading(current, following)
                and len(current) == len(line)
            ):
                blocks.append(current)
                current = ""
        if current:
            blocks.append(current)
    return blocks
