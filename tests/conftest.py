"""Shared fixtures: a fast index on the hashing embedder, and one real index per session.

The real index uses the bundled multilingual model on the shipped sample corpus;
it is built once (about 15 s) and shared read-only by the tests that need real
cross-lingual meaning. Everything else runs on the deterministic hashing embedder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# the derived place tables go to a cache of this session's own, not the user's ~/.cache
os.environ.setdefault("KB_CACHE_DIR", tempfile.mkdtemp(prefix="praxis-test-cache-"))

from ingest.pipeline import ingest_paths  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.embedders import HashingEmbedder  # noqa: E402
from kb.knowledge_base import KnowledgeBase  # noqa: E402

pytest_plugins = ["tests.browser_harness", "tests.postgres_harness"]  # browser and PostgreSQL fixtures

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
APP = str(REPO / "app.py")


@pytest.fixture(autouse=True)
def _no_env_leaks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("KB_INDEX", "KB_EMBEDDER", "KB_MAX_FILE_MB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(
        "KB_FILES_DIR", str(tmp_path / "curator-files")
    )  # an index in a database keeps them here


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


TEST_STORE = os.environ.get("KB_TEST_STORE", "folder")
"""``KB_TEST_STORE=postgres`` runs the tests built on ``settings`` against a PostgreSQL database."""


@pytest.fixture
def settings(tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    if TEST_STORE == "postgres":
        return Settings(index_dir=request.getfixturevalue("postgres_database"), embedder="hash")
    return Settings(index_dir=tmp_path / "index", embedder="hash")


@pytest.fixture
def hash_kb(settings: Settings) -> KnowledgeBase:
    return KnowledgeBase.open(settings.index_dir, HashingEmbedder(), create=True)


PT = (
    "O arranjo produtivo local de móveis organizou uma central de compras conjuntas. "
    "As pequenas empresas negociam juntas a compra de chapas e ferragens com os fornecedores. "
    "O Sebrae apoiou a capacitação dos empresários em gestão de estoques."
)
IT = (
    "Il contratto di rete permette alle piccole imprese di collaborare su un programma comune. "
    "Le reti partecipano insieme a gare, condividono un ufficio export e fanno acquisti congiunti. "
    "Molte reti nascono dentro i distretti industriali."
)
EN = (
    "The COSME programme funded European cluster partnerships to help small firms go international. "
    "Cluster organisations shared the cost of missions, trade fairs and market studies. "
    "The partnerships targeted markets such as Brazil, Japan and the United States."
)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    write(folder / "compras.txt", "Central de compras no APL moveleiro\n\n" + PT)
    write(folder / "reti.md", "# Contratti di rete in Italia\n\n" + IT)
    write(
        folder / "cosme.html",
        f"<html><head><title>COSME clusters</title></head><body><main><h1>COSME clusters</h1><p>{EN}</p></main></body></html>",
    )
    return folder


@pytest.fixture
def small_kb(hash_kb: KnowledgeBase, small_corpus: Path, settings: Settings) -> KnowledgeBase:
    report = ingest_paths(hash_kb, [small_corpus], settings)
    assert report.counts["added"] == 3, report.as_dict()
    return hash_kb


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus indexed with the bundled multilingual model (built once)."""
    work = tmp_path_factory.mktemp("real")
    corpus = shutil.copytree(CORPUS, work / "corpus")  # a curator's removal in a test moves its file
    index_dir = work / "index"
    settings = Settings(index_dir=index_dir)
    kb = KnowledgeBase.open(index_dir, create=True)
    report = ingest_paths(kb, [corpus], settings)
    assert not report.failures, report.as_dict()
    kb.close()
    return index_dir


def run_kb(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The ``kb`` command line in a child process (hash embedder unless ``env`` says otherwise)."""
    environment = {**os.environ, "KB_EMBEDDER": "hash", **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", "from kb.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


@pytest.fixture
def app(small_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app (search page first) driven by Streamlit's AppTest on the small index."""
    monkeypatch.setenv("KB_INDEX", str(small_kb.index_dir))
    return AppTest.from_file(APP, default_timeout=60)


def page_html(at: AppTest) -> str:
    """Every st.html block the page drew, as one text."""
    return "".join(element.proto.body for element in at.get("html"))
