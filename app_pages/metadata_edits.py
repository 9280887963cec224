"""A curator's edit of a document's metadata: what changed in the form, checked, saved beside the
document as its sidecar, and logged field by field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app_pages.curation import Progress, file_progress
from ingest.metadata.sidecar import MAX_YEAR, MIN_YEAR, read_sidecar, write_sidecar
from ingest.metadata.themes import MAX_THEMES
from ingest.pipeline import IngestReport, ingest_paths
from kb.config import Settings
from kb.errors import KbError
from kb.facets import LIST_FACETS
from kb.knowledge_base import KnowledgeBase
from kb.models import Document


def split_names(text: str, separator: str) -> list[str]:
    return [name.strip() for name in text.split(separator) if name.strip()]


class BadYear(KbError):
    """A year typed in the Curate form that is none: the page says so in the reader's language."""

    def __init__(self, field_name: str, text: str, latest: int) -> None:
        super().__init__(f"{field_name} must be a year from {MIN_YEAR} to {latest}, or empty; not {text!r}")
        self.field_name = field_name
        self.words = {"text": text, "earliest": MIN_YEAR, "latest": latest}  # for the page's message


class TooManyThemes(KbError):
    """More themes than a practice's main ones (extraction gives at most :data:`MAX_THEMES`)."""

    def __init__(self, chosen: int) -> None:
        super().__init__(f"at most {MAX_THEMES} themes, not {chosen}")


def edited_fields(doc: Document, form: dict[str, object]) -> dict[str, object]:
    """Only the fields the curator changed, so an automatic value never becomes permanent by a save.

    The practice's year and the text's own are typed as text: empty stays empty (no invented
    year), anything else must be a year from 1000 to 2100; the text's own no later than this year
    (a text is not written ahead: a date ahead is an event's). Themes changed are three at most.
    """
    current = {
        "title": doc.title,
        "year": str(doc.year) if doc.year else "",
        "written": str(doc.written) if doc.written else "",
        **{f.key: doc.values(f.name) for f in LIST_FACETS},
    }
    changed = {name: value for name, value in form.items() if value != current.get(name)}
    if isinstance(themes := changed.get("themes"), list) and len(themes) > MAX_THEMES:
        raise TooManyThemes(len(themes))
    for name in ("year", "written"):
        if name not in changed:
            continue
        text, latest = str(changed[name]), MAX_YEAR if name == "year" else date.today().year
        if text and not (text.isdigit() and MIN_YEAR <= int(text) <= latest):
            raise BadYear(name, text, latest)
        changed[name] = int(text) if text else None
    return changed


def save_metadata(
    kb: KnowledgeBase,
    doc_id: str,
    values: dict[str, object],
    settings: Settings,
    on_progress: Progress | None = None,
) -> IngestReport:
    """Merge the curator's values into the document's sidecar and bring the index up to date."""
    before = kb.document(doc_id)
    path = Path(before.path)
    write_sidecar(path, {**read_sidecar(path), **values})
    report = ingest_paths(kb, [path], settings, file_progress(on_progress))
    kb.log_ingest(str(path), "curated", "metadata", describe_changes(before, kb.document(doc_id)))
    return report


def describe_changes(before: Document, after: Document) -> str:
    """'field: old → new' for every field the curator changed, for the curator log."""
    pairs = [
        ("title", before.title, after.title),
        ("year", before.year, after.year),
        ("written", before.written, after.written),
    ]
    for f in LIST_FACETS:
        pairs.append((f.name, ", ".join(before.values(f.name)), ", ".join(after.values(f.name))))
    changes = [f"{name}: {old or '—'} → {new or '—'}" for name, old, new in pairs if old != new]
    return "; ".join(changes) or "no change"
