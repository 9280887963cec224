"""Crashes, concurrent use, hostile input and backups: nothing already indexed is lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.pipeline import ingest_paths
from ingest.readers import read_file
from kb.backup import backup, restore
from kb.config import Settings
from kb.embedders import HashingEmbedder
from kb.errors import KbError, UnreadableFile
from kb.knowledge_base import KnowledgeBase
from kb.request import SearchRequest
from tests.conftest import EN, IT, PT, write

KB = [sys.executable, "-c", "from kb.cli import main; main()"]


def make_corpus(folder: Path, n: int, start: int = 0) -> Path:
    texts = (PT, IT, EN)
    for i in range(start, start + n):
        write(folder / f"doc{i:03d}.txt", f"Documento {i} sobre redes\n\n" + (texts[i % 3] + " ") * 4)
    return folder


def cli_env(index: Path) -> dict[str, str]:
    return {**os.environ, "KB_INDEX": str(index), "KB_EMBEDDER": "hash"}


def assert_consistent(index: Path) -> KnowledgeBase:
    kb = KnowledgeBase.open(index)
    assert kb.verify() == []
    return kb


@pytest.mark.parametrize("delay", [0.2, 0.6, 1.2])
def test_sigkill_during_ingest_keeps_the_index_usable(tmp_path: Path, delay: float) -> None:
    index = tmp_path / "index"
    first = make_corpus(tmp_path / "first", 5)
    assert (
        subprocess.run([*KB, "ingest", str(first)], env=cli_env(index), capture_output=True).returncode == 0
    )
    before = [h.doc_id for h in KnowledgeBase.open(index).search(SearchRequest("redes", k=5)).hits]

    more = make_corpus(tmp_path / "first", 150, start=5)
    process = subprocess.Popen(
        [*KB, "ingest", str(more)], env=cli_env(index), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until the second run is writing, then kill it mid-way
        if KnowledgeBase.open(index).store.counts()["documents"] > 5 or process.poll() is not None:
            break
        time.sleep(0.05)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()

    kb = assert_consistent(index)
    assert set(before) <= set(kb.store.all_doc_ids()), "nothing indexed before the crash is lost"
    assert [h.doc_id for h in kb.search(SearchRequest("redes", k=5)).hits]
    done = subprocess.run(
        [*KB, "ingest", str(more), "--json"], env=cli_env(index), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert assert_consistent(index).store.counts()["documents"] == 155


def test_searches_in_other_processes_never_fail_during_an_ingest(tmp_path: Path) -> None:
    index = tmp_path / "index"
    corpus = make_corpus(tmp_path / "docs", 5)
    subprocess.run([*KB, "ingest", str(corpus)], env=cli_env(index), check=True, capture_output=True)
    make_corpus(corpus, 200, start=5)
    searcher = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from kb.knowledge_base import KnowledgeBase\nfrom kb.request import SearchRequest\n"
        f"kb = KnowledgeBase.open(Path({str(index)!r}))\n"
        "done = failures = 0\nend = time.time() + 8\n"
        "while time.time() < end:\n"
        "    try:\n"
        "        result = kb.search(SearchRequest('redes de empresas', k=10, bounded=False))\n"
        "        assert result.hits and all(h.title and h.snippet for h in result.hits)\n"
        "        done += 1\n"
        "    except Exception as error:\n"
        "        failures += 1; print(repr(error), file=sys.stderr)\n"
        "print(json.dumps({'done': done, 'failures': failures}))\n"
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", searcher],
        env=cli_env(index),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writer = subprocess.run([*KB, "ingest", str(corpus)], env=cli_env(index), capture_output=True, text=True)
    out, err = reader.communicate(timeout=60)
    counts = json.loads(out)
    assert writer.returncode == 0, writer.stderr
    assert counts["failures"] == 0, err
    assert counts["done"] > 20


def test_two_ingests_at_once_are_serialised_with_a_clear_message(tmp_path: Path) -> None:
    index = tmp_path / "index"
    corpus = make_corpus(tmp_path / "docs", 200)
    first = subprocess.Popen(
        [*KB, "ingest", str(corpus)], env=cli_env(index), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 60
    while time.time() < deadline and not (index / ".write.lock").exists():
        time.sleep(0.05)
    time.sleep(0.5)
    second = subprocess.run([*KB, "ingest", str(corpus)], env=cli_env(index), capture_output=True, text=True)
    first.wait(timeout=120)
    assert second.returncode == 2
    assert "another process" in second.stderr and len(second.stderr.strip().splitlines()) == 1
    assert first.returncode == 0


@pytest.mark.folder_store
def test_backup_while_in_use_and_restore(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings, tmp_path: Path
) -> None:
    reader = KnowledgeBase.open(settings.index_dir)  # an app serving the index
    before = [h.doc_id for h in reader.search(SearchRequest("")).hits]
    copy = backup(settings.index_dir, tmp_path / "backup")
    assert_consistent(copy)
    with pytest.raises(KbError, match="not empty"):
        backup(settings.index_dir, copy)

    write(small_corpus / "later.txt", "Prática posterior\n\n" + PT)
    ingest_paths(small_kb, [small_corpus], settings)
    assert "later" in [h.doc_id for h in reader.search(SearchRequest("")).hits]

    restore(copy, settings.index_dir)
    assert [h.doc_id for h in reader.search(SearchRequest("")).hits] == before, (
        "the running reader switched over"
    )
    assert_consistent(settings.index_dir)


@pytest.mark.folder_store
def test_a_writer_opened_before_a_restore_writes_into_the_restored_index(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings, tmp_path: Path
) -> None:
    copy = backup(settings.index_dir, tmp_path / "backup")
    restore(copy, settings.index_dir)  # small_kb still holds the folder that was swapped out
    write(small_corpus / "after.txt", "Prática depois da restauração\n\n" + PT)
    ingest_paths(small_kb, [small_corpus / "after.txt"], settings)
    assert "after" in assert_consistent(settings.index_dir).store.all_doc_ids()


def test_html_scripts_and_event_handlers_are_dropped(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Cluster</title><script>document.cookie='stolen'</script></head>"
        f'<body onload="alert(\'x\')"><main><p onclick="alert(2)">{EN}</p>'
        "<img src=x onerror=alert(3)><script>alert(4)</script></main></body></html>"
    )
    parsed = read_file(write(tmp_path / "x.html", html), 10**7, 10)[0]
    assert "COSME" in parsed.text and parsed.title == "Cluster"
    for trace in ("alert", "cookie", "onload", "onerror", "<script"):
        assert trace not in parsed.text


def bomb_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates from ~100 KB to ``megabytes``."""
    stream = zlib.compress(b"0 0 m " * (megabytes * 1024 * 1024 // 6), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb_pdf(200))
    assert path.stat().st_size < 2_000_000
    with pytest.raises(UnreadableFile) as caught:
        read_file(path, 10**8, 100)
    assert caught.value.reason == "too-large"


def test_page_count_limit(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for _ in range(30):
        pdf.add_page()
        pdf.cell(0, 10, "Pagina di prova sui distretti industriali italiani.")
    path = tmp_path / "long.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(UnreadableFile, match="30 pages is over the 20-page limit"):
        read_file(path, 10**8, 20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=3000),
    suffix=st.sampled_from([".pdf", ".txt", ".md", ".html"]),
    pdf_header=st.booleans(),
)
def test_readers_fuzz(tmp_path: Path, data: bytes, suffix: str, pdf_header: bool) -> None:
    """Whatever the bytes, a reader returns text or a clear rejection, never another error."""
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes((b"%PDF-1.4\n" if pdf_header else b"") + data)
    try:
        parsed, _ = read_file(path, 10**7, 50)
    except UnreadableFile as error:
        assert error.reason in {
            "corrupt",
            "encrypted",
            "no-text",
            "empty",
            "binary",
            "too-large",
            "unsupported",
        }
    else:
        assert isinstance(parsed.text, str) and parsed.text.strip()


@pytest.mark.folder_store
def test_restoring_a_backup_of_another_embedder_switches_running_readers(
    small_kb: KnowledgeBase, small_corpus: Path, settings: Settings, tmp_path: Path
) -> None:
    other = KnowledgeBase.open(tmp_path / "other", HashingEmbedder(64), create=True)
    ingest_paths(other, [small_corpus], Settings(index_dir=tmp_path / "other"))
    copy = backup(tmp_path / "other", tmp_path / "backup-64")
    reader = KnowledgeBase.open(settings.index_dir)
    assert reader.search(SearchRequest("compras", bounded=False)).hits
    (settings.index_dir / "removed").mkdir()
    write(settings.index_dir / "removed" / "kept.txt", "a curator's removed file")
    restore(copy, settings.index_dir)
    result = reader.search(SearchRequest("compras", bounded=False))
    assert result.hits and reader.manifest.dimension == 64, "the reader reopened the new index"
    assert (settings.index_dir / "removed" / "kept.txt").exists(), "removed files survive a restore"
    assert_consistent(settings.index_dir)


@pytest.mark.folder_store
def test_a_partial_backup_is_refused_and_a_failed_restore_changes_nothing(
    small_kb: KnowledgeBase, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kb.backup as backups

    copy = backup(settings.index_dir, tmp_path / "backup")
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "manifest.json").write_bytes((copy / "manifest.json").read_bytes())
    (partial / "kb.sqlite").write_bytes((copy / "kb.sqlite").read_bytes()[:4096])
    with pytest.raises(KbError, match="not a complete backup"):
        restore(partial, settings.index_dir)
    before = sorted(KnowledgeBase.open(settings.index_dir).store.all_doc_ids())

    def dies(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the process is interrupted half-way through the copy

    monkeypatch.setattr(backups.shutil, "copy2", dies)
    with pytest.raises(KeyboardInterrupt):
        restore(copy, settings.index_dir)
    assert sorted(KnowledgeBase.open(settings.index_dir).store.all_doc_ids()) == before
    assert not list(settings.index_dir.parent.glob(".*restoring*")), "no half-made folder is left"


@pytest.mark.folder_store
def test_a_restore_killed_between_its_renames_is_completed_on_the_next_open(
    small_kb: KnowledgeBase, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kb.backup as backups

    copy = backup(settings.index_dir, tmp_path / "backup")
    real_rename = os.rename
    calls: list[tuple[object, object]] = []

    def killed_after_first(src: object, dst: object) -> None:
        calls.append((src, dst))
        if len(calls) == 2:
            raise KeyboardInterrupt  # SIGKILL after the old index was moved aside
        real_rename(src, dst)

    monkeypatch.setattr(backups.os, "rename", killed_after_first)
    monkeypatch.setattr(backups.shutil, "rmtree", lambda *a, **k: None)  # a killed process cleans nothing
    with pytest.raises(KeyboardInterrupt):
        restore(copy, settings.index_dir)
    monkeypatch.undo()
    assert not settings.index_dir.exists()
    reopened = KnowledgeBase.open(settings.index_dir)
    assert sorted(reopened.store.all_doc_ids()) == sorted(small_kb.store.all_doc_ids())
    assert_consistent(settings.index_dir)
