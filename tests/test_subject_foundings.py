"""A founding before 1950 told of the text's own subject, unnamed, is the practice's start."""

from __future__ import annotations

import pytest

from ingest.metadata.subject_foundings import told_of_the_subject
from ingest.metadata.year_ranker import practice_year


@pytest.mark.parametrize(
    "head",
    [
        "Founded in ",
        "Guest: It was founded in ",
        "Fondata nel ",
        "A cooperativa foi fundada em ",
        "La scuola fu fondata nel ",
        "L'associazione è nata nel ",
        "The co-operative was established in ",
    ],
)
def test_the_subject_unnamed_founded_then(head: str) -> None:
    assert told_of_the_subject(head)


@pytest.mark.parametrize(
    "head",
    [
        "The company was founded in ",  # a firm is older than the practice it joins
        "Luxottica viene fondata ad Agordo nel ",  # another body, by its name
        "In 1946 the war had ended and ",
        "A família chegou ao Paraná e ",
    ],
)
def test_other_subjects_or_no_founding_are_not_the_text_s_subject(head: str) -> None:
    assert not told_of_the_subject(head)


def test_an_old_cooperative_told_founded_by_its_kind_has_its_year() -> None:
    text = (
        "Castro, Paraná. Os imigrantes holandeses chegaram à região depois da Primeira Guerra e "
        "trabalharam na construção de ferrovias. A cooperativa foi fundada em 1925 por essas famílias, "
        "com o objetivo de vender leite em conjunto. Hoje reúne mais de mil produtores e exporta queijos."
    )
    assert practice_year(text, "Uma cooperativa de leite no Paraná") == 1925
