"""How a passage's language travels with its stored vector, the same in both stores.

A stored vector is the embedding followed by :data:`LANGUAGE_SLOTS` indicator dimensions, one
per passage language in the order languages were first stored (the last slot is shared by any
language beyond the seventh). A query carries minus its centring offset in each language's
slot, so one inner-product search returns every passage's score centred for its language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

LANGUAGE_SLOTS = 8


def assign(slots: Sequence[str], languages: Iterable[str]) -> list[str]:
    """The slot list once each new language has a slot of its own, while any is free."""
    out = list(slots)
    for language in dict.fromkeys(languages):
        if language not in out and len(out) < LANGUAGE_SLOTS:
            out.append(language)
    return out


def stored(vectors: np.ndarray, languages: Sequence[str], slots: Sequence[str], dimension: int) -> np.ndarray:
    """Embeddings followed by their language's indicator, as the stores index them."""
    indicators = np.zeros((len(vectors), LANGUAGE_SLOTS), dtype=np.float32)
    column = [slots.index(lang) if lang in slots else LANGUAGE_SLOTS - 1 for lang in languages]
    indicators[np.arange(len(vectors)), column] = 1.0
    matrix = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), dimension)
    return np.hstack([matrix, indicators])


def query(vector: np.ndarray, offsets: Mapping[str, float], slots: Sequence[str]) -> np.ndarray:
    """A query followed by minus each stored language's centring offset in its slot."""
    extra = np.zeros(LANGUAGE_SLOTS, dtype=np.float32)
    for language, offset in offsets.items():
        if language in slots:
            extra[slots.index(language)] = -offset
    return np.concatenate([np.ravel(vector).astype(np.float32), extra])
