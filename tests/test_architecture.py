"""The house plan's size rules (docs/architecture.md); the import layers are checked by lint-imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40
SOURCES = sorted(
    path
    for folder in ("kb", "ingest", "app_pages")
    for path in (REPO / folder).rglob("*.py")
    if path.name != "i18n.py"  # the message table: data, one entry per message
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{path.name}: split it by concern"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{path.name}: {', '.join(long)}"


def test_package_inits_stay_lean() -> None:
    for package in ("kb", "ingest", "app_pages"):
        tree = ast.parse((REPO / package / "__init__.py").read_text(encoding="utf-8"))
        assert not [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)], package
