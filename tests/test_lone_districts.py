"""A district named once, a card's cluster line, a short name given in brackets, a quoted saying."""

from __future__ import annotations

from ingest.metadata import extract
from ingest.metadata.district_names import districts
from ingest.metadata.fields import labelled_fields
from ingest.metadata.genre_subject import genre_titled, minutes_body
from ingest.metadata.guess_beside import times_written
from ingest.metadata.lone_districts import lone_district
from ingest.metadata.name_checks import no_name_of_a_scheme
from ingest.metadata.non_names import only_what_it_is
from ingest.metadata.own_name import cluster_named


def test_a_district_named_once_is_the_practice_when_nothing_else_names_one() -> None:
    text = (
        "As pedreiras da região juntaram-se num projeto de reaproveitamento dos escombros. O polo do mármore "
        "de Vila Serrana é a principal zona de extração do país; as empresas partilham agora uma central de "
        "britagem e vendem o pó de pedra às fábricas de cal."
    )
    assert lone_district(text) == "Polo do mármore de Vila Serrana"
    found = extract(text, "Pedreiras juntam-se para aproveitar escombros", language="pt")
    assert found.values["programme"] == ["Polo do mármore de Vila Serrana"]


def test_an_english_cluster_named_once_is_the_practice_when_nothing_else_names_one() -> None:
    text = (
        "I grew up among kilns. The Dunmere ceramics cluster is much smaller than it was, but the "
        "workshops still fire tableware for hotels and a few designers have moved back."
    )
    assert lone_district(text) == "Dunmere ceramics cluster"


def test_two_districts_a_city_s_division_or_a_health_district_give_no_lone_district() -> None:
    two = "Il distretto della carta di Borgoverde e il distretto del vetro di Montalto collaborano."
    assert lone_district(two) is None
    division = "Il mercato si trova a Lima, nel distretto de La Victoria, tra due avenidas."
    assert lone_district(division) is None  # no trade: a city's district
    health = "Il paese ospita la sede del distretto notarile di Borgoverde."
    assert lone_district(health) is None
    unintroduced = "Reti di distretto del mobile di Borgoverde."  # no article: not the one spoken of
    assert lone_district(unintroduced) is None


def test_a_trade_may_be_joined_by_in() -> None:
    text = "Il distretto dell'orticoltura in serra di Borgoverde conta migliaia di aziende."
    assert [m.group() for m in districts(text)] == ["distretto dell'orticoltura in serra di Borgoverde"]


def test_a_card_s_cluster_line_names_the_practice_over_its_title() -> None:
    card = (
        "GOOD PRACTICE CARD No. 3\n"
        "Practice title: Shared design studio and digital catalogue\n"
        "Cluster: Dunmere furniture cluster\n"
        "Location: Dunmere, Western Province\n\n"
        "Background\nDunmere has been associated with carpentry for generations. Hundreds of small "
        "workshops make beds and doors. The workshops opened a shared design studio for their members.\n"
    )
    assert labelled_fields(card)["cluster"] == "Dunmere furniture cluster"
    assert extract(card, "Shared design studio", language="en").values["programme"] == [
        "Dunmere furniture cluster"
    ]
    assert cluster_named({"cluster": "Braga"}) is None  # "Distrito: Braga", a country's division


def test_a_card_s_district_named_by_its_place_s_adjective_is_its_name() -> None:
    card = (
        "**Denominazione:** distretto del bottone borgoverdese\n\n"
        "**Settore:** bottoni e accessori\n\n"
        "## Contesto\n\nNella fascia collinare si concentra una delle produzioni di bottoni più importanti. "
        "Le imprese hanno costituito un laboratorio comune di prove chimiche.\n"
    )
    found = extract(card, "Scheda buona pratica n. 14 — Laboratorio comune", language="it")
    assert found.values["programme"] == ["distretto del bottone borgoverdese"]


def test_a_short_name_given_in_brackets_counts_with_the_name() -> None:
    text = (
        "A União Nacional das Cooperativas Serranas (Unicoser) foi fundada por cooperativas. "
        "Hoje a Unicoser representa mil cooperativas; a Unicoser negocia com o governo."
    )
    assert times_written("União Nacional das Cooperativas Serranas", text) == 3
    placed = "A Feira Serrana (Paraná) reúne produtores do Paraná."
    assert times_written("Feira Serrana", placed) == 1  # a place in brackets is no short name


def test_a_quoted_sentence_is_no_name_but_a_quoted_name_is() -> None:
    text = '"A cooperativa pequena precisa de uma voz própria" e o programa "Compra Direta Local".'
    assert no_name_of_a_scheme("A cooperativa pequena precisa de uma voz própria", text)
    assert not no_name_of_a_scheme("Compra Direta Local", text)


def test_a_district_of_two_places_is_named_whole() -> None:
    text = "Il distretto del sughero di Borgoverde e Tempio Alto esporta tappi in tutto il mondo."
    assert [m.group() for m in districts(text)] == ["distretto del sughero di Borgoverde e Tempio Alto"]


def test_a_place_linked_the_german_or_czech_way_is_named_whole() -> None:
    text = "La missione al distretto del vetro di Nový Bor nad Ploučnicí è piaciuta; e il polo del legno di Lauf an der Pegnitz."
    assert [m.group() for m in districts(text)] == [
        "distretto del vetro di Nový Bor nad Ploučnicí",
        "polo del legno di Lauf an der Pegnitz",
    ]


def test_a_post_in_minutes_is_no_programme() -> None:
    assert only_what_it_is("Executive Director") and only_what_it_is("Vice-Chair")
    assert only_what_it_is("Chief Executive Officer") and not only_what_it_is("Dunmere Business Association")


def test_a_district_only_compared_with_a_service_s_or_a_country_s_is_no_lone_district() -> None:
    for text in (
        "Ao contrário do polo calçadista de Vila Serrana, as fábricas de Birigui fazem calçado infantil.",
        "Come il distretto della ceramica di Borgoverde, anche qui le imprese esportano.",
        "Our workshops compete with the Chinese shoe cluster on price every year.",
        "The outbreak at the Dunmere garment factory cluster closed twelve sites.",
        "Il distretto notarile di Borgoverde ha sede in via Rovello.",
        "O polo de vacinação de Vila Serrana abriu às oito.",
        "Le imprese nel distretto presente in molti comuni della Brianza esportano.",  # a clause
        "Il distretto della ceramica di Borgoverde e Confindustria Ceramica hanno firmato un accordo.",
    ):
        assert lone_district(text) is None, text


def test_a_card_s_cluster_line_must_name_a_cluster_by_its_trade() -> None:
    for value in (
        "Arranjo Produtivo Local",
        "N/A (not part of a cluster)",
        "Dunmere District",
        "Distrito de Braga",
    ):
        assert cluster_named({"cluster": value}) is None, value
    assert cluster_named({"cluster": "Distretto sanitario di Borgoverde"}) is None
    assert cluster_named({"cluster": "APL Moveleiro de Vila Serrana"}) == "APL Moveleiro de Vila Serrana"
    long = "Arranjo Produtivo Local de Confecções de Vila Serrana (APL de Confecções de Vila Serrana)"
    assert cluster_named({"cluster": long}) == long
    assert (
        cluster_named({"cluster": "Distretto del mobile di Borgoverde (ospite)"})
        == "Distretto del mobile di Borgoverde"
    )


def test_a_registered_body_in_brackets_is_whose_the_name_is_not_its_short_name() -> None:
    text = "O Fundo Serrano (BNDES) apoia cooperativas; o BNDES empresta e o BNDES avalia."
    assert times_written("Fundo Serrano", text) == 1


def test_an_faq_s_subject_with_an_acronym_is_a_name_however_common_its_word() -> None:
    text = (
        "Perguntas frequentes — Selo PME\n\nO que é o Selo PME? É um selo atribuído às empresas. "
        "Quem pede o Selo PME? Qualquer empresa com menos de 250 trabalhadores pode pedir o selo."
    )
    assert genre_titled("Perguntas frequentes — Selo PME", text) == "Selo PME"


def test_minutes_name_their_body_in_the_title() -> None:
    minutes = "Minutes of the Board of Directors meeting\nDate: 20 April 2023\nThe Chair opened the meeting."
    assert minutes_body("DUNMERE NORTH BUSINESS ASSOCIATION", minutes) == "Dunmere North Business Association"
    assert minutes_body(
        "Dunmere Manufacturing Council — Minutes of the Members' Forum", "The Council met."
    ) == ("Dunmere Manufacturing Council")
    verbale = "VERBALE DEL CONSIGLIO DI AMMINISTRAZIONE\nIl presidente apre la seduta."
    assert minutes_body("Lattevalle — Società cooperativa agricola", verbale) == "Lattevalle"
    assert minutes_body("Reunião de Direção da Associação Empresarial do Concelho", "Ata n.º 4") is None
    assert minutes_body("Dunmere Manufacturing Council", "A newsletter for members.") is None  # no minutes


def test_a_district_named_by_its_place_s_plural_adjective_after_two_trades() -> None:
    text = "Il Distretto del marmo e delle pietre apuane riunisce cave e segherie della zona."
    assert [m.group() for m in districts(text)] == ["Distretto del marmo e delle pietre apuane"]
    assert not districts("Il distretto della meccanica e delle macchine conta 200 imprese.")  # a noun
