"""A title that only names a kind of document gives way to what the document is about."""

from __future__ import annotations

from pathlib import Path

from ingest.genre_titles import a_genre_label, title_after_label
from ingest.metadata.practice_kinds import title_side
from ingest.parsing import parse_document
from kb.config import Settings


def test_kinds_of_document_in_three_languages_are_labels_not_titles() -> None:
    for label in (
        "GOOD PRACTICE CARD",
        "Scheda buona pratica n. 14",
        "ATA N.º 12/2019",
        "=====",
        "Policy brief",
    ):
        assert a_genre_label(label), label
    for title in (
        "Clusters de Competitividade em Portugal",
        "Consorzio Prosecco: la storia",
        "Compra lo Nuestro",
    ):
        assert not a_genre_label(title), title


def test_the_line_after_the_label_or_the_cards_name_becomes_the_title() -> None:
    minutes = (
        "ATA N.º 23\n\nReunião do Conselho de Gestão da Rede de Lagares\n\nEstiveram presentes doze sócios."
    )
    assert (
        title_after_label(minutes, "ATA N.º 23", None) == "Reunião do Conselho de Gestão da Rede de Lagares"
    )
    card = "PRACTICE CARD\nTitle: Joint export marketing of wooden houses\nCountry: Estonia"
    assert title_after_label(card, "PRACTICE CARD", None) == "Joint export marketing of wooden houses"
    assert title_after_label(card, "PRACTICE CARD", "Wooden Houses Cluster") == "Wooden Houses Cluster"
    wrapped = "ATA N.º 23\nAos quinze dias do mês de março, reuniu-se na sede\nda associação o conselho"
    assert title_after_label(wrapped, "ATA N.º 23", None) == "ATA N.º 23"  # half a sentence is no title
    assert title_after_label("PRACTICE CARD\nCountry: Italy\n", "PRACTICE CARD", None) == "PRACTICE CARD"
    faq = "Frequently Asked Questions\n\nThe Fund is a government agency that lends to small firms in every county."
    assert (
        title_after_label(faq, "Frequently Asked Questions", None) == "Frequently Asked Questions"
    )  # a sentence


def test_an_ingested_card_is_listed_by_its_practice(tmp_path: Path) -> None:
    path = tmp_path / "card.txt"
    path.write_text(
        "GOOD PRACTICE CARD\n\nName: Borgoverde Furniture Export Network\nCountry: Italy\n\n"
        "Twelve small furniture makers share a showroom abroad and export together through the network.",
        encoding="utf-8",
    )
    doc = parse_document(path, Settings(index_dir=tmp_path / "index", embedder="hash"))
    assert doc.title == "Borgoverde Furniture Export Network"


def test_a_title_s_dash_parts_a_phrase_from_the_practice_it_names() -> None:
    assert (
        title_side("Minutes of the Annual General Assembly — Slovenian Wood Cluster")
        == "Slovenian Wood Cluster"
    )
    assert (
        title_side("From Olive Groves to Export Markets — the Jaén Olive Oil Cluster")
        == "Jaén Olive Oil Cluster"
    )
    assert title_side("UPTEC – Parque de Ciência e Tecnologia") is None  # a brand and its kind: one name
    assert title_side("Report of the Board — Annual Accounts") is None  # no practice either side
