"""A warm child process that parses files for threads where no alarm can stop a reader.

Signals reach only the main thread, so the app's background jobs read uploads in a child
process that can be ended when its time is up. Starting a child per file cost every upload
about three seconds (a new interpreter, its imports, the language profiles and the
gazetteer and registry tables) for a file that a warm process parses in a few hundredths.
One child is kept, warmed as it starts, and reused; a child that runs out of time is ended
and the next file starts a new one.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from multiprocessing.pool import Pool
from pathlib import Path

from kb.config import Settings
from kb.models import NewDocument

_lock = threading.Lock()
_pool: Pool | None = None


def _warm() -> None:
    """In the child, before its first file: load what parsing loads on first use."""
    from ingest.language import load_profiles
    from ingest.metadata import load_tables

    load_profiles()
    load_tables()


def _parse(path: Path, settings: Settings, template: frozenset[str]) -> NewDocument:
    from ingest.parsing import parse_document

    return parse_document(path, settings, template)


def parse_in_child(path: Path, settings: Settings, template: frozenset[str], seconds: float) -> NewDocument:
    """Parse ``path`` in the warm child; after ``seconds`` the child is ended and
    :class:`multiprocessing.TimeoutError` raised.

    One file at a time: a thread waits for the child before its own time starts.
    """
    with _lock:
        pending = _child().apply_async(_parse, (path, settings, template))
        try:
            return pending.get(timeout=seconds)
        except multiprocessing.TimeoutError:
            _end_child()
            raise


def start_child() -> None:
    """Start the child now (it warms up on its own), so that the first upload finds it ready."""
    with _lock:
        _child()


def _child() -> Pool:
    global _pool
    if _pool is None:
        _pool = multiprocessing.get_context("spawn").Pool(1, initializer=_warm)
    return _pool


def _end_child() -> None:
    global _pool
    if _pool is not None:
        _pool.terminate()
        _pool.join()
        _pool = None


atexit.register(_end_child)
