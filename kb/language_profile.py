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
    counts: dict[str, int]  # language → passages
    centroids: dict[str, np.ndarray]  # language → mean passage vector

    @classmethod
    def from_store(cls, store: Store) -> LanguageProfile:
        """From the store's running per-language totals: no scan of the vectors."""
        stats = store.language_stats()
        counts = {lang: n for lang, (n, _) in stats.items()}
        centroids = {lang: (total / n).astype(np.float32) for lang, (n, total) in stats.items()}
        return cls(counts, centroids)

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
        return self.counts[language] / self.total if self.total else 1.0

    @property
    def total(self) -> int:
        """How many passages the collection holds."""
        return sum(self.counts.values())
