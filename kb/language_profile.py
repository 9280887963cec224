"""Per-language passage groups and mean vectors, to take the language pull out of dense scores.

Multilingual embedders score a query higher against passages in its own language
whatever they say. Subtracting the similarity between the query and each
language's mean passage vector (its centroid) removes that shared offset, so a
Portuguese question can rank an Italian answer above a Portuguese near-miss.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kb.store import Store


@dataclass(frozen=True)
class LanguageProfile:
    groups: dict[str, np.ndarray]  # language → sorted chunk ids
    centroids: dict[str, np.ndarray]  # language → mean passage vector

    @classmethod
    def from_store(cls, store: Store) -> LanguageProfile:
        ids: dict[str, list[int]] = {}
        sums: dict[str, np.ndarray] = {}
        for row in store.chunk_vectors():
            ids.setdefault(row.language, []).append(row.chunk_id)
            if row.language in sums:
                sums[row.language] += row.vector
            else:
                sums[row.language] = row.vector.astype(np.float64)
        groups = {lang: np.sort(np.asarray(v, dtype=np.int64)) for lang, v in ids.items()}
        centroids = {lang: (sums[lang] / len(ids[lang])).astype(np.float32) for lang in ids}
        return cls(groups, centroids)

    def offsets(self, query: np.ndarray, weight: float) -> dict[str, float]:
        """How much to subtract from a dense score, per passage language."""
        return {lang: weight * float(query @ centroid) for lang, centroid in self.centroids.items()}

    def closest_share(self, query: np.ndarray) -> float:
        """The share of passages written in the language the query seems to be in.

        The query's language is the one whose centroid it is closest to. Lexical matching can
        only meet passages in the query's own words, so its evidence counts for more when most
        of the collection shares the query's language.
        """
        if not self.centroids:
            return 1.0
        language = max(self.centroids, key=lambda lang: float(query @ self.centroids[lang]))
        return len(self.groups[language]) / self.total if self.total else 1.0

    def language_of(self, chunk_ids: np.ndarray) -> list[str]:
        """Each chunk's passage language (binary search in the sorted groups: no full scan)."""
        out = [""] * len(chunk_ids)
        ids = np.asarray(chunk_ids, dtype=np.int64)
        for language, group in self.groups.items():
            at = np.searchsorted(group, ids)
            inside = (at < len(group)) & (group[np.minimum(at, len(group) - 1)] == ids)
            for i in np.flatnonzero(inside):
                out[i] = language
        return out

    @property
    def total(self) -> int:
        """How many passages the collection holds."""
        return sum(len(ids) for ids in self.groups.values())
