"""An index opened as one object: manifest, store and embedder.

An index is a folder (the embedded store) or a PostgreSQL database (``postgresql://…``,
:mod:`kb.postgres_store`, whose manifest is a row of its ``meta`` table). Layout of a folder::

    manifest.json   how the index was built (embedder, dimension, chunking, schema)
    kb.sqlite       the catalogue, source of truth (vectors included)
    vectors.faiss   a FAISS copy of the vectors for fast search
    .write.lock     held by the one process allowed to write
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from kb.config import DEFAULT_EMBEDDER, ChunkingSettings, IndexLocation, SearchSettings, is_database, redacted
from kb.embedded_store import CATALOGUE, VECTORS, EmbeddedStore
from kb.embedders import Embedder, load_embedder
from kb.errors import DocumentNotFound, EmbedderMismatch, IndexNotFound
from kb.facets import FACET_FIELDS
from kb.language_profile import LanguageProfile
from kb.manifest import MANIFEST, Manifest, finish_interrupted_restore
from kb.models import Document, NewDocument, SearchResult
from kb.opening import check_embedder, create_index, index_exists, new_manifest, open_database
from kb.related import DocumentSpace, Related
from kb.request import SearchRequest
from kb.search import Searcher
from kb.store import Store
from kb.taxonomy import default_taxonomy
from kb.text import fold
from kb.write_lock import LOCK

__all__ = ["CATALOGUE", "LOCK", "MANIFEST", "VECTORS", "KnowledgeBase", "Manifest"]


def slugify(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:limit].rstrip("-") or "document"


class KnowledgeBase:
    """The collection: add, replace, remove and search documents."""

    def __init__(
        self,
        index_dir: IndexLocation,
        manifest: Manifest,
        embedder: Embedder | None = None,
        search_settings: SearchSettings | None = None,
        store: Store | None = None,
    ) -> None:
        self.index_dir = index_dir
        self.manifest = manifest
        self._embedder = embedder
        self.store = store or EmbeddedStore(Path(index_dir), manifest.dimension)
        self._search_settings = search_settings or SearchSettings()
        self._store_changed()

    # -- opening ------------------------------------------------------------

    exists = staticmethod(index_exists)  # whether an index lives there (folder or database)

    @classmethod
    def open(
        cls,
        index_dir: IndexLocation,
        embedder: Embedder | str | None = None,
        *,
        create: bool = False,
        chunking: ChunkingSettings | None = None,
        search_settings: SearchSettings | None = None,
    ) -> KnowledgeBase:
        """Open an index; ``create`` makes a new one if the folder holds none.

        ``embedder`` may be an instance, a spec string, or None for the one the
        index was built with (the default model for a new index).
        """
        if is_database(index_dir):  # its manifest is a row of the database
            manifest, instance, store = open_database(str(index_dir), embedder, create, chunking)
            return cls(index_dir, manifest, instance, search_settings, store)
        index_dir = Path(index_dir)
        if index_dir.exists() and not index_dir.is_dir():
            raise IndexNotFound(f"{index_dir} is a file, not an index folder; choose a folder with --index")
        finish_interrupted_restore(index_dir)
        manifest_path = index_dir / MANIFEST
        if not manifest_path.exists():
            if not create:
                raise IndexNotFound(
                    f"no index in {index_dir}/; build one with: kb ingest corpus/ --index {index_dir}"
                )
            return cls._create(index_dir, embedder or DEFAULT_EMBEDDER, chunking, search_settings)
        manifest = Manifest.read(manifest_path)
        check_embedder(manifest, embedder, f"{index_dir}/")
        instance = embedder if isinstance(embedder, Embedder) else None
        return cls(index_dir, manifest, instance, search_settings)

    @classmethod
    def _create(
        cls,
        index_dir: Path,
        embedder: Embedder | str,
        chunking: ChunkingSettings | None,
        search_settings: SearchSettings | None,
    ) -> KnowledgeBase:
        """A new, empty index whose manifest records how it will be built."""
        instance = embedder if isinstance(embedder, Embedder) else load_embedder(embedder)
        manifest = new_manifest(instance, chunking)
        return cls(index_dir, manifest, instance, search_settings, create_index(index_dir, manifest))

    @classmethod
    def create_like(cls, location: IndexLocation, manifest: Manifest) -> KnowledgeBase:
        """A new, empty index built as another one was (to copy it without embedding again)."""
        return cls(location, manifest, None, None, create_index(location, manifest))

    @property
    def where(self) -> str:
        """The index for messages: its folder, or its database address without the password."""
        return f"{self.index_dir}/" if isinstance(self.index_dir, Path) else redacted(self.index_dir)

    @property
    def embedder(self) -> Embedder:
        """The embedder that built the index, loaded on first use (show and stats need none)."""
        if self._embedder is None:
            self._embedder = load_embedder(self.manifest.embedder)
        if self._embedder.dimension != self.manifest.dimension:
            raise EmbedderMismatch(
                f"embedder {self._embedder.spec!r} gives {self._embedder.dimension}-d vectors but "
                f"{self.where} holds {self.manifest.dimension}-d ones; delete it and ingest again"
            )
        return self._embedder

    @property
    def languages(self) -> LanguageProfile:
        """Passage groups and centroids per language, recomputed after any write."""
        if self._languages is None:
            self._languages = LanguageProfile.from_store(self.store)
        return self._languages

    @property
    def space(self) -> DocumentSpace:
        """Document vectors for similar practices and language versions, recomputed after writes."""
        if self._space is None:
            self._space = DocumentSpace(self.store, self.manifest.dimension)
        return self._space

    def similar(self, doc_id: str, k: int = 5) -> list[Related]:
        self.refresh()
        return self.space.similar(doc_id, k)

    def other_languages(self, doc_id: str) -> list[Related]:
        self.refresh()
        return self.space.other_languages(doc_id)

    def refresh(self) -> bool:
        """Pick up changes another process committed; True if there were any.

        ``kb restore`` swaps in a whole new index folder: then the manifest, embedder and
        vectors may all differ, so everything is opened again.
        """
        state = self.store.refresh()
        if state == "replaced":
            self._reopen()
        if state != "unchanged":
            self._store_changed()
        return state != "unchanged"

    def _reopen(self) -> None:
        """After a restore (index folders only)."""
        index_dir = Path(self.index_dir)
        self.store.close()
        self.manifest = Manifest.read(index_dir / MANIFEST)
        if self._embedder is not None and self._embedder.spec != self.manifest.embedder:
            self._embedder = None  # the restored index was built with another model
        self.store = EmbeddedStore(index_dir, self.manifest.dimension)

    def close(self) -> None:
        self.store.close()

    def verify(self) -> list[str]:
        """Inconsistencies between the index's parts (empty when all is well)."""
        return self.store.verify()

    # -- writing ------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[KnowledgeBase]:
        """Hold the write lock (one writer per index); changes are visible to readers as they commit.

        A restore done since the last search is picked up first, so writes go into the restored
        index; one that lands in the instant before the lock is taken is refused (IndexReplaced).
        """
        self.refresh()
        with self.store.writing():
            self._store_changed()
            yield self
        if self.manifest.vector_index != self.store.vector_index():  # exact ↔ approximate
            self.manifest = replace(self.manifest, vector_index=self.store.vector_index())
            self._save_manifest()

    def set_ingest_version(self, version: int) -> None:
        """Record which version of the ingest pipeline last brought every file up to date."""
        self.manifest = replace(self.manifest, ingest_version=version)
        self._save_manifest()

    def _save_manifest(self) -> None:
        if isinstance(self.index_dir, Path):
            self.manifest.write(self.index_dir / MANIFEST)
        else:
            self.store.write_manifest(asdict(self.manifest))  # type: ignore[attr-defined]

    def stored_hash(self, path: str) -> tuple[str, str] | None:
        """(doc_id, content_hash) stored for a file path, if any."""
        return self.store.find_by_path(path)

    def put(self, doc: NewDocument, vectors: np.ndarray) -> str:
        """Add a document, or replace the one stored for the same path; returns its id."""
        known = self.store.find_by_path(doc.path)
        doc_id = known[0] if known else self._new_doc_id(doc.path)
        self.store.upsert(doc_id, doc, vectors)
        self._store_changed()
        return doc_id

    def _store_changed(self) -> None:
        """Drop what was derived from the store's old contents."""
        self._languages: LanguageProfile | None = None
        self._space: DocumentSpace | None = None

    def _new_doc_id(self, path: str) -> str:
        base = slugify(Path(path).stem)
        candidate, n = base, 1
        while self.store.doc_id_taken(candidate):
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def remove(self, doc_id: str) -> None:
        if not self.store.doc_id_taken(doc_id):
            raise DocumentNotFound(f"no document {doc_id!r} in {self.where}")
        self.store.delete(doc_id)
        self._store_changed()

    def log_ingest(self, path: str, status: str, reason: str = "", detail: str = "") -> None:
        self.store.log_ingest(path, status, reason, detail)

    # -- reading ------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        found = self.store.documents([doc_id]).get(doc_id)
        if found is None:
            raise DocumentNotFound(f"no document {doc_id!r} in {self.where}")
        return found

    def passages(self, doc_id: str) -> list[tuple[int, str, int | None]]:
        self.document(doc_id)
        return self.store.passages(doc_id)

    def search(self, request: SearchRequest) -> SearchResult:
        """Filters may use any alias ("Brasil", "programa COSME"); they are made canonical here."""
        self.refresh()
        taxonomy = default_taxonomy()
        filters = {
            name: tuple(taxonomy.canonical(name, value) for value in values)
            for name, values in request.filters.items()
        }
        return self.searcher().search(replace(request, filters=filters))

    @property
    def search_settings(self) -> SearchSettings:
        """How this object ranks, fixed when it was opened (see :meth:`using`)."""
        return self._search_settings

    def using(self, settings: SearchSettings) -> KnowledgeBase:
        """The same open index ranking with other settings (evaluation modes, experiments)."""
        other = copy.copy(self)
        other._search_settings = settings
        other._store_changed()
        return other

    def searcher(self) -> Searcher:
        """One search's worth of state over the current index (benchmarks use its parts)."""
        return Searcher(self.store, self.embedder, self.search_settings, self.languages)

    def stats(self) -> dict[str, object]:
        all_ids = self.store.all_doc_ids()
        facets = self.store.facet_counts(all_ids, FACET_FIELDS)
        return {
            **self.store.counts(),
            "embedder": self.manifest.embedder,
            "dimension": self.manifest.dimension,
            "vector_index": self.store.vector_index(),
            "facets": {f: {c.value: c.count for c in counts} for f, counts in facets.items()},
        }
