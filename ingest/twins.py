"""Copies: a file that is the very file of a stored document at another path, or of a file read
earlier in the same batch, is not a second document.

A second copy of a folder is not a second collection. Files are compared by their content hash
(:func:`ingest.parsing.file_hash`: the file, its sidecar and its folder's template lines), and a
stored document's file is then read again to see that it still holds that content: a document whose
file was edited since, or moved away, is no twin (the copy is read as usual).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.metadata.sidecar import sidecar_bytes
from ingest.parsing import WITHOUT_OCR, file_hash

Twin = tuple[str | None, str]
"""(the stored document's id, or None for a file earlier in the batch; that file's path)."""


class Twins:
    """The copies among one batch's files. ``find_by_hash``: the store's (doc_id, path) by hash."""

    def __init__(self, find_by_hash: Callable[[str], list[tuple[str, str]]], enabled: bool = True) -> None:
        self.find_by_hash = find_by_hash
        self.enabled = enabled  # a curator's restore brings a document back even beside a copy
        self._seen: dict[str, str] = {}  # content hash → the batch's first file holding it

    def of(self, path: Path, template: frozenset[str], known: bool) -> Twin | None:
        """The file this regular file copies, if any (a file already stored at its own path is read as
        usual, and counts as the first of its content in the batch)."""
        if not self.enabled or not path.is_file():  # a FIFO would block; the readers refuse it
            return None
        digest = file_hash(path, template)
        first = self._seen.setdefault(digest, str(path))
        if known:
            return None
        if first != str(path):
            return None, first
        for doc_id, stored in self.find_by_hash(digest) + self.find_by_hash(digest + WITHOUT_OCR):
            if stored != str(path) and same_file(Path(stored), path):
                return doc_id, stored
        return None


def same_file(stored: Path, path: Path) -> bool:
    """Whether a stored document's file still holds this file's bytes, and the same sidecar."""
    try:
        return stored.read_bytes() == path.read_bytes() and sidecar_bytes(stored) == sidecar_bytes(path)
    except OSError:
        return False
