"""Render the sample corpus's office files from the plain-text sources in scripts/office_sources/.

A source named ``NAME.docx.txt``, ``NAME.odt.txt`` or ``NAME.pptx.txt`` becomes ``corpus/NAME.docx``
and so on. Cards: the first line is the title, the next the kind of card, then "Label: value"
fields; short lines without final punctuation are headings, "- " lines bullets, "a | b" lines
table rows. Decks: a line holding only ``\\f`` starts a slide, a slide's first line is its title,
"% " lines are speaker notes and "+ " lines text boxes grouped together. Dates and ZIP
timestamps are fixed, so a rebuild gives the same bytes. Run from the repository root:

    python scripts/build_corpus_office.py
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pptx
from odf import dc, meta, style, table, text
from odf.opendocument import OpenDocumentText
from pptx.util import Inches, Pt

SOURCES = Path(__file__).parent / "office_sources"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIXED_DATE = dt.datetime(2024, 3, 1, 9, 0)
AUTHOR = "Praxis sample corpus"
FIELD = re.compile(r"^([^:|]{2,40}): (\S.*)$")

Block = tuple[str, str | list[str]]


def card_blocks(lines: list[str]) -> list[Block]:
    """(kind, content) of each line of a card: title, subtitle, field, heading, bullet, row, para."""
    blocks: list[Block] = [("title", lines[0])]
    in_fields = True
    for line in (line.strip() for line in lines[1:]):
        field = FIELD.match(line)
        if not line:
            continue
        if len(blocks) == 1:
            blocks.append(("subtitle", line))
        elif in_fields and field:
            blocks.append(("field", [field.group(1), field.group(2)]))
        elif " | " in line:
            blocks.append(("row", [cell.strip() for cell in line.split(" | ")]))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:]))
        elif len(line) < 90 and not line.endswith((".", ":", ";", ",", "?", "!")):
            in_fields = False
            blocks.append(("heading", line))
        else:
            blocks.append(("para", line))
    return blocks


def grouped(blocks: list[Block]) -> list[Block]:
    """Consecutive rows become one table, consecutive bullets one list."""
    out: list[Block] = []
    for kind, content in blocks:
        if kind in ("row", "bullet") and out and out[-1][0] == kind + "s":
            out[-1][1].append(content)  # type: ignore[union-attr]
        else:
            out.append((kind + "s", [content]) if kind in ("row", "bullet") else (kind, content))
    return out


def render_docx(blocks: list[Block]) -> bytes:
    document = docx.Document()
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = str(blocks[0][1]), AUTHOR, AUTHOR
    properties.created = properties.modified = FIXED_DATE
    properties.revision = 1
    styles = {"title": "Title", "subtitle": "Subtitle", "heading": "Heading 1", "para": None}
    for kind, content in grouped(blocks):
        if kind == "field":
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{content[0]}: ").bold = True
            paragraph.add_run(content[1])
        elif kind == "bullets":
            for item in content:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "rows":
            grid = document.add_table(rows=len(content), cols=len(content[0]), style="Table Grid")
            for r, cells in enumerate(content):
                for c, value in enumerate(cells):
                    grid.cell(r, c).text = value
        else:
            document.add_paragraph(str(content), style=styles[kind])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_odt(blocks: list[Block]) -> bytes:
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=str(blocks[0][1])))
    document.meta.addElement(dc.Creator(text=AUTHOR))
    document.meta.addElement(meta.CreationDate(text=FIXED_DATE.isoformat()))
    bold = style.Style(name="Label", family="text")
    bold.addElement(style.TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    body = document.text
    for kind, content in grouped(blocks):
        if kind in ("title", "heading"):
            body.addElement(text.H(outlinelevel=1 if kind == "title" else 2, text=str(content)))
        elif kind == "field":
            paragraph = text.P()
            paragraph.addElement(text.Span(stylename=bold, text=f"{content[0]}: "))
            paragraph.addText(content[1])
            body.addElement(paragraph)
        elif kind == "bullets":
            body.addElement(odt_list(content))
        elif kind == "rows":
            body.addElement(odt_table(content))
        else:
            body.addElement(text.P(text=str(content)))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_list(items: list[str]) -> text.List:
    entries = text.List()
    for item in items:
        entry = text.ListItem()
        entry.addElement(text.P(text=item))
        entries.addElement(entry)
    return entries


def odt_table(rows: list[list[str]]) -> table.Table:
    grid = table.Table(name=f"Table{len(rows)}x{len(rows[0])}")
    grid.addElement(table.TableColumn(numbercolumnsrepeated=len(rows[0])))
    for cells in rows:
        row = table.TableRow()
        for value in cells:
            cell = table.TableCell(valuetype="string")
            cell.addElement(text.P(text=value))
            row.addElement(cell)
        grid.addElement(row)
    return grid


def render_pptx(source: str) -> bytes:
    deck = pptx.Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    properties = deck.core_properties
    properties.title = source.splitlines()[0]
    properties.author = properties.last_modified_by = AUTHOR
    properties.created = properties.modified = FIXED_DATE
    properties.revision = 1
    for number, chunk in enumerate(source.split("\\f\n")):
        lines = [line for line in chunk.splitlines() if line.strip()]
        add_slide(deck, lines, first=number == 0)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def add_slide(deck: pptx.presentation.Presentation, lines: list[str], first: bool) -> None:
    """One slide: title, then bullets, a table, grouped boxes or a subtitle; notes below."""
    notes = [line[2:] for line in lines if line.startswith("% ")]
    bullets = [line[2:] for line in lines[1:] if line.startswith("- ")]
    rows = [[cell.strip() for cell in line.split(" | ")] for line in lines[1:] if " | " in line]
    boxes = [line[2:] for line in lines if line.startswith("+ ")]
    layout = deck.slide_layouts[0 if first else 1 if bullets else 5]
    slide = deck.slides.add_slide(layout)
    slide.shapes.title.text = lines[0]
    if first:
        slide.placeholders[1].text = lines[1]
    if bullets:
        body = slide.placeholders[1]
        body.left, body.top, body.width = Inches(0.7), Inches(1.6), Inches(11.9)
        body.height = Inches(2.9 if rows else 5.4)
        body.text_frame.text = bullets[0]
        for item in bullets[1:]:
            body.text_frame.add_paragraph().text = item
    if rows:
        shape = slide.shapes.add_table(
            len(rows), len(rows[0]), Inches(0.7), Inches(4.7), Inches(11.9), Inches(2)
        )
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                shape.table.cell(r, c).text = value
    if boxes:
        group = slide.shapes.add_group_shape()
        for i, words in enumerate(boxes):
            frame = group.shapes.add_textbox(
                Inches(0.7), Inches(1.8 + 2.4 * i), Inches(11.9), Inches(2)
            ).text_frame
            frame.word_wrap = True
            frame.text = words
            frame.paragraphs[0].runs[0].font.size = Pt(24)
    if notes:
        slide.notes_slide.notes_text_frame.text = "\n".join(notes)


def stable_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so unchanged sources give unchanged files."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = info.compress_type  # an ODF's mimetype stays first and stored
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def render(source: Path) -> Path:
    name, kind = source.name.removesuffix(".txt").rsplit(".", 1)
    content = source.read_text(encoding="utf-8")
    if kind == "pptx":
        data = render_pptx(content)
    else:
        blocks = card_blocks(content.splitlines())
        data = render_docx(blocks) if kind == "docx" else render_odt(blocks)
    target = CORPUS / f"{name}.{kind}"
    target.write_bytes(stable_zip(data))
    return target


if __name__ == "__main__":
    for path in sorted(SOURCES.glob("*.txt")):
        print(render(path))
