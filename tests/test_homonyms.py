"""A big city's name that names another place in the text is no evidence of the city's country."""

from __future__ import annotations

from ingest.metadata.countries import country_scores, main_countries


def test_a_city_at_the_end_of_a_longer_name_is_another_place() -> None:
    text = (
        "Dieci giorni a Bat Trang, il villaggio della ceramica vicino ad Hanoi. A Bat Trang ogni famiglia "
        "ha un forno; le ceramiche di Bat Trang arrivano ai mercati di Hanoi."
    )
    assert "TH" not in country_scores(text, "Diario di viaggio")  # Trang, the Thai city
    assert main_countries(text, "Diario di viaggio") == ["VN"]


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
