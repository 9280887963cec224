"""One connection per thread: the connections of threads that have ended do not pile up."""

from __future__ import annotations

import threading

from kb.connections import PerThread


class Connection:
    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


def test_a_new_connection_closes_those_of_threads_that_have_ended() -> None:
    """Streamlit runs each rerun on a new thread; PostgreSQL refused clients after ~100 reruns."""
    made: list[Connection] = []
    connections = PerThread(lambda: made.append(Connection()) or made[-1])
    for _ in range(5):  # five reruns, each on its own thread
        rerun = threading.Thread(target=connections.get)
        rerun.start()
        rerun.join()
    mine = connections.get()
    assert [c.closed for c in made] == [True] * 5 + [False]
    assert connections.open_count() == 1
    assert connections.get() is mine
    connections.close()
    assert mine.closed and connections.open_count() == 0
