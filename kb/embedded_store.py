"""The embedded store: an index folder with a SQLite catalogue, a FAISS copy of its vectors and
a Tantivy copy of its text (:mod:`kb.embedded_lexical`).

The catalogue (:class:`kb.catalogue.Catalogue`) is the source of truth, vectors included;
``vectors.faiss`` is a fast copy written when a write block ends and rebuilt from the
catalogue whenever the two disagree (after a crash, or a damaged file). Other processes'
commits are noticed through the catalogue's generation counter; a restore, which swaps in
a whole new folder, through the catalogue file's inode.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from kb import language_slots, vector_layout
from kb.embedded_lexical import LexicalSide
from kb.errors import IndexReplaced
from kb.models import NewDocument
from kb.vectors import VectorIndex
from kb.write_lock import write_lock

CATALOGUE = "kb.sqlite"
VECTORS = "vectors.faiss"
CHECKPOINT = "vectors.seq"
"""The last change of the catalogue's vector log that ``vectors.faiss`` holds."""
CHECKPOINT_SHARE = 0.01
"""The FAISS file is rewritten once this share of the passages changed since it was written."""
FULL_CHECK_UP_TO = 200_000
CATCH_UP_BATCH = 10_000


class EmbeddedStore(LexicalSide):
    """:class:`kb.store.Store` over files in one folder; safe to share between threads.

    The FAISS copy holds each passage vector followed by its language's indicator
    (:mod:`kb.language_slots`). A query carries minus its centring offset in each
    language's slot, so one inner-product search returns centred scores for every language
    at once, and a search without filters needs no id selector at all.
    """

    def __init__(self, index_dir: Path, dimension: int) -> None:
        super().__init__(index_dir / CATALOGUE)
        self.index_dir = index_dir
        self.dimension = dimension
        self.stored_dimension = dimension + language_slots.LANGUAGE_SLOTS
        self._inode = os.stat(self.path).st_ino
        self._writing = False
        self._refreshing = threading.Lock()
        self._load_vectors()
        self._open_lexical()

    def _load_vectors(self) -> None:
        """Load the FAISS copy and catch it up with the change log, or rebuild it from the
        catalogue when they disagree."""
        self._generation = self.generation()
        path = self.index_dir / VECTORS
        # the number first: a checkpoint landing between the two reads can then only make it
        # understate what the file holds, and replaying more is harmless
        held = read_checkpoint(self.index_dir)
        if path.exists() and held <= self.last_vector_change():  # else the catalogue lost commits
            try:  # a truncated, foreign, garbled or older-format file is rebuilt from the catalogue
                self.vectors = VectorIndex.load(path, self.stored_dimension)
                vector_layout.keep_least_probes(self.vectors)
                self._checkpoint = self._applied = held
                if self._catch_up(copy=False) and self._consistent():
                    return
            except (RuntimeError, ValueError, OSError):
                pass
        self._rebuild_vectors()
        self._checkpoint = -1  # nothing on disk matches: the next write block saves

    def _rebuild_vectors(self) -> None:
        """The FAISS copy built afresh from the catalogue, of the kind its size calls for."""
        self._applied = self.last_vector_change()  # before reading: replaying twice is harmless
        ids, matrix, languages = self.all_vectors(self.dimension)
        self.vectors = vector_layout.build(
            ids, self._with_languages(matrix, languages), self.stored_dimension, self.dimension
        )

    def _catch_up(self, copy: bool = True) -> bool:
        """Apply the passages added and removed since the FAISS copy was last brought up to
        date; False when the log no longer holds them all. With ``copy`` the changes go into
        a copy that replaces the searched one when complete, so searches running in other
        threads never see half of them."""
        changes = self.vector_changes(self._applied)
        if changes is None:
            return False
        latest, added, removed = changes
        if not added and not removed:
            self._applied = latest
            return True
        vectors = self.vectors.copy() if copy else self.vectors
        vectors.remove(added + removed)  # an add replayed twice must not store two copies
        for first in range(0, len(added), CATCH_UP_BATCH):
            ids, matrix, languages = self.vectors_of(added[first : first + CATCH_UP_BATCH])
            vectors.add(ids, self._with_languages(matrix, languages))
        self.vectors, self._applied = vectors, latest
        return True

    def _consistent(self) -> bool:
        """The FAISS copy holds the catalogue's passages (every id, for collections up to
        :data:`FULL_CHECK_UP_TO`; the count beyond, where reading every id costs a second)."""
        if len(self.vectors) != self.count_passages():
            return False
        if len(self.vectors) > FULL_CHECK_UP_TO:
            return True
        return np.array_equal(np.sort(self.vectors.ids()), np.sort(self.chunk_id_set()))

    def _save_vectors(self, force: bool = False) -> None:
        """Write the FAISS copy when enough has changed since the last file (a removal at a
        million passages must not rewrite 400 MB), then forget the log it holds."""
        changed = self._applied - self._checkpoint
        if not force and changed < max(1, CHECKPOINT_SHARE * len(self.vectors)):
            return
        self.vectors.save(self.index_dir / VECTORS)
        write_checkpoint(self.index_dir, self._applied)
        self._checkpoint = self._applied
        self.forget_vector_changes(min(self._applied, self.lexical.applied))

    def _with_languages(self, vectors: np.ndarray, languages: list[str]) -> np.ndarray:
        """Vectors as the FAISS copy holds them; a language seen for the first time gets its slot
        (kept in the catalogue)."""
        slots = self.language_slots()
        for language in language_slots.assign(slots, languages)[len(slots) :]:
            slots = self.add_language_slot(language)
        return language_slots.stored(vectors, languages, slots, self.dimension)

    def refresh(self) -> str:
        """'replaced' when a restore swapped the folder (the caller reopens), 'changed', 'unchanged'."""
        try:
            if os.stat(self.path).st_ino != self._inode:
                return "replaced"
        except FileNotFoundError:  # the instant between a restore's two renames: keep what we have
            return "unchanged"
        with self._refreshing:  # one thread catches up; the others then find it done
            if self.generation() == self._generation:
                if not self._lexical_moved():
                    return "unchanged"
                self._refresh_lexical()  # a write block's last lexical commit, after its last change
                return "changed"
            self._generation = self.generation()
            if not self._catch_up():  # the log we need was forgotten: the file holds it now
                self._load_vectors()
            self._refresh_lexical()
            return "changed"

    @contextmanager
    def writing(self) -> Iterator[EmbeddedStore]:
        """Hold the write lock; when the block ends, however it ends, the FAISS copy is saved
        if enough changed (the change log in the catalogue covers the rest)."""
        with write_lock(self.index_dir):
            for leftover in self.index_dir.glob(f".{VECTORS}.*.tmp"):  # from a writer that was killed
                leftover.unlink(missing_ok=True)
            if self.refresh() == "replaced":  # writing on would go into the folder swapped out
                raise IndexReplaced(f"{self.index_dir}/ was restored meanwhile; try again")
            self._update_lexical()
            self.lexical.start_writing()
            self._writing = True
            try:
                yield self
            finally:
                self._writing = False
                self._finish_lexical()  # before the FAISS checkpoint forgets the log it needs
                if self._applied != self.last_vector_change() and not self._catch_up(copy=False):
                    self._rebuild_vectors()  # a write committed, then failed, and its log is gone
                rebuilt = vector_layout.needs_rebuild(self.vectors)  # crossed the exact/approximate line
                if rebuilt:
                    self._rebuild_vectors()
                self._save_vectors(force=rebuilt or self._checkpoint < 0)
                self._generation = self.generation()

    def vector_index(self) -> dict[str, object]:
        return self.vectors.describe()

    def _require_lock(self) -> None:
        if not self._writing:
            raise RuntimeError("writes need `with kb.writing():`")

    def upsert(self, doc_id: str, doc: NewDocument, vectors: np.ndarray) -> None:
        self._require_lock()
        old_ids, new_ids = self.write_document(doc_id, doc, vectors)
        self._lexical_put(doc_id, doc, old_ids, new_ids)
        self.vectors.remove(old_ids)
        self.vectors.add(new_ids, self._with_languages(vectors, [p.language for p in doc.passages]))
        self._generation, self._applied = self.generation(), self.last_vector_change()

    def delete(self, doc_id: str) -> None:
        self._require_lock()
        removed = self.delete_document(doc_id)
        self._lexical_remove(removed)
        self.vectors.remove(removed)
        self._generation, self._applied = self.generation(), self.last_vector_change()

    def _check_language_stats(self, matrix: np.ndarray, languages: list[str]) -> list[str]:
        """The running per-language totals must equal a recount."""
        stats = self.language_stats()
        codes = np.array(languages)
        for language in set(languages) | set(stats):
            rows = matrix[codes == language]
            n, total = stats.get(language, (0, np.zeros(self.dimension)))
            if n != len(rows) or not np.allclose(total, rows.astype(np.float64).sum(axis=0), atol=1e-4):
                return [f"language totals: {language!r} disagrees with its passages"]
        if len(self.document_means()[0]) != len(self.all_doc_ids()):
            return ["document vectors: not one per document"]
        return []

    def dense_search(
        self,
        query: np.ndarray,
        k: int,
        allowed_ids: np.ndarray | None = None,
        offsets: Mapping[str, float] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        full = language_slots.query(query, offsets or {}, self.language_slots())
        if not self.vectors.approximate:
            return self.vectors.search(full, k, allowed_ids)
        found, scores = self.vectors.search(full, max(k, vector_layout.RESCORED), allowed_ids)
        return self._rescored(found, scores, full, k)

    def _rescored(
        self, found: np.ndarray, scores: np.ndarray, query: np.ndarray, k: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """An approximate search's first :data:`~kb.vector_layout.RESCORED` candidates scored
        again on the catalogue's float32 vectors, exactly as the exact index would score them
        (8-bit codes blur near ties); further down, where the fusion gives a passage little
        weight, they keep their 8-bit scores (reading every vector cost 1 ms a search at 100k)."""
        if not len(found):
            return found, np.empty(0, np.float32)
        head = vector_layout.RESCORED
        ids, matrix, languages = self.vectors_of([int(i) for i in found[:head]])
        ids = np.concatenate([ids, found[head:]])
        scores = np.concatenate([self._with_languages(matrix, languages) @ query, scores[head:]])
        best = np.argsort(-scores, kind="stable")[:k]
        return ids[best], scores[best].astype(np.float32)

    def verify(self) -> list[str]:
        """The catalogue's passages, the lexical index and the FAISS copy must hold the same ids."""
        problems = []
        passages = set(self.chunk_id_set().tolist())
        lexical = set(self.lexical_ids().tolist())
        dense = set(self.vectors.ids().tolist())
        if lexical != passages:
            problems.append(
                f"lexical index: {len(lexical - passages)} extra, {len(passages - lexical)} missing"
            )
        if dense != passages:
            problems.append(f"vectors: {len(dense - passages)} extra, {len(passages - dense)} missing")
        if passages:
            ids, matrix, languages = self.all_vectors(self.dimension)
            problems += self._check_language_stats(matrix, languages)
            if dense == passages:  # else reported above, and some vectors cannot be read back
                stored = np.stack([self.vectors.reconstruct(int(i)) for i in ids])
                tolerance = 0.02 if self.vectors.approximate else 1e-6  # 8-bit codes decode approximately
                if not np.allclose(stored, self._with_languages(matrix, languages), atol=tolerance):
                    problems.append("vectors: the FAISS copy differs from the catalogue")
        return problems


def read_checkpoint(index_dir: Path) -> int:
    """The change the FAISS file holds (0 when unknown: the whole log is replayed, harmlessly)."""
    try:
        return int((index_dir / CHECKPOINT).read_text().strip())
    except (OSError, ValueError):
        return 0


def write_checkpoint(index_dir: Path, seq: int) -> None:
    """Written after the FAISS file: a crash between leaves an older number, so more is replayed."""
    tmp = index_dir / f".{CHECKPOINT}.{os.getpid()}.tmp"
    tmp.write_text(f"{seq}\n")
    os.replace(tmp, index_dir / CHECKPOINT)
