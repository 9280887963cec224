"""A warm child process that parses files for threads where no alarm can stop a reader.

Signals reach only the main thread, so the app's background jobs read uploads in a child
process that can be ended when its time is up. Starting a child per file cost every upload
about two seconds (a new interpreter, its imports, the language profiles and the gazetteer and
registry tables) for a file that a warm process parses in a few hundredths. One child is kept,
warmed as it starts, and reused. It is replaced when a file runs out of time, when it dies (a
reader that crashed is reported at once, not after the time limit), and when a curator has
added a programme to the registry since it started (it would not know the new name).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from kb.config import Settings
from kb.errors import UnreadableFile
from kb.models import NewDocument
from kb.taxonomy import programme_registry

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_stamp: tuple[str, int, int] | None = None  # the registry the child's tables were built from


def _warm() -> None:
    """In the child, before its first file: load what parsing loads on first use (the app's
    uploads wait on this child, and it warms while the Curate page is open). A failure here is
    left to the file's own parse, which reports it."""
    from ingest.language import load_profiles
    from ingest.metadata import load_tables

    try:
        load_profiles()
        load_tables()
    except Exception:  # a malformed registry: the file that needs it says so
        pass


def _parse(path: Path, settings: Settings, template: frozenset[str]) -> NewDocument:
    from ingest.parsing import parse_document

    return parse_document(path, settings, template)


def parse_in_child(path: Path, settings: Settings, template: frozenset[str], seconds: float) -> NewDocument:
    """Parse ``path`` in the warm child; after ``seconds`` the child is ended and
    :class:`TimeoutError` raised. One file at a time: a thread waits for the child (and for a
    new child's warm-up) before its own time starts."""
    with _lock:
        try:
            pending = _child().submit(_parse, path, settings, template)
            return pending.result(timeout=seconds)
        except TimeoutError:
            end_child()
            raise
        except BrokenProcessPool:
            end_child()
            raise UnreadableFile(
                "unreadable", "the reader stopped abruptly (it may have crashed on this file)"
            ) from None


def start_child() -> None:
    """Start the child now (it warms up on its own), so that the first upload finds it ready."""
    with _lock:
        try:
            _child()
        except BrokenProcessPool:  # the next file reports it
            end_child()


def child_pid() -> int | None:
    """The warm child's process id, if one is running (for diagnostics and tests)."""
    with _lock:
        processes = getattr(_pool, "_processes", None) or {}
        return next(iter(processes), None)


def _child() -> ProcessPoolExecutor:
    global _pool, _stamp
    stamp = _registry_stamp()
    if _pool is not None and stamp != _stamp:
        end_child()
    if _pool is None:
        context = multiprocessing.get_context("spawn")
        _pool = ProcessPoolExecutor(1, mp_context=context, initializer=_warm)
        _pool.submit(os.getpid).result()  # the worker starts on first use; warm it now
        _stamp = stamp
    return _pool


def _registry_stamp() -> tuple[str, int, int]:
    path = programme_registry()
    try:
        status = path.stat()
    except OSError:
        return (str(path), 0, 0)
    return (str(path), status.st_mtime_ns, status.st_size)


def end_child() -> None:
    """Stop the child, even in the middle of a file (the next file starts a new one)."""
    global _pool
    if _pool is None:
        return
    # concurrent.futures offers no way to stop a busy worker before Python 3.14
    for process in list((getattr(_pool, "_processes", None) or {}).values()):
        process.kill()
    _pool.shutdown(wait=True, cancel_futures=True)
    _pool = None


atexit.register(end_child)
