"""Search latency under load: idle, during an ingest, many searchers, many browser sessions.

    python bench/load.py [--index DIR] [--queries 40] [--think 0.5] [--browsers 4] [--json]

Scenarios (each a row; ``--json`` prints one object per row):

* ``idle``: one searcher in this process (the app's code path, ``KnowledgeBase.search``),
  pausing ``--think`` seconds between queries.
* ``during ingest``: the same searcher while ``kb ingest`` of the sample corpus runs in
  another process; the ingest's throughput is compared with an ingest alone.
* ``during a Curate job``: the same searcher while this process ingests the corpus in a
  Curate background job (one thread, lower priority), as the app does for a curator.
* ``kb search idle`` / ``kb search during ingest``: wall time of the whole command.
* ``8 searchers``: threads in one process, as Streamlit sessions are, each pausing
  ``--think`` seconds between queries (an adviser reading results) like the idle searcher;
  ``8 searchers, no pause`` shows saturation.
* ``1 browser`` / ``N browsers``: sessions of ``streamlit run app.py`` in Debian's chromium
  (Playwright), each typing queries; time from Enter to the first result changing.

Without ``--index`` the sample corpus is indexed first (about 15 s). This process is a
searcher: it sizes its thread pools with ``kb.threads.configure("search")`` as the app does.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from kb.threads import configure

configure("search")

import numpy as np  # noqa: E402
from app_latency import QUERIES as TYPED_QUERIES  # noqa: E402  (bench/ is on the path)
from app_latency import running_app  # noqa: E402

from kb.config import Settings  # noqa: E402
from kb.knowledge_base import KnowledgeBase  # noqa: E402
from kb.request import SearchRequest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
KB = [sys.executable, "-c", "from kb.cli import main; main()"]
QUERIES = [  # the app benchmark's queries, and six more an adviser would type
    *TYPED_QUERIES,
    "governança de APL",
    "contratti di rete tra piccole imprese",
    "cluster policy evaluation",
    "centro de design compartilhado",
    "marchio collettivo",
    "financiamento de APL",
]


@dataclass
class Row:
    scenario: str
    queries: int
    p50_ms: float
    p95_ms: float
    errors: int
    note: str = ""


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def row(scenario: str, timings: list[float], errors: int, note: str = "") -> Row:
    ms = [t * 1000 for t in timings]
    return Row(scenario, len(ms), round(percentile(ms, 50), 1), round(percentile(ms, 95), 1), errors, note)


class Searcher:
    """Runs queries against one opened index and keeps their timings."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.timings: list[float] = []
        self.errors = 0
        self.lock = threading.Lock()

    def search(self, query: str) -> None:
        started = time.perf_counter()
        try:
            self.kb.search(SearchRequest(query))
        except Exception:  # counted, not raised: a benchmark reports errors
            with self.lock:
                self.errors += 1
            return
        with self.lock:
            self.timings.append(time.perf_counter() - started)

    def run(self, count: int, think: float, offset: int = 0, until: threading.Event | None = None) -> None:
        for n in range(count):
            if until is not None and until.is_set():
                return
            self.search(QUERIES[(n + offset) % len(QUERIES)])
            time.sleep(think)


def start_ingest(target: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*KB, "ingest", str(REPO / "corpus"), "--index", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def ingest_alone(target: Path) -> float:
    started = time.perf_counter()
    if start_ingest(target).wait() != 0:
        raise SystemExit("kb ingest of the sample corpus failed")
    return time.perf_counter() - started


def during_ingest(kb: KnowledgeBase, target: Path, think: float) -> tuple[Row, float]:
    """Search in a loop while another process ingests the corpus; (row, ingest seconds)."""
    searcher = Searcher(kb)
    started = time.perf_counter()
    ingest = start_ingest(target)
    stop = threading.Event()
    loop = threading.Thread(target=searcher.run, args=(10_000, think), kwargs={"until": stop})
    while not (target / "manifest.json").exists() and ingest.poll() is None:
        time.sleep(0.05)
    loop.start()
    code = ingest.wait()
    seconds = time.perf_counter() - started
    stop.set()
    loop.join()
    errors = searcher.errors + (code != 0)
    return row("during ingest", searcher.timings, errors), seconds


def during_curate_job(kb: KnowledgeBase, target: Path, think: float) -> Row:
    """Search while this process ingests the corpus as a Curate job (the app's own situation)."""
    from app_pages.curation import Jobs
    from ingest.pipeline import ingest_paths

    other = KnowledgeBase.open(target, create=True)
    settings = Settings(index_dir=target)
    searcher = Searcher(kb)
    stop = threading.Event()
    loop = threading.Thread(target=searcher.run, args=(10_000, think), kwargs={"until": stop})
    started = time.perf_counter()
    job = Jobs().start(
        "bench", "corpus", lambda on_progress: ingest_paths(other, [REPO / "corpus"], settings)
    )
    loop.start()
    report = job.future.result()
    seconds = time.perf_counter() - started
    stop.set()
    loop.join()
    other.close()
    errors = searcher.errors + len(report.failures)
    return row(
        "during a Curate job", searcher.timings, errors, f"pause {think:g} s; the job took {seconds:.1f} s"
    )


def cli_search(index: Path, runs: int) -> tuple[list[float], int]:
    timings, errors = [], 0
    for n in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [*KB, "search", QUERIES[n % len(QUERIES)], "--index", str(index), "--json"],
            capture_output=True,
        )
        timings.append(time.perf_counter() - started)
        errors += done.returncode != 0
    return timings, errors


def cli_during_ingest(index: Path, target: Path, runs: int) -> tuple[list[float], int]:
    ingest = start_ingest(target)
    while not (target / "manifest.json").exists() and ingest.poll() is None:
        time.sleep(0.05)
    time.sleep(1.0)  # the model is loaded and embedding
    timings, errors = cli_search(index, runs)
    if ingest.poll() is not None:
        print("warning: the ingest ended before the searches did", file=sys.stderr)
    ingest.terminate()
    ingest.wait()
    return timings, errors


def concurrent(kb: KnowledgeBase, users: int, per_user: int, think: float) -> tuple[list[float], int]:
    searcher = Searcher(kb)
    threads = [threading.Thread(target=searcher.run, args=(per_user, think, n * 3)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return searcher.timings, searcher.errors


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def browser_sessions(
    url: str, sessions: int, per_session: int, think: float
) -> tuple[list[float], int]:
    """Each session types queries into the search box; seconds from Enter to new first result."""
    from playwright.async_api import async_playwright

    timings: list[float] = []
    errors = 0

    async def session(browser: object, offset: int) -> None:
        nonlocal errors
        context = await browser.new_context()  # type: ignore[attr-defined]
        page = await context.new_page()
        await page.goto(url)
        await page.wait_for_selector(".hit .title", timeout=60000)
        box = page.locator("input[aria-label='O que você procura?']")
        for n in range(per_session):
            query = QUERIES[(n + offset) % len(QUERIES)]
            try:
                before = await page.locator(".hit .title").first.inner_text()
                await box.fill(query)
                started = time.perf_counter()
                await box.press("Enter")
                await page.wait_for_function(
                    "([old]) => { const t = document.querySelector('.hit .title');"
                    " return t && t.innerText !== old; }",
                    arg=[before],
                    timeout=30000,
                )
                timings.append(time.perf_counter() - started)
            except Exception:
                errors += 1
            await asyncio.sleep(think)
        await context.close()

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        await asyncio.gather(*(session(browser, n * 5) for n in range(sessions)))
        await browser.close()
    return timings, errors


def browsers(index: Path, counts: list[int], per_session: int, think: float) -> list[Row]:
    rows = []
    with running_app(index) as url:
        asyncio.run(browser_sessions(url, 1, 2, 0))  # warm up: the first search opens the index
        for count in counts:
            timings, errors = asyncio.run(browser_sessions(url, count, per_session, think))
            name = "1 browser" if count == 1 else f"{count} browsers"
            rows.append(row(name, timings, errors, f"Enter → first result changed, pause {think:g} s"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="an index to search (default: index the sample corpus)")
    parser.add_argument("--queries", type=int, default=40, help="queries per searcher")
    parser.add_argument("--think", type=float, default=0.5, help="pause between one searcher's queries (s)")
    parser.add_argument("--browsers", type=int, default=4, help="concurrent browser sessions (0: none)")
    parser.add_argument("--cli-runs", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="one JSON object per scenario")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        index = args.index.resolve() if args.index else work / "index"
        if args.index is None:
            ingest_alone(index)
        alone = ingest_alone(work / "alone")
        kb = KnowledgeBase.open(index)
        kb.search(SearchRequest("warm up"))
        rows: list[Row] = []

        idle = Searcher(kb)
        idle.run(args.queries, args.think)
        rows.append(row("idle", idle.timings, idle.errors, f"pause {args.think:g} s"))
        busy, with_searcher = during_ingest(kb, work / "busy", args.think)
        busy.note = f"pause {args.think:g} s; ingest took {with_searcher:.1f} s, {alone:.1f} s alone"
        rows.append(busy)
        rows.append(during_curate_job(kb, work / "job", args.think))

        cli_idle, cli_errors = cli_search(index, args.cli_runs)
        rows.append(row("kb search idle", cli_idle, cli_errors, "whole command"))
        cli_busy, cli_busy_errors = cli_during_ingest(index, work / "cli", args.cli_runs)
        rows.append(row("kb search during ingest", cli_busy, cli_busy_errors, "whole command"))

        for think in (args.think, 0.0):  # "idle" is the one-searcher baseline
            timings, errors = concurrent(kb, 8, args.queries, think)
            name = "8 searchers" + (", no pause" if think == 0 else "")
            rows.append(row(name, timings, errors, f"pause {think:g} s, threads in one process"))
        if args.browsers:
            counts = [1, args.browsers] if args.browsers > 1 else [1]
            rows.extend(browsers(index, counts, max(5, args.queries // 4), args.think))
        kb.close()

    by_name = {r.scenario: r for r in rows}
    ratios = {
        "kb search during ingest ÷ idle (median)": by_name["kb search during ingest"].p50_ms
        / by_name["kb search idle"].p50_ms,
        "p95 during ingest ÷ idle p95": by_name["during ingest"].p95_ms / by_name["idle"].p95_ms,
        "8 searchers p95 ÷ idle p95": by_name["8 searchers"].p95_ms / by_name["idle"].p95_ms,
        "ingest throughput with a searcher ÷ alone": alone / with_searcher,
        "p95 during a Curate job ÷ idle p95": by_name["during a Curate job"].p95_ms / by_name["idle"].p95_ms,
    }
    if args.browsers > 1:
        ratios[f"{args.browsers} browsers p95 ÷ 1 browser p95"] = (
            by_name[f"{args.browsers} browsers"].p95_ms / by_name["1 browser"].p95_ms
        )
    if args.json:
        for r in rows:
            print(json.dumps(asdict(r), ensure_ascii=False))
        for name, value in ratios.items():
            print(json.dumps({"ratio": name, "value": round(value, 2)}, ensure_ascii=False))
        return
    print(f"{'scenario':<26} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}  note")
    for r in rows:
        print(f"{r.scenario:<26} {r.queries:>7} {r.p50_ms:>8.1f} {r.p95_ms:>8.1f} {r.errors:>6}  {r.note}")
    print()
    for name, value in ratios.items():
        print(f"{name:<45} {value:5.2f}")


if __name__ == "__main__":
    main()
