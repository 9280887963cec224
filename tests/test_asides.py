"""Names written aside from the subject: an e-mail's writer in its header, a body's former name."""

from __future__ import annotations

import re

from ingest.metadata.asides import aside
from ingest.metadata.name_ranker import likely_programme

MAIL = (
    "From: Projects desk, Atlantic Food Network (Galway)\n"
    "To: Network members\n"
    "Subject: Our visit to the Varaždin confectionery cluster\n\n"
    "Dear members, here are notes on our visit to the Varaždin confectionery cluster in Croatia. "
    "The cluster brings together forty small firms that bake, pack and export biscuits together; "
    "the Varaždin confectionery cluster also trains apprentices with the town's vocational school."
)


def test_a_name_only_in_the_header_is_the_writer_s() -> None:
    assert aside("Atlantic Food Network", [MAIL.index("Atlantic")], MAIL)
    assert not aside("Atlantic Food Network", [MAIL.index("Atlantic"), MAIL.index("Croatia")], MAIL)
    guess = likely_programme(MAIL, "Our visit to the Varaždin confectionery cluster")
    assert guess is None or guess[0] != "Atlantic Food Network"


def test_an_interview_s_answer_is_no_address() -> None:
    text = "Q: What is the cluster?\nA: Formally it is the Minho Textile Alliance, the region's network.\n"
    assert not aside("Minho Textile Alliance", [text.index("Minho")], text)


def test_a_body_s_first_name_gives_way_to_the_one_it_took() -> None:
    text = (
        "A Coopersul nasceu em 1981 com o nome de Cooperativa Regional do Vale do Sul, criada por "
        "três cooperativas. Anos depois adotou o nome Coopersul, hoje conhecido em todo o estado."
    )
    assert aside("Cooperativa Regional do Vale do Sul", [text.index("Cooperativa Regional")], text)
    assert not aside("Coopersul", [text.index("Coopersul")], text)


def test_a_masthead_and_an_interviewer_s_label_are_no_subject() -> None:
    text = (
        "REVISTA SABORES DO CAMPO — Edição 12\n\nSABORES: Como nasceu a associação?\n"
        "Resposta: A APROSUL juntou doze queijarias. SABORES: E hoje?\nA APROSUL vende em São Paulo."
    )
    starts = [m.start() for m in re.finditer("SABORES", text)]
    assert not aside("SABORES", starts, text)  # once inside a line: written as a word of the text
    assert aside("SABORES", [starts[0], starts[1]], text)
    assert not aside("APROSUL", [m.start() for m in re.finditer("APROSUL", text)], text)
