"""Printing a benchmark's rows: a Markdown table for people, or one JSON object per row."""

from __future__ import annotations

import json


def print_rows(rows: list[dict[str, object]], headers: dict[str, str], as_json: bool) -> None:
    """``headers``: each column's key and its title in the table (floats with three decimals)."""
    if as_json:
        print("\n".join(json.dumps(row) for row in rows))
        return
    print("| " + " | ".join(headers.values()) + " |")
    print("|" + "---|" * len(headers))
    for row in rows:
        print("| " + " | ".join(_cell(row[key]) for key in headers) + " |")


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else "—" if value is None else str(value)
