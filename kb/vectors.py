"""The FAISS side of the index: exact inner-product search keyed by chunk id.

The vectors are also kept in the catalogue, which is the source of truth; the
FAISS file is a fast copy written atomically and rebuilt from the catalogue
whenever the two disagree (for instance after a crash between their writes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import faiss
import numpy as np


class VectorIndex:
    """``IndexIDMap2`` over ``IndexFlatIP``: ids are chunk ids, so documents can be replaced."""

    def __init__(self, dimension: int, index: faiss.Index | None = None) -> None:
        self.dimension = dimension
        self._index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))

    def __len__(self) -> int:
        return int(self._index.ntotal)

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
        if len(id_array):
            self._index.remove_ids(faiss.IDSelectorBatch(id_array))

    def ids(self) -> np.ndarray:
        """All stored chunk ids (order unspecified)."""
        return faiss.vector_to_array(self._index.id_map).astype(np.int64)

    def reconstruct(self, chunk_id: int) -> np.ndarray:
        """The stored vector of one chunk id."""
        return self._index.reconstruct(chunk_id)

    def search(
        self, query: np.ndarray, k: int, allowed_ids: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (ids, scores); ``allowed_ids`` restricts the search inside FAISS."""
        if len(self) == 0 or k <= 0:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        params = None
        if allowed_ids is not None:
            if len(allowed_ids) == 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            selector = faiss.IDSelectorBatch(np.asarray(allowed_ids, dtype=np.int64))
            params = faiss.SearchParameters(sel=selector)
            k = min(k, len(allowed_ids))
        k = min(k, len(self))
        query = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dimension)
        scores, ids = self._index.search(query, k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def save(self, path: Path) -> None:
        """Write beside the target and rename, so readers never see half a file."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        faiss.write_index(self._index, str(tmp))
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path, dimension: int) -> VectorIndex:
        index = faiss.read_index(str(path))
        if index.d != dimension:
            raise ValueError(f"{path} holds {index.d}-d vectors, expected {dimension}")
        return cls(dimension, index)
