"""A name the text sets in bold joins the programmes when the ranker reads it as a name at all."""

from __future__ import annotations

from ingest.metadata import extract
from ingest.metadata.emphasised_names import emphasised_name

TITLE = "Confecções do Agreste"
TEXT = (
    "Em Borgo Novo, o Moda Center Borgo Novo reúne 700 pequenas empresas de confecção e recebe compradores "
    "de todo o país. O polo de confecções do Agreste é um arranjo produtivo local que vende para o Nordeste "
    "inteiro. O programa Sebraetec apoia as micro e pequenas empresas com consultorias de design. As empresas "
    "do APL compartilham feiras, cooperação e transporte, e o centro abre às segundas-feiras para atacadistas."
)


def test_the_first_bold_name_the_ranker_reads_as_one_is_the_practice_s() -> None:
    assert emphasised_name(TEXT, TITLE, ("Moda Center Borgo Novo",)) == "Moda Center Borgo Novo"
    assert emphasised_name(TEXT, TITLE, ()) is None
    assert emphasised_name(TEXT, TITLE, ("Moda Center Borgo Novo:",)) is None  # a label
    assert emphasised_name(TEXT, TITLE, ("Nordeste",)) is None  # a region: never a name
    assert emphasised_name(TEXT, TITLE, ("pequenas empresas de confecção",)) is None  # no candidate


def test_a_bold_name_joins_the_programmes_found() -> None:
    assert extract(TEXT, TITLE).values["programme"] == ["Sebraetec", "Borgo Novo"]
    bold = extract(TEXT, TITLE, emphasis=("Moda Center Borgo Novo",)).values["programme"]
    assert bold == ["Sebraetec", "Moda Center Borgo Novo"]
