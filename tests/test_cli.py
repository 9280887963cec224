"""The CLI contract: commands, --json shapes, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PT, run_kb, write

HIT_KEYS = {
    "doc_id",
    "path",
    "title",
    "language",
    "score",
    "snippet",
    "countries",
    "themes",
    "programmes",
    "year",
}


def kb(*args: str, index: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_kb(*args, env={"KB_INDEX": str(index), **(env or {})})


@pytest.fixture
def cli_index(tmp_path: Path, small_corpus: Path) -> Path:
    index = tmp_path / "cli-index"
    done = kb("ingest", str(small_corpus), index=index)
    assert done.returncode == 0, done.stderr
    assert "added 3" in done.stdout
    return index


def test_search_json_shape(cli_index: Path) -> None:
    done = kb("search", "compras conjuntas", "--json", "-k", "1", index=cli_index)
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert isinstance(hits, list) and len(hits) == 1
    assert HIT_KEYS <= set(hits[0])
    assert hits[0]["doc_id"] == "compras"
    browsed = json.loads(kb("search", "", "--json", "-k", "2", index=cli_index).stdout)
    assert len(browsed) == 2, "-k caps the list (browsing matches all three documents)"


def test_filters_and_browse(cli_index: Path) -> None:
    done = kb("search", "", "--language", "it", "--language", "en", "--json", index=cli_index)
    assert sorted(h["language"] for h in json.loads(done.stdout)) == ["en", "it"]


def test_show_stats_remove(cli_index: Path) -> None:
    shown = json.loads(kb("show", "reti", "--json", index=cli_index).stdout)
    assert shown["title"] == "Contratti di rete in Italia" and shown["passages"]
    assert shown["passages"][0]["scanned"] is False
    printed = kb("show", "reti", index=cli_index).stdout
    assert "— passage 1" in printed and "piccole imprese" in printed, "the passages themselves"
    stats = json.loads(kb("stats", "--json", index=cli_index).stdout)
    assert stats["documents"] == 3 and stats["facets"]["language"] == {"en": 1, "it": 1, "pt": 1}
    assert stats["vector_index"] == {"kind": "exact (flat inner product)"}
    assert "dense index: exact" in kb("stats", index=cli_index).stdout
    assert kb("remove", "reti", index=cli_index).returncode == 0
    assert json.loads(kb("stats", "--json", index=cli_index).stdout)["documents"] == 2


def test_ingest_again_is_incremental(cli_index: Path, small_corpus: Path) -> None:
    done = kb("ingest", str(small_corpus), "--json", index=cli_index)
    assert json.loads(done.stdout)["counts"] == {
        "added": 0,
        "updated": 0,
        "unchanged": 3,
        "duplicate": 0,
        "failed": 0,
    }


def test_bad_files_exit_2_after_ingesting_the_rest(tmp_path: Path, small_corpus: Path) -> None:
    (small_corpus / "scan.pdf").write_bytes(b"%PDF-1.4 garbage")
    done = kb("ingest", str(small_corpus), index=tmp_path / "idx")
    assert done.returncode == 2
    assert "added 3" in done.stdout and "scan.pdf" in done.stdout
    assert done.stderr.strip().splitlines() == ["kb: 1 of 4 files could not be ingested (reasons above)"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("search",), "Missing argument"),
        (("search", "x", "--bogus"), "No such option"),
        (("search", "x", "-k", "0"), "-k"),
        (("show", "nope"), "no document 'nope'"),
        (("remove", "nope"), "no document 'nope'"),
        (("ingest", "/no/such/folder"), "no such file or folder"),
        (("search", "x", "--theme", "financing"), "unknown theme 'financing'; themes: networking"),
        (("search", "x", "--country", "Narnia"), "unknown country 'Narnia'"),
        (("search", "x", "--language", "xx"), "unknown language 'xx'"),
        (("search", "x", "--labels", "de"), "--labels 'de'"),
    ],
)
def test_bad_usage_exits_2_with_one_line(cli_index: Path, args: tuple[str, ...], message: str) -> None:
    done = kb(*args, index=cli_index)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_index_says_how_to_build_it(tmp_path: Path) -> None:
    done = kb("search", "x", index=tmp_path / "none")
    assert done.returncode == 2 and "kb ingest" in done.stderr


def test_other_embedder_is_refused(cli_index: Path, small_corpus: Path) -> None:
    done = kb("ingest", str(small_corpus), "--embedder", "hash:32", index=cli_index)
    assert done.returncode == 2 and "delete" in done.stderr
    done = kb("search", "x", index=cli_index, env={"KB_EMBEDDER": "hash:32"})
    assert done.returncode == 0, "KB_EMBEDDER only chooses the embedder of a new index"


def test_text_output_lists_hits(cli_index: Path, tmp_path: Path) -> None:
    write(tmp_path / "x.txt", "")
    done = kb("search", "COSME", index=cli_index)
    assert done.returncode == 0 and "1. COSME clusters" in done.stdout


def test_a_search_that_finds_nothing_is_recorded_for_the_curators(cli_index: Path) -> None:
    from kb.knowledge_base import KnowledgeBase

    assert "no documents match" in kb("search", "receita de bolo de cenoura", index=cli_index).stdout
    assert "no documents match" in kb("search", "COSME", "--country", "JP", index=cli_index).stdout
    kb("search", "COSME", index=cli_index)  # found: not recorded
    kb("search", "", "--country", "JP", index=cli_index)  # browsing: not a search
    misses = {(m["query"], m["filters"]) for m in KnowledgeBase.open(cli_index).store.search_misses()}
    assert misses == {("receita de bolo de cenoura", "{}"), ("COSME", '{"country": ["JP"]}')}


def test_filter_values_in_any_accepted_form(cli_index: Path) -> None:
    """A language or theme named as a reader would ("Português", "internationalization") filters as
    its code does, and a filter that empties the results says how many there are without it."""
    by_name = kb(
        "search", "", "--language", "Português", "--theme", "internationalization", "--json", index=cli_index
    )
    by_code = kb(
        "search", "", "--language", "pt", "--theme", "internationalisation", "--json", index=cli_index
    )
    assert by_name.returncode == 0 and json.loads(by_name.stdout) == json.loads(by_code.stdout)
    done = kb("search", "COSME", "--country", "JP", index=cli_index)
    assert done.returncode == 0 and "no documents match" in done.stdout
    assert "without the filters this search finds 1 document\n" in done.stdout
    assert "1 document; showing 1" in kb("search", "COSME", index=cli_index).stdout


def test_terminal_escapes_and_forged_report_lines_are_neutralised(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    write(
        corpus / "ansi.txt",
        "Rede \x1b[2J\x1b[31mvermelha\x1b[0m de empresas\n\n" + PT + "\x07 fim \x1b]0;pwned\x07 ok",
    )
    forged = corpus / "x\nadded 999, updated 0, unchanged 0, failed 0.md"
    forged.write_bytes(b"")
    done = kb("ingest", str(corpus), index=tmp_path / "idx")
    assert done.returncode == 2
    assert not any(line.startswith("added 999") for line in done.stdout.splitlines())
    assert "x\\nadded 999" in done.stdout, "the newline is shown escaped, on the failure's own line"
    found = kb("search", "vermelha", index=tmp_path / "idx")
    assert "vermelha" in found.stdout
    assert "\x1b" not in found.stdout and "\x07" not in found.stdout


def test_nul_bytes_anywhere_mean_binary(tmp_path: Path) -> None:
    from ingest.readers.text import decode
    from kb.errors import UnreadableFile

    with pytest.raises(UnreadableFile, match="binary"):
        decode(("Texto comum. " * 800).encode() + b"\x00\x00\x00 resto")


def test_programmes_lists_proposed_names_and_confirms_one(tmp_path: Path, small_corpus: Path) -> None:
    from kb.taxonomy import programme_registry

    registry = tmp_path / "programmes.yaml"
    registry.write_text(programme_registry().read_text(encoding="utf-8"), encoding="utf-8")
    env = {"KB_PROGRAMME_REGISTRY": str(registry)}
    write(
        small_corpus / "queijos.txt",
        "Rede de queijarias\n\nO programa Queijos da Serra Gaúcha apoia queijarias. " + PT,
    )
    index = tmp_path / "index"
    assert kb("ingest", str(small_corpus), index=index, env=env).returncode == 0
    listed = kb("programmes", "--json", index=index, env=env)
    assert listed.returncode == 0, listed.stderr
    assert {"name": "Queijos da Serra Gaúcha", "documents": 1} in json.loads(listed.stdout)
    done = kb(
        "programmes",
        "--confirm",
        "Queijos da Serra Gaúcha",
        "--country",
        "BR",
        "--json",
        index=index,
        env=env,
    )
    assert json.loads(done.stdout) == {"confirmed": "Queijos da Serra Gaúcha", "documents": 1}
    assert "Queijos da Serra Gaúcha" in registry.read_text(encoding="utf-8")
    assert json.loads(kb("programmes", "--json", index=index, env=env).stdout) == []
    bad = kb("programmes", "--confirm", "X", "--country", "Atlantis", index=index, env=env)
    assert bad.returncode != 0 and "unknown country" in bad.stderr


@pytest.mark.parametrize(
    "writes",
    [
        "from kb.cli.common import emit_json; emit_json([{'title': 'x' * 200}] * 5000)",  # --json
        "from kb.cli.common import out\nfor i in range(5000): out.print('result line ' * 20)",  # text
    ],
)
def test_a_reader_that_stops_early_is_no_error(writes: str) -> None:
    """ "kb search … | head -1": output larger than the pipe into a reader already gone exits 0
    (typer and rich exit 1 for it), with nothing on stderr."""
    import sys

    child = subprocess.Popen(
        [sys.executable, "-c", f"import time; time.sleep(0.5)\n{writes}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader stops before the first line
    assert child.wait(timeout=60) == 0
    assert child.stderr.read() == b""
