"""The learned theme model of the bundled embedder: one logistic model per theme over the
document's vector evidence (:func:`ingest.metadata.themes.embedding_features`) and its words
(:mod:`ingest.metadata.theme_words`), fitted by ``bench/theme_model.py --fit``.

Stored in one ``.npz``: the key of the embedder and themes it was fitted for, the vector
weights (themes × features, the bias first), the word weights (themes × stems), the stems and
their idf.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from ingest.metadata.theme_words import StemWeights


@dataclass(frozen=True)
class ThemeModel:
    vector_weights: np.ndarray  # themes × embedding features, the first column the bias
    word_weights: np.ndarray  # themes × stems
    stems: StemWeights

    @property
    def themes(self) -> int:
        return self.vector_weights.shape[0]

    def logits(self, features: np.ndarray, text: str) -> np.ndarray:
        """Per theme, the log-odds that a labeller would name it."""
        columns, values = self.stems.weighed(text)
        return self.vector_weights @ features + self.word_weights[:, columns] @ values

    def probabilities(self, features: np.ndarray, text: str) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(features, text)))

    def save(self, target: Path, key: str) -> None:
        np.savez_compressed(
            target,
            key=np.array(key),
            weights=self.vector_weights.astype(np.float32),
            word_weights=self.word_weights.astype(np.float32),
            stems=np.array(self.stems.stems),
            idf=self.stems.idf.astype(np.float32),
        )


def read_theme_model(handle: IO[bytes], key: str) -> ThemeModel | None:
    """The model stored in ``handle``, if it was fitted for ``key`` (an older file, without
    word weights, is not used)."""
    with np.load(handle) as stored:
        if str(stored["key"]) != key or "word_weights" not in stored:
            return None
        return ThemeModel(
            stored["weights"].astype(np.float64),
            stored["word_weights"].astype(np.float64),
            StemWeights(stored["stems"].tolist(), stored["idf"]),
        )
