"""Language detection is right on our three languages and the same on every run."""

from ingest.language import UNDETERMINED, detect_language, passage_language
from tests.conftest import EN, IT, PT


def test_three_languages() -> None:
    assert detect_language(PT) == "pt"
    assert detect_language(IT) == "it"
    assert detect_language(EN) == "en"


def test_deterministic() -> None:
    text = "Cluster de inovação e redes"  # short and ambiguous: must still be stable
    assert len({detect_language(text) for _ in range(20)}) == 1


def test_too_short_is_undetermined() -> None:
    assert detect_language("SBA") == UNDETERMINED
    assert detect_language("   ") == UNDETERMINED


def test_short_passages_follow_their_document() -> None:
    assert passage_language("Nome: GT-APL", "pt") == "pt"
    assert passage_language(EN * 2, "pt") == "en"
