"""Thread discipline: searches stay fast while the collection is being written.

Two kinds of work share a machine. The *search* side (the app, ``kb search``) answers
people and must not wait; the *write* side (``kb ingest``, ``kb eval``, Curate previews
and publishing, benchmarks) can. The embedding engine and FAISS parallelise with
OpenMP, whose threads meet at a barrier after every matrix product: when two processes
each run a team on two cores, every barrier waits for a descheduled thread and a 10 ms
query embedding took 1.7 s. So a searching process embeds each query on one thread
(concurrent searches run side by side instead), and writing work uses every core at a
lower scheduling priority, so the kernel hands the cores to a search the moment one
arrives. docs/benchmarks.md ("Under load") has the measurements behind these choices.

OpenMP reads its settings once, when its runtime loads, so :func:`configure` must run
before the first ``import faiss`` or embedder. ``KB_SEARCH_THREADS`` (default 1),
``KB_WRITE_THREADS`` (default: every core) and ``KB_WRITE_NICE`` (default 10; 0 keeps
writing at the searches' priority) override the choices; ``OMP_NUM_THREADS`` is set from
them, so a child process never inherits its parent's role by accident.
"""

from __future__ import annotations

import os
import threading
from typing import Literal

Role = Literal["search", "write"]

#: Libraries whose thread pools are sized when they load.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
#: Commands of the ``kb`` CLI that write or embed in bulk.
WRITE_COMMANDS = frozenset({"ingest", "eval"})
DEFAULT_WRITE_NICE = 10


def _setting(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


def threads_for(role: Role) -> int:
    """Threads one piece of work of this role may use."""
    if role == "search":
        chosen = _setting("KB_SEARCH_THREADS") or 1
    else:
        chosen = _setting("KB_WRITE_THREADS") or os.cpu_count() or 1
    return max(1, chosen)


def write_nice() -> int:
    """How much lower than searches writing work runs (0 = the same priority)."""
    value = _setting("KB_WRITE_NICE")
    return DEFAULT_WRITE_NICE if value is None else max(0, min(19, value))


def configure(role: Role) -> int:
    """Size the thread pools of this process for ``role``; returns the thread count.

    Writing work also lowers the priority of the whole process (``kb ingest``). Call it
    before faiss or an embedder loads.
    """
    threads = threads_for(role)
    for variable in THREAD_VARIABLES:
        os.environ[variable] = str(threads)
    if role == "write":
        lower_priority(whole_process=True)
    return threads


def lower_priority(whole_process: bool = False) -> None:
    """Yield the CPU to searches: renice this thread (or process) by ``KB_WRITE_NICE``.

    On Linux each thread has its own priority, so a background thread of the app
    (a Curate preview or publish) can step back without slowing the app's searches;
    threads it starts inherit the lower priority.
    """
    step = write_nice()
    if step == 0:
        return
    target = 0 if whole_process else threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, target)
        os.setpriority(os.PRIO_PROCESS, target, min(19, current + step))
    except (AttributeError, OSError):  # not Linux or not permitted: run at normal priority
        pass


def role_of(command: str | None) -> Role:
    """The role of a ``kb`` subcommand."""
    return "write" if command in WRITE_COMMANDS else "search"
