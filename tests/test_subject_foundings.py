"""A founding before 1950 told of the text's own subject, unnamed, is the practice's start."""

from __future__ import annotations

import pytest

from ingest.metadata.subject_foundings import told_of_the_subject
from ingest.metadata.year_ranker import practice_year


def told(text: str) -> bool:
    """told_of_the_subject for the sentence holding the text's first year."""
    at = text.index("19")
    start = max(text.rfind(". ", 0, at) + 2 if ". " in text[:at] else 0, text.rfind("\n", 0, at) + 1)
    return told_of_the_subject(text, start, at)


@pytest.mark.parametrize(
    "text",
    [
        "Founded in 1938 in Vicuña by a group of grape growers, the cooperative sells pisco.",
        "Guest: It was founded in 1927, in Medellín, at a congress.",
        "Riunisce migliaia di cooperative. Fondata nel 1919, all'indomani della guerra, le rappresenta.",
        "Os imigrantes chegaram. A cooperativa foi fundada em 1925 por essas famílias.",
        "Gli allievi arrivano da tutto il mondo. La scuola fu fondata nel 1938.",
        "R. L'associazione è nata nel 1946 come associazione dei fabbricanti.",
        "Its members farm the valley. The co-operative was established in 1933.",
        "Guest: It was formally constituted in 1941, after years as an informal club.",
    ],
)
def test_the_subject_unnamed_founded_then(text: str) -> None:
    assert told(text)


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded in 1931 by two brothers.",  # a firm is older than the practice it joins
        "Luxottica viene fondata ad Agordo nel 1931.",  # another body, by its name
        "Members meet at the local chamber of commerce. It was founded in 1926 by merchants.",
        "Founded in 1926, the chamber of commerce hosts the members' meetings.",
        "A loja vende bordados desde 2008. Ela nasceu em 1936 numa fazenda.",  # a person
        "O APL é apoiado desde 2004. A cidade foi fundada em 1938.",  # a town
        "O MEPES começou em 1968. A primeira foi fundada em 1935 na Itália.",
        "In 1946 the war had ended and the valley was poor.",
    ],
)
def test_other_subjects_or_no_founding_are_not_the_text_s_subject(text: str) -> None:
    assert not told(text)


def test_an_old_cooperative_told_founded_by_its_kind_has_its_year() -> None:
    text = (
        "Castro, Paraná. Os imigrantes holandeses chegaram à região depois da Primeira Guerra e "
        "trabalharam na construção de ferrovias. A cooperativa foi fundada em 1925 por essas famílias, "
        "com o objetivo de vender leite em conjunto. Hoje reúne mais de mil produtores e exporta queijos."
    )
    assert practice_year(text, "Uma cooperativa de leite no Paraná") == 1925


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "Em março de 1931, um grupo de 40 produtores de leite da serra, cansados dos atravessadores, "
            "fundou uma sociedade cooperativa de responsabilidade limitada. Hoje a Cooperativa Serra "
            "Verde exporta queijos.",
            1931,
        ),
        (
            "Era il 1911 quando alcuni viticoltori della valle diedero vita alla Cantina Sociale "
            "Cooperativa di Valverde, per vinificare insieme.",
            1911,
        ),
        ("Per rispondere alla crisi, nel 1937 il governo istituì la Zona Industriale Valverde.", 1937),
        ("Fundada em 1862, a Associação Comercial de Vale Verde reúne hoje 900 empresas.", 1862),
    ],
)
def test_an_old_founding_of_one_of_the_practice_s_kinds_is_its_year(text: str, year: int) -> None:
    names = [["Cooperativa Serra Verde", "Cantina Sociale Cooperativa di Valverde"]]
    names += [["Zona Industriale Valverde", "Associação Comercial de Vale Verde"]]
    assert practice_year(text, "", names) == year


def test_an_earlier_year_of_another_clause_does_not_take_the_founding_s_verb() -> None:
    text = (
        "A cooperativa foi fundada em 1931 por famílias de viticultores cujos avós chegaram à serra a "
        "partir de 1875. Hoje reúne 600 famílias."
    )
    assert practice_year(text, "", [["Cooperativa Vinícola Serra Verde"]]) == 1931


@pytest.mark.parametrize(
    ("text", "names", "year"),
    [
        (
            "Dalla fondazione, nel lontano 1902, la cantina ha attraversato due guerre e molte crisi.",
            ["Cantina Valverde"],
            1902,
        ),
        (
            "GUEST: Kowhai is a dairy co-operative near the river. It was set up in 1911 by local farmers "
            "who wanted to process their own milk.",
            ["Kowhai Co-operative Dairy Company"],
            1911,
        ),
        (
            "Riverbend has been owned by its farmers since 1899, when a group of growers came together to "
            "form a co-operative butter factory. This year's review covers 2023.",
            ["Riverbend Co-operative Limited"],
            1899,
        ),
        (
            "Il Consorzio delle Cooperative Frutticole della Valverde (CFV) compie ottant'anni. Fu fondato "
            "nel 1944, nei mesi difficili della guerra, da un piccolo gruppo di cooperative. Il marchio "
            "collettivo fu riconosciuto nel 2005.",
            ["Consorzio delle Cooperative Frutticole della Valverde (CFV)"],
            1944,
        ),
    ],
)
def test_an_old_cooperative_s_start_told_by_noun_pronoun_or_forming(
    text: str, names: list[str], year: int
) -> None:
    assert practice_year(text, "", [names]) == year


def test_a_town_s_founding_by_its_noun_is_not_the_practice_s() -> None:
    text = "La fondazione della città nel 1850 precede di molto la cooperativa, nata nel 1962."
    assert practice_year(text, "", [["Cooperativa Valverde"]]) != 1850


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "In 1932, the bishop founded a school for the miners' children. The Valley Growers Cooperative sells apples.",
            ["Valley Growers Cooperative"],
        ),
        (
            "Em 1908, o governo do estado criou uma escola agrícola. A Cooperativa Agrícola Serra Verde vende café.",
            ["Cooperativa Agrícola Serra Verde"],
        ),
        (
            "La Cantina di Valverde, fondata da un gruppo di viticoltori, coltiva vigneti fino a 1800 metri.",
            ["Cantina di Valverde"],
        ),
        (
            "A Cooperativa Serra Verde foi fundada por 1750 famílias de imigrantes.",
            ["Cooperativa Serra Verde"],
        ),
        (
            "In 1925 Riverbend became a founding member of the national dairy federation.",
            ["Riverbend Co-operative Limited"],
        ),
        (
            "O polo de confecções de Vale Verde tem raízes na fundação da cidade em 1818.",
            ["Polo de confecções de Vale Verde"],
        ),
        (
            "Riverbend is a dairy co-operative. Founded in 1926, the chamber of commerce now counts 300 members.",
            ["Riverbend Co-operative Limited"],
        ),
        ("Camillo Rossi, nato nel 1868 a Ivrea, è il padre della Rete Canavese.", ["Rete Canavese"]),
    ],
)
def test_an_early_year_of_someone_or_something_else_is_not_the_practice_s(
    text: str, names: list[str]
) -> None:
    assert practice_year(text, "", [names]) is None


def test_a_country_s_name_before_a_collective_s_kind_is_not_what_the_text_calls_it() -> None:
    from ingest.metadata.practice_sentences import called

    assert called("Tatua Co-operative Dairy Company") == ["Tatua Co-operative Dairy Company", "Tatua"]
    assert called("New Zealand Co-operative Dairy Company") == ["New Zealand Co-operative Dairy Company"]


def test_a_passive_whose_subject_follows_the_year_is_another_s_founding() -> None:
    before = "Il Consorzio delle Cooperative della Valverde (CV) compie ottant'anni. "
    for rest in (
        "Fu istituito nel 1927 il comune, staccandosi da Montalto.",
        "Fu costituita nel 1936 la prima associazione dei salumieri della valle.",
    ):
        assert practice_year(before + rest, "", [["Consorzio delle Cooperative della Valverde (CV)"]]) is None
