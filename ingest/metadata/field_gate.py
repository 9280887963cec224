"""Whether a document is about clusters and SME networks at all: a recipe, a match report or a
condominium notice gets no theme, and loses the countries, programmes and year read from its text.

Three signs tell it: how close the document comes to a theme description (relative to its
language: the model finds a Portuguese recipe closer to the descriptions than an English one), how
densely it uses the field's words, and whether the programme rules found a practice in it. A
document is in when one sign alone is strong enough (:func:`one_sign_enough`), or when a logistic
model over the three finds it likelier in than not: a blog post about a knife makers' brotherhood or
a rooibos cooperative is close to the descriptions and uses some of the field's words, neither
enough alone. Over the 2,330 labelled documents (241 off-topic), held out set by set
(``bench/field_gate.py``): the signs alone let 23 off-topic documents in and kept 6 on-topic ones
out; with the model beside them, 25 and 3. The model alone lets fewer in (9) but keeps more out (6),
and kept out on-topic documents of a set written blind: keeping one out loses all it says.

This is the evidence's half of the decision. Under the bundled model, a document it lets in must
also be likelier about the field than not under the learned theme model (its vectors and its words:
:data:`ingest.metadata.themes.FIELD_PROBABILITY`), which keeps out most of the off-topic documents
the signs let in.
"""

from __future__ import annotations

import math

import numpy as np

LANGUAGE_SIMILARITY = {"pt": 0.838, "it": 0.832, "en": 0.819}
OTHER_LANGUAGE_SIMILARITY = 0.82
"""The similarity that alone makes a document of each language about the field (fitted by an
earlier ``bench/field_gate.py`` on 440 labelled documents); the model reads the similarity relative
to it."""
MIN_FIELD_KEYWORDS = 2.5
NAMED_FIELD_KEYWORDS = 1.75
"""Theme keywords per 100 words that alone make a document about the field, and those enough for one
whose text names a practice (a parliamentary question about an export zone uses few of the field's
words; the nearest off-topic document, a condominium notice read as naming "CONDOMINIO", has 1.46)."""
KEYWORD_CAP = 10.0  # keyword hits per 100 words, read up to this
FIELD_WEIGHTS = (-6.9169, 2.0635, 5.4069, 3.9855)
"""Bias, similarity above the language's level (in hundredths), log(1 + keyword density), a named
practice: fitted on every labelled set but the blind ones (``bench/field_gate.py``)."""


def one_sign_enough(similarity: np.ndarray, keywords: np.ndarray, language: str, named: bool) -> bool:
    """Enough theme keywords (fewer when the text names a practice), or a description close enough
    for the text's language."""
    density = float(np.sum(keywords))
    return (
        density >= MIN_FIELD_KEYWORDS
        or (named and density >= NAMED_FIELD_KEYWORDS)
        or float(np.max(similarity)) >= _level(language)
    )


def field_features(similarity: np.ndarray, keywords: np.ndarray, language: str, named: bool) -> np.ndarray:
    """The model's row: 1, the best description similarity above the language's level, the theme
    keywords' density (log, capped) and whether the text names a practice."""
    density = math.log1p(min(float(np.sum(keywords)), KEYWORD_CAP))
    return np.array([1.0, 100.0 * (float(np.max(similarity)) - _level(language)), density, float(named)])


def _level(language: str) -> float:
    return LANGUAGE_SIMILARITY.get(language, OTHER_LANGUAGE_SIMILARITY)


def in_the_field(
    similarity: np.ndarray,
    keywords: np.ndarray,
    language: str,
    named: bool = False,
    weights: tuple[float, ...] = FIELD_WEIGHTS,
) -> bool:
    """One sign enough, or the model's odds in favour (``weights``: the shipped ones, or those
    ``bench/field_gate.py`` fits on other sets)."""
    return (
        one_sign_enough(similarity, keywords, language, named)
        or float(field_features(similarity, keywords, language, named) @ np.asarray(weights)) >= 0.0
    )
