"""Snippets: the words a query matches, found the fast way exactly as the word-by-word way finds them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths
from kb import snippets
from kb.config import Settings
from kb.glossary import Glossary
from kb.knowledge_base import KnowledgeBase
from kb.request import SearchRequest
from kb.snippets import highlight_terms, leading_stem, make_snippet, match_spans
from kb.text import WORD, fold


def word_by_word(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """The definition: every word whose folded form is a term or starts with a term's stem."""
    exact, stems = set(terms), tuple(s for t in terms if (s := leading_stem(t)))
    return [
        m.span() for m in WORD.finditer(text) if fold(m.group()) in exact or fold(m.group()).startswith(stems)
    ]


TEXTS = [
    "A Internacionalização das PMEs: o GT-APL apoia consórcios de exportação (Sebrae, 2019).",
    "Il distretto d'internazionalizzazione e i contratti-di-rete delle PMI; l'export cresce.",
    "Cluster policy -- governance of SMEs' networks; co-operation and over-investment.",
    "Straße, ıstanbul and the e\u0301cole: characters that fold into two letters, or not at all.",
    "FINANCIAMENTO coletivo, Financiar, financeira e fomento; anti-financiamento e pré-financiamento.",
]
TERMS = [
    ["internacionalizacao", "pmes"],
    ["gt-apl"],
    ["internazionalizzazione", "rete", "pmi"],
    ["governance", "smes", "operation", "investment"],
    ["strasse", "istanbul", "ecole"],
    ["financiamento", "financiar", "fomento"],
    ["di"],
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("terms", TERMS)
def test_spans_are_those_of_reading_word_by_word(text: str, terms: list[str]) -> None:
    assert match_spans(text, terms) == word_by_word(text, terms)


def test_spans_agree_on_random_cuts_and_terms() -> None:
    rng = random.Random(7)
    joined = " ".join(TEXTS)
    vocabulary = [fold(w) for w in WORD.findall(joined)]
    for _ in range(500):
        start = rng.randrange(len(joined))
        text = joined[start : start + rng.randrange(1, 200)]
        terms = rng.sample(vocabulary, rng.randint(1, 3))
        terms = [t[: rng.randint(1, len(t))] for t in terms]  # prefixes too: stems of other words
        assert match_spans(text, terms) == word_by_word(text, terms), (text, terms)


def test_a_snippet_shows_the_window_with_the_most_matches() -> None:
    text = "intro " * 80 + "consórcio de exportação e consórcios " + "fim " * 80
    snippet, spans = make_snippet(text, ["consorcio", "exportacao"], width=120)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[a:b] for a, b in spans] == ["consórcio", "exportação", "consórcios"]


def test_plain_terms_and_text_take_the_fast_path() -> None:
    """The equivalence tests above hold for the word-by-word path too: make sure the fast one runs."""
    assert snippets._word_starts(("internacionalizacao", "gt-apl")) is not None
    assert not snippets._PLAIN_TEXT.search(TEXTS[0]) and not snippets._PLAIN_TEXT.search(TEXTS[4])
    assert snippets._PLAIN_TEXT.search(TEXTS[3]), "ß, ı and a combining accent: word by word"
    assert snippets._word_starts(("straße",)) is None


def test_a_concept_marks_its_other_forms_in_the_hits(
    hash_kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    """A search for "PME" finds an Italian passage through "PMI" and marks it there; a form of
    several words is not marked word by word ("pequenas" alone is no SME)."""
    terms = highlight_terms("PME", Glossary.load().parse("PME"))
    assert {"pme", "PMI", "SME", "SMEs"} <= set(terms) and "pequenas" not in terms
    # an acronym is marked only where written in capitals: "eu" is Portuguese for "I", "usa" a verb
    usa = highlight_terms("Estados Unidos", Glossary.load().parse("Estados Unidos"))
    text = "Eu acho que a empresa usa o modelo dos USA."
    assert [text[a:b] for a, b in match_spans(text, usa)] == ["USA"]
    # a stop word that begins a name is marked where written in capitals, not the verb "são"
    sao = highlight_terms("calçados em São Paulo", Glossary.load().parse("calçados em São Paulo"))
    text = "As fábricas são de São Paulo."
    assert [text[a:b] for a, b in match_spans(text, sao)] == ["São", "Paulo"]
    # …but not a one- or two-letter article or preposition ("A Itália", "DE")
    article = highlight_terms("A Itália e a França", Glossary.load().parse("A Itália e a França"))
    shouted = highlight_terms("CALÇADOS DE FRANCA", Glossary.load().parse("CALÇADOS DE FRANCA"))
    assert not {"A", "a", "DE", "de", "E"} & {*article, *shouted}
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "pmi.md").write_text(
        "# Le PMI del distretto\n\nLe PMI del distretto calzaturiero condividono un ufficio export e "
        "partecipano insieme alle fiere internazionali con il sostegno della Regione.\n",
        encoding="utf-8",
    )
    ingest_paths(hash_kb, [folder], settings)
    hit = hash_kb.search(SearchRequest("PME", {}, k=1)).hits[0]
    assert "PMI" in [hit.snippet[a:b] for a, b in hit.highlights]
