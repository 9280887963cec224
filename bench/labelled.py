"""The labelled metadata sets, and each one held out in turn (the fitting scripts' protocol)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

Item = TypeVar("Item")


def labelled_sets() -> list[Path]:
    """eval/metadata.yaml, then eval/metadata-heldout*.yaml in the order they were written."""
    return [Path("eval/metadata.yaml"), *sorted(Path("eval").glob("metadata-heldout*.yaml"), key=set_number)]


def kept_sets(leave_out: list[str]) -> list[Path]:
    """The labelled sets but those named in ``leave_out`` (by file stem); a name that is no set
    stops the script, since a mistyped blind set would be fitted on."""
    sets = labelled_sets()
    unknown = set(leave_out) - {path.stem for path in sets}
    if unknown:
        raise SystemExit(f"--leave-out: no labelled set {sorted(unknown)} (names such as metadata-heldout38)")
    return [path for path in sets if path.stem not in leave_out]


def set_number(path: Path) -> int:
    """heldout27 → 27; the first held-out set (no number) → 1; the tuning set (eval/metadata.yaml) → 0."""
    if path.stem == "metadata":
        return 0
    digits = path.stem.removeprefix("metadata-heldout")
    return int(digits) if digits else 1


def held_out(sets: dict[Path, list[Item]]) -> Iterator[tuple[Path, list[Item], list[Item]]]:
    """Each set with its items, and the items of every other set (to fit on)."""
    for path, items in sets.items():
        yield path, items, [item for other, rest in sets.items() if other != path for item in rest]
