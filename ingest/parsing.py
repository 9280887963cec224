"""Reading one file into a document: text, language, passages, metadata and content hash.

Readers run under a time limit (``KB_MAX_READ_SECONDS``): an alarm in the main thread,
a child process elsewhere (signals reach only the main thread).
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ingest import language
from ingest.chunking import chunk_spans
from ingest.genre_titles import title_after_label
from ingest.ingest_version import INGEST_VERSION
from ingest.language import UNDETERMINED, document_language, passage_language
from ingest.metadata import apply_overrides, extract, load_tables
from ingest.metadata.fields import labelled_fields
from ingest.metadata.sidecar import read_sidecar, sidecar_bytes
from ingest.reader_process import parse_in_child
from ingest.readers import ParsedFile, ocr, read_file
from ingest.site_template import held_lines, strip_template
from kb.config import Settings
from kb.errors import UnreadableFile
from kb.facets import OCR_PAGES, WRITTEN
from kb.models import FacetValue, NewDocument, Passage


def parse_document(path: Path, settings: Settings, template: frozenset[str] = frozenset()) -> NewDocument:
    """Read, detect language, chunk and extract metadata of one file (no embedding yet);
    ``template``: its folder's template lines (:mod:`ingest.site_template`), left out."""
    draft = read_document(path, settings, template)
    describe(draft)
    return draft.doc


@dataclass
class Draft:
    """A file read and cut into passages, its metadata not yet extracted: enough to embed it.

    Ingest sends a draft's passages to the embedder first and extracts the metadata while they
    are embedded (the first file's extraction also builds the matchers' tables, about a second
    and a half during which the embedder would otherwise wait)."""

    doc: NewDocument
    parsed: ParsedFile
    heading: str  # the title metadata reads: the file's (or its name), or the practice's after a kind-of-document label
    overrides: dict[str, object]
    seconds: float = 0.0  # spent reading it, out of the file's time limit


def read_document(path: Path, settings: Settings, template: frozenset[str] = frozenset()) -> Draft:
    """Read, detect language and chunk one file; :func:`describe` adds its metadata."""
    parsed, data = read_file(path, settings.max_file_bytes, settings.max_pdf_pages)
    strip_template(parsed, template)
    overrides = read_sidecar(path)
    language = str(overrides.get("language") or document_language(parsed.text))
    if language == UNDETERMINED:
        raise UnreadableFile("no-text", "too little text to tell what it is about")
    heading = title = document_title(parsed, path)
    name = labelled_fields(parsed.text).get("name")
    if len((parsed.title or "").strip()) < 3 and name:
        title = name  # a scan or an untitled PDF: its card's name
    title = heading = title_after_label(parsed.text, title, name)  # not "GOOD PRACTICE CARD"
    doc = NewDocument(
        path=str(path),
        title=str(overrides.get("title") or title),
        language=language,
        content_hash=content_digest(data, sidecar_bytes(path), held_lines(path, data, template))
        + (WITHOUT_OCR if parsed.info.get("ocr_skipped") else ""),
        file_type=parsed.file_type,
        passages=cut_passages(parsed, language, settings),
        n_pages=parsed.n_pages,
    )
    return Draft(doc, parsed, heading, overrides)


def describe(draft: Draft) -> None:
    """Extract the draft's metadata into its document: facets, card fields, year, what is curated."""
    doc, parsed = draft.doc, draft.parsed
    meta = extract(
        parsed.text, draft.heading, parsed.info.get("date"), language=doc.language, emphasis=parsed.emphasis
    )
    apply_overrides(meta, draft.overrides)
    doc.year = meta.year
    doc.curated = set(meta.curated)
    doc.facets = meta.facets()
    if meta.written is not None:  # what a reference cites; the practice's year may be older
        source = "curated" if "written" in meta.curated else "extracted"
        doc.facets.append(FacetValue(WRITTEN, str(meta.written), source))
    if parsed.info.get("ocr_pages"):  # so passages from a scan can say so
        doc.facets.append(FacetValue(OCR_PAGES, parsed.info["ocr_pages"]))


def cut_passages(parsed: ParsedFile, language: str, settings: Settings) -> list[Passage]:
    """Passages with their pages and languages, within the per-file passage limit."""
    spans = chunk_spans(parsed.text, settings.chunking)
    if len(spans) > settings.max_passages:
        raise UnreadableFile(
            "too-large",
            f"{len(spans)} passages is over the limit of {settings.max_passages} per file "
            "(embedding would hold the index for hours); split the document",
        )
    return [
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


def document_title(parsed: ParsedFile, path: Path) -> str:
    title = (parsed.title or "").strip()
    return title if len(title) >= 3 else path.stem.replace("_", " ").replace("-", " ")


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


def parse_within_limit(path: Path, settings: Settings, template: frozenset[str] = frozenset()) -> NewDocument:
    """:func:`parse_document`, stopped after ``settings.max_read_seconds`` as a ``too-slow`` file.

    In the main thread (``kb ingest``) an alarm signal interrupts the reader. Signals cannot
    reach other threads (the app's), so there the reader runs in a child process that is
    ended when time is up (a warm child, kept for the next file: :mod:`ingest.reader_process`).
    """
    seconds = settings.max_read_seconds
    if not reads_in_child(settings):
        draft = draft_within_limit(path, settings, template)
        describe_within_limit(draft, settings)
        return draft.doc
    try:
        return parse_in_child(path, settings, template, seconds)
    except TimeoutError:
        raise too_slow(seconds) from None


def reads_in_child(settings: Settings) -> bool:
    """Whether this thread reads files in the warm child: a time limit where no alarm can reach."""
    return settings.max_read_seconds > 0 and threading.current_thread() is not threading.main_thread()


def draft_within_limit(path: Path, settings: Settings, template: frozenset[str] = frozenset()) -> Draft:
    """:func:`read_document` under the time limit, in a thread that does not read in the child."""
    started, loading = time.monotonic(), language.loading_seconds
    with time_limit(settings.max_read_seconds):
        draft = read_document(path, settings, template)
    draft.seconds = time.monotonic() - started - (language.loading_seconds - loading)
    return draft


def describe_within_limit(draft: Draft, settings: Settings) -> None:
    """:func:`describe` in what is left of the file's time limit (the matchers' tables are
    built first, outside it: they are no file's time)."""
    load_tables()
    limit = settings.max_read_seconds
    with time_limit(max(limit - draft.seconds, 0.01) if limit > 0 else 0):
        describe(draft)


def too_slow(seconds: float) -> UnreadableFile:
    return UnreadableFile("too-slow", f"reading took longer than {seconds:.0f} s (KB_MAX_READ_SECONDS)")


def content_digest(data: bytes, sidecar: bytes, template: frozenset[str] = frozenset()) -> str:
    """SHA-256 of the parser version, the file, its sidecar and the template lines it holds.

    Editing either file, a new version of the parsing, or a line of the file becoming its
    folder's template brings the document up to date.
    The version lives in each document's hash, so a batch that failed or was killed
    half-way leaves every document it did finish current: the next run skips them.
    """
    lines = "\0template\0" + "\n".join(sorted(template)) if template else ""
    return hashlib.sha256(
        f"praxis-ingest-{INGEST_VERSION}\0".encode() + data + sidecar + lines.encode()
    ).hexdigest()


def file_hash(path: Path, template: frozenset[str] = frozenset()) -> str:
    """:func:`content_digest` of a file on disk in a folder of this template."""
    data = path.read_bytes()
    return content_digest(data, sidecar_bytes(path), held_lines(path, data, template))


WITHOUT_OCR = "+without-ocr"
"""Marks the hash of a PDF whose scanned pages were left out because OCR could not run."""


def is_current(path: Path, stored_hash: str, template: frozenset[str] = frozenset()) -> bool:
    """Whether the stored document is this file as it would be read now: unchanged (its
    folder's template too), and not missing scanned pages that OCR could now read."""
    digest = file_hash(path, template)
    return stored_hash == digest or (stored_hash == digest + WITHOUT_OCR and ocr.missing() is not None)
