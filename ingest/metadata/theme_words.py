"""The words a document uses, as the theme model reads them beside its passage vectors.

A labeller names a theme from what the text says it does ("feiras", "export", "corsi di
formazione", "fornitori"), and the mean of a document's passage vectors blurs a theme that one
section talks about. So the theme model also reads every word: folded and cut to its first six
letters, a rough stem that serves the three languages alike ("exportação", "exportar",
"exports" → "export"), weighed by tf-idf over the labelled documents (sublinear counts, idf
smoothed, unit length), as scikit-learn's ``TfidfVectorizer`` would. The stems and their idf are
shipped beside the weights (``kb/data/theme_model.npz``, ``bench/theme_model.py --fit``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np

from kb.text import fold

STEM_LETTERS = 6
MIN_DOCUMENTS = 3  # a stem in fewer labelled documents is a name, not a way of talking
_WORD = re.compile(r"[a-z][a-z\-]{2,}")
STEM_READING = f"stems:{STEM_LETTERS}:{MIN_DOCUMENTS}:{_WORD.pattern}"
"""How words become stems, part of the shipped model's key: weights fitted on other stems are not used."""


def word_stems(text: str) -> list[str]:
    """The text's words of three letters or more, folded and cut to their first six letters."""
    return [word[:STEM_LETTERS] for word in _WORD.findall(fold(text))]


class StemWeights:
    """The stems the model knows and their inverse document frequencies."""

    def __init__(self, stems: Iterable[str], idf: np.ndarray) -> None:
        self.stems = list(stems)
        self.column = {stem: index for index, stem in enumerate(self.stems)}
        self.idf = np.asarray(idf, dtype=np.float64)

    @classmethod
    def learned(cls, texts: list[str]) -> StemWeights:
        """Stems in at least :data:`MIN_DOCUMENTS` of ``texts``, with their smoothed idf."""
        seen = Counter(stem for text in texts for stem in set(word_stems(text)))
        stems = sorted(stem for stem, count in seen.items() if count >= MIN_DOCUMENTS)
        frequency = np.array([seen[stem] for stem in stems], dtype=np.float64)
        return cls(stems, np.log((1 + len(texts)) / (1 + frequency)) + 1)

    def weighed(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of the text's unit-length tf-idf vector over the known stems."""
        counts = Counter(self.column[s] for s in word_stems(text) if s in self.column)
        columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (1 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf[columns]
        norm = np.linalg.norm(values)
        return columns, values / norm if norm else values
