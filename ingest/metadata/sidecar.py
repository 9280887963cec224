"""Curator overrides: ``name.meta.yaml`` beside ``name.pdf`` wins over extraction, on every ingest."""

from __future__ import annotations

from pathlib import Path

import yaml

from kb.errors import UnreadableFile
from kb.facets import FACETS, LIST_FACETS
from kb.yaml_data import load_yaml

SUFFIX = ".meta.yaml"
LIST_FIELDS = {f.key: f.name for f in LIST_FACETS}
SCALAR_FIELDS = {"title", "written"} | {f.key for f in FACETS if not f.multi}


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SUFFIX)


MAX_BYTES = 64 * 1024
MAX_ITEMS = 100
MIN_YEAR, MAX_YEAR = 1000, 2100


def read_sidecar(path: Path) -> dict[str, object]:
    """The overrides for a document (empty when there is no sidecar), every field checked."""
    side = sidecar_path(path)
    if not side.exists():
        return {}
    try:
        return checked_fields(parse_yaml(side.read_bytes()))
    except ValueError as error:
        raise UnreadableFile("bad-metadata", f"{side.name}: {error}") from None


def parse_yaml(raw: bytes) -> dict[str, object]:
    """A sidecar's mapping; ValueError says what is wrong with it.

    YAML anchors and aliases are refused before any object is built: a kilobyte of nested
    aliases (a "billion laughs") would otherwise grow to gigabytes while the write lock is held.
    """
    if len(raw) > MAX_BYTES:
        raise ValueError(f"{len(raw)} bytes is over the {MAX_BYTES}-byte limit for a sidecar")
    try:
        text = raw.decode("utf-8")
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ValueError("YAML anchors and aliases (& and *) are not allowed")
        data = load_yaml(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise ValueError(f"not valid YAML{where} ({problem})") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    if not isinstance(data, dict):
        raise ValueError("must be a mapping of field: value")
    return data


def checked_fields(data: dict[str, object]) -> dict[str, object]:
    """Known fields only, each of the right type and range; lists cleaned of blanks around names."""
    unknown = set(data) - set(LIST_FIELDS) - SCALAR_FIELDS
    if unknown:
        valid = ", ".join(sorted(SCALAR_FIELDS | set(LIST_FIELDS)))
        raise ValueError(f"unknown field {sorted(map(str, unknown))[0]!r}; use {valid}")
    for name in LIST_FIELDS:
        if name not in data:
            continue
        value = data[name]
        items = [] if value is None else value if isinstance(value, list) else [value]
        if len(items) > MAX_ITEMS or not all(isinstance(v, str) and 0 < len(v.strip()) <= 200 for v in items):
            raise ValueError(f"{name} must be a list of names (text, at most {MAX_ITEMS})")
        data[name] = [v.strip() for v in items]
    for name in ("title", "language"):
        value = data.get(name)
        if value is not None and not (isinstance(value, str) and value.strip()):
            raise ValueError(f"{name} must be text")
    for name in ("year", "written"):  # the practice's year, and the text's own (which a reference cites)
        year = data.get(name)
        if year is not None and (
            isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR
        ):
            raise ValueError(f"{name} must be a whole number from {MIN_YEAR} to {MAX_YEAR}")
    return data


def write_sidecar(path: Path, values: dict[str, object]) -> Path:
    """Save curator edits beside the document (used by the app's curation page)."""
    side = sidecar_path(path)
    clean = {k: v for k, v in values.items() if v not in (None, "", [])}
    side.write_text(yaml.safe_dump(clean, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return side


def sidecar_bytes(path: Path) -> bytes:
    side = sidecar_path(path)
    return side.read_bytes() if side.exists() else b""
