"""Language detection is right on our three languages and the same on every run."""

from pathlib import Path

import pytest

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


def test_language_profiles_cut_short_by_a_time_limit_are_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An alarm during langdetect's first profile load used to leave it knowing a few languages
    for the rest of the batch (Italian then read as Romanian)."""
    import shutil

    from langdetect import detector_factory

    from ingest.parsing import parse_within_limit
    from kb.config import Settings

    few = tmp_path / "profiles"
    few.mkdir()
    for code in ("en", "ro", "ca"):
        shutil.copy(Path(detector_factory.PROFILES_DIRECTORY) / code, few / code)
    partial = detector_factory.DetectorFactory()
    partial.load_profile(str(few))
    monkeypatch.setattr(detector_factory, "_factory", partial)
    path = tmp_path / "reti.txt"
    few_function_words = (  # so the document's language goes to langdetect, not the function words
        "Contratti di rete tra imprese manifatturiere della filiera tessile: innovazione condivisa, "
        "marchio comune, formazione, acquisti collettivi e promozione sui mercati esteri."
    )
    path.write_text("Contratti di rete\n\n" + few_function_words, encoding="utf-8")
    assert parse_within_limit(path, Settings()).language == "it"


def test_a_passage_plainly_in_its_documents_language_skips_the_detector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Function words tell most passages' language at once; the others still go to langdetect,
    so a passage in another language than its document's is still found."""
    import ingest.language as language

    calls: list[str] = []
    real = language.detect_language
    monkeypatch.setattr(
        language, "detect_language", lambda text, fallback="und": calls.append(text) or real(text, fallback)
    )
    assert language.passage_language(PT * 2, "pt") == "pt" and not calls
    assert language.passage_language(IT * 2, "pt") == "it" and calls
    assert language.passage_language(EN * 2, "it") == "en"


CATALAN = (
    "El programa de suport a les petites empreses del sector tèxtil es va posar en marxa a la regió "
    "amb l'objectiu de millorar la competitivitat. Les empreses participants van rebre assistència "
    "tècnica per a l'exportació i la formació dels seus treballadors. El consorci agrupa vint "
    "productors que comparteixen serveis i compren insums en conjunt per reduir costos."
)


def test_a_document_plainly_in_one_of_the_three_languages_skips_the_detector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Catalan shares Italian's "per" and "del": words of the neighbouring languages send it to
    langdetect, which tells it apart."""
    import ingest.language as language

    calls: list[str] = []
    real = language.detect_language
    monkeypatch.setattr(
        language, "detect_language", lambda text, fallback="und": calls.append(text) or real(text, fallback)
    )
    italian = (
        "Il distretto della ceramica nasce negli anni sessanta, quando le imprese della zona "
        "scelgono di condividere i forni e i laboratori. Nel tempo il consorzio degli artigiani "
        "apre un centro per la formazione dei giovani e per le prove dei materiali, con il sostegno "
        "della Regione e delle banche locali. Oggi le imprese del consorzio vendono anche nei "
        "mercati esteri e sono presenti nelle fiere del settore."
    )
    assert [language.document_language(t) for t in (PT * 3, italian, EN * 3)] == ["pt", "it", "en"]
    assert not calls
    assert language.document_language(CATALAN) == "ca" and calls
    dutch = (
        "Het cluster van kleine bedrijven is in 2015 opgericht en werkt samen met de universiteit. "
        "De bedrijven delen een laboratorium en kopen samen in; de provincie was een van de partners "
        "van het project, dat nu ook voor export zorgt en niet alleen voor de regio werkt."
    )
    assert language.document_language(dutch) == "nl"  # its "is", "was", "for" are no English


def test_a_text_plainly_in_one_language_never_loads_langdetect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Function words tell most texts' language; langdetect's profiles (0.7 s of a batch's
    first file, on the cores the embedder needs) are read only for a text that needs them."""
    from langdetect import detector_factory

    from ingest.parsing import parse_within_limit
    from kb.config import Settings

    monkeypatch.setattr(detector_factory, "_factory", None)
    path = tmp_path / "apl.txt"
    path.write_text("Redes de empresas\n\n" + PT * 3, encoding="utf-8")
    doc = parse_within_limit(path, Settings())
    assert doc.language == "pt" and {p.language for p in doc.passages} == {"pt"}
    assert detector_factory._factory is None


def test_the_time_limit_waits_while_langdetect_reads_its_profiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the profiles is no file's time, and an alarm during it would leave them half read."""
    import time

    from langdetect import detector_factory

    from ingest.parsing import draft_within_limit
    from kb.config import Settings

    real = detector_factory.init_factory

    def slow_init() -> None:  # langdetect calls it before every detection too
        if detector_factory._factory is None:
            time.sleep(1.5)
        real()

    monkeypatch.setattr(detector_factory, "_factory", None)
    monkeypatch.setattr(detector_factory, "init_factory", slow_init)
    path = tmp_path / "reti.txt"
    path.write_text(
        "Contratti di rete\n\nContratti di rete tra imprese manifatturiere della filiera tessile: "
        "innovazione condivisa, marchio comune, formazione, acquisti collettivi.",
        encoding="utf-8",
    )
    draft = draft_within_limit(path, Settings(max_read_seconds=1.0))
    assert draft.doc.language == "it"
    assert draft.seconds < 1.0  # what is left of the limit for its metadata leaves the load out
