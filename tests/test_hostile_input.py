"""Inputs an attacker or a slip of the hand would send: each is one clear line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.pipeline import IngestReport, ingest_paths
from kb.config import Settings
from kb.knowledge_base import KnowledgeBase
from tests.conftest import PT, run_kb, write

BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
countries: [*g,*g,*g,*g,*g,*g,*g,*g,*g]
"""


def one_line_error(done: subprocess.CompletedProcess[str], expected: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], lines


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        (BOMB, "anchors and aliases"),
        ("language: [pt, it]\n", "language must be text"),
        ("countries: {BR: 1}\n", "countries must be a list"),
        ("year: true\n", "year must be a whole number"),
        ("year: -5\n", "year must be a whole number"),
        ("year: 99999999999999999999\n", "year must be a whole number"),
        ("title: [unclosed\n", "not valid YAML at line"),
    ],
)
def test_bad_sidecars_are_refused_with_the_field_named(
    hash_kb: KnowledgeBase, tmp_path: Path, settings: Settings, sidecar: str, message: str
) -> None:
    doc = write(tmp_path / "c" / "card.txt", "Ficha\n\n" + PT)
    write(tmp_path / "c" / "card.meta.yaml", sidecar)
    write(tmp_path / "c" / "other.txt", "Outra ficha\n\n" + PT)
    report = ingest_paths(hash_kb, [tmp_path / "c"], settings)
    [failure] = report.failures
    assert Path(failure.path) == doc and failure.reason == "bad-metadata"
    assert message in failure.detail and "\n" not in failure.detail
    assert report.counts["added"] == 1, "the rest of the batch goes in"


@pytest.fixture
def built(tmp_path: Path, small_corpus: Path) -> Path:
    index = tmp_path / "idx"
    assert run_kb("ingest", str(small_corpus), "--index", str(index)).returncode == 0
    return index


@pytest.mark.parametrize(
    "manifest", ["{}", "[1]", "not json", '{"embedder": 5, "dimension": "x", "chunking": {}}']
)
def test_a_broken_manifest_is_one_line(built: Path, manifest: str) -> None:
    (built / "manifest.json").write_text(manifest)
    one_line_error(run_kb("search", "rede", "--index", str(built)), "not a valid index manifest")


def test_a_corrupt_catalogue_is_one_line(built: Path) -> None:
    (built / "kb.sqlite").write_bytes(os.urandom(8192))
    for name in ("kb.sqlite-wal", "kb.sqlite-shm"):
        (built / name).unlink(missing_ok=True)
    one_line_error(run_kb("search", "rede", "--index", str(built)), "cannot open the catalogue")


def test_an_index_path_that_is_a_file(tmp_path: Path, small_corpus: Path, built: Path) -> None:
    a_file = write(tmp_path / "afile", "x")
    one_line_error(
        run_kb("ingest", str(small_corpus), "--index", str(a_file)), "is a file, not an index folder"
    )
    done = run_kb("backup", str(a_file), "--index", str(built))
    assert (
        done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    )
    one_line_error(run_kb("restore", str(a_file), "--index", str(built)), "afile")


def test_bad_settings_are_one_line(tmp_path: Path, small_corpus: Path, built: Path) -> None:
    fresh = tmp_path / "fresh"
    one_line_error(
        run_kb("ingest", str(small_corpus), "--index", str(fresh), "--embedder", "hash:0"), "bad dimension"
    )
    assert not fresh.exists(), "no half-made index is left behind"
    one_line_error(
        run_kb("ingest", str(small_corpus), "--index", str(built), env={"KB_MAX_FILE_MB": "abc"}),
        "KB_MAX_FILE_MB",
    )
    one_line_error(run_kb("serve", "--port", "99999", "--index", str(built)), "--port")


def test_kb_embedder_is_ignored_on_an_existing_index(built: Path) -> None:
    done = run_kb("search", "rede", "--index", str(built), env={"KB_EMBEDDER": "hash:64"})
    assert done.returncode == 0, done.stderr


def test_an_absurd_page_is_an_empty_page(built: Path) -> None:
    done = run_kb("search", "rede", "--index", str(built), "--page", "99999999999999999999999")
    assert done.returncode == 0 and "Traceback" not in done.stderr


def test_a_file_with_too_many_passages_is_refused(hash_kb: KnowledgeBase, tmp_path: Path) -> None:
    from dataclasses import replace

    settings = replace(Settings(index_dir=hash_kb.index_dir), max_passages=5)
    long = write(tmp_path / "long.txt", "Relatório longo\n\n" + (PT + "\n\n") * 40)
    [failure] = ingest_paths(hash_kb, [long], settings).failures
    assert failure.reason == "too-large" and "passages is over the limit" in failure.detail


def _listening(port: int) -> list[str]:
    """Local addresses listening on a TCP port, from /proc/net/tcp (hex, little-endian IPv4)."""
    found = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if int(hex_port, 16) == port and state == "0A":
            found.append(".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def test_serve_listens_on_localhost_and_stops_on_sigterm(built: Path) -> None:
    import signal
    import socket
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from kb.cli import main; main()",
            "serve",
            "--port",
            str(port),
            "--index",
            str(built),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"},
    )
    try:
        deadline = time.monotonic() + 60
        while not _listening(port) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _listening(port) == ["127.0.0.1"], "the app listens on this machine only"
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        deadline = time.monotonic() + 15
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not _listening(port), "SIGTERM to kb serve stops the app"
    finally:
        if server.poll() is None:
            server.kill()


def ingest_with_a_slow_file(hash_kb: KnowledgeBase, tmp_path: Path) -> tuple[IngestReport, float]:
    """A folder of a fast and a slow card, ingested with a 1 s limit per file: the report, and
    how long it took."""
    import time
    from dataclasses import replace

    folder = tmp_path / "c"
    write(folder / "fast.txt", "Rápido\n\n" + PT)
    write(folder / "slow.txt", "Lento\n\n" + PT)
    settings = replace(Settings(index_dir=hash_kb.index_dir), max_read_seconds=1.0)
    started = time.monotonic()
    report = ingest_paths(hash_kb, [folder], settings)
    return report, time.monotonic() - started


def test_a_reader_that_runs_too_long_is_stopped(
    hash_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import ingest.parsing as parsing

    real_read = parsing.read_file

    def slow_read(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == "slow.txt":
            time.sleep(30)  # a pathological file
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(parsing, "read_file", slow_read)
    report, seconds = ingest_with_a_slow_file(hash_kb, tmp_path)
    assert seconds < 15
    assert [f.reason for f in report.failures] == ["too-slow"] and report.counts["added"] == 1


def test_metadata_that_runs_too_long_is_stopped_within_the_files_time(
    hash_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In ``kb ingest`` the metadata is extracted after the passages go to the embedder, in what
    is left of the file's time limit: a rule stuck on one file fails that file alone."""
    import time

    import ingest.parsing as parsing

    real_describe = parsing.describe

    def slow_describe(draft: parsing.Draft) -> None:
        if draft.doc.path.endswith("slow.txt"):
            time.sleep(30)  # a pathological pattern
        real_describe(draft)

    monkeypatch.setattr(parsing, "describe", slow_describe)
    report, seconds = ingest_with_a_slow_file(hash_kb, tmp_path)
    assert seconds < 15
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [("slow.txt", "too-slow")]
    assert report.counts["added"] == 1


def read_in_a_thread(path: Path, settings: Settings) -> object:
    """What :func:`parse_within_limit` gives or raises in a thread of its own, as the app's jobs call it."""
    import threading

    from ingest.parsing import parse_within_limit
    from kb.errors import UnreadableFile

    results: list[object] = []

    def read() -> None:
        try:
            results.append(parse_within_limit(path, settings))
        except UnreadableFile as error:
            results.append(error)

    worker = threading.Thread(target=read)
    worker.start()
    worker.join(timeout=90)
    assert not worker.is_alive(), "the reader came back"
    return results[0]


@pytest.fixture
def warm_child() -> Iterator[None]:
    """A test of the app's reader child starts with none and leaves none behind."""
    from ingest import reader_process

    reader_process.end_child()
    yield
    reader_process.end_child()


def test_the_time_limit_also_holds_outside_the_main_thread(tmp_path: Path, warm_child: None) -> None:
    """The app reads uploads in its own threads, where no signal can interrupt a reader: a warm
    child process reads them, is ended when a file's time is up, and a new one reads the next."""
    import time
    from dataclasses import replace

    from ingest import reader_process
    from kb.errors import UnreadableFile

    card = write(tmp_path / "ok.txt", "Ficha\n\n" + PT)
    long = write(tmp_path / "long.txt", "Relatório longo\n\n" + (PT + "\n\n") * 3000)
    settings = replace(Settings(index_dir=tmp_path / "i"), max_read_seconds=60.0)
    assert read_in_a_thread(card, settings).title == "Ficha", (
        "a file is read in the child and comes back whole"
    )
    first = reader_process.child_pid()
    assert read_in_a_thread(card, settings).title == "Ficha" and reader_process.child_pid() == first, (
        "kept warm"
    )
    started = time.monotonic()
    slow = read_in_a_thread(long, replace(settings, max_read_seconds=0.05))
    assert isinstance(slow, UnreadableFile) and slow.reason == "too-slow"
    assert time.monotonic() - started < 10, "the child is ended when time is up"
    assert read_in_a_thread(card, settings).title == "Ficha", "the next file is read by a new child"
    assert reader_process.child_pid() not in (None, first)


def test_a_reader_child_that_dies_is_reported_at_once(tmp_path: Path, warm_child: None) -> None:
    import os
    import signal
    import threading
    import time
    from dataclasses import replace

    from ingest import reader_process
    from kb.errors import UnreadableFile

    long = write(tmp_path / "long.txt", "Relatório longo\n\n" + (PT + "\n\n") * 3000)
    reader_process.start_child()
    pid = reader_process.child_pid()
    assert pid
    threading.Timer(0.5, os.kill, (pid, signal.SIGKILL)).start()  # as a reader that crashed
    started = time.monotonic()
    crashed = read_in_a_thread(long, replace(Settings(index_dir=tmp_path / "i"), max_read_seconds=60.0))
    assert isinstance(crashed, UnreadableFile) and crashed.reason == "unreadable", crashed
    assert time.monotonic() - started < 30, "not after the whole time limit"
    card = write(tmp_path / "ok.txt", "Ficha\n\n" + PT)
    assert read_in_a_thread(card, Settings(index_dir=tmp_path / "i")).title == "Ficha"


def test_the_reader_child_knows_a_programme_confirmed_after_it_started(
    tmp_path: Path, warm_child: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest import reader_process
    from kb.taxonomy import add_programme, default_taxonomy

    registry = tmp_path / "programmes.yaml"
    registry.write_text("- name: Ponte Tamarindo\n  aliases: []\n", encoding="utf-8")
    monkeypatch.setenv("KB_PROGRAMME_REGISTRY", str(registry))
    default_taxonomy.cache_clear()
    card = write(tmp_path / "ficha.txt", "Ficha\n\n" + PT + " A rede Laço Norte apoiou as compras.")
    settings = Settings(index_dir=tmp_path / "i")
    programmes = lambda doc: [(f.value, f.source) for f in doc.facets if f.field == "programme"]  # noqa: E731
    assert ("Laço Norte", "proposed") in programmes(read_in_a_thread(card, settings))
    first = reader_process.child_pid()
    add_programme("Laço Norte", country="BR")  # a curator confirms it
    assert ("Laço Norte", "extracted") in programmes(read_in_a_thread(card, settings))
    assert reader_process.child_pid() != first
    monkeypatch.delenv("KB_PROGRAMME_REGISTRY")
    default_taxonomy.cache_clear()
