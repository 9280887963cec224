"""Curator overrides: ``name.meta.yaml`` beside ``name.pdf`` wins over extraction, on every ingest."""

from __future__ import annotations

from pathlib import Path

import yaml

from kb.errors import UnreadableFile

SUFFIX = ".meta.yaml"
LIST_FIELDS = {
    "countries": "country",
    "themes": "theme",
    "programmes": "programme",
    "organisations": "organisation",
}
SCALAR_FIELDS = {"title", "language", "year"}


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SUFFIX)


def read_sidecar(path: Path) -> dict[str, object]:
    """The overrides for a document (empty when there is no sidecar)."""
    side = sidecar_path(path)
    if not side.exists():
        return {}
    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise UnreadableFile("bad-metadata", f"{side.name} is not valid YAML ({error})") from error
    if not isinstance(data, dict):
        raise UnreadableFile("bad-metadata", f"{side.name} must be a mapping of field: value")
    unknown = set(data) - set(LIST_FIELDS) - SCALAR_FIELDS
    if unknown:
        valid = ", ".join(sorted(SCALAR_FIELDS | set(LIST_FIELDS)))
        raise UnreadableFile(
            "bad-metadata", f"{side.name}: unknown field {sorted(unknown)[0]!r}; use {valid}"
        )
    for name in LIST_FIELDS:
        if name in data and not isinstance(data[name], list):
            data[name] = [data[name]] if data[name] else []
    if "year" in data and data["year"] is not None and not isinstance(data["year"], int):
        raise UnreadableFile("bad-metadata", f"{side.name}: year must be a whole number")
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
