"""A card's background sections, blanked out: what came before the practice, whose years are history."""

from __future__ import annotations

import re

_BACKGROUND = re.compile(
    r"(?im)^[ \t#*]*(?:background|context|history|contexto|histórico|história|historia|antecedentes|"
    r"contesto|storia|premessa)\b[ \t]*[.:]?"
)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def without_background(text: str) -> str:
    """The text with its background sections blanked out (same length, so offsets hold).

    A card's "Contexto"/"Background"/"Storia" paragraph recalls what came before the
    practice; its years are history, not the practice's own.
    """
    out = list(text)
    for match in _BACKGROUND.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        heading_only = not text[match.end() : line_end].strip()
        end = _PARAGRAPH_END.search(text, line_end + (2 if heading_only else 0))
        stop = end.start() if end else len(text)
        out[match.start() : stop] = " " * (stop - match.start())
    return "".join(out)
