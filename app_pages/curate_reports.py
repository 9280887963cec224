"""The Curate page's two reports, in the reader's language: what ingest did, and the searches that
found nothing.

The logs keep stable English codes ("added", "encrypted", a search's filters as JSON) so that the
CLI, tests and both stores read them alike; the page shows them as words.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import streamlit as st

from app_pages.i18n import message_keys
from app_pages.state import t, ui_language
from kb.taxonomy import default_taxonomy


def in_words(kind: str, code: object) -> object:
    """A logged code as the reader's word for it (``status_added``, ``reason_encrypted``), or as
    logged when it has none."""
    key = f"{kind}_{code}"
    return t(key) if isinstance(code, str) and key in message_keys() else code


def field_label(name: str) -> str:
    """A logged field's name in the reader's language: a facet's label ("País"), a form's ("Título"),
    or the field's own name when it has none."""
    key = next((k for k in (f"facet_{name}", name) if k in message_keys()), None)
    return t(key) if key else name


def filters_in_words(recorded: object, language: str) -> str:
    """A search's filters as recorded (``{"country": ["BR"]}``) as "País: Brasil"; none as "—"."""
    try:
        filters = json.loads(str(recorded))
    except ValueError:
        return str(recorded)
    if not isinstance(filters, dict):
        return str(recorded)
    taxonomy = default_taxonomy()
    shown = []
    for name, values in filters.items():
        values = values if isinstance(values, list) else [values]
        shown.append(
            f"{field_label(name)}: {', '.join(taxonomy.label(name, str(v), language) for v in values)}"
        )
    return "; ".join(shown) or "—"


_CHANGE = re.compile(r"(?P<field>\w+): (?P<old>.*) → (?P<new>.*)")
_CODED = ("theme", "country")
"""Fields whose values are codes the reader should see as names (values of other fields may hold commas)."""


def changes_in_words(detail: str, language: str) -> str:
    """A curator's changes as logged ("theme: joint-action → finance; year: 2016 → 2015") with the
    fields' names and the themes' and countries' names in the reader's language."""
    taxonomy = default_taxonomy()
    shown = []
    for change in detail.split("; "):
        match = _CHANGE.fullmatch(change)
        if match is None:
            shown.append(change)
            continue
        field = match["field"]
        values = [match["old"], match["new"]]
        if field in _CODED:
            values = [
                v if v == "—" else ", ".join(taxonomy.label(field, c.strip(), language) for c in v.split(","))
                for v in values
            ]
        shown.append(f"{field_label(field)}: {values[0]} → {values[1]}")
    return "; ".join(shown)


def labelled_table(rows: list[dict[str, object]]) -> None:
    """A report as a table whose column headers are in the interface language."""
    frame = pd.DataFrame(rows)
    frame = frame.rename(
        columns={c: t(f"column_{c}") for c in frame.columns if f"column_{c}" in message_keys()}
    )
    st.dataframe(frame, use_container_width=True, hide_index=True)


def ingest_report(rows: list[dict[str, str]]) -> None:
    language = ui_language()
    labelled_table(
        [
            row
            | {"status": in_words("status", row["status"]), "reason": in_words("reason", row["reason"])}
            | (
                {"detail": changes_in_words(row["detail"] or "", language)}
                if row["status"] == "curated"
                else {}
            )
            for row in rows
        ]
    )


def misses_report(rows: list[dict[str, object]]) -> None:
    language = ui_language()
    labelled_table([row | {"filters": filters_in_words(row["filters"], language)} for row in rows])
