"""Opening an index where it lives: the manifest a new index starts with, the check that an
index is searched with the model that built it, and an index in a PostgreSQL database."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from kb.catalogue_logs import utc_now
from kb.config import DEFAULT_EMBEDDER, ChunkingSettings, IndexLocation, is_database, redacted
from kb.embedded_store import EmbeddedStore
from kb.embedders import Embedder, load_embedder
from kb.errors import EmbedderMismatch, IndexNotFound
from kb.manifest import MANIFEST, Manifest
from kb.store import Store


def new_manifest(embedder: Embedder, chunking: ChunkingSettings | None) -> Manifest:
    return Manifest(
        embedder=embedder.spec,
        dimension=embedder.dimension,
        chunking=asdict(chunking or ChunkingSettings()),
        created_at=utc_now(),
    )


def check_embedder(manifest: Manifest, embedder: Embedder | str | None, where: str) -> None:
    """An index is only searched with the model that built it."""
    requested = embedder.spec if isinstance(embedder, Embedder) else embedder
    if requested and requested != manifest.embedder:
        raise EmbedderMismatch(
            f"{where} was built with embedder {manifest.embedder!r} ({manifest.dimension}-d), not "
            f"{requested!r}; to switch, delete {where} and run: kb ingest corpus/ --index {where} "
            f"--embedder {requested}"
        )


def create_index(location: IndexLocation, manifest: Manifest) -> Store:
    """A new, empty index at ``location`` whose manifest records how it will be built."""
    if is_database(location):
        from kb.postgres_store import PostgresStore

        store = PostgresStore(str(location), manifest.dimension)
        store.write_manifest(asdict(manifest))
        return store
    folder = Path(location)
    folder.mkdir(parents=True, exist_ok=True)
    manifest.write(folder / MANIFEST)
    return EmbeddedStore(folder, manifest.dimension)


def index_exists(location: IndexLocation) -> bool:
    """Whether an index lives there: a folder with a manifest, a database with one."""
    if is_database(location):
        from kb.postgres_schema import read_manifest

        return read_manifest(str(location)) is not None
    return (Path(location) / MANIFEST).exists()


def open_database(
    url: str, embedder: Embedder | str | None, create: bool, chunking: ChunkingSettings | None
) -> tuple[Manifest, Embedder | None, Store]:
    """(manifest, embedder if one was given or loaded, store) of the index in a database; a new
    one is created there when ``create`` (its manifest written to the database first)."""
    from kb.postgres_schema import read_manifest
    from kb.postgres_store import PostgresStore

    data = read_manifest(url)
    if data is None:
        if not create:
            raise IndexNotFound(f"no index in {redacted(url)}; build one with: kb ingest corpus/ --index URL")
        instance = embedder if isinstance(embedder, Embedder) else load_embedder(embedder or DEFAULT_EMBEDDER)
        manifest = new_manifest(instance, chunking)
        return manifest, instance, create_index(url, manifest)
    manifest = Manifest.parse(data, redacted(url))
    check_embedder(manifest, embedder, redacted(url))
    instance = embedder if isinstance(embedder, Embedder) else None
    return manifest, instance, PostgresStore(url, manifest.dimension)
