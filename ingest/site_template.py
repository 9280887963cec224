"""Lines a site repeats on every page it publishes: its name and tagline, address, footer.

Pages saved from one website sit together in one folder and share their template: a header
such as "Cluster Portal — knowledge for cluster managers", a contact line, a footer. No rule
of :mod:`ingest.boilerplate` knows these words, but their repetition gives them away: a line
of a few words found, as a whole line, in several text files of the same folder is the
folder's template, not any one document's content. Indexed, it would show in snippets, pull
the pages' embeddings together and, as the first line, become every page's title.

The files of a folder are compared whatever the batch holds, so a page reads the same
whether it is ingested alone or with its folder; a document's content hash includes the
template lines it held, so when a new page makes a line repeated, the pages before it are
read again on the next ingest.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ingest.boilerplate import is_labelled
from ingest.readers.base import ParsedFile
from ingest.readers.text import decode, first_line
from kb.errors import UnreadableFile
from kb.text import fold

MIN_FILES = 3
MIN_SHARE = 1 / 3
"""A line is the folder's template when this many of its text files hold it, and this share of
them (a folder of uploads with three pages of one site among fifty cards keeps them whole)."""
EDGE_LINES = 3
"""A template sits at a page's top or bottom: only the first and last lines of text are compared
or left out, never a heading or a sentence inside a card."""
MIN_WORDS, MAX_WORDS = 3, 12
"""Shorter lines are section headings a curator's cards share ("Resultados"); longer ones prose."""
COMPARED_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MAX_COMPARED_FILES = 500  # the siblings read to find a folder's template
MAX_COMPARED_BYTES = 200_000  # a saved page is small; a book is no site page
TEXT_TYPES = frozenset({"text", "markdown", "html"})  # formats without pages, whose lines can go


def line_key(line: str) -> str:
    """A line as compared: folded, Markdown marks and punctuation as single spaces."""
    return re.sub(r"[\W_]+", " ", fold(line)).strip()


def _comparable(line: str) -> bool:
    stripped = line.strip()
    return (
        MIN_WORDS <= len(stripped.split()) <= MAX_WORDS
        and not stripped.startswith(("|", "#"))  # a table row, a Markdown heading
        and not is_labelled(stripped)  # a card's field ("Parceiros: Sebrae, SENAI")
        and any(ch.isalpha() for ch in stripped)
    )


def file_lines(path: Path) -> set[str]:
    """The keys of a text file's comparable edge lines (none when it cannot be read as text)."""
    try:
        if path.stat().st_size > MAX_COMPARED_BYTES:
            return set()
        return edge_lines(path.read_bytes())
    except OSError:
        return set()


def edge_lines(data: bytes) -> set[str]:
    """The keys of the comparable lines among a text's first and last lines (none for binary)."""
    try:
        lines = decode(data).splitlines()
    except UnreadableFile:
        return set()
    return {line_key(lines[i]) for i in _edges(lines) if _comparable(lines[i])}


def _edges(lines: list[str]) -> set[int]:
    """Where the first and the last EDGE_LINES lines with text are."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return {*filled[:EDGE_LINES], *filled[-EDGE_LINES:]}


class SiteTemplates:
    """Each folder's template lines, found once per ingest batch."""

    def __init__(self) -> None:
        self._folders: dict[Path, frozenset[str]] = {}

    def of(self, path: Path) -> frozenset[str]:
        """The template lines of the folder holding ``path``."""
        if path.parent not in self._folders:
            self._folders[path.parent] = folder_template(path.parent)
        return self._folders[path.parent]


def held_lines(path: Path, data: bytes, template: frozenset[str]) -> frozenset[str]:
    """The template lines a file (its bytes ``data``, already read) holds, for its content hash
    (a web page's are known only once it is read: all of them count)."""
    suffix = path.suffix.lower()
    if not template or suffix not in COMPARED_SUFFIXES | {".html", ".htm"}:
        return frozenset()
    return template & edge_lines(data) if suffix in COMPARED_SUFFIXES else template


def folder_template(folder: Path, joining: Path | None = None) -> frozenset[str]:
    """Edge lines found in at least :data:`MIN_FILES` and :data:`MIN_SHARE` of the folder's text
    files; ``joining``: a file about to be moved in (a curator's upload, previewed as published)."""
    try:
        siblings = sorted(p for p in folder.iterdir() if p.suffix.lower() in COMPARED_SUFFIXES)
    except OSError:
        siblings = []
    if joining is not None and joining.suffix.lower() in COMPARED_SUFFIXES:
        siblings.append(joining)
    compared = [p for p in siblings[:MAX_COMPARED_FILES] if p.is_file() and not p.is_symlink()]
    if len(compared) < MIN_FILES:
        return frozenset()
    counts: Counter[str] = Counter()
    for sibling in compared:
        counts.update(file_lines(sibling))
    needed = max(MIN_FILES, MIN_SHARE * len(compared))
    return frozenset(line for line, n in counts.items() if n >= needed and line)


def strip_template(parsed: ParsedFile, template: frozenset[str]) -> None:
    """Drop the template's lines from a text, Markdown or HTML file (a title that was one too)."""
    if not template or parsed.file_type not in TEXT_TYPES or parsed.page_starts:
        return
    lines = parsed.text.split("\n")
    edges = _edges(lines)
    kept = [
        line
        for i, line in enumerate(lines)
        if not (i in edges and _comparable(line) and line_key(line) in template)
    ]
    parsed.text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    if parsed.title and line_key(parsed.title) in template:
        parsed.title = first_line(parsed.text)
