"""Result lists as CSV and as reference lists in ABNT (NBR 6023) and APA styles."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from kb.facets import CARD_FIELDS, LIST_FACETS
from kb.models import Hit

MONTHS_PT = "jan. fev. mar. abr. maio jun. jul. ago. set. out. nov. dez.".split()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text that starts like a formula gets a leading quote.

    This is OWASP's advice against CSV injection (``=HYPERLINK(...)`` in a document title).
    """
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def results_csv(hits: list[Hit]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    card_columns = [f"card_{name}" for name in CARD_FIELDS]
    writer.writerow(
        ["doc_id", "title", "language", "year", *(f.key for f in LIST_FACETS), "file", *card_columns]
    )
    for h in hits:
        lists = [";".join(getattr(h, f.key)) for f in LIST_FACETS]
        card = [h.card.get(name, "") for name in CARD_FIELDS]
        row = [h.doc_id, h.title, h.language, h.year or "", *lists, Path(h.path).name, *card]
        writer.writerow(cell(value) for value in row)
    return buffer.getvalue()


def _author(hit: Hit) -> str:
    return hit.organisations[0] if hit.organisations else ""


def abnt(hit: Hit, base_url: str, today: date | None = None) -> str:
    """ABNT: AUTHOR. Title. Year. Available at: <url>. Accessed on: day month year."""
    today = today or date.today()
    author = _author(hit).upper()
    year = hit.year or "[s.d.]"
    accessed = f"{today.day} {MONTHS_PT[today.month - 1]} {today.year}"
    url = f"{base_url}/practice?doc={hit.doc_id}"
    lead = f"{author}. " if author else ""
    return f"{lead}{hit.title}. {year}. Disponível em: <{url}>. Acesso em: {accessed}."


def apa(hit: Hit, base_url: str) -> str:
    """APA 7: Author. (Year). Title. URL"""
    author = _author(hit) or hit.title
    year = hit.year or "n.d."
    url = f"{base_url}/practice?doc={hit.doc_id}"
    title = "" if author == hit.title else f" {hit.title}."
    return f"{author}. ({year}).{title} {url}"


def reference_list(hits: list[Hit], style: str, base_url: str) -> str:
    lines = [abnt(h, base_url) if style == "abnt" else apa(h, base_url) for h in hits]
    return "\n\n".join(sorted(lines, key=str.casefold)) + "\n"
