"""The embedded store's lexical side: a Tantivy copy of the catalogue's passages, kept in step.

The copy is caught up from the catalogue's change log (the same log the FAISS copy reads),
or rebuilt from the catalogue when the log no longer reaches back far enough, when the
copy is missing (a backup, an index from before it existed) or when it is of another
format. Only a process holding the write lock writes it; a reader that finds it missing
while another process writes builds one in memory and uses the shared one once it is there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from kb.catalogue import Catalogue
from kb.catalogue_lexical import lexical_rows_of
from kb.errors import IndexLocked
from kb.lexical_index import COMMIT_SECONDS, LexicalIndex, read_checkpoint
from kb.models import NewDocument
from kb.stemming import Phrase
from kb.store import LEXICAL_FIELDS, loose_flags, names_text
from kb.write_lock import write_lock

LEXICAL = "lexical"


class LexicalSide(Catalogue):
    """Mixed into :class:`kb.embedded_store.EmbeddedStore`."""

    index_dir: Path
    _writing: bool
    lexical: LexicalIndex
    _lexical_at: int  # the change of the catalogue's log that the lexical writes so far reflect

    def _open_lexical(self) -> None:
        """The shared copy, brought up to date when no other process is writing."""
        stored = LexicalIndex.open(self.index_dir / LEXICAL)
        usable = stored is not None and stored.applied <= self.last_vector_change()  # else commits were lost
        if usable:
            self.lexical, self._lexical_at = stored, stored.applied
            if stored.applied == self.last_vector_change() and len(stored) == self.count_passages():
                return  # up to date: no need to disturb a writer
        try:
            with write_lock(self.index_dir):
                self._update_lexical(usable)
        except IndexLocked:  # the writer brings the shared copy up to date
            if not usable:
                self._rebuild_lexical(shared=False)

    def _update_lexical(self, usable: bool = True) -> None:
        """Catch the shared copy up, or rebuild it (call with the write lock held)."""
        if usable and self.lexical.path is not None:
            self._refresh_lexical()  # what other processes committed since this one last looked
        if not usable or self.lexical.path is None or not self._catch_up_lexical():
            self._rebuild_lexical()
        if len(self.lexical) != self.count_passages():
            self._rebuild_lexical()

    def _rebuild_lexical(self, shared: bool = True) -> None:
        """A new copy from the catalogue. The shared one is built beside the old and renamed into
        place when complete, so searches never see it half-filled; ``shared`` False keeps it in
        memory (a reader that may not write while another process does)."""
        side = self.index_dir / f".{LEXICAL}.new-{os.getpid()}"
        fresh = LexicalIndex.create(side if shared else None)
        with self.snapshot():
            at = self.last_vector_change()
            fresh.start_writing()
            fresh.add(self.lexical_rows())
        fresh.stop_writing(at)
        if shared:
            target, old = self.index_dir / LEXICAL, self.index_dir / f".{LEXICAL}.old-{os.getpid()}"
            if target.exists():
                os.rename(target, old)
            os.rename(side, target)
            shutil.rmtree(old, ignore_errors=True)
            reopened = LexicalIndex.open(target)  # at its final path (an empty index is falsy: no `or`)
            fresh = reopened if reopened is not None else fresh
        self.lexical, self._lexical_at = fresh, at

    def _catch_up_lexical(self) -> bool:
        """Apply the passages added and removed since the copy's last commit; False when the
        log no longer holds them all. Replaying a change twice is harmless."""
        changes = self.vector_changes(self._lexical_at)
        if changes is None:
            return False
        latest, added, removed = changes
        if added or removed:
            self.lexical.start_writing()
            self.lexical.replace(added + removed, self.lexical_rows(added))
            self.lexical.stop_writing(latest)
        self._lexical_at = latest
        return True

    # -- writes (inside the write block) ------------------------------------------

    def _lexical_put(self, doc_id: str, doc: NewDocument, old_ids: list[int], new_ids: list[int]) -> None:
        names = names_text((f.field, f.value) for f in doc.facets)
        rows = list(
            lexical_rows_of(
                (chunk_id, doc_id, doc.title, passage.text, names, passage.language)
                for chunk_id, passage in zip(new_ids, doc.passages, strict=True)
            )
        )
        self.lexical.replace(old_ids, rows)  # at once: a commit in between would show neither
        self._lexical_done()

    def _lexical_remove(self, chunk_ids: list[int]) -> None:
        self.lexical.replace(chunk_ids, [])
        self._lexical_done()

    def _lexical_done(self) -> None:
        """The writes reflect the log's latest change; other processes see them within a second."""
        self._lexical_at = self.last_vector_change()
        self.lexical.commit(self._lexical_at, if_older_than=COMMIT_SECONDS)

    def _finish_lexical(self) -> None:
        """End of a write block: what committed but never reached the copy is caught up, the
        rest committed, and Tantivy's writer let go."""
        try:
            if self._lexical_at != self.last_vector_change() and not self._catch_up_lexical():
                self._rebuild_lexical()
        finally:
            self.lexical.stop_writing(self._lexical_at)

    def _lexical_moved(self) -> bool:
        """Another process committed to the shared copy since this one last looked (a write
        block's last lexical commit comes after its last catalogue change)."""
        return self.lexical.path is not None and read_checkpoint(self.lexical.path) != self.lexical.applied

    def _refresh_lexical(self) -> None:
        """See other processes' lexical commits (or, for a copy kept in memory while the shared
        one was missing, try the shared one again)."""
        if self.lexical.path is None:
            self._open_lexical()
            return
        self.lexical.reload()
        self._lexical_at = max(self._lexical_at, self.lexical.applied)

    # -- reads ---------------------------------------------------------------------

    def _read_own_writes(self) -> None:
        if self._writing:  # a search inside a write block sees the block's writes so far
            self.lexical.commit(self._lexical_at)

    def lexical_search(
        self,
        parts: Sequence[frozenset[Phrase]],
        limit: int,
        docs: Sequence[str] | None = None,
        weights: Sequence[float] = (2.0, 1.0, 2.0),
        fields: Sequence[str] = LEXICAL_FIELDS,
        counts: Sequence[int] | None = None,  # Tantivy knows them
    ) -> list[tuple[int, float]]:
        self._read_own_writes()
        return self.lexical.search(parts, limit, weights, fields, docs)

    def lexical_count(self, alternatives: frozenset[Phrase]) -> int:
        self._read_own_writes()
        return self.lexical.count(alternatives)

    def documents_holding(
        self, parts: Sequence[frozenset[Phrase]], docs: Sequence[str], loose: Sequence[bool] = ()
    ) -> tuple[list[set[str]], list[set[str]]]:
        self._read_own_writes()
        return self.lexical.holding(parts, docs, loose_flags(parts, loose))

    def lexical_ids(self) -> np.ndarray:
        self._read_own_writes()
        return self.lexical.ids()
