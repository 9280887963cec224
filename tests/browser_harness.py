"""The browser harness shared by the end-to-end tests: the app on a copy of the real index,
Debian's chromium through Playwright (never a downloaded browser), and small helpers.

Loaded for every test module by ``pytest_plugins`` in conftest.py; the server is started once
per module that asks for it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths
from kb.config import Settings
from kb.knowledge_base import KnowledgeBase
from kb.passwords import hash_password

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "tests" / "screenshots"
PASSWORD = "curadoria-segura-2026"
HOSTILE_HTML = """<html><head><title><img src=x onerror=alert('title')> Hostile beekeeping cluster</title>
<script>alert('head')</script></head><body onload="alert('body')"><main>
<h1>Hostile beekeeping cluster <script>alert('h1')</script></h1>
<p onclick="alert('p')">Beekeepers of the hostile valley share an extraction room and sell honey under one brand.
They train young beekeepers together and buy jars in bulk for the whole cooperative.</p>
<p><img src=x onerror="alert('img')"><a href="javascript:alert('link')">read more</a></p>
</main></body></html>"""

MISSING_BROWSER = (
    "Debian's chromium is missing at /usr/bin/chromium: install it with "
    "`sudo apt-get install chromium` (as .ci/run does); the browser tests never download one"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(real_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of the real index, on a free local port."""
    work = tmp_path_factory.mktemp("e2e")
    index = work / "index"
    shutil.copytree(real_index, index)
    hostile = work / "hostile" / "hostile-cluster.html"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE_HTML, encoding="utf-8")
    kb = KnowledgeBase.open(index)
    assert not ingest_paths(kb, [hostile], Settings(index_dir=index)).failures
    kb.close()
    port = free_port()
    env = {
        **os.environ,
        "KB_INDEX": str(index),
        "KB_UPLOAD_DIR": str(work / "uploads"),
        "KB_CURATOR_PASSWORD_HASH": hash_password(PASSWORD),
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO / "app.py"),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
    ]
    process = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("streamlit did not start")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(MISSING_BROWSER)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1300, "height": 1400})  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


def settle(page: object) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30000)  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]


def titles(page: object) -> list[str]:
    return [t.strip() for t in page.locator(".hit .title").all_inner_texts()]  # type: ignore[attr-defined]


def shoot(page: object, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
