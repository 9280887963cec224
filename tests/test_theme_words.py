"""The theme model's reading of a document's words (ingest.metadata.theme_words)."""

from __future__ import annotations

import io

import numpy as np
import pytest

from ingest.metadata.theme_model import ThemeModel, read_theme_model
from ingest.metadata.theme_words import StemWeights, word_stems
from ingest.metadata.themes import ThemeClassifier
from kb.embedders import HashingEmbedder


def test_words_are_folded_and_cut_to_a_shared_stem() -> None:
    assert word_stems("Exportação, exportar e EXPORTS; de la UE") == ["export", "export", "export"]
    assert word_stems("fiere internazionali") == ["fiere", "intern"]


def test_stems_in_too_few_documents_are_not_learned() -> None:
    texts = ["feiras de exportação", "exportação de café", "export fairs", "Vitória café"]
    stems = StemWeights.learned(texts)
    assert stems.stems == ["export"]  # in three documents; "feiras" and "cafe" in two
    assert stems.idf[0] == pytest.approx(np.log(5 / 4) + 1)


def test_a_text_is_weighed_as_a_unit_length_tf_idf_vector() -> None:
    stems = StemWeights(["export", "feiras", "fornec"], np.array([1.0, 2.0, 3.0]))
    columns, values = stems.weighed("Feiras, feiras e exportação; nada mais")
    weights = dict(zip(columns.tolist(), values.tolist(), strict=True))
    raw = {0: 1.0, 1: (1 + np.log(2)) * 2.0}
    norm = np.hypot(*raw.values())
    assert weights == pytest.approx({k: v / norm for k, v in raw.items()})
    empty_columns, empty_values = stems.weighed("nothing known here")
    assert len(empty_columns) == len(empty_values) == 0


def test_the_model_adds_the_words_weights_to_the_vectors() -> None:
    stems = StemWeights(["export", "fornec"], np.array([1.0, 1.0]))
    model = ThemeModel(np.array([[0.5, 1.0], [-0.5, 0.0]]), np.array([[2.0, 0.0], [0.0, 3.0]]), stems)
    features = np.array([1.0, 0.25])
    assert model.logits(features, "export export") == pytest.approx([0.75 + 2.0, -0.5])
    assert model.logits(features, "") == pytest.approx([0.75, -0.5])


def test_the_first_row_says_whether_the_document_is_about_the_field() -> None:
    stems = StemWeights(["export"], np.array([1.0]))
    model = ThemeModel(np.array([[0.0], [np.log(3.0)], [0.0]]), np.zeros((3, 1)), stems)
    field, themes = model.probabilities(np.array([1.0]), "any text")
    assert model.themes == 2
    assert field == pytest.approx(0.5)
    assert themes == pytest.approx([0.75, 0.5])


def test_a_stored_model_is_read_back_only_for_its_key_and_layout(tmp_path) -> None:
    stems = StemWeights(["export"], np.array([1.5]))
    model = ThemeModel(np.ones((2, 3)), np.full((2, 1), 0.5), stems)
    target = tmp_path / "model.npz"
    model.save(target, "key-a")
    read = read_theme_model(io.BytesIO(target.read_bytes()), "key-a")
    assert read is not None and read.stems.stems == ["export"]
    assert read.logits(np.ones(3), "export") == pytest.approx(model.logits(np.ones(3), "export"))
    assert read_theme_model(io.BytesIO(target.read_bytes()), "key-b") is None
    older = tmp_path / "older.npz"  # theme rows only, no layout: its first row is no field row
    np.savez(older, key=np.array("key-a"), weights=np.ones((2, 3)), word_weights=np.ones((2, 1)))
    assert read_theme_model(io.BytesIO(older.read_bytes()), "key-a") is None


def _classifier_with_model(field_bias: float, training_bias: float) -> ThemeClassifier:
    """The tests' embedder with a learned model of biases only (what its vectors say is ignored)."""
    classifier = ThemeClassifier(HashingEmbedder())
    features = 1 + HashingEmbedder().dimension + 2 * len(classifier.theme_ids)
    vector_weights = np.full((1 + len(classifier.theme_ids), features), 0.0)
    vector_weights[:, 0] = -3.0
    vector_weights[0, 0] = field_bias
    vector_weights[1 + classifier.theme_ids.index("training"), 0] = training_bias
    stems = StemWeights(["export"], np.ones(1))
    classifier.model = ThemeModel(vector_weights, np.zeros((len(vector_weights), 1)), stems)
    return classifier


def test_a_document_the_evidence_lets_in_needs_the_model_to_find_it_about_the_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Enough of the field's words let a text in; under the learned model it must also be likelier
    about the field than not (a school notice full of "formação" is not)."""
    vectors = np.ones((1, HashingEmbedder().dimension)) / np.sqrt(HashingEmbedder().dimension)
    for field_bias, expected in [(3.0, ["training"]), (-3.0, None)]:
        classifier = _classifier_with_model(field_bias, training_bias=2.0)
        monkeypatch.setattr(classifier, "keyword_density", lambda text: np.full(10, 1.0))
        assert classifier.judged(vectors, "formação e capacitação", "pt") == expected
        assert classifier.about_the_field(vectors, "formação", "pt") is (expected is not None)
