"""Files → parsed, chunked, embedded documents → the knowledge base.

Each file is its own transaction: a bad file is reported and skipped, a crash
loses at most the file in hand, and a re-run picks up where it stopped because
unchanged files are recognised by their content hash.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from ingest.chunking import chunk_spans
from ingest.language import UNDETERMINED, detect_language, passage_language
from ingest.metadata import apply_overrides, extract
from ingest.metadata.sidecar import SUFFIX as SIDECAR_SUFFIX
from ingest.metadata.sidecar import read_sidecar, sidecar_bytes
from ingest.metadata.themes import ThemeClassifier
from ingest.readers import ParsedFile, read_file
from kb.config import Settings
from kb.embedders import Embedder
from kb.errors import ChunkingMismatch, FailureReason, KbError, UnreadableFile
from kb.knowledge_base import KnowledgeBase
from kb.models import FacetValue, NewDocument, Passage
from kb.text import MAX_DETAIL_CHARS

INGEST_VERSION = 3
"""Bump when parsing, chunking or embedding text changes, so unchanged files are read again."""


Status = Literal["added", "updated", "unchanged", "failed"]
STATUSES: tuple[Status, ...] = get_args(Status)


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: added, updated, unchanged or failed (with a reason)."""

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
    def passages(self) -> int:
        return sum(o.passages for o in self.outcomes)

    def as_dict(self) -> dict[str, object]:
        return {
            "counts": {s: self.counts.get(s, 0) for s in STATUSES},
            "passages": self.passages,
            "seconds": round(self.seconds, 2),
            "failures": [{"path": o.path, "reason": o.reason, "detail": o.detail} for o in self.failures],
        }


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named, and files found under folders named (hidden files and sidecars left out).

    Files are listed by their real path, except links that lead out of the folder being
    walked (or a named file that is such a link): those keep their own path, and
    :func:`ingest_file` refuses them, so a link to a secret file is never indexed or served.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise KbError(f"no such file or folder: {path}")
        if path.is_dir():
            root = path.resolve()
            for p in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in p.relative_to(path).parts) or p.name.endswith(
                    SIDECAR_SUFFIX
                ):
                    continue
                real = p.resolve()
                if not real.is_relative_to(root):
                    found.append(p.parent.resolve() / p.name)  # refused later, by name
                elif real.is_file():
                    found.append(real)
        else:
            found.append(path.parent.resolve() / path.name if path.is_symlink() else path.resolve())
    return list(dict.fromkeys(found))


def parse_document(path: Path, settings: Settings) -> NewDocument:
    """Read, detect language, chunk and extract metadata of one file (no embedding yet)."""
    parsed, data = read_file(path, settings.max_file_bytes, settings.max_pdf_pages)
    overrides = read_sidecar(path)
    language = str(overrides.get("language") or detect_language(parsed.text))
    if language == UNDETERMINED:
        raise UnreadableFile("no-text", "too little text to tell what it is about")
    spans = chunk_spans(parsed.text, settings.chunking)
    if len(spans) > settings.max_passages:
        raise UnreadableFile(
            "too-large",
            f"{len(spans)} passages is over the limit of {settings.max_passages} per file "
            "(embedding would hold the index for hours); split the document",
        )
    passages = [
        Passage(
            text=parsed.text[start:end],
            order=order,
            page=parsed.page_at(start),
            start=start,
            end=end,
            language=passage_language(parsed.text[start:end], language),
        )
        for order, (start, end) in enumerate(spans)
    ]
    title = document_title(parsed, path)
    meta = extract(parsed.text, title, parsed.info.get("date"))
    apply_overrides(meta, overrides)
    doc = NewDocument(
        path=str(path),
        title=str(meta.title or title),
        language=language,
        content_hash=content_digest(data, sidecar_bytes(path)),
        file_type=parsed.file_type,
        passages=passages,
        n_pages=parsed.n_pages,
        year=meta.year,
        curated=set(meta.curated),
    )
    doc.facets = meta.facets()
    return doc


def document_title(parsed: ParsedFile, path: Path) -> str:
    title = (parsed.title or "").strip()
    return title if len(title) >= 3 else path.stem.replace("_", " ").replace("-", " ")


def embedding_text(doc: NewDocument, passage: Passage) -> str:
    """The passage as the embedder sees it: prefixed by the document title for context."""
    if passage.text.lstrip().startswith(doc.title[:40]):
        return passage.text
    return f"{doc.title}\n{passage.text}"


def embed_with_themes(
    doc: NewDocument, embedder: Embedder, themes: Callable[[], ThemeClassifier]
) -> np.ndarray:
    """Embed the passages and, unless a curator set them, add the zero-shot themes they imply."""
    vectors = embedder.embed_documents([embedding_text(doc, p) for p in doc.passages])
    add_themes(doc, doc.passages, vectors, themes)
    return vectors


def add_themes(
    doc: NewDocument, passages: list[Passage], vectors: np.ndarray, themes: Callable[[], ThemeClassifier]
) -> None:
    """Unless a curator set them, add the zero-shot themes these passages (and vectors) imply."""
    if "theme" not in doc.curated:
        text = " ".join(p.text for p in passages)
        doc.facets += [FacetValue("theme", t) for t in themes().themes(vectors, text)]


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a reader that runs past ``seconds`` (a pathological PDF), as a ``too-slow`` file.

    Signals reach only the main thread, so the limit holds for ``kb ingest``; a reader
    called from another thread (the app) runs without it.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise too_slow(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_within_limit(path: Path, settings: Settings) -> NewDocument:
    """:func:`parse_document`, stopped after ``settings.max_read_seconds`` as a ``too-slow`` file.

    In the main thread (``kb ingest``) an alarm signal interrupts the reader. Signals cannot
    reach other threads (the app's), so there the reader runs in a child process that is
    ended when time is up.
    """
    seconds = settings.max_read_seconds
    if seconds <= 0:
        return parse_document(path, settings)
    if threading.current_thread() is threading.main_thread():
        with time_limit(seconds):
            return parse_document(path, settings)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        pending = pool.apply_async(parse_document, (path, settings))
        try:
            return pending.get(timeout=seconds)
        except multiprocessing.TimeoutError:
            pool.terminate()
            raise too_slow(seconds) from None


def too_slow(seconds: float) -> UnreadableFile:
    return UnreadableFile("too-slow", f"reading took longer than {seconds:.0f} s (KB_MAX_READ_SECONDS)")


def content_digest(data: bytes, sidecar: bytes) -> str:
    """SHA-256 of the parser version, the file and its sidecar.

    Editing either file, or a new version of the parsing, brings the document up to date.
    The version lives in each document's hash, so a batch that failed or was killed
    half-way leaves every document it did finish current: the next run skips them.
    """
    return hashlib.sha256(f"praxis-ingest-{INGEST_VERSION}\0".encode() + data + sidecar).hexdigest()


def file_hash(path: Path) -> str:
    """:func:`content_digest` of a file on disk."""
    return content_digest(path.read_bytes(), sidecar_bytes(path))


def ingest_file(
    kb: KnowledgeBase, path: Path, settings: Settings, themes: Callable[[], ThemeClassifier]
) -> FileOutcome:
    """Bring one file up to date in the index; never raises for a bad file."""
    known = kb.stored_hash(str(path))
    if path.is_symlink():
        target = os.path.realpath(path)
        return FileOutcome(
            str(path),
            "failed",
            None,
            "outside",
            f"a link to {target}, outside the folder; copy the file in instead",
        )
    try:
        if known and path.stat().st_size <= settings.max_file_bytes and file_hash(path) == known[1]:
            return FileOutcome(str(path), "unchanged", known[0])
        doc = parse_within_limit(path, settings)
        vectors = embed_with_themes(doc, kb.embedder, themes)
    except UnreadableFile as error:
        return FileOutcome(str(path), "failed", known[0] if known else None, error.reason, error.detail)
    except OSError as error:
        return FileOutcome(str(path), "failed", None, "unreadable", error.strerror or str(error))
    except Exception as error:  # one file's surprise must not end the batch
        detail = f"{type(error).__name__}: {error}".splitlines()[0][:MAX_DETAIL_CHARS]
        return FileOutcome(
            str(path),
            "failed",
            known[0] if known else None,
            "internal-error",
            detail,
            trace=traceback.format_exc(),
        )
    doc_id = kb.put(doc, vectors)
    return FileOutcome(str(path), "updated" if known else "added", doc_id, passages=len(doc.passages))


def check_chunking(kb: KnowledgeBase, settings: Settings) -> None:
    """Refuse to mix passages cut two ways in one index (search compares passages as equals)."""
    wanted = asdict(settings.chunking)
    if kb.manifest.chunking != wanted:
        raise ChunkingMismatch(
            f"{kb.index_dir}/ was built with chunking {kb.manifest.chunking}, not {wanted}; "
            f"ingest with the same chunking, or into a new index folder"
        )


ProgressCallback = Callable[[Path, FileOutcome | None], None]


def ingest_paths(
    kb: KnowledgeBase,
    paths: Iterable[Path],
    settings: Settings,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest files and folders under the write lock; one report for the whole batch."""
    check_chunking(kb, settings)
    files = discover(paths)
    report = IngestReport()
    started = time.perf_counter()
    classifier: list[ThemeClassifier] = []

    def themes() -> ThemeClassifier:  # built on first use: unchanged batches need no model
        if not classifier:
            classifier.append(ThemeClassifier(kb.embedder))
        return classifier[0]

    with kb.writing():
        for path in files:
            if on_progress:
                on_progress(path, None)
            outcome = ingest_file(kb, path, settings, themes)
            report.outcomes.append(outcome)
            if outcome.status != "unchanged":
                kb.log_ingest(outcome.path, outcome.status, outcome.reason, outcome.trace or outcome.detail)
            if on_progress:
                on_progress(path, outcome)
        if kb.manifest.ingest_version != INGEST_VERSION:  # informational: documents carry their own
            kb.set_ingest_version(INGEST_VERSION)
    report.seconds = time.perf_counter() - started
    return report
