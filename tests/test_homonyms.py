"""A big city's name that names another place in the text is no evidence of the city's country."""

from __future__ import annotations

from ingest.metadata.countries import country_scores, main_countries


def test_a_city_in_a_longer_name_still_tells_its_country() -> None:
    assert main_countries("Startup Lisboa acolhe vinte empresas. A Startup Lisboa forma.", "Notícia") == [
        "PT"
    ]
    assert "IT" in country_scores("Fiera Milano ospita la mostra delle imprese.", "Notizia")
    assert "IT" in country_scores("Le imprese di Milano vendono in Germania da anni.", "")


def test_a_city_placed_in_another_country_right_after_it_is_another_place() -> None:
    text = (
        "Il complesso si trova a Henderson, sulla costa dell'Australia Occidentale. Le imprese del complesso "
        "condividono bacini e gru con la marina australiana."
    )
    assert "US" not in country_scores(text, "Intervista")  # Henderson, Nevada
    listed = "I grossisti di Verona, Milano e della Germania compravano le mele del consorzio."
    assert country_scores(listed, "Notizia").get("IT", 0) > 0  # a list, not a place's country


def test_malta_written_as_a_name_is_the_country() -> None:
    text = "Il Malta Biotech Park si trova a Malta, vicino alla Sicilia. Malta offre incentivi alle imprese."
    assert main_countries(text, "Il parco di Malta") == ["MT"]
