"""Which files a list of files and folders names: the files themselves, and those under the folders."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ingest.metadata.sidecar import SUFFIX as SIDECAR_SUFFIX
from kb.errors import KbError


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named, and files found under folders named (hidden files and sidecars left out).

    Files are listed by their real path, except links that lead out of the folder being
    walked (or a named file that is such a link): those keep their own path, and
    :func:`prepare_file` refuses them, so a link to a secret file is never indexed or served.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise KbError(f"no such file or folder: {path}")
        if path.is_dir():
            root = path.resolve()
            for p in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in p.relative_to(path).parts) or p.name.endswith(
                    SIDECAR_SUFFIX
                ):
                    continue
                real = p.resolve()
                if not real.is_relative_to(root):
                    found.append(p.parent.resolve() / p.name)  # refused later, by name
                elif real.is_file():
                    found.append(real)
        else:
            found.append(path.parent.resolve() / path.name if path.is_symlink() else path.resolve())
    return list(dict.fromkeys(found))
