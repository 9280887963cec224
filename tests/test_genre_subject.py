"""A title that is a kind of document and a name: the name is the practice."""

from __future__ import annotations

import pytest

from ingest.metadata import extract
from ingest.metadata.genre_subject import case_headed, genre_titled, minutes_titled


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Fondoverde: domande e risposte", "Fondoverde"),
        ("Empreende Verde – Perguntas frequentes", "Empreende Verde"),
        ("Borgo Infopark: Frequently Asked Questions", "Borgo Infopark"),
        (
            "Domande frequenti: il Verde Business Incubation Centre di Malta",
            "Verde Business Incubation Centre",
        ),
        ("FAQ: I Contratti di rete", None),  # a description, not a name
        ("Teaching note: Verde Finance and the wholesale model", None),  # a sentence after the name
        ("Ficha de boa prática n.º 14 – Cooperação Empresarial", None),  # a card's series theme
        ("Toscana: domande frequenti", None),  # a place
        ("Verde Lab: a new start", None),  # no kind of document
    ],
)
def test_the_name_beside_the_kind_of_document(title: str, name: str | None) -> None:
    assert genre_titled(title) == name


def test_the_name_must_be_written_in_the_text_too() -> None:
    assert genre_titled("Fondoverde: domande e risposte", "Il fondo sostiene le cooperative.") is None
    twice = "Fondoverde sostiene le cooperative. Chi gestisce Fondoverde?"
    assert genre_titled("Fondoverde: domande e risposte", twice) == "Fondoverde"


def test_an_faq_about_a_scheme_names_the_scheme_not_the_body_running_it() -> None:
    title = "Credito Verde – Domande frequenti"
    text = (
        "Credito Verde è una misura della Regione Lombardia per le piccole imprese. La Regione Lombardia "
        "gestisce le domande; la Regione Lombardia paga gli interessi. Chi può chiedere Credito Verde? "
        "Le imprese con sede in Regione Lombardia."
    )
    assert "Credito Verde" in extract(text, title).values["programme"]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("ATA DA 3ª REUNIÃO ORDINÁRIA DE 2022 DO COMITÊ GESTOR DO APL DO LINHO", "APL DO LINHO"),
        (
            "Verbale della riunione del tavolo tecnico per il distretto calzaturiero di Borgoverde",
            "distretto calzaturiero di Borgoverde",
        ),
        ("Minutes of the board meeting", None),
        ("ATA DA REUNIÃO ORDINÁRIA DO CONSELHO ESTRATÉGICO", None),
    ],
)
def test_minutes_name_the_practice_whose_committee_met(title: str, name: str | None) -> None:
    assert minutes_titled(title) == name


def test_a_minutes_title_s_name_ends_before_its_date_and_needs_a_committee() -> None:
    title = "ATA DA REUNIÃO DO COMITÊ GESTOR DO APL DO LINHO REALIZADA EM 12 DE MARÇO DE 2019"
    assert minutes_titled(title) == "APL DO LINHO"
    assert minutes_titled("Verbale del comitato del Distretto del Mobile Verde, 12 marzo 2020") == (
        "Distretto del Mobile Verde"
    )
    assert minutes_titled("Minutes of the Cluster Board meeting held on 3 May 2019") is None
    assert minutes_titled("Ata da reunião do Polo de Confecções de Toritama, 12/03/2019") is None


def test_an_faq_s_section_is_no_subject() -> None:
    text = "How To Apply. You apply online for the Digital Voucher Scheme. How To Apply again."
    assert genre_titled("FAQ: How To Apply", text) is None


def test_a_section_headed_by_the_one_case_it_studies_names_the_practice() -> None:
    text = (
        "Rapporto sull'economia circolare\n\nCapitolo 2. Caso di studio: Vinverde, Lugo (Emilia-Romagna)\n\n"
        "Vinverde è un gruppo cooperativo. Dalle vinacce dei soci Vinverde ricava alcol e biogas."
    )
    assert case_headed(text) == "Vinverde"
    assert extract(text, "Rapporto sull'economia circolare", language="it").values["programme"] == [
        "Vinverde"
    ]
    upper = "1. EXPERIÊNCIA EM DESTAQUE: Terra Viva, Egito\n\nA Terra Viva forma jovens. A Terra Viva exporta chás."
    assert case_headed(upper) == "Terra Viva"


def test_case_headings_that_name_no_single_case_give_none() -> None:
    described = "Case study: a shared lab for the boat builders\n\nThe boat builders share a lab."
    assert case_headed(described) is None  # a description, not a name
    once = "Caso di studio: Vinverde\n\nIl gruppo ricava alcol dalle vinacce."
    assert case_headed(once) is None  # the text never names it again
    several = "Caso di studio: Vinverde\nVinverde e Vinverde.\nCaso di studio: Oliosud\nOliosud e Oliosud."
    assert case_headed(several) is None  # a report of several cases


def test_a_newsletters_highlight_or_one_case_inside_a_report_on_another_is_no_subject() -> None:
    highlight = (
        "EM DESTAQUE: Feira do Montado\n\nA Feira do Montado abre sexta. A Feira do Montado tem 90 bancas."
    )
    assert case_headed(highlight) is None  # any item may head a newsletter's highlight
    report = (
        "2. Case study: Ferro Verde\n\nFerro Verde supplies the park. Ferro Verde grew. The Rosa Supplier "
        "Park hosts 30 firms; the Rosa Supplier Park trains staff; the Rosa Supplier Park exports; the Rosa Supplier Park grows."
    )
    assert case_headed(report) == "Ferro Verde"
    assert case_headed(report, rival="Rosa Supplier Park") is None  # the report's own subject
