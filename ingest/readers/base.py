"""Choosing a reader by content (then by name) and checking what every format shares (size, emptiness)."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from ingest.readers.sniff import FILE_TYPES, recognised, sniff, unsupported
from kb.errors import UnreadableFile
from kb.text import strip_controls

MIN_LETTERS = 20
"""Below this many letters there is nothing to index (a menu, a caption, a stray page)."""

__all__ = ["FILE_TYPES", "ParsedFile", "read_file", "supported_type"]


@dataclass
class ParsedFile:
    """The text of a file, with what the format itself told us."""

    text: str
    file_type: str
    title: str | None = None
    page_starts: list[int] | None = None  # character offset where page i+1 begins
    info: dict[str, str] = field(default_factory=dict)

    @property
    def emphasis(self) -> tuple[str, ...]:
        """The runs of words the file sets in bold, in order (:func:`emphasis_info`)."""
        return tuple(self.info.get("emphasis", "").splitlines())

    @property
    def n_pages(self) -> int | None:
        return len(self.page_starts) if self.page_starts is not None else None

    def page_at(self, offset: int) -> int | None:
        """1-based page holding a character offset (None for formats without pages)."""
        if not self.page_starts:
            return None
        page = 1
        for number, start in enumerate(self.page_starts, 1):
            if start > offset:
                break
            page = number
        return page


def emphasis_info(runs: list[str]) -> dict[str, str]:
    """A reader's ``info`` entry for the runs of words a file sets in bold, each once."""
    return {"emphasis": "\n".join(dict.fromkeys(runs))} if runs else {}


def supported_type(path: Path) -> str | None:
    """The type a file's name promises (its content may still say otherwise)."""
    return FILE_TYPES.get(path.suffix.lower())


def read_file(path: Path, max_bytes: int, max_pdf_pages: int) -> tuple[ParsedFile, bytes]:
    """Read and parse one file; returns the parsed text and the raw bytes (for hashing)."""
    suffix = path.suffix.lower()
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):  # a FIFO or a device would block or never end
        raise UnreadableFile("unsupported", "not a regular file (a pipe, device or socket)")
    if suffix not in FILE_TYPES and not _recognised_head(path):  # an image or a video is not read whole
        raise unsupported(suffix)
    size = status.st_size
    if size > max_bytes:
        raise UnreadableFile("too-large", f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableFile("empty", "the file is empty")
    parsed = _parse(sniff(data, suffix), data, max_pdf_pages)
    parsed.text = strip_controls(parsed.text)
    parsed.title = strip_controls(parsed.title).strip() if parsed.title else parsed.title
    if sum(ch.isalpha() for ch in parsed.text[:2000]) < MIN_LETTERS:
        raise UnreadableFile("no-text", "no readable text could be extracted")
    return parsed, data


def _recognised_head(path: Path) -> bool:
    with path.open("rb") as handle:
        return recognised(handle.read(8))


def _parse(file_type: str, data: bytes, max_pdf_pages: int) -> ParsedFile:
    if file_type == "pdf":
        from ingest.readers.pdf import read_pdf

        return read_pdf(data, max_pdf_pages)
    if file_type == "html":
        from ingest.readers.html import read_html

        return read_html(data)
    if file_type in ("docx", "pptx"):
        from ingest.readers.office import read_docx, read_pptx

        return read_docx(data) if file_type == "docx" else read_pptx(data)
    if file_type in ("odt", "odp"):
        from ingest.readers.opendocument import read_opendocument

        return read_opendocument(data, file_type)
    from ingest.readers.text import read_markdown, read_text

    return read_markdown(data) if file_type == "markdown" else read_text(data)
