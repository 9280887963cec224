"""The name heading a news title before its colon is what the news is about."""

from __future__ import annotations

from ingest.metadata.title_subject import title_head

TEXT = (
    "Interporto Borgonero: al via il nuovo impianto fotovoltaico\n\n"
    "Le imprese logistiche dell'Interporto Borgonero hanno inaugurato l'impianto sulle coperture dei "
    "magazzini. Il terminal ferroviario, potenziato con fondi europei, serve 120 aziende di trasporto."
)


def test_a_news_title_s_head_is_its_subject() -> None:
    assert (
        title_head(TEXT, "Interporto Borgonero: al via il nuovo impianto fotovoltaico")
        == "Interporto Borgonero"
    )


def test_a_place_a_genre_or_a_head_the_text_never_writes_is_none() -> None:
    assert title_head(TEXT, "Bologna: al via il nuovo impianto") is None  # a place
    assert title_head(TEXT, "Comunicato stampa: al via il nuovo impianto") is None  # a kind of document
    assert title_head(TEXT, "Polo Logistico Sud: al via il nuovo impianto") is None  # not in the text
    assert title_head(TEXT, "Interporto Borgonero al via") is None  # no colon
    assert (
        title_head("Opinião: o futuro\n\nOpinião\nAs adegas.", "Opinião: o futuro das adegas") is None
    )  # a label
    university = (
        "University of Borgonero: new hub\n\nThe University of Borgonero opened FoodSpark, a hub for firms."
    )
    assert title_head(university, "University of Borgonero: new hub") is None  # announces another's news
