"""One database connection per thread, made on first use, all closed together.

A store is shared by the app's threads and by the worker thread a search runs its dense side
on (:data:`kb.search.SIDE`); closing the store must close every thread's connection, or a
reopened store would leave sessions behind (and PostgreSQL refuses to drop a database in use).
Streamlit runs every rerun of a page on a new thread, so the connections of threads that have
ended are closed as new ones are made: a long-lived app would otherwise hold one per rerun until
PostgreSQL refused more clients.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar


class Closable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=Closable)


class PerThread(Generic[C]):
    """This thread's connection from ``connect``, made again when ``usable`` says it is not."""

    def __init__(self, connect: Callable[[], C], usable: Callable[[C], bool] = lambda _: True) -> None:
        self._connect = connect
        self._usable = usable
        self._local = threading.local()
        self._every: list[tuple[threading.Thread, C]] = []
        self._lock = threading.Lock()

    def get(self) -> C:
        conn = getattr(self._local, "conn", None)
        if conn is None or not self._usable(conn):
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                ended = [c for thread, c in self._every if not thread.is_alive()]
                self._every = [(t, c) for t, c in self._every if t.is_alive()]
                self._every.append((threading.current_thread(), conn))
            for old in ended:
                old.close()
        return conn

    def open_count(self) -> int:
        """How many connections are held (one per live thread that used the store)."""
        with self._lock:
            return len(self._every)

    def close(self) -> None:
        """Close every thread's connection; a thread that uses the store again gets a new one."""
        with self._lock:
            every, self._every = self._every, []
        for _, conn in every:
            conn.close()
        self._local = threading.local()
