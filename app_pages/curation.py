"""What the curator page does, apart from drawing it: safe upload names, staging, publishing."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

from ingest.metadata.sidecar import write_sidecar
from ingest.metadata.themes import ThemeClassifier
from ingest.pipeline import IngestReport, embed_with_themes, ingest_paths, parse_document
from ingest.readers.base import FILE_TYPES
from kb.config import Settings
from kb.errors import KbError
from kb.knowledge_base import KnowledgeBase, slugify
from kb.models import Document, NewDocument


def safe_filename(name: str) -> str:
    """A plain file name from whatever the browser sent: no folders, no control characters."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in FILE_TYPES:
        raise KbError(f"unsupported file type: {name!r}; use {', '.join(sorted(FILE_TYPES))}")
    stem = slugify(stem) or "document"
    return f"{stem}.{suffix.lower()}"


def stage(data: bytes, name: str, staging: Path) -> Path:
    """Write an upload where nothing reads it yet, to preview extraction before publishing."""
    staging.mkdir(parents=True, exist_ok=True)
    path = staging / safe_filename(name)
    path.write_bytes(data)
    return path


def preview(kb: KnowledgeBase, path: Path, settings: Settings) -> NewDocument:
    """Everything extraction finds, themes included, without writing to the index."""
    doc = parse_document(path, settings)
    embed_with_themes(doc, kb.embedder, lambda: ThemeClassifier(kb.embedder))
    return doc


def publish(kb: KnowledgeBase, staged: Path, uploads: Path, settings: Settings) -> IngestReport:
    """Move a staged file into the uploads folder (replacing one of the same name) and ingest it."""
    uploads.mkdir(parents=True, exist_ok=True)
    target = uploads / staged.name
    shutil.move(str(staged), target)
    return ingest_paths(kb, [target], settings)


def save_metadata(
    kb: KnowledgeBase, doc_id: str, values: dict[str, object], settings: Settings
) -> IngestReport:
    """Write the curator's values as the document's sidecar and bring the index up to date."""
    before = kb.document(doc_id)
    path = Path(before.path)
    write_sidecar(path, values)
    report = ingest_paths(kb, [path], settings)
    kb.log_ingest(str(path), "curated", "metadata", describe_changes(before, kb.document(doc_id)))
    return report


def describe_changes(before: Document, after: Document) -> str:
    """'field: old → new' for every field the curator changed, for the curator log."""
    pairs = [("title", before.title, after.title), ("year", before.year, after.year)]
    for name in ("country", "theme", "programme", "organisation"):
        pairs.append((name, ", ".join(before.values(name)), ", ".join(after.values(name))))
    changes = [f"{name}: {old or '—'} → {new or '—'}" for name, old, new in pairs if old != new]
    return "; ".join(changes) or "no change"


def remove(kb: KnowledgeBase, doc_id: str, trash: Path) -> None:
    """Take a document out of the index and move its file (and sidecar) aside, so it does not return."""
    path = Path(kb.document(doc_id).path)
    with kb.writing():
        kb.remove(doc_id)
        kb.log_ingest(str(path), "removed", "curator")
    trash.mkdir(parents=True, exist_ok=True)
    for file in (path, path.with_name(path.stem + ".meta.yaml")):
        if file.exists():
            shutil.move(str(file), trash / file.name)
