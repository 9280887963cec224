"""An embedder wrapper that remembers vectors on disk, so benchmark reruns skip the model.

Indexing the BEIR sets takes the bundled model tens of minutes on two cores; ranking
changes do not alter a single vector. Vectors are keyed by embedder, kind and text, in
one SQLite file per embedder (committed after every batch, so a killed run keeps its work).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np

from kb.embedders import Embedder, Kind

CACHE_DIR = Path(__file__).resolve().parent / ".cache"


class CachedEmbedder(Embedder):
    """Looks each text up before asking the wrapped embedder for the missing ones."""

    def __init__(self, inner: Embedder, folder: Path = CACHE_DIR) -> None:
        self.inner = inner
        self.spec = inner.spec
        self.dimension = inner.dimension
        self.batch_size = 64
        folder.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha1(inner.spec.encode()).hexdigest()[:12]
        # searches embed their query on a worker thread: one connection, used under a lock
        self.db = sqlite3.connect(folder / f"embeddings-{name}.sqlite", check_same_thread=False)
        self._lock = threading.Lock()
        self.db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    @staticmethod
    def _key(text: str, kind: Kind) -> str:
        return hashlib.sha256(f"{kind}\0{text}".encode()).hexdigest()

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        with self._lock:
            return self._embed_locked(texts, kind)

    def _embed_locked(self, texts: list[str], kind: Kind) -> np.ndarray:
        keys = [self._key(t, kind) for t in texts]
        marks = ",".join("?" * len(keys))
        found = dict(self.db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", keys))
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            fresh = self.inner._embed_all([texts[i] for i in missing], kind)
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(keys[i], v.astype(np.float32).tobytes()) for i, v in zip(missing, fresh, strict=True)],
                )
            found.update(
                {keys[i]: v.astype(np.float32).tobytes() for i, v in zip(missing, fresh, strict=True)}
            )
        return np.stack([np.frombuffer(found[k], dtype=np.float32) for k in keys])
