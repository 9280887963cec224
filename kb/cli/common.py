"""What every command shares: the typer app, the console, the index and JSON options."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Annotated

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

if TYPE_CHECKING:
    from kb.knowledge_base import KnowledgeBase

from kb.config import Settings
from kb.threads import configure, role_of

COMMANDS = (
    "ingest",
    "search",
    "show",
    "remove",
    "stats",
    "eval",
    "backup",
    "restore",
    "hash-password",
    "serve",
)


class InOrder(TyperGroup):
    """Lists commands in the order a new user meets them, not the order modules load."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        known = [name for name in COMMANDS if name in self.commands]
        return known + sorted(set(self.commands) - set(known))


app = typer.Typer(
    cls=InOrder,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Praxis: a multilingual knowledge base of cluster and SME-network practices.",
)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """The reader stopped early ("kb search … | head -1"): not an error, so exit 0 (rich exits 1)."""
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0)


out = _Console(soft_wrap=True)


@app.callback()
def size_threads(context: typer.Context) -> None:
    """Searches embed on one thread; ``ingest`` and ``eval`` use every core at a lower priority."""
    configure(role_of(context.invoked_subcommand))


IndexOption = Annotated[
    str | None,
    typer.Option(
        "--index", help="Index folder or PostgreSQL address postgresql://… (default: $KB_INDEX or index/)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


def open_kb(index: str | None, embedder: str | None = None, create: bool = False) -> KnowledgeBase:
    """Open (or create) the index; ``KB_EMBEDDER`` only chooses the embedder of a new index.

    An existing index is searched with the embedder that built it; only an explicit
    ``--embedder`` that disagrees is an error.
    """
    from kb.knowledge_base import KnowledgeBase  # after configure() sized its threads

    settings = Settings.from_env(index_dir=index, embedder=embedder)
    exists = KnowledgeBase.exists(settings.index_dir)
    chosen = embedder if exists else settings.embedder
    return KnowledgeBase.open(
        settings.index_dir, chosen, create=create, chunking=settings.chunking, search_settings=settings.search
    )


def emit_json(value: object) -> None:
    try:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        sys.stdout.flush()  # here, not at exit, so a reader that stopped early is seen here
    except BrokenPipeError:  # typer would exit 1 for it
        out.on_broken_pipe()
