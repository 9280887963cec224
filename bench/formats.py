"""Reading speed per format, and OCR seconds per scanned page.

    python bench/formats.py [--folder corpus] [--scan-pages 3] [--repeat 3] [--json]

"Read" is everything ingest does to a file before embedding: reading, language, passages and
metadata (``parse_document``); embedding costs the same per passage whatever the format and is
measured by bench/throughput.py. OCR is timed on a generated image-only card of several pages
(the sample corpus's scanned card typeset again), so it does not depend on files we lack.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from ingest.parsing import parse_document
from ingest.readers import ocr
from kb.config import Settings
from kb.errors import UnreadableFile

ROOT = Path(__file__).resolve().parent.parent


def format_rows(folder: Path, repeat: int) -> list[dict[str, object]]:
    """Per file type: files, pages, passages and the median seconds to read a file."""
    stats: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        try:
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                doc = parse_document(path, Settings())
                timings.append(time.perf_counter() - started)
        except UnreadableFile:
            continue
        kind = "pdf (scanned, OCR)" if any(f.field == "read.ocr_pages" for f in doc.facets) else doc.file_type
        stats[kind]["seconds"].append(statistics.median(timings))
        stats[kind]["pages"].append(doc.n_pages or 1)
        stats[kind]["passages"].append(len(doc.passages))
    return [
        {
            "format": kind,
            "files": len(s["seconds"]),
            "pages": int(sum(s["pages"])),
            "passages": int(sum(s["passages"])),
            "ms_per_file": round(1000 * statistics.mean(s["seconds"]), 1),
            "files_per_s": round(len(s["seconds"]) / sum(s["seconds"]), 2),
        }
        for kind, s in sorted(stats.items())
    ]


def ocr_row(pages: int, repeat: int) -> dict[str, object]:
    """Seconds per page for OCR of an image-only PDF of ``pages`` pages at the scanner's 200 dpi."""
    spec = importlib.util.spec_from_file_location("scan", ROOT / "scripts" / "build_corpus_scan.py")
    scan = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(scan)  # type: ignore[union-attr]
    text = "\n".join([scan.CARD] * pages * 2)  # about half a card per page at 12 pt
    data = scan.scanned_pdf(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scan.pdf"
        path.write_bytes(data)
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            doc = parse_document(path, Settings())
            timings.append(time.perf_counter() - started)
    n_pages = doc.n_pages or 1
    return {
        "format": "ocr",
        "pages": n_pages,
        "s_per_page": round(statistics.median(timings) / n_pages, 2),
        "dpi": ocr.DPI,
        "languages": "+".join(ocr.LANGUAGES),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "corpus")
    parser.add_argument("--scan-pages", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    args = parser.parse_args()
    rows = format_rows(args.folder, args.repeat)
    if reason := ocr.missing():
        print(f"OCR not measured: {reason}")
    else:
        rows.append(ocr_row(args.scan_pages, args.repeat))
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return
    print(f"{'format':20} {'files':>5} {'pages':>5} {'passages':>8} {'ms/file':>8} {'files/s':>8}")
    for row in rows[:-1] if rows and rows[-1]["format"] == "ocr" else rows:
        print(
            f"{row['format']:20} {row['files']:>5} {row['pages']:>5} {row['passages']:>8} "
            f"{row['ms_per_file']:>8} {row['files_per_s']:>8}"
        )
    if rows and rows[-1]["format"] == "ocr":
        r = rows[-1]
        print(f"OCR: {r['s_per_page']} s per page ({r['pages']} pages, {r['dpi']} dpi, {r['languages']})")


if __name__ == "__main__":
    main()
