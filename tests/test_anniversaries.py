"""A founding year told as an anniversary counted back from the year of writing."""

from __future__ import annotations

from ingest.metadata import extract
from ingest.metadata.anniversaries import founding_from_anniversary
from ingest.metadata.written_dates import minutes_year, year_of_writing
from ingest.metadata.years import dateline_year


def test_an_anniversary_counts_back_from_the_year_of_writing() -> None:
    assert founding_from_anniversary("A Coopervale comemorou neste mês os seus 60 anos.", 2023) == 1963
    assert founding_from_anniversary("The assembly marked the cluster's twentieth anniversary.", 2023) == 2003
    assert founding_from_anniversary("Il consorzio festeggia i suoi trent'anni di attività.", 2024) == 1994
    assert founding_from_anniversary("A cooperativa celebra seis décadas de trabalho.", 2021) == 1961
    assert founding_from_anniversary("The institute celebrated its 50th anniversary.", 2023) == 1973


def test_every_tense_and_ordinals_in_three_languages_count() -> None:
    assert founding_from_anniversary("A Coopervale comemorou 60 anos.", 2023) == 1963
    assert founding_from_anniversary("O APL completou 10 anos de governança.", 2023) == 2013
    assert founding_from_anniversary("Il distretto festeggia cinque decenni di storia.", 2023) == 1973
    assert (
        founding_from_anniversary("Il consorzio ha celebrato il suo quarantesimo anniversario.", 2023) == 1983
    )


def test_ages_warranties_spans_and_other_anniversaries_are_no_founding() -> None:
    for text in (
        "Aos seus 45 anos, o presidente lembrou a fundação.",
        "When he turned 60 years old he retired.",
        "Il consorzio offre ai suoi clienti 10 anni di garanzia.",
        "The firm has served the market for 20 years.",
        "O convênio foi celebrado por 5 anos.",
        "Il piano sarà completato in 5 anni.",
        "The fund marks five years of funding.",
        "The fair held its 10th anniversary edition.",
        "The 50th anniversary of the Treaty of Rome was celebrated.",
    ):
        assert founding_from_anniversary(text, 2023) is None, text


def test_no_anniversary_or_no_date_of_writing_gives_no_year() -> None:
    assert founding_from_anniversary("Receita de bolo de aniversário para a família.", 2023) is None
    assert founding_from_anniversary("A Coopervale comemorou os seus 60 anos.", None) is None
    assert (
        founding_from_anniversary("A cooperativa tem 3 anos de vida e comemora 2 anos de vendas.", 2023)
        is None
    )


def test_a_dated_news_item_telling_an_anniversary_gets_the_founding_year() -> None:
    text = (
        "Vale Verde (PR), 24 de outubro de 2023 — Redação\n\n"
        "A Coopervale – Cooperativa Agroindustrial do Vale comemorou neste mês os seus 60 anos com uma "
        "cerimônia em Vale Verde. A cooperativa reúne 900 cooperados e exporta frango para 40 países."
    )
    assert dateline_year(text) == 2023  # a town written with its state's code
    assert extract(text, "Coopervale celebra seis décadas", language="pt").year == 1963


def test_a_publication_line_dates_the_anniversary_where_no_dateline_does() -> None:
    text = (
        "Blog Cidades que Inovam\n"
        "Publicado em 28 de julho de 2025 por Ana Souza · 7 min de leitura\n"
        "Neste mês o Parque Tecnológico Borgoverde completou 25 anos. Fui à cidade para as comemorações "
        "e conversei com empresas de software.\n"
    )
    assert dateline_year(text) is None
    assert year_of_writing(text) == 2025
    assert extract(text, "Vinte e cinco anos de Parque Borgoverde", language="pt").year == 2000
    assert year_of_writing("A cooperativa foi fundada em 1990 e cresce.") is None  # a start
    for opening in (  # a timeline's, a copyright's or a period's first year, a date ahead: no publication
        "La nostra storia\nMarzo 1998 – Nasce il Consorzio Borgoverde\nOggi il consorzio festeggia 25 anni.",
        "A Rede Vale Verde completou 20 anos.\n© 1998–2024 Rede Vale Verde",
        "Duration: Mar 2019 – Dec 2021\n\nThe network celebrated its 10th anniversary.",
        "Próxima reunião: 9 de novembro de 2025\nA rede completou 10 anos.",
    ):
        assert year_of_writing(opening) is None, opening


def test_minutes_date_the_anniversary_of_a_founding_kept_in_them() -> None:
    """Minutes open with their formula's date, and "the seventieth anniversary of the founding" counts
    back from it, over a year the agenda writes ("Bilancio 2023")."""
    text = (
        "# Verbale dell'assemblea dei soci\n\n**Latteria Valverde — Società cooperativa agricola**\n\n"
        "L'anno 2024, il giorno 27 del mese di aprile, alle ore 9.30, si è riunita l'assemblea dei soci.\n\n"
        "## Ordine del giorno\n1. Bilancio d'esercizio al 31 dicembre 2023\n\n"
        "Il presidente ricorda che quest'anno ricorre il settantesimo anniversario della costituzione "
        "della latteria cooperativa, sorta per iniziativa di un gruppo di allevatori.\n"
    )
    assert minutes_year(text) == 2024
    assert founding_from_anniversary(text, 2024) == 1954
    assert extract(text, "Verbale dell'assemblea dei soci", language="it").year == 1954
    assert minutes_year("Aos vinte e sete dias do mês de abril de 2024, reuniram-se os cooperados") == 2024
    assert minutes_year("On the 3rd day of May, 2019, the members met") == 2019
    assert founding_from_anniversary("Em 2023 celebrou-se o 50.º aniversário da fundação.", 2023) == 1973
    assert founding_from_anniversary("the city's 60th anniversary of its founding", 2020) == 1960
    assert founding_from_anniversary("the 60th anniversary of the treaty", 2020) is None


def test_a_release_dated_after_its_genre_counts_back_years_since_the_founding() -> None:
    """ "Nota stampa — Borgoverde (TN), 3 maggio 2024" dates the release; "i 110 anni dalla fondazione"
    counts back from it, and an old body's long life (up to two centuries) counts too."""
    text = (
        "Nota stampa — Borgoverde (TN), 3 maggio 2024\n\n"
        "La Cantina Borgoverde festeggia quest'anno i 110 anni dalla fondazione con una mostra.\n"
    )
    assert dateline_year(text) == 2024
    assert extract(text, "Nota stampa", language="it").year == 1914
    assert founding_from_anniversary("A Associação Vale Verde celebra 180 anos de atividade.", 2024) == 1844


def test_a_year_after_the_date_of_writing_is_a_plan_and_the_anniversary_tells_the_start() -> None:
    text = (
        "*Braga, 2 de março de 2024*\n\nA Associação Comercial Vale Verde celebra este ano 150 anos de "
        "atividade e lança um programa de missões empresariais até 2026.\n"
    )
    assert extract(text, "Associação Comercial Vale Verde assinala 150 anos", language="pt").year == 1874


def test_years_since_another_s_founding_or_a_constitution_count_back_nothing() -> None:
    assert (
        founding_from_anniversary("A 75 anni dalla Costituzione, il distretto presenta il piano.", 2023)
        is None
    )
    assert founding_from_anniversary("Nos 150 anos da fundação do município, o APL expõe.", 2023) is None
