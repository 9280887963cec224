"""The learned theme model of the bundled embedder: logistic models over the document's vector
evidence (:func:`ingest.metadata.themes.embedding_features`) and its words
(:mod:`ingest.metadata.theme_words`), fitted by ``bench/theme_model.py --fit``: first whether the
document is about the field at all, then, one per theme, whether a labeller would name the theme.

Stored in one ``.npz``: the key of the embedder and themes it was fitted for, the vector
weights (1 + themes rows × features, the bias first), the word weights (1 + themes rows × stems),
the stems and their idf.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from ingest.metadata.theme_words import StemWeights

FORMAT = 2
"""The layout of the stored arrays: 2 puts the row about the field first (1 had theme rows only)."""


@dataclass(frozen=True)
class ThemeModel:
    vector_weights: np.ndarray  # about the field, then one row per theme × features, the bias first
    word_weights: np.ndarray  # the same rows × stems
    stems: StemWeights

    @property
    def themes(self) -> int:
        return self.vector_weights.shape[0] - 1

    def logits(self, features: np.ndarray, text: str) -> np.ndarray:
        """The log-odds that the document is about the field, then per theme that a labeller
        would name it."""
        columns, values = self.stems.weighed(text)
        return self.vector_weights @ features + self.word_weights[:, columns] @ values

    def probabilities(self, features: np.ndarray, text: str) -> tuple[float, np.ndarray]:
        """The probability that the document is about the field, and the themes' probabilities."""
        p = 1.0 / (1.0 + np.exp(-self.logits(features, text)))
        return float(p[0]), p[1:]

    def save(self, target: Path, key: str) -> None:
        np.savez_compressed(
            target,
            key=np.array(key),
            format=np.array(FORMAT),
            weights=self.vector_weights.astype(np.float32),
            word_weights=self.word_weights.astype(np.float32),
            stems=np.array(self.stems.stems),
            idf=self.stems.idf.astype(np.float32),
        )


def read_theme_model(handle: IO[bytes], key: str) -> ThemeModel | None:
    """The model stored in ``handle``, if it was fitted for ``key`` (a file of an older layout is
    not used)."""
    with np.load(handle) as stored:
        if str(stored["key"]) != key or "format" not in stored or int(stored["format"]) != FORMAT:
            return None
        return ThemeModel(
            stored["weights"].astype(np.float64),
            stored["word_weights"].astype(np.float64),
            StemWeights(stored["stems"].tolist(), stored["idf"]),
        )
