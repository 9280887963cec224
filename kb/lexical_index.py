"""The lexical index: BM25 over each passage's stemmed title, body and names, in a Tantivy index.

Tantivy ranks the best passages of a query without scoring every passage that holds one of
its words (block-max WAND), which keeps a lexical search in the milliseconds at a million
passages, where SQLite FTS5 took a second. The catalogue stays the source of truth: the
index is a copy, caught up from the catalogue's change log or rebuilt from it, and it
records the last change it holds in :data:`CHECKPOINT` (written after each commit, so a
crash can only make it understate, and replaying a change twice is harmless).

Text arrives as index tokens (folded Snowball stems, see :func:`kb.glossary.tokens_of`) and
is split on spaces only, so a query built from the same tokens meets it exactly.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tantivy

from kb.lexical_holders import documents_holding
from kb.lexical_queries import SCHEMA, Query, among, any_part, document_key, queried
from kb.phrase_pairs import LOOSE_FIELD, loose_in, pair_field, pair_terms, pairs_in, pairs_version
from kb.stemming import Phrase, stems_version
from kb.store import LEXICAL_FIELDS, NAMES_VERSION

CHECKPOINT = "applied"
EXACT_COUNT = 5_000
"""A part's passages are counted exactly unless one of its words or pairs alone is held by more."""
COMMIT_SECONDS = 1.0
"""During a long write block, changes become searchable by other processes this often."""
WRITER_HEAP = 50_000_000
FORMAT = f"4.{NAMES_VERSION}.{pairs_version()}.{stems_version()}"  # schema, names, pairs, stems: rebuilt


@dataclass(frozen=True)
class LexicalRow:
    """One passage as the lexical index holds it: index tokens joined by spaces."""

    chunk_id: int
    doc_id: str
    title: str
    body: str
    names: str


class LexicalIndex:
    """A Tantivy index in one folder. Writes need :meth:`start_writing` (one writer at a time,
    which the caller's write lock guarantees); searches see the last commit."""

    def __init__(self, path: Path | None) -> None:
        """``path`` None keeps the index in memory (a reader that may not write one to disk)."""
        self.path = path
        self._index = tantivy.Index(SCHEMA, path=None if path is None else str(path))
        self._writer: tantivy.IndexWriter | None = None
        self._lock = threading.Lock()  # the writer is not to be used by two threads at once
        self._dirty = False
        self._committed_at = time.monotonic()
        self.applied = read_checkpoint(path) if path is not None else 0
        self._searcher = self._index.searcher()

    @classmethod
    def open(cls, path: Path) -> LexicalIndex | None:
        """The index stored in ``path``, or None when there is none of this format (rebuild)."""
        try:
            if (path / "format").read_text().strip() != FORMAT:
                return None
            return cls(path)
        except BaseException as error:  # a damaged file makes Tantivy panic (a BaseException)
            if isinstance(error, OSError | ValueError) or type(error).__name__ == "PanicException":
                return None
            raise

    @classmethod
    def create(cls, path: Path | None) -> LexicalIndex:
        """A new, empty index (whatever ``path`` held is removed)."""
        if path is not None:
            shutil.rmtree(path, ignore_errors=True)
            path.mkdir(parents=True)
        index = cls(path)
        if path is not None:
            (path / "format").write_text(FORMAT)
        index.applied = 0
        return index

    # -- writing -----------------------------------------------------------------

    def start_writing(self) -> None:
        with self._lock:
            if self._writer is None:
                self._writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=1)

    def stop_writing(self, applied: int) -> None:
        """Commit, record ``applied``, and let go of Tantivy's writer (merging what it started)
        even when the commit fails, so no other process is locked out."""
        try:
            self.commit(applied)
        finally:
            with self._lock:
                writer, self._writer = self._writer, None
            if writer is not None:
                writer.wait_merging_threads()

    def add(self, rows: Iterable[LexicalRow]) -> None:
        self.replace([], rows)

    def replace(self, removed: Iterable[int], rows: Iterable[LexicalRow]) -> None:
        """Remove these passages and add those, with no commit in between."""
        with self._lock:
            writer = self._require_writer()
            for chunk_id in removed:
                writer.delete_documents_by_term("cid", int(chunk_id))
                self._dirty = True
            for row in rows:
                fields = {"title": row.title, "body": row.body, "names": row.names}
                fields |= {pair_field(f): pairs_in(tokens) for f, tokens in fields.items()}
                fields[LOOSE_FIELD] = loose_in(row.body)
                key = document_key(row.doc_id)
                writer.add_document(tantivy.Document(cid=row.chunk_id, doc=row.doc_id, dkey=key, **fields))
                self._dirty = True

    def commit(self, applied: int, if_older_than: float = 0.0) -> None:
        """Make the changes searchable and record that they hold the catalogue's change
        ``applied`` (only when the last commit is older than ``if_older_than`` seconds)."""
        with self._lock:
            if self._writer is None or time.monotonic() - self._committed_at < if_older_than:
                return
            if self._dirty or applied != self.applied:
                self._writer.commit()
                if self.path is not None:
                    write_checkpoint(self.path, applied)
                self.applied, self._dirty = applied, False
            self._committed_at = time.monotonic()
        self.reload()

    def reload(self) -> None:
        """See the latest commit (another process's too); the checkpoint is read first, so it can
        only understate what the searcher sees."""
        if self.path is not None:
            self.applied = read_checkpoint(self.path)
        self._index.reload()
        self._searcher = self._index.searcher()

    def _require_writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            raise RuntimeError("lexical index writes need start_writing()")
        return self._writer

    # -- reading -----------------------------------------------------------------

    def __len__(self) -> int:
        return int(self._searcher.num_docs)

    def search(
        self,
        parts: Sequence[frozenset[Phrase]],
        limit: int,
        weights: Sequence[float] = (2.0, 1.0, 2.0),
        fields: Sequence[str] = LEXICAL_FIELDS,
        docs: Sequence[str] | None = None,
    ) -> list[tuple[int, float]]:
        """(chunk id, BM25) best first: any part in any of ``fields`` (weighted), in ``docs`` if given."""
        query = any_part(parts, fields, weights)
        if query is None or limit <= 0 or docs is not None and not docs:
            return []
        if docs is not None:
            query = among(query, docs)
        searcher = self._searcher
        hits = searcher.search(query, limit, count=False).hits
        if not hits:
            return []
        ids = searcher.fast_field_values("cid", [address for _, address in hits])
        return [(int(i), float(score)) for i, (score, _) in zip(ids, hits, strict=True)]

    def count(self, alternatives: frozenset[Phrase], fields: Sequence[str] = LEXICAL_FIELDS) -> int:
        """Passages holding any of ``alternatives`` in any of ``fields`` (a part's document
        frequency): exact unless one of its words or pairs alone is held by more than
        :data:`EXACT_COUNT` passages; then that many (counting a common part visits every posting
        it has; its IDF is small either way)."""
        estimate = self._common_count(alternatives, fields)
        if estimate:
            return min(estimate, len(self))
        query = any_part([alternatives], fields, [1.0] * len(fields))
        return 0 if query is None else int(self._searcher.search(query, 1, count=True).count)

    def _common_count(self, alternatives: frozenset[Phrase], fields: Sequence[str]) -> int:
        """An estimate of :meth:`count` from the term dictionary alone, exact where it must be:
        0 when the sum over forms and fields (each form's rarest term) stays at or under
        :data:`EXACT_COUNT` (then the caller counts exactly), else the commonest single word or
        pair in one field, a small understatement (removals not yet merged away count too)."""
        searcher, upper, lower = self._searcher, 0, 0
        for phrase in alternatives:
            tokens = queried(phrase)
            if not tokens:
                continue
            pairs = pair_terms(tokens)
            terms, where = (pairs, pair_field) if pairs else (tokens, lambda f: f)
            held = [min(searcher.doc_freq(where(f), t) for t in terms) for f in fields]
            upper += sum(held)
            if len(terms) == 1:  # one word or one pair: its frequency is exact
                lower = max(lower, *held)
        return lower if upper > EXACT_COUNT and lower > EXACT_COUNT else 0

    def holding(
        self, parts: Sequence[frozenset[Phrase]], docs: Sequence[str], loose: Sequence[bool]
    ) -> tuple[list[set[str]], list[set[str]]]:
        """See :func:`kb.lexical_holders.documents_holding`."""
        return documents_holding(self._searcher, parts, docs, loose)

    def ids(self) -> np.ndarray:
        """Every passage id the index holds (for verification)."""
        searcher = self._searcher
        if not searcher.num_docs:
            return np.empty(0, np.int64)
        hits = searcher.search(Query.all_query(), searcher.num_docs, count=False).hits
        return np.asarray(searcher.fast_field_values("cid", [a for _, a in hits]), dtype=np.int64)


def read_checkpoint(path: Path) -> int:
    try:
        return int((path / CHECKPOINT).read_text().strip())
    except (OSError, ValueError):
        return 0


def write_checkpoint(path: Path, applied: int) -> None:
    tmp = path / f".{CHECKPOINT}.{os.getpid()}.tmp"
    tmp.write_text(f"{applied}\n")
    os.replace(tmp, path / CHECKPOINT)
