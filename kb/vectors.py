"""The FAISS side of the index: inner-product search keyed by chunk id.

Small collections get an exact index (``IndexIDMap2`` over ``IndexFlatIP``); large ones an
inverted-file index with 8-bit scalar quantisation (IVF-SQ8), a quarter of the memory and a
few percent of the vectors visited per query (see :mod:`kb.vector_layout`, which chooses).
The vectors are also kept in the catalogue, which is the source of truth; the FAISS file
is a fast copy written atomically and rebuilt from the catalogue whenever the two disagree
(for instance after a crash between their writes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import faiss
import numpy as np

NARROW_SHARE = 0.05
"""A filter allowing at most this share of the passages is searched by scoring exactly
those passages' vectors: cheaper than visiting every vector with an id selector, and
complete even where an approximate index would probe too few lists to fill the page."""


class VectorIndex:
    """Chunk ids to vectors, searched by inner product, exactly or approximately."""

    def __init__(self, dimension: int, index: faiss.Index | None = None) -> None:
        self.dimension = dimension
        self._index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        self._selector: tuple[np.ndarray, faiss.IDSelector] | None = None

    def __len__(self) -> int:
        return int(self._index.ntotal)

    @property
    def approximate(self) -> bool:
        return isinstance(self._index, faiss.IndexIVF)

    @property
    def lists(self) -> int:
        """How many inverted lists an approximate index has (0 for an exact one)."""
        return int(self._index.nlist) if self.approximate else 0

    def describe(self) -> dict[str, object]:
        """What kind of index this is and how it searches (for the manifest and ``kb stats``)."""
        if not self.approximate:
            return {"kind": "exact (flat inner product)"}
        return {"kind": "IVF-SQ8", "lists": self.lists, "probes": int(self._index.nprobe)}

    def add(self, ids: Iterable[int], vectors: np.ndarray) -> None:
        id_array = np.fromiter(ids, dtype=np.int64)
        if len(id_array) == 0:
            return
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.shape != (len(id_array), self.dimension):
            raise ValueError(f"expected {(len(id_array), self.dimension)} vectors, got {vectors.shape}")
        self._index.add_with_ids(vectors, id_array)

    def remove(self, ids: Iterable[int]) -> None:
        id_array = np.fromiter(ids, dtype=np.int64)
        if len(id_array):  # an IVF index's id table removes from an explicit array only
            selector = faiss.IDSelectorArray if self.approximate else faiss.IDSelectorBatch
            self._index.remove_ids(selector(id_array))

    def copy(self) -> VectorIndex:
        """An independent copy (changed while the original keeps serving searches)."""
        return VectorIndex(self.dimension, with_id_table(faiss.clone_index(self._index)))

    def ids(self) -> np.ndarray:
        """All stored chunk ids (order unspecified)."""
        if not self.approximate:
            return faiss.vector_to_array(self._index.id_map).astype(np.int64)
        lists = self._index.invlists
        parts = [
            faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
            for i in range(lists.nlist)
            if lists.list_size(i)
        ]
        return np.concatenate(parts).astype(np.int64) if parts else np.empty(0, np.int64)

    def reconstruct(self, chunk_id: int) -> np.ndarray:
        """The stored vector of one chunk id (decoded, so approximate in an IVF-SQ8 index)."""
        return self._index.reconstruct(chunk_id)

    def search(
        self, query: np.ndarray, k: int, allowed_ids: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (ids, scores); ``allowed_ids`` restricts the search inside FAISS."""
        if len(self) == 0 or k <= 0:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        query = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dimension)
        params = None
        if allowed_ids is not None:
            if len(allowed_ids) == 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            if len(allowed_ids) <= NARROW_SHARE * len(self):
                return self._score_exactly(query[0], np.asarray(allowed_ids, dtype=np.int64), k)
            selector = self._selector_for(allowed_ids)
            params = (
                faiss.SearchParametersIVF(sel=selector, nprobe=self._index.nprobe)
                if self.approximate
                else faiss.SearchParameters(sel=selector)
            )
            k = min(k, len(allowed_ids))
        k = min(k, len(self))
        scores, ids = self._index.search(query, k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def _selector_for(self, allowed_ids: np.ndarray) -> faiss.IDSelector:
        """The last selector again when asked for the same (read-only, shared) id array: the
        catalogue hands out one array per filter until the collection changes."""
        last = self._selector
        if last is not None and last[0] is allowed_ids and not allowed_ids.flags.writeable:
            return last[1]
        selector = faiss.IDSelectorBatch(np.asarray(allowed_ids, dtype=np.int64))
        self._selector = (allowed_ids, selector)
        return selector

    def _score_exactly(self, query: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        vectors = self._index.reconstruct_batch(ids)
        scores = vectors @ query
        top = np.argsort(-scores, kind="stable")[:k]
        return ids[top], scores[top].astype(np.float32)

    def save(self, path: Path) -> None:
        """Write beside the target and rename, so readers never see half a file."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        faiss.write_index(self._index, str(tmp))
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path, dimension: int) -> VectorIndex:
        index = faiss.read_index(str(path))  # SWIG hands back the concrete class
        if index.d != dimension:
            raise ValueError(f"{path} holds {index.d}-d vectors, expected {dimension}")
        return cls(dimension, with_id_table(index))


def with_id_table(index: faiss.Index) -> faiss.Index:
    """An IVF index with its id → list table, which removals and reconstruction need (kept in
    its file, lost by a clone); other indexes as they are."""
    if isinstance(index, faiss.IndexIVF) and index.direct_map.type != faiss.DirectMap.Hashtable:
        index.set_direct_map_type(faiss.DirectMap.Hashtable)
    return index
