"""A document's passages as vectors, and the themes those vectors imply.

Shared by ingest (one file, or a group of files embedded in one call) and by the metadata
evaluation, so both see the same text and the same off-topic rule.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ingest.metadata.themes import ThemeClassifier
from kb.embedders import Embedder
from kb.models import FacetValue, NewDocument, Passage

EMBED_BATCH = 32
"""Passages embedded in one call at least (ingest groups files until they reach it)."""


def embedding_text(doc: NewDocument, passage: Passage) -> str:
    """The passage as the embedder sees it: prefixed by the document title for context."""
    if passage.text.lstrip().startswith(doc.title[:40]):
        return passage.text
    return f"{doc.title}\n{passage.text}"


def embed_with_themes(
    doc: NewDocument, embedder: Embedder, themes: Callable[[], ThemeClassifier]
) -> np.ndarray:
    """Embed the passages and, unless a curator set them, add the zero-shot themes they imply."""
    return embed_group([doc], embedder, themes)[0]


def add_themes(
    doc: NewDocument, passages: list[Passage], vectors: np.ndarray, themes: Callable[[], ThemeClassifier]
) -> None:
    """Unless a curator set them, add the zero-shot themes these passages (and vectors) imply.

    A document that is not about the field at all (a recipe, a match report) has no practice,
    so it also loses the countries, programmes and year read from its text (not a curator's).
    """
    text = " ".join(p.text for p in passages)
    standing_out = themes().judged(vectors, text, doc.language, names_a_practice(doc))
    if standing_out is None:
        doc.facets = [f for f in doc.facets if f.field not in OFF_TOPIC_DROPPED or f.field in doc.curated]
        doc.year = doc.year if "year" in doc.curated else None
    elif "theme" not in doc.curated:
        doc.facets += [FacetValue("theme", t) for t in standing_out]


def names_a_practice(doc: NewDocument) -> bool:
    """Whether the programme rules found a practice in the document: few of the field's words are
    then enough to be about it (:mod:`ingest.metadata.field_gate`)."""
    return any(f.field == "programme" for f in doc.facets)


OFF_TOPIC_DROPPED = ("country", "programme")


def embed_group(
    docs: list[NewDocument], embedder: Embedder, themes: Callable[[], ThemeClassifier]
) -> list[np.ndarray]:
    """The vectors of each document (in order), embedded in one call for all of them, with the
    themes they imply added to each."""
    out = embed_passages(docs, embedder)
    for doc, vectors in zip(docs, out, strict=True):
        add_themes(doc, doc.passages, vectors, themes)
    return out


def embed_passages(docs: list[NewDocument], embedder: Embedder) -> list[np.ndarray]:
    """The vectors of each document's passages (in order), embedded in one call for all of them."""
    texts = [embedding_text(doc, passage) for doc in docs for passage in doc.passages]
    vectors = embedder.embed_documents(texts) if texts else np.zeros((0, embedder.dimension), np.float32)
    ends = np.cumsum([len(doc.passages) for doc in docs])
    return [vectors[end - len(doc.passages) : end] for doc, end in zip(docs, ends, strict=True)]
