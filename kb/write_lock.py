"""The one-writer rule of an index folder: an exclusive ``flock`` on ``.write.lock``.

Ingests, curator actions, backups and restores all take it; readers never do. The holder's
process id is written into the file so a refused writer can say who holds it.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kb.errors import IndexLocked

LOCK = ".write.lock"


@contextmanager
def write_lock(index_dir: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the index's write lock, waiting up to ``wait`` seconds for the current holder."""
    handle = os.open(index_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(handle, 32, 0).decode(errors="replace").strip() or "?"
                    raise IndexLocked(
                        f"another process (pid {holder}) is writing to {index_dir}/; "
                        "wait for it to finish and try again"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(handle, 0)
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)
