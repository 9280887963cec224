"""``manifest.json``: how an index was built, and completing a restore that was interrupted."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kb.catalogue_schema import SCHEMA_VERSION
from kb.embedded_store import CATALOGUE
from kb.errors import IndexDamaged

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    """How an index was built; an index is only ever searched the same way."""

    embedder: str
    dimension: int
    chunking: dict[str, int]
    schema_version: int = SCHEMA_VERSION
    created_at: str = ""
    ingest_version: int = 0  # bumped by the ingest pipeline when its parsing changes
    vector_index: dict[str, object] = field(default_factory=dict)  # the FAISS layout (kb.vector_layout)

    def write(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def parse(cls, data: object, where: str) -> Manifest:
        """A manifest from its JSON object (a file's, a database row's), or a clear error."""
        try:
            manifest = cls(**data)  # type: ignore[arg-type]
            if not isinstance(manifest.embedder, str) or not isinstance(manifest.dimension, int):
                raise TypeError("embedder must be text and dimension a whole number")
            return manifest
        except TypeError as error:
            raise IndexDamaged(
                f"{where} holds no valid index manifest ({str(error).splitlines()[0]})"
            ) from None

    @classmethod
    def read(cls, path: Path) -> Manifest:
        """The manifest, or a clear error when the file is not one (hand-edited, truncated)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            manifest = cls(**data)
            if not isinstance(manifest.embedder, str) or not isinstance(manifest.dimension, int):
                raise TypeError("embedder must be text and dimension a whole number")
            return manifest
        except (ValueError, TypeError, OSError) as error:
            folder = path.parent
            raise IndexDamaged(
                f"{path} is not a valid index manifest ({str(error).splitlines()[0]}); "
                f"restore a backup with kb restore, or delete {folder}/ and run kb ingest again"
            ) from None


def finish_interrupted_restore(index_dir: Path) -> None:
    """Complete a ``kb restore`` killed between its two renames.

    Restore copies the backup into ``.NAME.restoring-PID`` and only then moves the old index
    aside, so when the index folder is missing and such a copy holds a manifest, the copy is
    complete: it is put in place (the old index stays beside it, hidden, for the curious).
    """
    if index_dir.exists():
        return
    for staged in sorted(index_dir.parent.glob(f".{index_dir.name}.restoring-*")):
        if (staged / MANIFEST).exists() and (staged / CATALOGUE).exists():
            os.rename(staged, index_dir)
            return
