"""The year ranker's model: each feature and every pair of them, weights from kb/data."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pytest

from ingest.metadata import year_ranker
from ingest.metadata.year_ranker import FEATURES, TERMS, best_year, practice_year, terms, weights


def test_terms_are_the_features_then_every_product_of_two() -> None:
    row = np.arange(len(FEATURES), dtype=float)[None, :]
    widened = terms(row)[0]
    assert len(widened) == len(TERMS) == len(FEATURES) + (len(FEATURES) - 1) * (len(FEATURES) - 2) // 2
    assert widened[TERMS.index("started & event")] == row[0, 1] * row[0, 2]
    until, dated = FEATURES.index("until"), FEATURES.index("calendar_date")
    assert widened[TERMS.index("until & calendar_date")] == row[0, until] * row[0, dated]
    assert "bias & started" not in TERMS


def test_the_shipped_weights_cover_every_term() -> None:
    assert weights().shape == (len(TERMS),)
    assert np.isfinite(weights()).all()


def test_a_weights_file_without_a_term_says_how_to_write_it_again() -> None:
    partial = {name: 0.0 for name in TERMS[:-1]}
    weights.cache_clear()
    try:
        with patch.object(year_ranker, "shipped", return_value=partial), pytest.raises(ValueError) as error:
            practice_year("O programa começou em 2004.")
        assert "bench/year_ranker.py --fit" in str(error.value)
    finally:
        weights.cache_clear()


def test_a_text_without_a_year_has_none() -> None:
    assert practice_year("Um programa de apoio a pequenas empresas, sem data.") is None


@pytest.mark.parametrize("bad", [float("nan"), "heavy", None, True])
def test_a_weight_that_is_not_a_finite_number_is_named(bad: object) -> None:
    table = {name: 0.0 for name in TERMS} | {"started & event": bad}
    weights.cache_clear()
    try:
        with patch.object(year_ranker, "shipped", return_value=table), pytest.raises(ValueError) as error:
            weights()
        assert "started & event" in str(error.value)
    finally:
        weights.cache_clear()


def test_a_law_s_number_does_not_end_the_sentence_that_names_the_practice() -> None:
    text = "The Lei n.º 70 of 2014 created REMPE for small firms. Its tax office opened in 2019."
    rows = year_ranker.year_features(text, "", [["REMPE"], []])
    practice = FEATURES.index("practice_sentence")
    assert rows[2014][practice] == 1.0 and rows[2019][practice] == 0.0


def test_no_year_when_even_the_best_is_unlikely_the_practices() -> None:
    row = np.zeros(len(FEATURES))
    row[0] = 1.0  # the bias alone: no sign ties the year to the practice
    weights = np.zeros(len(TERMS))
    weights[0] = -3.0  # probability 0.05
    assert best_year({2001: row}, weights) is None
    assert best_year({2001: row}, weights, least=0.0) == 2001
    weights[0] = 0.0  # probability 0.5
    assert best_year({2001: row}, weights) == 2001


def test_a_date_with_its_month_is_told_apart_from_a_start() -> None:
    text = (
        "Publicado em 9 de setembro de 2023. O consórcio começou em 2011 com seis olarias. "
        "Relatório final, November 14, 2019; próxima edição no 2º semestre de 2024."
    )
    rows = year_ranker.year_features(text)
    dated = FEATURES.index("calendar_date")
    assert rows[2023][dated] == rows[2019][dated] == rows[2024][dated] == 1.0
    assert rows[2011][dated] == 0.0


def test_an_early_founding_told_of_the_collective_by_its_kind_alone_is_a_candidate() -> None:
    text = (
        "A Cooperativa Vinícola Serra Alta reúne famílias de viticultores. A cooperativa foi fundada em "
        "1934 por quarenta famílias. Outra associação surgiu em 1921 no vale vizinho."
    )
    years = year_ranker.year_features(text, "", [[], ["Cooperativa Vinícola Serra Alta"]])
    assert 1934 in years and 1921 not in years


def test_an_old_cooperative_s_registration_is_its_founding_a_later_registration_is_not() -> None:
    text = (
        "A Cooperativa dos Cafeicultores do Monte Azul (CCMA) vende café lavado. A CCMA foi registrada em "
        "1936, ao abrigo da lei cooperativa. Em 2019 foram registrados negócios de R$ 2 milhões."
    )
    rows = year_ranker.year_features(text, "", [["CCMA"], []])
    assert 1936 in rows and rows[1936][FEATURES.index("founding")] == 1.0
    assert rows[2019][FEATURES.index("event")] == rows[2019][FEATURES.index("founding")] == 0.0
    italian = year_ranker.year_features(
        "La Cantina Valle Alta fu registrata nel 1921.", "", [["Cantina Valle Alta"], []]
    )
    assert italian[1921][FEATURES.index("founding")] == 1.0


def test_a_word_holding_a_date_of_writing_word_is_no_heading_date_and_novembre_is_a_month() -> None:
    rows = year_ranker.year_features("A reconversão do polo começou em 2005.\nRoma, 14 novembre 2019.")
    assert rows[2005][FEATURES.index("heading_date")] == 0.0
    assert rows[2019][FEATURES.index("calendar_date")] == 1.0


def test_a_founding_year_later_recalled_as_a_decade_is_still_a_year() -> None:
    text = "The Timber Valley cluster was founded in 2000 by twelve firms. Since the 2000s it has made pulp."
    rows = year_ranker.year_features(text, "", [["Timber Valley"], []])
    assert rows[2000][FEATURES.index("decade")] == 0.0
    assert rows[2000][FEATURES.index("founding")] == 1.0


def test_born_in_italian_is_a_founding() -> None:
    rows = year_ranker.year_features(
        "Il parco Borgotech è nato a Borgoverde nel 1999 per le imprese del software."
    )
    assert rows[1999][FEATURES.index("founding")] == 1.0


def test_a_date_of_writing_gives_way_to_the_next_year_told() -> None:
    text = (
        "Borgoverde, 3 marzo 2021\n\nIntervista alla Cooperativa Valle Alta. D. Come è nata la cooperativa? "
        "R. Era il 1991: eravamo trenta giovani e la cooperativa è nata per non chiudere il paese."
    )
    assert 2021 not in [practice_year(text, "Intervista", [["Cooperativa Valle Alta"], []])]
    weights = np.zeros(len(TERMS))  # every candidate as likely: the first in the text wins the tie
    with patch.object(year_ranker, "weights", return_value=weights):
        assert practice_year(text, "Intervista") == 1991


def test_the_shipped_gate_covers_every_column() -> None:
    assert year_ranker.gate_weights().shape == (len(year_ranker.TELLS),)
    assert np.isfinite(year_ranker.gate_weights()).all()


def test_a_likely_best_year_is_dropped_when_the_text_likely_tells_no_start() -> None:
    row = np.zeros(len(FEATURES))
    row[0] = 1.0
    weights = np.zeros(len(TERMS))  # the best year's probability 0.5: likely enough alone
    gate = np.zeros(len(year_ranker.TELLS))
    gate[0] = -3.0  # but texts like this one rarely tell a start
    assert best_year({2001: row}, weights, gate=gate) is None
    gate[0] = 3.0
    assert best_year({2001: row}, weights, gate=gate) == 2001


def test_the_gate_reads_how_the_best_year_is_told() -> None:
    launched = np.zeros(len(FEATURES))
    launched[0] = launched[FEATURES.index("event")] = 1.0
    dated = np.zeros(len(FEATURES))
    dated[0] = 1.0
    weights = np.zeros(len(TERMS))
    weights[TERMS.index("event")] = 1.0
    year, logit, row = year_ranker.ranked({2004: launched, 2019: dated}, weights)
    assert (year, logit) == (2004, 1.0)
    tells = year_ranker.TELLS
    assert row[tells.index("best event")] == row[tells.index("any event")] == 1.0
    assert row[tells.index("margin")] == 1.0


def test_the_practice_s_launch_is_told_by_a_plain_text() -> None:
    assert practice_year("O programa de apoio às olarias foi lançado em 2004 pelo governo do estado.") == 2004


def test_a_firm_made_a_cooperative_is_the_cooperative_s_founding() -> None:
    text = (
        "The Cooperativa Monte Alto makes cement. Its workers took over the plant in 1931 and organised "
        "it as a production cooperative in which each member has a vote. A new kiln opened in 1994."
    )
    assert practice_year(text, names=[["Cooperativa Monte Alto"], []]) == 1931
    assert (
        practice_year(
            text.replace("organised it as a production cooperative", "ran it"),
            names=[["Cooperativa Monte Alto"], []],
        )
        != 1931
    )


def test_an_early_opening_of_the_practice_is_its_start() -> None:
    text = (
        "Few who work at the Riverside Trading Estate know its story. The Riverside Trading Estate opened "
        "in 1936 as a state-sponsored estate. In 1946 the war had ended; a heritage trail opened in 2012."
    )
    assert practice_year(text, names=[["Riverside Trading Estate"], []]) == 1936


def test_the_review_s_year_cases() -> None:
    # a generic word left after the kind is no name of the practice
    text = (
        "A Associação Comercial apoia o comércio desde 2003. Em 1938 foi criado o primeiro curso comercial."
    )
    assert practice_year(text, names=[["Associação Comercial"], []]) != 1938
    # a branch opened is no start
    shop = (
        "Kilimanjaro Verde Cooperative Union: since 1933 the union has served farmers. In 1947 the "
        "Kilimanjaro Verde Cooperative Union opened its first shop in Moshi."
    )
    assert practice_year(shop, names=[["Kilimanjaro Verde Cooperative Union"], []]) != 1947
