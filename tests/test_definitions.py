"""A name the text defines right after writing it."""

from __future__ import annotations

from ingest.metadata.definitions import about_before, defined_after
from ingest.metadata.name_candidates import name_candidates
from ingest.metadata.name_ranker import FEATURES, candidate_features


def test_a_copula_or_an_apposition_with_a_kind_defines_a_name() -> None:
    for after in (
        " è il parco scientifico e tecnologico dell'Alto Adige",
        ", the organisation that connects companies and researchers",
        " é um parque de ciência e tecnologia",
        " is one of the largest clusters of the region",
        " (NOI) è il parco scientifico",
        ", la cooperativa di comunità nata in valle",
    ):
        assert defined_after(after), after


def test_a_verb_a_conjunction_or_a_kind_without_an_article_defines_nothing() -> None:
    for after in (
        " (AMRC) was established in 2001",
        " and the agency signed the agreement",
        ", in the city of Recife",
        " alla cooperativa di consumo",
        " ao parque tecnológico",
        " as empresas do polo",
        " – Parque de Ciência e Tecnologia",
        " said the park would grow",
    ):
        assert not defined_after(after), after


def test_the_ranker_sees_which_name_the_text_defines() -> None:
    text = (
        "Twelve software firms met on Tuesday. Harbour Works, the incubator that the city council set "
        "up for young companies, hosted the day with speakers from Nordlink and Baltic Ventures."
    )
    candidates = name_candidates(text)
    rows = candidate_features(candidates, text, "A day for young software firms")
    defined = {c.name for c, row in zip(candidates, rows, strict=True) if row[FEATURES.index("defined")]}
    assert defined == {"Harbour Works"}


def test_words_before_a_name_that_say_what_the_text_is_about() -> None:
    for before in (
        "para conversar sobre o ",
        "oggi parliamo della ",
        "a case study of the ",
        "parliamo dell'",
    ):
        assert about_before(before), before
    for before in ("we talked on the ", "falou com o ", "insieme alla ", "in caso di "):
        assert not about_before(before), before
