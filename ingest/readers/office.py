"""Word (DOCX) and PowerPoint (PPTX) files: body text in reading order, tables as rows, slides as pages.

DOCX has no pages of its own (layout decides them), so only PPTX fills ``page_starts``:
each slide is a page, and a passage's page is its slide number. Speaker notes follow
their slide's text, since presenters often write the substance there.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from lxml.etree import _Element
from pptx import Presentation
from pptx.shapes.group import GroupShape

from ingest.readers.base import ParsedFile
from ingest.readers.sniff import open_zip
from kb.errors import UnreadableFile

GENERIC_TITLES = {
    "word document",
    "powerpoint presentation",
    "presentazione standard di powerpoint",
    "apresentação do powerpoint",
    "untitled",
    "sem título",
    "senza titolo",
    "document1",
    "documento1",
}
"""Titles that editors and templates fill in by themselves; they say nothing about the document."""

TEMPLATE_DATES = {dt.datetime(2013, 12, 23, 23, 15), dt.datetime(2013, 1, 27, 9, 14, 16)}
"""Creation stamps of the python-docx and python-pptx blank templates, not of the documents made from them."""

_RUN_PATHS = "w:r | w:hyperlink | w:ins/w:r | w:smartTag/w:r | w:fldSimple/w:r | w:sdt/w:sdtContent/w:r"
"""Where a paragraph's visible runs live: tracked insertions count, tracked deletions (w:del) do not."""


def read_docx(data: bytes) -> ParsedFile:
    return _guarded("DOCX", _docx_text, _open(data, Document, "DOCX", "Word"))


def read_pptx(data: bytes) -> ParsedFile:
    return _guarded("PPTX", _pptx_text, _open(data, Presentation, "PPTX", "PowerPoint"))


def _docx_text(document: Any) -> ParsedFile:
    styles = {style.style_id: (style.name or "").lower() for style in document.styles}
    blocks, heading = [], None
    for element, text in _body_blocks(document.element.body):
        blocks.append(text)
        if heading is None and _style_name(element, styles) in {"title", "heading 1"}:
            heading = text.strip()
    title = core_title(document.core_properties) or heading
    text = "\n\n".join(block for block in blocks if block.strip())
    return ParsedFile(text=text, file_type="docx", title=title, info=core_info(document.core_properties))


def _pptx_text(presentation: Any) -> ParsedFile:
    """One page per slide, empty slides included, so page numbers are slide numbers."""
    parts, page_starts, offset, first_title = [], [], 0, None
    for slide in presentation.slides:
        title_shape = slide.shapes.title
        if first_title is None and title_shape is not None and title_shape.has_text_frame:
            first_title = _frame_text(title_shape.text_frame).strip() or None
        text = "\n\n".join(block for block in _slide_blocks(slide) if block.strip())
        page_starts.append(offset)
        parts.append(text)
        offset += len(text) + 2
    title = core_title(presentation.core_properties) or first_title
    return ParsedFile(
        text="\n\n".join(parts),
        file_type="pptx",
        title=title,
        page_starts=page_starts,
        info=core_info(presentation.core_properties),
    )


def _guarded(name: str, extract: Callable[[Any], ParsedFile], package: Any) -> ParsedFile:
    """Parts are parsed as they are reached; damage found then is a damaged file, not a crash."""
    try:
        return extract(package)
    except UnreadableFile:
        raise
    except Exception as error:  # malformed values, missing relationships, nesting past the stack
        raise UnreadableFile("corrupt", f"damaged {name} ({_short(error)})") from error


def _open(data: bytes, opener: Callable[[io.BytesIO], Any], name: str, program: str) -> Any:
    """The opened package, or why not: a macro file or template is refused, a damaged one is corrupt."""
    open_zip(data).close()  # the size and ratio limits, before the package is unpacked
    try:
        return opener(io.BytesIO(data))
    except ValueError as error:
        if f"not a {program} file" in str(error):
            raise UnreadableFile(
                "unsupported",
                f"a macro-enabled file, template or slide show, not a plain {name}; save it as {name}",
            ) from error
        raise UnreadableFile("corrupt", f"damaged {name} ({_short(error)})") from error
    except Exception as error:  # zipfile, lxml and the package readers raise many kinds
        raise UnreadableFile("corrupt", f"damaged {name} ({_short(error)})") from error


def _body_blocks(container: _Element) -> Iterator[tuple[_Element, str]]:
    """Paragraphs and table rows in body order, including those inside content controls."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield child, _paragraph_text(child)
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                yield row, _row_text(row)
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _body_blocks(child)


def _paragraph_text(paragraph: _Element) -> str:
    return "".join(run.text or "" for run in paragraph.xpath(_RUN_PATHS))


def _row_text(row: _Element) -> str:
    """A table row as "cell | cell"; merged-away cells are empty and left out."""
    cells = (
        " ".join(text.strip() for _, text in _body_blocks(cell) if text.strip())
        for cell in row.iterchildren(qn("w:tc"))
    )
    return " | ".join(cell for cell in cells if cell)


def _style_name(element: _Element, styles: dict[str, str]) -> str:
    found = element.xpath("w:pPr/w:pStyle/@w:val") if element.tag == qn("w:p") else []
    return styles.get(str(found[0]), "") if found else ""


def _slide_blocks(slide: Any) -> Iterator[str]:
    """The title first, then the other shapes in their order, then the speaker notes."""
    title = slide.shapes.title
    if title is not None and title.has_text_frame:
        yield _frame_text(title.text_frame)
    yield from _shape_blocks(
        shape for shape in slide.shapes if title is None or shape.shape_id != title.shape_id
    )
    if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        yield _frame_text(slide.notes_slide.notes_text_frame)


def _shape_blocks(shapes: Iterable[Any]) -> Iterator[str]:
    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from _shape_blocks(shape.shapes)
        elif shape.has_text_frame:
            yield _frame_text(shape.text_frame)
        elif getattr(shape, "has_table", False):
            for row in shape.table.rows:
                yield " | ".join(text for cell in row.cells if (text := _frame_text(cell.text_frame).strip()))


def _frame_text(frame: Any) -> str:
    return str(frame.text).replace("\v", "\n")  # python-pptx writes a line break as a vertical tab


def core_title(properties: Any) -> str | None:
    """The title set in the file's properties, unless it is a template's placeholder or a file name."""
    title = (properties.title or "").strip()
    if not title or title.lower() in GENERIC_TITLES or "." in title[-5:]:
        return None
    return title


def core_info(properties: Any) -> dict[str, str]:
    """The creation date, as the PDF reader gives it (YYYY-MM-DD), unless it is a template's."""
    try:
        created = properties.created
    except (ValueError, TypeError):  # a malformed date in the properties
        return {}
    if not isinstance(created, dt.datetime) or created.replace(tzinfo=None) in TEMPLATE_DATES:
        return {}
    return {"date": created.date().isoformat()}


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]
