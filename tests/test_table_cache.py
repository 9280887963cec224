"""The on-disk cache of derived tables: read back when the key matches, rebuilt otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.metadata import gazetteer
from ingest.metadata.table_cache import cached_table
from kb.taxonomy import default_taxonomy


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KB_CACHE_DIR", str(folder))
    return folder


def counting_build(table: dict[str, str]) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> dict[str, str]:
        calls.append(1)
        return dict(table)

    return calls, build


def test_a_table_is_built_once_then_read_back(cache: Path) -> None:
    calls, build = counting_build({"Minas Gerais": "BR"})
    assert cached_table("places", ["v1"], build) == {"Minas Gerais": "BR"}
    assert cached_table("places", ["v1"], build) == {"Minas Gerais": "BR"}
    assert len(calls) == 1
    assert [p.name.startswith("places-") for p in cache.iterdir()] == [True]


def test_a_new_key_builds_again_and_drops_the_old_file(cache: Path) -> None:
    cached_table("places", ["v1"], lambda: {"Prato": "IT"})
    calls, build = counting_build({"Prato": "IT", "Sousse": "TN"})
    assert cached_table("places", ["v2"], build) == {"Prato": "IT", "Sousse": "TN"}
    assert len(calls) == 1
    assert len(list(cache.glob("places-*.json"))) == 1


def test_a_corrupt_file_is_rebuilt(cache: Path) -> None:
    cached_table("towns", ["v1"], lambda: {"Jaú": "BR"})
    (stored,) = cache.glob("towns-*.json")
    stored.write_text('{"Jaú": "B', encoding="utf-8")  # a half-written file from an older writer
    calls, build = counting_build({"Jaú": "BR"})
    assert cached_table("towns", ["v1"], build) == {"Jaú": "BR"}
    assert len(calls) == 1
    assert cached_table("towns", ["v1"], build) == {"Jaú": "BR"} and len(calls) == 1


def test_an_unwritable_cache_still_gives_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("KB_CACHE_DIR", str(blocker / "praxis"))
    calls, build = counting_build({"Lecco": "IT"})
    assert cached_table("towns", ["v1"], build) == {"Lecco": "IT"}
    assert cached_table("towns", ["v1"], build) == {"Lecco": "IT"}
    assert len(calls) == 2  # nothing could be stored, so nothing is read back
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_the_gazetteer_reads_back_what_it_would_build(cache: Path) -> None:
    names = frozenset(n for found in default_taxonomy().country_names().values() for n in found)
    key = gazetteer._table_key(names)
    built = gazetteer._build_place_countries(names)
    assert cached_table("places", key, lambda: built) == built
    assert cached_table("places", key, lambda: {}) == built  # read from disk, not built
    assert built["Bangalore"] == "IN" and built["Medellín"] == "CO"
