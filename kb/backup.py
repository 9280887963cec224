"""Consistent copies of an index while it is in use, and restoring one.

The catalogue is copied with SQLite's online backup API (a consistent snapshot even
while readers and writers work); the FAISS file and the manifest are copied while
holding the write lock, so no ingest can change them half-way. The FAISS copy is
checked against the catalogue when the backup is opened, like any index; the lexical copy
is not carried (it is rebuilt from the catalogue on the first open).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from kb.embedded_lexical import LEXICAL
from kb.embedded_store import CATALOGUE, CHECKPOINT, VECTORS
from kb.errors import IndexDamaged, IndexNotFound, KbError
from kb.manifest import MANIFEST, Manifest
from kb.write_lock import LOCK, write_lock

WAIT_SECONDS = 60


def _require_index(path: Path) -> None:
    if not (path / MANIFEST).exists() or not (path / CATALOGUE).exists():
        raise IndexNotFound(f"no index in {path}/")


def check_backup(path: Path) -> Manifest:
    """A complete, readable backup, or a clear error (a half-copied folder is refused)."""
    if not path.is_dir():
        raise IndexNotFound(f"{path} is not a backup folder")
    _require_index(path)
    manifest = Manifest.read(path / MANIFEST)
    try:
        db = sqlite3.connect(f"file:{path / CATALOGUE}?mode=ro", uri=True)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            db.execute("SELECT COUNT(*) FROM documents").fetchone()
        finally:
            db.close()
    except sqlite3.Error as error:
        raise IndexDamaged(f"{path}/ is not a complete backup: {error}") from None
    if verdict != "ok":
        raise IndexDamaged(f"{path}/ is not a complete backup: {verdict}")
    return manifest


def backup(index_dir: Path, destination: Path) -> Path:
    """Copy an index to ``destination`` (a new or empty folder).

    The copy is made in a hidden folder beside the destination and renamed into place when
    complete, so an interrupted backup never looks like a backup.
    """
    _require_index(index_dir)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise KbError(f"{destination} is not empty (or not a folder); choose a new folder for the backup")
    partial = destination.parent / f".{destination.name}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        with write_lock(index_dir, wait=WAIT_SECONDS):
            _copy_index(index_dir, partial)
        if destination.exists():
            destination.rmdir()
        os.rename(partial, destination)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return destination


def _copy_index(source: Path, target: Path, generation_above: int = 0) -> None:
    """Catalogue through SQLite's backup API (consistent while in use), then vectors and manifest."""
    source_db = sqlite3.connect(source / CATALOGUE)
    target_db = sqlite3.connect(target / CATALOGUE)
    try:
        source_db.backup(target_db)
        if generation_above:  # readers compare generations: the restored index must look newer
            target_db.execute(
                "UPDATE meta SET value = ? WHERE key = 'generation'",
                (str(max(generation_above, _generation(target_db)) + 1),),
            )
            target_db.commit()
    finally:
        target_db.close()
        source_db.close()
    for name in (VECTORS, CHECKPOINT, MANIFEST):
        if (source / name).exists():
            shutil.copy2(source / name, target / name)


KEEP = {CATALOGUE, f"{CATALOGUE}-wal", f"{CATALOGUE}-shm", MANIFEST, VECTORS, CHECKPOINT, LOCK, LEXICAL}
"""The index itself; a backup leaves out the lexical copy, which is rebuilt from the catalogue."""


def restore(source: Path, index_dir: Path) -> None:
    """Replace an index with a backup, atomically: a complete new folder is swapped in.

    The backup is checked first (a partial copy is refused), copied into a hidden folder
    beside the index, and exchanged with the index by two renames under the write lock.
    Running readers notice that the catalogue file changed and open the new index, even one
    built with another embedder. What the index folder holds besides the index itself (the
    curators' removed files) is carried over.
    """
    check_backup(source)
    index_dir = index_dir.resolve()
    staging = index_dir.parent / f".{index_dir.name}.restoring-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        if not (index_dir / CATALOGUE).exists():
            _copy_index(source, staging)
            if index_dir.exists():
                for extra in index_dir.iterdir():
                    if extra.name not in KEEP:
                        shutil.move(str(extra), staging / extra.name)
                index_dir.rmdir()
            os.rename(staging, index_dir)
            return
        with write_lock(index_dir, wait=WAIT_SECONDS):
            before = sqlite3.connect(index_dir / CATALOGUE)
            try:
                generation = _generation(before)
            finally:
                before.close()
            _copy_index(source, staging, generation_above=generation)
            for extra in index_dir.iterdir():
                if extra.name not in KEEP and not extra.name.startswith("."):
                    shutil.move(str(extra), staging / extra.name)
            replaced = index_dir.parent / f".{index_dir.name}.replaced-{os.getpid()}"
            os.rename(index_dir, replaced)
            os.rename(staging, index_dir)
        shutil.rmtree(replaced, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _generation(db: sqlite3.Connection) -> int:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0
