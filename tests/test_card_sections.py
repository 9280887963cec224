"""Card fields written as sections: a heading over the paragraph that gives them."""

from __future__ import annotations

import pytest

from ingest.metadata import extract
from ingest.metadata.card_sections import heading_field, section_fields


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Resultados observados", "results"),
        ("Principais resultados", "results"),
        ("Risultati e criticità", "results"),
        ("Results reported", "results"),
        ("Fontes de financiamento", "funding"),
        ("Partner coinvolti", "partners"),
        ("Recursos humanos", None),  # human resources, not funding
        ("Os resultados da rede foram bons para todas as empresas", None),  # a sentence
        ("Como funcionou", None),
    ],
)
def test_a_short_heading_names_its_field(heading: str, field: str | None) -> None:
    assert heading_field(heading) == field


def test_sections_give_the_paragraph_or_the_list_under_their_heading() -> None:
    text = (
        "Ficha\n\nNome: Rede X\n\n## Resultados observados\n\nAs vendas cresceram. Os custos caíram.\n\n"
        "## Lições\n\nOutra coisa.\n\n**Financiamento**\n- Sebrae\n- governo estadual;\n\nFim.\n"
    )
    assert section_fields(text) == {
        "results": "As vendas cresceram. Os custos caíram.",
        "funding": "Sebrae; governo estadual",
    }


def test_a_long_section_is_cut_at_a_sentence_end() -> None:
    body = "A rede cresceu muito. " * 30
    value = section_fields("Resultados\n\n" + body)["results"]
    assert len(value) <= 300 and value.endswith(".")


def test_a_labelled_line_wins_over_a_section_and_sections_reach_the_card() -> None:
    text = "Rede Y\n\nResultados: vendas em alta\n\nResultados\n\nOutro texto longo.\n\nParceiros\n\nSebrae e SENAI.\n"
    card = extract(text, "Rede Y").card
    assert card["results"] == "vendas em alta" and card["partners"] == "Sebrae e SENAI."
