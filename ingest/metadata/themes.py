"""Themes of a document: zero-shot similarity to theme descriptions plus keyword evidence.

Descriptions are written in pt, it and en, and each theme takes its best language,
so a theme is not favoured for sharing the document's language. Keywords (word
beginnings in the three languages) count how densely the text talks about a theme.
Both scores are made relative to the document's own average across themes, and a
theme is kept when the sum stands out by at least ``THRESHOLD``.

Calibrated on eval/metadata.yaml (41 documents): description similarity alone
reached F1 0.49, keywords alone 0.68, the weighted sum 0.71 (`kb eval --metadata
--sweep-themes` prints the curve).
"""

from __future__ import annotations

import re

import numpy as np

from kb.embedders import Embedder
from kb.taxonomy import Taxonomy, default_taxonomy
from kb.text import fold

THRESHOLD = 0.019
KEYWORD_WEIGHT = 0.04  # per keyword hit per 100 words
MAX_THEMES = 3
TOP_PASSAGES = 2
MIN_FIELD_KEYWORDS = 2.5
MIN_FIELD_SIMILARITY = 0.82
"""A document below both (theme keywords per 100 words, best similarity to a theme description)
is not about clusters and SME networks at all and gets no theme. On eval/metadata.yaml the
three off-topic documents reach at most 1.6 and 0.81, the 41 on-topic ones at least 3.7 and 0.83."""


_DESCRIPTIONS: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}


def _description_vectors(embedder: Embedder, texts: tuple[str, ...]) -> np.ndarray:
    """The theme descriptions embedded once per process and embedder, not once per batch
    (each upload in the app is a batch of its own)."""
    key = (f"{type(embedder).__qualname__}:{embedder.spec}:{embedder.dimension}", texts)
    if key not in _DESCRIPTIONS:
        _DESCRIPTIONS[key] = embedder.embed_queries(list(texts))
    return _DESCRIPTIONS[key]


class ThemeClassifier:
    def __init__(
        self, embedder: Embedder, taxonomy: Taxonomy | None = None, threshold: float = THRESHOLD
    ) -> None:
        taxonomy = taxonomy or default_taxonomy()
        self.theme_ids = list(taxonomy.themes)
        pairs = [
            (index, text)
            for index, theme in enumerate(taxonomy.themes.values())
            for texts in theme.descriptions.values()
            for text in texts
        ]
        self._owner = np.array([index for index, _ in pairs])
        self._vectors = _description_vectors(embedder, tuple(text for _, text in pairs))
        self._keywords = [
            re.compile("|".join(rf"(?<!\w){re.escape(fold(k))}" for k in theme.keywords) or r"(?!x)x")
            for theme in taxonomy.themes.values()
        ]
        self.threshold = threshold

    def similarity(self, passage_vectors: np.ndarray) -> np.ndarray:
        """Per theme: mean similarity of its closest passages to its best description."""
        similarities = passage_vectors @ self._vectors.T  # passages × descriptions
        per_theme = np.stack(
            [similarities[:, self._owner == i].max(axis=1) for i in range(len(self.theme_ids))], axis=1
        )
        top = min(TOP_PASSAGES, len(passage_vectors))
        return np.sort(per_theme, axis=0)[-top:].mean(axis=0)

    def keyword_density(self, text: str) -> np.ndarray:
        """Keyword hits per 100 words, per theme."""
        folded = fold(text)
        words = max(1, len(folded.split()))
        return np.array([len(pattern.findall(folded)) * 100 / words for pattern in self._keywords])

    def relative_scores(self, passage_vectors: np.ndarray, text: str) -> dict[str, float]:
        if len(passage_vectors) == 0:
            return {}
        scores = self.similarity(passage_vectors) + KEYWORD_WEIGHT * self.keyword_density(text)
        relative = scores - scores.mean()
        return {theme: float(value) for theme, value in zip(self.theme_ids, relative, strict=True)}

    def about_the_field(self, passage_vectors: np.ndarray, text: str) -> bool:
        """Whether the document talks about the field at all (by its words or its meaning)."""
        if len(passage_vectors) == 0:
            return False
        keywords = float(self.keyword_density(text).sum())
        return (
            keywords >= MIN_FIELD_KEYWORDS
            or float(self.similarity(passage_vectors).max()) >= MIN_FIELD_SIMILARITY
        )

    def themes(self, passage_vectors: np.ndarray, text: str) -> list[str]:
        """Up to three themes that stand out, most central first; at least the top one;
        none for a document that is not about the field."""
        if not self.about_the_field(passage_vectors, text):
            return []
        return self.standing_out(passage_vectors, text)

    def standing_out(self, passage_vectors: np.ndarray, text: str) -> list[str]:
        """The themes that stand out, for a document already known to be about the field."""
        scores = self.relative_scores(passage_vectors, text)
        ranked = sorted(scores, key=lambda theme: -scores[theme])
        kept = [theme for theme in ranked if scores[theme] >= self.threshold][:MAX_THEMES]
        return kept or ranked[:1]
