"""OpenDocument text (ODT) and presentations (ODP) with odfpy, as LibreOffice users save them.

An ODP is read like a PPTX: one page per slide, the speaker notes after the slide's text.
Comments and tracked deletions are not part of the text and are left out.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator

from odf.element import Element, Node
from odf.namespaces import DCNS, DRAWNS, METANS, OFFICENS, PRESENTATIONNS, TABLENS, TEXTNS
from odf.opendocument import OpenDocument, load
from odf.text import H

from ingest.readers.base import ParsedFile
from ingest.readers.sniff import open_zip
from kb.errors import UnreadableFile

_PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}
_ROW = (TABLENS, "table-row")
_CELL = (TABLENS, "table-cell")
_NOTES = (PRESENTATIONNS, "notes")
_SKIPPED = {
    (OFFICENS, "annotation"),  # a reviewer's comment
    (OFFICENS, "annotation-end"),
    (TEXTNS, "tracked-changes"),  # holds the deleted text
    (TEXTNS, "note-citation"),  # the footnote's number
    (DRAWNS, "page-thumbnail"),
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NAMES = {"odt": "ODT", "odp": "ODP"}
MAX_SPACES = 100  # a run of spaces is stored as a count; a forged count must not allocate gigabytes


def read_opendocument(data: bytes, file_type: str) -> ParsedFile:
    document = _open(data, NAMES[file_type])
    try:
        title, info = _meta(document)
        parsed = _slides(document) if file_type == "odp" else _text_document(document)
    except Exception as error:  # malformed values, or nesting past the stack (expat builds any depth)
        raise UnreadableFile("corrupt", f"damaged {NAMES[file_type]} ({_short(error)})") from error
    parsed.title = title or parsed.title or None
    parsed.info = info
    return parsed


def _text_document(document: OpenDocument) -> ParsedFile:
    body = document.text
    blocks = [text for text in _blocks(body) if text.strip()]
    heading = next((_text(h).strip() for h in body.getElementsByType(H)), None)
    return ParsedFile(text="\n\n".join(blocks), file_type="odt", title=heading)


def _open(data: bytes, name: str) -> OpenDocument:
    """The loaded document, or why not (damaged, or encrypted: its parts would be ciphertext)."""
    with open_zip(data) as archive:  # the size and ratio limits, before odfpy unpacks anything
        try:
            manifest = archive.read("META-INF/manifest.xml")
        except Exception as error:  # a missing or damaged member
            raise UnreadableFile("corrupt", f"damaged {name} (no readable manifest)") from error
    if b"encryption-data" in manifest:
        raise UnreadableFile("encrypted", f"the {name} is password-protected; remove the password first")
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):  # odfpy prints a part it cannot parse, and goes on
            document = load(io.BytesIO(data))
    except Exception as error:  # zipfile, the XML parser and odfpy raise many kinds
        raise UnreadableFile("corrupt", f"damaged {name} ({_short(error)})") from error
    if "<office:document-content" in printed.getvalue():  # the text itself was cut short
        raise UnreadableFile("corrupt", f"damaged {name} (its content.xml is not well-formed XML)")
    return document


def _slides(document: OpenDocument) -> ParsedFile:
    parts, page_starts, offset, first_title = [], [], 0, None
    for page in _elements(document.presentation, (DRAWNS, "page")):
        if first_title is None:
            first_title = _slide_title(page)
        blocks = list(_blocks(page))
        for notes in _elements(page, _NOTES):
            blocks += _blocks(notes, notes=True)
        text = "\n\n".join(block for block in blocks if block.strip())
        page_starts.append(offset)
        parts.append(text)
        offset += len(text) + 2
    return ParsedFile(text="\n\n".join(parts), file_type="odp", title=first_title, page_starts=page_starts)


def _slide_title(page: Element) -> str | None:
    for frame in _elements(page, (DRAWNS, "frame")):
        if frame.getAttrNS(PRESENTATIONNS, "class") == "title":
            return " ".join(_blocks(frame)).strip() or None
    return None


def _blocks(node: Element, notes: bool = False) -> Iterator[str]:
    """Paragraphs, headings and table rows ("cell | cell") in document order.

    A slide's notes are left to the caller (``notes=False``), which puts them after the slide.
    """
    for child in node.childNodes:
        if child.nodeType != Node.ELEMENT_NODE or child.qname in _SKIPPED:
            continue
        if child.qname in _PARAGRAPHS:
            yield _text(child)
        elif child.qname == _ROW:
            cells = (
                " ".join(t.strip() for t in _blocks(cell) if t.strip()) for cell in _elements(child, _CELL)
            )
            yield " | ".join(cell for cell in cells if cell)
        elif child.qname != _NOTES or notes:
            yield from _blocks(child, notes)


def _text(node: Element) -> str:
    """A paragraph's text with its spaces, tabs and line breaks, which odfpy keeps as elements."""
    pieces = []
    for child in node.childNodes:
        if child.nodeType == Node.TEXT_NODE:
            pieces.append(child.data)
        elif child.nodeType != Node.ELEMENT_NODE or child.qname in _SKIPPED:
            continue
        elif child.qname == (TEXTNS, "s"):
            count = str(child.getAttrNS(TEXTNS, "c") or "1")
            pieces.append(" " * min(int(count) if count.isdigit() else 1, MAX_SPACES))
        elif child.qname == (TEXTNS, "tab"):
            pieces.append("\t")
        elif child.qname == (TEXTNS, "line-break"):
            pieces.append("\n")
        else:
            pieces.append(_text(child))
    return "".join(pieces)


def _elements(node: Element, qname: tuple[str, str]) -> Iterator[Element]:
    """Direct children with this name (odfpy's own lookups search the whole tree)."""
    return (c for c in node.childNodes if c.nodeType == Node.ELEMENT_NODE and c.qname == qname)


def _meta(document: OpenDocument) -> tuple[str | None, dict[str, str]]:
    """Title and creation date (YYYY-MM-DD, as the PDF reader gives it) from meta.xml."""
    title, info = None, {}
    for child in document.meta.childNodes if document.meta is not None else []:
        if child.nodeType != Node.ELEMENT_NODE:
            continue
        value = _text(child).strip()
        if child.qname == (DCNS, "title") and value:
            title = value
        elif child.qname == (METANS, "creation-date") and _DATE.match(value):
            info["date"] = value[:10]
    return title, info


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]
