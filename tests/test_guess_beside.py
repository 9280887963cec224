"""When the name ranker's guess joins the names the rules found, however sure it is."""

from __future__ import annotations

from ingest.metadata import extract
from ingest.metadata.guess_beside import (
    BESIDE,
    DOMINANT,
    TIED,
    collective_beside,
    joins_the_finds,
    times_written,
)
from kb.taxonomy import default_taxonomy

FAQ = (
    "Perguntas frequentes. O que é a Vilatec? A Vilatec é um centro empresarial em Vila Alta. A Vilatec "
    "acolhe vinte empresas; a Vilatec dá formação. Candidaturas a apoios como o Fundo Regional 2030 são "
    "acompanhadas pela Vilatec."
)


def test_a_weak_guess_the_text_writes_three_times_as_often_joins_the_finds() -> None:
    weak = ("Vilatec", BESIDE / 2)
    assert DOMINANT == 3
    assert joins_the_finds(weak, ["Fundo Regional 2030"], FAQ, default_taxonomy())
    twice = (
        FAQ.replace("O que é a Vilatec? ", "")
        .replace("a Vilatec dá", "dá")
        .replace("pela Vilatec", "por ela")
    )
    assert not joins_the_finds(weak, ["Fundo Regional 2030"], twice, default_taxonomy())


def test_a_weak_guess_that_is_an_acronym_a_kind_or_part_of_a_find_does_not_join() -> None:
    text = "A rede RTV junta oficinas. A RTV cresce; a RTV forma; a RTV vende. O Programa Oficina Viva paga."
    assert not joins_the_finds(("RTV", BESIDE / 2), ["Programa Oficina Viva"], text, default_taxonomy())
    law = "A Lei Quadro das Oficinas define. A Lei Quadro cria; a Lei Quadro paga; a Lei Quadro forma."
    assert not joins_the_finds(
        ("Lei Quadro", BESIDE / 2), ["Lei Quadro das Oficinas"], law, default_taxonomy()
    )


def test_a_likely_guess_the_title_names_joins_finds_written_as_often() -> None:
    text = "HARBOUR MAKERS CLUSTER (HMC)\nMinutes. The board discussed the Coastal Transition Fund."
    title = "HARBOUR MAKERS CLUSTER (HMC)"
    guess = ("HARBOUR MAKERS CLUSTER", TIED)
    assert joins_the_finds(guess, ["Coastal Transition Fund"], text, default_taxonomy(), title)
    assert not joins_the_finds(guess, ["Coastal Transition Fund"], text, default_taxonomy(), "Minutes")
    assert not joins_the_finds(
        ("HARBOUR MAKERS CLUSTER", BESIDE), ["Coastal Transition Fund"], text, default_taxonomy(), title
    )


def test_a_collective_called_by_its_kind_throughout_joins_a_body_named_once() -> None:
    text = (
        "O Arranjo Produtivo Local de Confecções de Pedra Azul reúne 120 empresas. O APL mantém uma central "
        "de compras; o APL organiza a feira e o APL negocia fretes. Os cursos do SENAI formam costureiras."
    )
    assert (
        collective_beside(text, "Notícia", ["SENAI"]) == "Arranjo Produtivo Local de Confecções de Pedra Azul"
    )
    assert extract(text, "Notícia", language="pt").values["programme"][-1] == (
        "Arranjo Produtivo Local de Confecções de Pedra Azul"
    )
    assert (
        collective_beside(text, "Notícia", ["Arranjo Produtivo Local de Confecções"]) is None
    )  # a form of a find
    once = text.replace("o APL organiza a feira e o APL negocia fretes", "a feira é anual")
    assert collective_beside(once + " O SENAI abriu vagas.", "Notícia", ["SENAI"]) is None


def test_a_name_is_counted_without_the_kind_of_body_that_ends_it() -> None:
    text = (
        "Blue Diamond Growers, the almond cooperative, will step up its marketing. Blue Diamond plans an "
        "office in Asia. Blue Diamond also sells almond milk. Growers face the Sustainable Groundwater "
        "Management Act."
    )
    assert times_written("Blue Diamond Growers", text) == 3
    assert times_written("Porto Digital Association", "Porto Digital grows. Porto is a city.") == 1
