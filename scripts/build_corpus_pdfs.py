"""Render the sample corpus PDFs from the plain-text sources in scripts/pdf_sources/.

Each source's first line is the title; a line holding only ``\\f`` starts a new page;
short lines without final punctuation become headings. Run from the repository root:

    python scripts/build_corpus_pdfs.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

SOURCES = Path(__file__).parent / "pdf_sources"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)  # keeps the files byte-stable across rebuilds


def new_pdf(title: str) -> tuple[FPDF, str]:
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("Praxis sample corpus")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_margins(20, 20, 20)
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("body", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        return pdf, "body"
    return pdf, "helvetica"  # core font: Latin-1 only, enough for pt/it/en


def is_heading(line: str) -> bool:
    return len(line) < 90 and not line.rstrip().endswith((".", ":", ";", ",", "?", "!"))


def render(source: Path) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines()
    title, body = lines[0], lines[1:]
    pdf, font = new_pdf(title)
    pdf.add_page()
    pdf.set_font(font, "B", 16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in body:
        if line.strip() == "\\f":
            pdf.add_page()
        elif not line.strip():
            pdf.ln(3)
        elif is_heading(line):
            pdf.set_font(font, "B", 12)
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font(font, "", 11)
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    target = CORPUS / f"{source.stem}.pdf"
    pdf.output(str(target))
    return target


if __name__ == "__main__":
    for source in sorted(SOURCES.glob("*.txt")):
        print(render(source))
