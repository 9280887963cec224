"""Derived tables kept on disk between processes, so a new process need not build them again.

The place tables are computed from the gazetteer's 34,000 towns and pycountry's subdivisions:
about 0.9 s of Python on every new process (`kb ingest` of one file, the app's reader child),
beside an embedder that needs both cores. Read back from JSON they take a few hundredths of a
second. A table is stored under a key that hashes everything it was built from, so a new
package version or a changed rule builds it again; a missing, corrupt or unwritable cache only
costs the build. JSON, not pickle: nothing read from a shared folder can run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

CACHE_ENV = "KB_CACHE_DIR"


def cache_dir() -> Path:
    """``KB_CACHE_DIR`` if set, else ``praxis`` under ``XDG_CACHE_HOME`` or ``~/.cache``."""
    if chosen := os.environ.get(CACHE_ENV):
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "praxis"


def cached_table(name: str, key_parts: Iterable[str], build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """The table ``build`` makes, read from the cache when one was stored under the same key."""
    digest = hashlib.sha256("\x00".join(key_parts).encode()).hexdigest()[:20]
    path = cache_dir() / f"{name}-{digest}.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(table, dict):
            return table
    except (OSError, ValueError):
        pass
    table = build()
    _store(path, table)
    return table


def _store(path: Path, table: dict[str, str]) -> None:
    """Write atomically (a reader never sees half a file), dropping the table's older keys."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(table, out, ensure_ascii=False)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would keep a shared cache from other users
        os.replace(temporary, path)
        stem = path.stem.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only home or a full disk: build again next time
        if temporary:
            Path(temporary).unlink(missing_ok=True)
