"""What the curator page does, apart from drawing it: safe upload names, staging, publishing."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ingest.metadata.themes import ThemeClassifier
from ingest.parsing import parse_within_limit
from ingest.pipeline import IngestReport, ProgressCallback, ingest_paths
from ingest.readers.base import FILE_TYPES
from ingest.site_template import folder_template
from ingest.themed_vectors import add_themes, embedding_text
from kb.config import Settings
from kb.errors import DocumentNotFound, KbError
from kb.knowledge_base import KnowledgeBase, slugify
from kb.models import NewDocument
from kb.threads import lower_priority


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
    """Write an upload where nothing reads it yet, to preview extraction before publishing.

    Each content gets a folder of its own, so two uploads whose names differ only by accents
    or case ("Relatório Final.txt", "relatorio_final.txt") never overwrite each other.
    """
    folder = staging / hashlib.sha256(data).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_filename(name)
    path.write_bytes(data)
    return path


PREVIEW_PASSAGES = 48
"""Passages a preview embeds to guess themes, so a preview takes seconds for any file."""

Progress = Callable[[float], None]


def preview(
    kb: KnowledgeBase,
    path: Path,
    settings: Settings,
    on_progress: Progress | None = None,
    uploads: Path | None = None,
) -> NewDocument:
    """Everything extraction finds, themes included, without writing to the index.

    Themes are guessed from the first passages only; publishing embeds the whole document.
    ``on_progress`` hears the share done, from 0 to 1; ``uploads``, the folder publishing moves
    the file to, whose template lines it will lose (:mod:`ingest.site_template`).
    """
    report = on_progress or (lambda share: None)
    report(0.05)
    template = folder_template(uploads, joining=path) if uploads is not None else frozenset()
    doc = parse_within_limit(path, settings, template)
    report(0.4)
    if "theme" not in doc.curated:
        sample = doc.passages[:PREVIEW_PASSAGES]  # a document has at least one passage
        texts = [embedding_text(doc, p) for p in sample]
        batches = [texts[i : i + 8] for i in range(0, len(texts), 8)]
        vectors = []
        for done, batch in enumerate(batches, 1):
            vectors.append(kb.embedder.embed_documents(batch))
            report(0.4 + 0.55 * done / len(batches))
        add_themes(doc, sample, np.vstack(vectors), lambda: ThemeClassifier(kb.embedder))
    report(1.0)
    return doc


@dataclass
class Desk:
    """What a curator's page run works with: the index, settings, and this session's jobs."""

    kb: KnowledgeBase
    settings: Settings
    staging: Path
    started: list[dict[str, str]]  # saves and restores this session started: key, kind, name
    pending: list[Job] = field(default_factory=list)  # jobs still running, for the progress bars


@dataclass
class Job:
    """One piece of curator work running in the background: what it is, how far it got, its end."""

    label: str
    future: Future[Any]
    share: list[float]

    @property
    def done(self) -> bool:
        return self.future.done()


class Jobs:
    """Curator work (previews, publishing, saves, restores) run off the page request.

    One background thread takes the jobs in turn, at a lower scheduling priority
    (:func:`kb.threads.lower_priority`), so embedding an upload never holds a page request
    and never slows other people's searches. Jobs are remembered by key: asking again for
    the preview of the same content returns the job already running or done.
    """

    def __init__(self, keep: int = 50) -> None:
        self.pool = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="praxis-curate", initializer=lower_priority
        )
        self.jobs: dict[str, Job] = {}
        self.keep = keep
        self.lock = threading.Lock()

    def start(self, key: str, label: str, work: Callable[..., Any]) -> Job:
        """The job under ``key``, started if new; ``work(on_progress=…)`` reports shares from 0 to 1."""
        with self.lock:
            if key not in self.jobs:
                share = [0.0]
                future = self.pool.submit(work, on_progress=lambda done: share.__setitem__(0, done))
                self.jobs[key] = Job(label, future, share)
                for old in list(self.jobs)[: max(0, len(self.jobs) - self.keep)]:
                    if self.jobs[old].done:
                        del self.jobs[old]
            return self.jobs[key]

    def get(self, key: str) -> Job | None:
        with self.lock:
            return self.jobs.get(key)


def file_progress(on_progress: Progress | None) -> ProgressCallback | None:
    """Ingest's per-file progress as a share: 0.1 once a one-file job starts reading, 1 when it is in."""
    if on_progress is None:
        return None
    return lambda path, outcome: on_progress(1.0 if outcome else 0.1)


def publish(
    kb: KnowledgeBase,
    staged: Path,
    uploads: Path,
    settings: Settings,
    replace: bool = False,
    on_progress: Progress | None = None,
) -> IngestReport:
    """Move a staged file into the uploads folder and ingest it.

    A different file already published under the same name is kept: the new one gets a
    numbered name (``-2``, ``-3`` …) unless ``replace`` asks to put it in its place.
    """

    uploads.mkdir(parents=True, exist_ok=True)
    target = uploads / staged.name
    number = 1
    while not replace and target.exists() and target.read_bytes() != staged.read_bytes():
        number += 1
        target = uploads / f"{staged.stem}-{number}{staged.suffix}"
    shutil.move(str(staged), target)
    report = ingest_paths(kb, [target], settings, file_progress(on_progress))
    if report.duplicates:  # already in the collection under another name: not kept twice
        target.unlink(missing_ok=True)
    return report


def remove(kb: KnowledgeBase, doc_id: str, trash: Path) -> Path | None:
    """Take a document out of the index and move its file (and sidecar) aside, so it does not return.

    Each removal gets a folder of its own under ``trash`` (so two files of the same name never
    overwrite each other), with a note of where the files came from, for :func:`restore`.
    Returns that folder, or None when the document was already gone (removed by someone else).
    """
    try:
        path = Path(kb.document(doc_id).path)
    except DocumentNotFound:
        return None
    with kb.writing():
        try:
            kb.remove(doc_id)
        except DocumentNotFound:
            return None
        kb.log_ingest(str(path), "removed", "curator")
    folder = trash / f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{doc_id}"
    folder.mkdir(parents=True)
    moved = []
    for file in (path, path.with_name(path.stem + ".meta.yaml")):
        if file.exists():
            shutil.move(str(file), folder / file.name)
            moved.append(str(file))
    (folder / RESTORE_NOTE).write_text(json.dumps({"doc_id": doc_id, "files": moved}), encoding="utf-8")
    return folder


RESTORE_NOTE = "removed.json"


def removed_entries(trash: Path) -> list[tuple[Path, dict[str, object]]]:
    """Removed documents that can be restored, newest first."""
    if not trash.is_dir():
        return []
    entries = []
    for note in sorted(trash.glob(f"*/{RESTORE_NOTE}"), reverse=True):
        try:
            entries.append((note.parent, json.loads(note.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return entries


def restore(
    kb: KnowledgeBase, folder: Path, settings: Settings, on_progress: Progress | None = None
) -> IngestReport:
    """Put a removed document's files back where they were and index them again.

    Refuses to overwrite a file that has since appeared at the same place.
    """
    note = json.loads((folder / RESTORE_NOTE).read_text(encoding="utf-8"))
    targets = [Path(f) for f in note["files"]]
    if not targets:
        raise KbError(f"{folder} holds no file to restore")
    taken = [t for t in targets if t.exists()]
    if taken:
        raise KbError(f"{taken[0]} exists again; move it away before restoring")
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(folder / target.name), target)
    shutil.rmtree(folder)
    return ingest_paths(
        kb, [targets[0]], settings, file_progress(on_progress), logged_as="restored", copies=True
    )
