"""The country a text about firms takes for granted when it names none."""

from __future__ import annotations

from ingest.metadata import extract
from ingest.metadata.domestic import domestic_country


def test_portugal_and_brazil_are_told_by_their_institutions_and_money() -> None:
    assert domestic_country("O IAPMEI paga até 40 mil euros por empresa do concelho.", "pt") == "PT"
    assert domestic_country("A prefeitura e o Sebrae liberam R$ 40 mil; basta o CNPJ.", "pt") == "BR"


def test_portuguese_spelling_alone_does_not_say_portugal() -> None:
    # Angola, Mozambique and Cabo Verde write "equipa" and "contacto" too
    assert domestic_country("A equipa da cooperativa pediu o contacto do financiador.", "pt") is None


def test_an_italian_text_is_at_home_in_italy_unless_it_reads_swiss() -> None:
    assert domestic_country("Il fondo aiuta le imprese artigiane della provincia.", "it") == "IT"
    assert domestic_country("Il Cantone garantisce crediti fino a 500 000 franchi.", "it") == "CH"
    assert domestic_country("The fund helps small firms in the province.", "en") is None


def test_the_domestic_country_is_used_only_when_the_text_names_none() -> None:
    text = (
        "A Câmara do concelho e o IAPMEI abriram candidaturas para empresas locais. Cada empresa "
        "recebe até 20 mil euros."
    )
    assert extract(text, "Apoio a empresas", language="pt").values["country"] == ["PT"]
    named = extract(
        text + " O modelo veio do Brasil, onde o Brasil apoia empresas desde 2010.", "x", language="pt"
    )
    assert "BR" in named.values["country"]
    recipe = "Misture os ovos, junte 200 g de farinha (2 euros) e leve ao forno do concelho por 40 minutos."
    assert extract(recipe, "Bolo", language="pt").values["country"] == []  # about no firm


def test_words_shared_with_other_countries_say_nothing() -> None:
    assert domestic_country("Os empresários de Nampula vendem pelo celular e pagam em euros.", "pt") is None
    assert (
        domestic_country("Il porto di Trieste ha i punti franchi; il Parco del Ticino ospita imprese.", "it")
        == "IT"
    )
    assert domestic_country("Custa R$1.200 por mês.", "pt") == "BR"


def test_the_other_portuguese_speaking_economies_are_told_by_their_money() -> None:
    assert domestic_country("O empréstimo chega a trezentas mil patacas por jovem.", "pt") == "MO"
    assert domestic_country("Cada grupo recebeu cinquenta mil meticais.", "pt") == "MZ"
