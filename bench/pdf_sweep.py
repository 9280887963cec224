"""Robustness sweep: read every PDF under a folder and count what became text and why the rest did not.

    python bench/pdf_sweep.py ../shared/pdfs

Every file must end as text or as a one-line rejection; anything else is printed as a failure.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from ingest.language import detect_language
from ingest.readers import read_file
from kb.errors import UnreadableFile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    outcomes: Counter[str] = Counter()
    slowest: list[tuple[float, str]] = []
    for path in sorted(args.folder.rglob("*.pdf")):
        started = time.perf_counter()
        try:
            parsed, _ = read_file(path, 50 * 1024 * 1024, 2000)
            outcome = f"text ({detect_language(parsed.text)})"
        except UnreadableFile as error:
            outcome = f"rejected: {error.reason}"
            print(f"{path.name}: {error.reason} — {error.detail}")
        except Exception as error:  # a failure of ours: the sweep exists to find these
            outcome = "FAILURE"
            print(f"{path.name}: FAILURE {type(error).__name__}: {error}")
        seconds = time.perf_counter() - started
        slowest.append((seconds, path.name))
        outcomes[outcome.split(" (")[0]] += 1
    print()
    for outcome, n in sorted(outcomes.items()):
        print(f"{n:4d}  {outcome}")
    print("slowest:", ", ".join(f"{name} {s:.1f} s" for s, name in sorted(slowest, reverse=True)[:3]))


if __name__ == "__main__":
    main()
