"""Consistent copies of an index while it is in use, and restoring one.

The catalogue is copied with SQLite's online backup API (a consistent snapshot even
while readers and writers work); the FAISS file and the manifest are copied while
holding the write lock, so no ingest can change them half-way. The FAISS copy is
checked against the catalogue when the backup is opened, like any index.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kb.errors import IndexLocked, IndexNotFound, KbError
from kb.knowledge_base import CATALOGUE, LOCK, MANIFEST, VECTORS

WAIT_SECONDS = 60


@contextmanager
def write_lock(index_dir: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """The index's write lock, waiting up to ``wait`` seconds for a running ingest."""
    handle = os.open(index_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexLocked(f"{index_dir}/ stayed busy for {wait:.0f} s; try again later") from None
                time.sleep(0.2)
        yield
    finally:
        os.close(handle)


def _require_index(path: Path) -> None:
    if not (path / MANIFEST).exists() or not (path / CATALOGUE).exists():
        raise IndexNotFound(f"no index in {path}/")


def backup(index_dir: Path, destination: Path) -> Path:
    """Copy an index to ``destination`` (a new or empty folder)."""
    _require_index(index_dir)
    if destination.exists() and any(destination.iterdir()):
        raise KbError(f"{destination}/ is not empty; choose a new folder for the backup")
    destination.mkdir(parents=True, exist_ok=True)
    with write_lock(index_dir):
        source = sqlite3.connect(index_dir / CATALOGUE)
        target = sqlite3.connect(destination / CATALOGUE)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        for name in (MANIFEST, VECTORS):
            if (index_dir / name).exists():
                shutil.copy2(index_dir / name, destination / name)
    return destination


def restore(source: Path, index_dir: Path) -> None:
    """Replace an index's contents with a backup; running apps pick it up on their next search."""
    _require_index(source)
    index_dir.mkdir(parents=True, exist_ok=True)
    with write_lock(index_dir):
        target = sqlite3.connect(index_dir / CATALOGUE, timeout=30)
        backup_db = sqlite3.connect(source / CATALOGUE)
        try:
            before = _generation(target)
            backup_db.backup(target)  # page by page, inside SQLite's own locking: readers never see a mix
            target.execute(
                "UPDATE meta SET value = ? WHERE key = 'generation'",
                (str(max(before, _generation(target)) + 1),),
            )
            target.commit()
        finally:
            backup_db.close()
            target.close()
        for name in (MANIFEST, VECTORS):
            if (source / name).exists():
                tmp = index_dir / f".{name}.restore"
                shutil.copy2(source / name, tmp)
                os.replace(tmp, index_dir / name)


def _generation(db: sqlite3.Connection) -> int:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0
