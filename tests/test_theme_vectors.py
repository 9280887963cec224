"""The theme descriptions' vectors shipped for the bundled model are that model's vectors of
today's descriptions (else ingest would rank themes against stale descriptions), and the theme
model shipped was fitted for that model and today's themes."""

from __future__ import annotations

import numpy as np

from ingest.metadata.themes import (
    ThemeClassifier,
    description_key,
    model_id,
    shipped_description_vectors,
    shipped_theme_model,
    theme_model_key,
)
from kb.config import DEFAULT_EMBEDDER
from kb.embedders import HashingEmbedder, load_embedder
from kb.taxonomy import default_taxonomy


def test_shipped_theme_vectors_are_the_bundled_models_vectors_of_the_descriptions() -> None:
    embedder = load_embedder(DEFAULT_EMBEDDER)
    texts = ThemeClassifier.description_texts(default_taxonomy())
    shipped = shipped_description_vectors(description_key(model_id(embedder), texts))
    assert shipped is not None, "kb/data/theme_vectors.npz is stale: run python bench/theme_vectors.py"
    today = embedder.embed_queries(list(texts))
    # CPUs round the model's sums differently (up to 3e-3 a dimension between two x86 machines, a
    # cosine of 0.9999); a description changed by two words moves its vector to a cosine below 0.98
    cosines = (shipped * today).sum(axis=1) / np.linalg.norm(shipped, axis=1) / np.linalg.norm(today, axis=1)
    assert cosines.min() > 0.999


def test_other_models_or_descriptions_embed_their_own() -> None:
    texts = ThemeClassifier.description_texts(default_taxonomy())
    assert shipped_description_vectors(description_key(model_id(HashingEmbedder()), texts)) is None
    bundled = model_id(load_embedder(DEFAULT_EMBEDDER))
    assert shipped_description_vectors(description_key(bundled, (*texts[:-1], "another text"))) is None


def test_the_shipped_theme_model_fits_the_bundled_model_and_todays_themes() -> None:
    taxonomy = default_taxonomy()
    classifier = ThemeClassifier(load_embedder(DEFAULT_EMBEDDER), taxonomy)
    assert classifier.model is not None, (
        "kb/data/theme_model.npz is stale: run python bench/theme_model.py --fit"
    )
    assert classifier.model.themes == len(taxonomy.themes)
    rows = 1 + len(taxonomy.themes)  # about the field, then each theme
    assert classifier.model.word_weights.shape == (rows, len(classifier.model.stems.stems))


def test_other_models_use_the_evidence_model() -> None:
    assert ThemeClassifier(HashingEmbedder()).model is None
    assert shipped_theme_model(theme_model_key(model_id(HashingEmbedder()), default_taxonomy())) is None
