"""Write the theme descriptions' vectors under the bundled model into kb/data/theme_vectors.npz.

    python bench/theme_vectors.py

Run after editing kb/data/themes.yaml: ingest reads these instead of embedding the descriptions
in every process (a test checks they match the descriptions and the model).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ingest.metadata.themes import SHIPPED_VECTORS, ThemeClassifier, description_key, model_id
from kb.config import DEFAULT_EMBEDDER
from kb.embedders import load_embedder
from kb.taxonomy import default_taxonomy


def main() -> None:
    embedder = load_embedder(DEFAULT_EMBEDDER)
    texts = ThemeClassifier.description_texts(default_taxonomy())
    model = model_id(embedder)
    vectors = embedder.embed_queries(list(texts))
    target = Path(__file__).resolve().parent.parent / "kb" / "data" / SHIPPED_VECTORS
    np.savez(target, key=np.array(description_key(model, texts)), vectors=vectors.astype(np.float32))
    print(f"{target}: {len(texts)} descriptions, {vectors.shape[1]} dimensions")


if __name__ == "__main__":
    main()
