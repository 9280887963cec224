"""Files → parsed, chunked, embedded documents → the knowledge base.

Each file is its own transaction: a bad file is reported and skipped, a crash
loses at most the file in hand, and a re-run picks up where it stopped because
unchanged files are recognised by their content hash.
"""

from __future__ import annotations

import os
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from ingest.metadata.sidecar import SUFFIX as SIDECAR_SUFFIX
from ingest.metadata.themes import ThemeClassifier
from ingest.parsing import INGEST_VERSION, file_hash, parse_within_limit
from kb.config import Settings
from kb.embedders import Embedder
from kb.errors import ChunkingMismatch, FailureReason, KbError, UnreadableFile
from kb.knowledge_base import KnowledgeBase
from kb.models import FacetValue, NewDocument, Passage
from kb.text import MAX_DETAIL_CHARS

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
    """Unless a curator set them, add the zero-shot themes these passages (and vectors) imply.

    A document that is not about the field at all (a recipe, a match report) has no practice,
    so it also loses the countries, programmes and year read from its text (not a curator's).
    """
    text = " ".join(p.text for p in passages)
    if not themes().about_the_field(vectors, text):
        doc.facets = [f for f in doc.facets if f.field not in OFF_TOPIC_DROPPED or f.field in doc.curated]
        doc.year = doc.year if "year" in doc.curated else None
    elif "theme" not in doc.curated:
        doc.facets += [FacetValue("theme", t) for t in themes().themes(vectors, text)]


OFF_TOPIC_DROPPED = ("country", "programme")


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
            f"{kb.where} was built with chunking {kb.manifest.chunking}, not {wanted}; "
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
