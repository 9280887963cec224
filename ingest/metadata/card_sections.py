"""Card fields written as sections: a heading ("Resultados observados", "## Risultati", "Funding
sources") over the paragraph that gives them.

Practice cards label their short fields on a line ("Proponente: Sebrae") but often give results,
funding and partners a section of their own; the comparison of practices needs those too. Only
where no labelled line gave the field (:func:`ingest.metadata.fields.labelled_fields`).
"""

from __future__ import annotations

import re

from ingest.metadata.fields import HEAD_CHARS
from kb.text import fold

SECTION_WORDS = {
    "results": {
        "resultados",
        "resultado",
        "risultati",
        "risultato",
        "results",
        "outcomes",
        "impacto",
        "impatto",
        "impact",
    },
    "funding": {"financiamento", "finanziamento", "funding", "financing"},
    "partners": {"parceiros", "parcerias", "partner", "partners", "partenariato", "partenari"},
}
"""Words that make a heading one of these fields' ("Principais resultados", "Partner coinvolti")."""
MAX_HEADING_WORDS = 4
MAX_VALUE_CHARS = 300

_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+|\*\*|__)?(?P<head>[^\n#*_:.!?]{3,60}?)(?:\*\*|__)?[ \t]*:?[ \t]*\n"
    r"(?:[ \t]*\n)?(?P<body>(?:[ \t]*[^\s#][^\n]*\n?)+)",
    re.MULTILINE,
)
"""A line of its own that may be a heading (Markdown's #, bold, or plain) and the lines after it, up
to a blank line or the next Markdown heading."""
_BULLET = re.compile(r"^[ \t]*(?:[-*•]|\d+[.)])[ \t]+")


def section_fields(text: str) -> dict[str, str]:
    """The first section of each field in the text's opening 20,000 characters, its paragraph (or
    list, joined with "; ") up to :data:`MAX_VALUE_CHARS`, cut at a sentence's end when it can be."""
    found: dict[str, str] = {}
    for match in _HEADING.finditer(text[:HEAD_CHARS]):
        key = heading_field(match.group("head"))
        if key and key not in found and (value := _value(match.group("body"))):
            found[key] = value
    return found


def heading_field(heading: str) -> str | None:
    """The field a short heading names, or None (a sentence, a longer title, another section)."""
    words = fold(heading).split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return None
    return next((key for key, names in SECTION_WORDS.items() if names & set(words)), None)


def _value(body: str) -> str:
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if any(_BULLET.match(line) for line in lines):
        text = "; ".join(_BULLET.sub("", line).rstrip(";.") for line in lines)
    else:
        text = " ".join(lines)
    if len(text) <= MAX_VALUE_CHARS:
        return text
    cut = text[:MAX_VALUE_CHARS]
    end = max(cut.rfind(". "), cut.rfind("; "))
    return cut[: end + 1] if end > MAX_VALUE_CHARS // 3 else cut.rsplit(" ", 1)[0] + " …"
