"""Time from pressing Enter in the app's search box to the first result on screen.

    python bench/app_latency.py [--index index] [--runs 10]

Starts `streamlit run app.py` on a free port, drives Debian's chromium with Playwright,
warms up with one query, then times fresh queries typed into the box.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

QUERIES = [
    "como financiar a internacionalização de pequenas empresas",
    "compras conjuntas de insumos",
    "distretti industriali",
    "supplier development",
    "governança de clusters",
    "lana rigenerata",
    "technology transfer universities",
    "consórcios de exportação",
    "politica dei cluster",
    "energy efficiency",
]


@contextmanager
def running_app(index: Path) -> Iterator[str]:
    """``streamlit run app.py`` on ``index`` at a free local port; yields its URL once healthy."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
        + ["--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "KB_INDEX": str(index)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with running_app(args.index.resolve()) as url:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector(".hit .title", timeout=60000)
            box = page.locator("input[aria-label='O que você procura?']")
            timings = []
            for query in (["warm up", *QUERIES])[: args.runs + 1]:
                first_before = page.locator(".hit .title").first.inner_text()
                box.fill(query)
                started = time.perf_counter()
                box.press("Enter")
                page.wait_for_function(
                    "([old]) => { const t = document.querySelector('.hit .title'); return t && t.innerText !== old; }",
                    arg=[first_before],
                    timeout=30000,
                )
                timings.append((time.perf_counter() - started) * 1000)
            browser.close()
    timings = timings[1:]
    print(
        f"{len(timings)} queries, Enter → first result changed: median {statistics.median(timings):.0f} ms, "
        f"max {max(timings):.0f} ms"
    )


if __name__ == "__main__":
    main()
