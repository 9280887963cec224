"""The ``kb`` command line: ingest, search, show, remove, stats, serve.

Exit status 0 on success, 2 on bad usage or bad input with one line on stderr.
"""

from __future__ import annotations

import sys

import typer
from typer.exceptions import TyperException

from kb.cli import admin, collection, searching  # noqa: F401  (each registers its commands)
from kb.cli.common import app
from kb.errors import KbError
from kb.text import MAX_DETAIL_CHARS, one_line

__all__ = ["app", "main"]


def main() -> None:
    """Entry point: usage and domain errors become one line on stderr and exit 2."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except typer.Abort:
        code = 130
    except (TyperException, KbError, ValueError) as error:
        message = error.format_message() if isinstance(error, TyperException) else str(error)
        print(f"kb: {one_line(message)}", file=sys.stderr)
        code = 2
    except OSError as error:  # a path that is a file, a folder without permission, a full disk
        where = f": {error.filename}" if error.filename else ""
        print(f"kb: {one_line(error.strerror or str(error))}{one_line(where)}", file=sys.stderr)
        code = 2
    except Exception as error:  # never a traceback: one line, and a way to report it
        print(
            f"kb: unexpected {type(error).__name__}: {one_line(str(error))[:MAX_DETAIL_CHARS]} (please report this)",
            file=sys.stderr,
        )
        code = 1
    sys.exit(code if isinstance(code, int) else 0)
