"""Files → parsed, chunked, embedded documents → the knowledge base.

Each file is its own transaction: a bad file is reported and skipped, a crash
loses at most the file in hand, and a re-run picks up where it stopped because
unchanged files are recognised by their content hash.
"""

from __future__ import annotations

import os
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from ingest.discovery import discover
from ingest.metadata.themes import ThemeClassifier
from ingest.parsing import (
    INGEST_VERSION,
    Draft,
    describe_within_limit,
    draft_within_limit,
    is_current,
    parse_within_limit,
    reads_in_child,
)
from ingest.site_template import SiteTemplates
from ingest.themed_vectors import EMBED_BATCH, add_themes, embed_passages
from ingest.twins import Twins
from kb.config import Settings
from kb.embedders import Embedder
from kb.errors import ChunkingMismatch, FailureReason, UnreadableFile
from kb.knowledge_base import KnowledgeBase
from kb.models import NewDocument
from kb.text import MAX_DETAIL_CHARS

Status = Literal["added", "updated", "unchanged", "duplicate", "failed"]
STATUSES: tuple[Status, ...] = get_args(Status)


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: added, updated, unchanged, a duplicate of a stored file (``doc_id``
    is that document's) or failed (with a reason)."""

    path: str
    status: Status
    doc_id: str | None = None
    reason: FailureReason | Literal[""] = ""
    detail: str = ""
    passages: int = 0
    trace: str = ""  # the traceback of an internal error, kept for the ingest log


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.status for o in self.outcomes)

    @property
    def failures(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def duplicates(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "duplicate"]

    @property
    def passages(self) -> int:
        return sum(o.passages for o in self.outcomes)

    def as_dict(self) -> dict[str, object]:
        return {
            "counts": {s: self.counts.get(s, 0) for s in STATUSES},
            "passages": self.passages,
            "seconds": round(self.seconds, 2),
            "failures": [{"path": o.path, "reason": o.reason, "detail": o.detail} for o in self.failures],
            "duplicates": [{"path": o.path, "doc_id": o.doc_id, "detail": o.detail} for o in self.duplicates],
        }


@dataclass
class Prepared:
    """A file read and parsed, waiting for its vectors (or already settled as an outcome)."""

    path: Path
    known: tuple[str, str] | None  # (doc_id, content hash) when the file was ingested before
    doc: NewDocument | None = None
    outcome: FileOutcome | None = None
    draft: Draft | None = None  # read in this thread: its metadata is extracted while it embeds


def prepare_file(
    kb: KnowledgeBase,
    path: Path,
    settings: Settings,
    templates: SiteTemplates | None = None,
    twins: Twins | None = None,
) -> Prepared:
    """Everything before embedding: unchanged files and links settle here, the rest is read (in
    the main thread, where the time limit is an alarm, as a draft whose metadata
    :func:`describe_drafts` extracts while it embeds; in other threads whole, in the warm child)."""
    known = kb.stored_hash(str(path))
    if path.is_symlink():
        detail = f"a link to {os.path.realpath(path)}, outside the folder; copy the file in instead"
        return Prepared(path, known, outcome=FileOutcome(str(path), "failed", None, "outside", detail))
    try:
        template = (templates or SiteTemplates()).of(path)
        small = path.stat().st_size <= settings.max_file_bytes
        if known and small and is_current(path, known[1], template):
            return Prepared(path, known, outcome=FileOutcome(str(path), "unchanged", known[0]))
        twin = twins.of(path, template, known is not None) if twins and small else None
        if twin:
            same = FileOutcome(str(path), "duplicate", twin[0], detail=f"the same file as {twin[1]}")
            return Prepared(path, known, outcome=same)
        if reads_in_child(settings):
            return Prepared(path, known, doc=parse_within_limit(path, settings, template))
        draft = draft_within_limit(path, settings, template)
        return Prepared(path, known, doc=draft.doc, draft=draft)
    except Exception as error:  # one file's surprise must not end the batch
        return Prepared(path, known, outcome=failure(path, known, error))


def describe_drafts(group: list[Prepared], settings: Settings) -> None:
    """Extract the metadata of the group's files read in this thread (while the group embeds);
    a file whose extraction fails or runs out of time becomes a failure."""
    for prepared in group:
        if prepared.draft is None or prepared.outcome:
            continue
        try:
            describe_within_limit(prepared.draft, settings)
        except Exception as error:
            prepared.outcome = failure(prepared.path, prepared.known, error)
        prepared.draft = None


def store_file(kb: KnowledgeBase, prepared: Prepared, embedded: Callable[[], np.ndarray]) -> FileOutcome:
    """The prepared file's outcome: its vectors (``embedded`` waits for them) written with it."""
    if prepared.outcome or prepared.doc is None:
        return prepared.outcome or FileOutcome(str(prepared.path), "failed", None, "internal-error")
    try:
        vectors = embedded()
    except Exception as error:
        return failure(prepared.path, prepared.known, error)
    doc_id = kb.put(prepared.doc, vectors)
    status: Status = "updated" if prepared.known else "added"
    return FileOutcome(str(prepared.path), status, doc_id, passages=len(prepared.doc.passages))


def failure(path: Path, known: tuple[str, str] | None, error: Exception) -> FileOutcome:
    """A file that could not be read or embedded, with its reason; an earlier version stays."""
    previous = known[0] if known else None
    if isinstance(error, UnreadableFile):
        return FileOutcome(str(path), "failed", previous, error.reason, error.detail)
    if isinstance(error, OSError):
        return FileOutcome(str(path), "failed", None, "unreadable", error.strerror or str(error))
    detail = f"{type(error).__name__}: {error}".splitlines()[0][:MAX_DETAIL_CHARS]
    trace = "".join(traceback.format_exception(error))
    return FileOutcome(str(path), "failed", previous, "internal-error", detail, trace=trace)


def _no_vectors() -> np.ndarray:
    raise AssertionError("a settled file has no vectors to wait for")


def check_chunking(kb: KnowledgeBase, settings: Settings) -> None:
    """Refuse to mix passages cut two ways in one index (search compares passages as equals)."""
    wanted = asdict(settings.chunking)
    if kb.manifest.chunking != wanted:
        raise ChunkingMismatch(
            f"{kb.where} was built with chunking {kb.manifest.chunking}, not {wanted}; "
            f"ingest with the same chunking, or into a new index folder"
        )


ProgressCallback = Callable[[Path, FileOutcome | None], None]


def ingest_paths(
    kb: KnowledgeBase,
    paths: Iterable[Path],
    settings: Settings,
    on_progress: ProgressCallback | None = None,
    logged_as: str = "",
    copies: bool = False,
) -> IngestReport:
    """Ingest files and folders under the write lock; one report for the whole batch. ``logged_as``:
    what the ingest log calls a file that went in, when it is more than new ("restored");
    ``copies``: take a file even when it is a copy of another (:mod:`ingest.twins`)."""
    check_chunking(kb, settings)
    files = discover(paths)
    report = IngestReport()
    started = time.perf_counter()
    classifier: list[ThemeClassifier] = []

    def themes() -> ThemeClassifier:  # built on first use: unchanged batches need no model
        if not classifier:
            classifier.append(ThemeClassifier(kb.embedder))
        return classifier[0]

    def settle(prepared: Prepared, embedded: Callable[[], np.ndarray]) -> None:
        outcome = store_file(kb, prepared, embedded)
        report.outcomes.append(outcome)
        if outcome.status not in ("unchanged", "duplicate"):
            went_in = logged_as and outcome.status in ("added", "updated")
            status = logged_as if went_in else outcome.status
            kb.log_ingest(outcome.path, status, outcome.reason, outcome.trace or outcome.detail)
        if on_progress:
            on_progress(prepared.path, outcome)

    with kb.writing():
        twins = Twins(kb.store.find_by_hash, enabled=not copies)
        for prepared, embedded in embedded_in_turn(kb, files, settings, themes, on_progress, twins):
            settle(prepared, embedded)
        if kb.manifest.ingest_version != INGEST_VERSION:  # informational: documents carry their own
            kb.set_ingest_version(INGEST_VERSION)
    report.seconds = time.perf_counter() - started
    return report


def embedded_in_turn(
    kb: KnowledgeBase,
    files: list[Path],
    settings: Settings,
    themes: Callable[[], ThemeClassifier],
    on_progress: ProgressCallback | None = None,
    twins: Twins | None = None,  # the batch's copies (ingest.twins)
) -> Iterator[tuple[Prepared, Callable[[], np.ndarray]]]:
    """Each file prepared, with a way to wait for its vectors, in order.

    The embedder is the slow part, so it runs in a worker thread, on groups of files of at
    least ``EMBED_BATCH`` passages together (one call for many small files batches better; the
    first file goes alone, so that the embedder starts while the rest are read): while it embeds
    one group, this thread extracts that group's metadata (the first file's builds the
    matchers' tables) and reads the next, and the caller writes the one before (still one
    transaction per file, in order)."""
    templates = SiteTemplates()
    with ThreadPoolExecutor(1, thread_name_prefix="kb-embed") as embedding:
        queued: deque[tuple[list[Prepared], Future[list[np.ndarray]]]] = deque()

        def send(group: list[Prepared]) -> None:
            docs = [p.doc for p in group if p.doc]
            queued.append((group, embedding.submit(_embedded, docs, kb.embedder, themes)))
            describe_drafts(group, settings)  # the metadata, while the group embeds

        group, batch = [], 1  # the first file goes at once: the embedder should not wait on the loading
        for path in files:
            if on_progress:
                on_progress(path, None)
            group.append(prepare_file(kb, path, settings, templates, twins))
            if sum(len(p.doc.passages) for p in group if p.doc) >= batch:
                batch = EMBED_BATCH
                send(group)
                group = []
            while len(queued) > 1:  # keep the embedder busy with the newest group
                yield from _in_order(*queued.popleft(), themes)
        if group:
            send(group)
        while queued:
            yield from _in_order(*queued.popleft(), themes)


def _embedded(
    docs: list[NewDocument], embedder: Embedder, themes: Callable[[], ThemeClassifier]
) -> list[np.ndarray]:
    """In the embedding thread: the documents' vectors, and the theme classifier built there
    (with another embedder than the bundled one it embeds its theme descriptions)."""
    vectors = embed_passages(docs, embedder)
    if docs:
        themes()
    return vectors


def _in_order(
    group: list[Prepared], embedded: Future[list[np.ndarray]], themes: Callable[[], ThemeClassifier]
) -> Iterator[tuple[Prepared, Callable[[], np.ndarray]]]:
    sent = iter(range(sum(1 for p in group if p.doc)))
    for prepared in group:
        if prepared.doc is None:
            yield prepared, _no_vectors
        else:
            index, doc = next(sent), prepared.doc
            yield prepared, lambda index=index, doc=doc: _themed(doc, embedded.result()[index], themes)  # type: ignore[misc]


def _themed(doc: NewDocument, vectors: np.ndarray, themes: Callable[[], ThemeClassifier]) -> np.ndarray:
    """The vectors, once the themes they imply are added to the document (its metadata is in)."""
    add_themes(doc, doc.passages, vectors, themes)
    return vectors
