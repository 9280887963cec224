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
        "A APROSUL juntou doze queijarias.\nSABORES: E hoje?\nA APROSUL vende a SABORES e a São Paulo."
    )
    starts = [m.start() for m in re.finditer("SABORES", text)]
    assert aside("SABORES", starts[:3], text)
    assert not aside("SABORES", starts, text)  # once inside a line: written as a word of the text
    assert not aside("APROSUL", [m.start() for m in re.finditer("APROSUL", text)], text)


def test_a_name_known_or_sold_by_and_a_practice_s_own_bulletin_are_not_aside() -> None:
    known = "A Coopavel nasceu em 1970. Em 1985 passou a operar com o nome de Coopavel Cooperativa Agroindustrial."
    assert not aside("Coopavel Cooperativa Agroindustrial", [known.index("Coopavel Cooperativa")], known)
    bulletin = "Boletim APL Moveleiro de Ubá nº 12\n\nO APL Moveleiro de Ubá reúne 300 fábricas."
    assert not aside(
        "APL Moveleiro de Ubá", [m.start() for m in re.finditer("APL Moveleiro", bulletin)][:1], bulletin
    )
    titled = "Cluster Têxtil do Minho: relatório anual\n\nO Cluster apoia 80 empresas."
    assert not aside("Cluster Têxtil do Minho", [0], titled)  # a title's colon is no speaker's label


def test_an_interviewer_s_initials_before_a_dash_are_no_subject() -> None:
    text = "Revista Cidades conversou com Helena Moraes.\n\nHM — É uma zona especial.\n\nC&D — E deu certo?\n\nHM — Em parte."
    starts = [m.start() for m in re.finditer("HM", text)]
    assert aside("HM", starts, text)
    assert not aside("Helena Moraes", [text.index("Helena")], text)


def test_a_course_s_or_an_author_s_line_names_no_practice() -> None:
    text = "Caso de ensino\nDisciplina: Estratégia Territorial — Mestrado em Gestão\n\nO Parque Borgo reúne 200 fábricas."
    course = "Estratégia Territorial — Mestrado"
    assert aside(course, [text.index(course)], text)
    assert aside("Mestrado em Gestão", [text.index("Mestrado")], text)  # anywhere on the label's line
    assert not aside("Parque Borgo", [text.index("Parque")], text)


def test_initials_introduced_in_brackets_are_the_labels_too() -> None:
    text = "Intervista di Marco Bellini (MB) a Giulia Ferri (GF).\n\nMB – Come nasce?\nGF – Nel 2004.\nMB – E oggi?"
    assert aside("MB", [m.start() for m in re.finditer("MB", text)], text)
