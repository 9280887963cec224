"""Screenshots of every page in pt/it/en for the README: ``python scripts/screenshots.py``.

Starts the app on an index of the sample corpus (``--index``, default index/) with a
throw-away curator password, drives Debian's chromium through Playwright and writes
docs/screenshots/<page>-<language>.jpg.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from kb.passwords import hash_password

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
PASSWORD = "screenshots-only-2026"
QUERY = {"pt": "governança de APL", "it": "distretti industriali", "en": "export consortia"}
COMPARED = "doc=ficha-gt-apl&doc=contratti-di-rete&doc=germany-go-cluster"
PAGES = {
    "search": "/?q={query}&cmp=ficha-gt-apl&cmp=contratti-di-rete",
    "practice": "/practice?doc=ficha-gt-apl&q={query}",
    "compare": f"/compare?{COMPARED}",
    "explore": "/explore",
    "curate": "/curate",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settle(page: Page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60000)
    page.wait_for_timeout(1200)


def start_app(index: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KB_INDEX": str(index), "KB_CURATOR_PASSWORD_HASH": hash_password(PASSWORD)}
    command = [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port)]
    process = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).status == 200:
                return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the app did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=REPO / "index")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    process = start_app(args.index.resolve(), port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for language in ("pt", "it", "en"):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                for name, path in PAGES.items():
                    url = f"http://127.0.0.1:{port}{path.format(query=QUERY[language])}"
                    page.goto(url + ("&" if "?" in url else "?") + f"ui={language}")
                    settle(page)
                    if name == "curate":
                        page.locator("input[type=password]").fill(PASSWORD)
                        page.locator("input[type=password]").press("Enter")
                        settle(page)
                    target = OUT / f"{name}-{language}.jpg"
                    page.screenshot(path=str(target), type="jpeg", quality=70)
                    print(target.relative_to(REPO))
                page.close()
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
