"""Practices side by side: one row per practice-card field, one column per practice.

Each cell remembers the passage its value was read from, so the table can link to it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from app_pages.export import cell
from kb.models import Document
from kb.taxonomy import default_taxonomy
from kb.text import fold

ROWS = ("programme", "proponent", "sector", "place", "year", "themes", "partners", "funding", "results")
"""What an adviser compares when choosing a model for a client, in this order."""
MISSING = "—"


@dataclass(frozen=True)
class Cell:
    value: str
    chunk_id: int | None = None  # the passage the value was read from, when one holds it


def source_passage(value: str, passages: list[tuple[int, str, int | None]]) -> int | None:
    """The first passage whose text holds the value (accents and case aside)."""
    wanted = fold(value)[:80]
    if not wanted:
        return None
    return next((chunk_id for chunk_id, text, _ in passages if wanted in fold(text)), None)


def cell_values(doc: Document, language: str) -> dict[str, str]:
    """Each row's value for one practice: the card's own words first, extracted metadata after."""
    taxonomy = default_taxonomy()
    card = doc.card

    def labels(field: str) -> str:
        return "; ".join(taxonomy.label(field, v, language) for v in doc.values(field))

    return {
        "programme": "; ".join(doc.values("programme")),
        "proponent": card.get("proponent", ""),
        "sector": card.get("sector", ""),
        "place": card.get("geography", "") or labels("country"),
        "year": card.get("year", "") or (str(doc.year) if doc.year else ""),
        "themes": labels("theme"),
        "partners": card.get("partners", ""),
        "funding": card.get("funding", ""),
        "results": card.get("results", ""),
    }


def compare(
    docs: list[Document], passages: Callable[[str], list[tuple[int, str, int | None]]], language: str
) -> dict[str, list[Cell]]:
    """row name → one cell per practice, in the order given."""
    table: dict[str, list[Cell]] = {row: [] for row in ROWS}
    for doc in docs:
        texts = passages(doc.doc_id)
        for row, value in cell_values(doc, language).items():
            linked = row not in ("themes", "place") or value == doc.card.get("geography")
            table[row].append(
                Cell(value or MISSING, source_passage(value, texts) if value and linked else None)
            )
    return table


def comparison_csv(
    docs: list[Document], table: dict[str, list[Cell]], row_label: Callable[[str], str], delimiter: str
) -> str:
    """The table as a spreadsheet: a row per field, a column per practice (UTF-8 with BOM)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["", *(cell(d.title) for d in docs)])
    for row, cells in table.items():
        writer.writerow([row_label(row), *(cell(c.value) for c in cells)])
    return "\ufeff" + buffer.getvalue()
