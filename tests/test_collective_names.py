"""The collective a text names in full once or twice and then calls by its kind alone."""

from __future__ import annotations

from unittest.mock import patch

from ingest.metadata import extract
from ingest.metadata.collective_names import (
    _references,
    collective_over_guess,
    collective_subject,
    holding_it,
    refers_to,
)
from ingest.metadata.district_names import district_subject, titled_district

CASE = (
    "Caso: a Cooperativa Vinícola Serra Alta\n\n"
    "O caso descreve a Cooperativa Vinícola Serra Alta, no município de Pedra Branca. A cooperativa foi "
    "fundada em 1934 por famílias de viticultores; a cooperativa vende vinhos e sucos às redes de "
    "supermercados e exporta para três países. As empresas da região compram uva da cooperativa."
)


def test_a_cooperative_named_once_or_twice_and_then_by_its_kind_is_the_practice() -> None:
    assert collective_subject(CASE, "Nota de ensino") == "Cooperativa Vinícola Serra Alta"
    found = extract(CASE, "NOTA DE ENSINO", language="pt")
    assert found.values["programme"] == ["Cooperativa Vinícola Serra Alta"]
    assert found.year == 1934


def test_a_district_in_lower_case_and_its_references_count_together() -> None:
    text = (
        "Il Ministro sa che le imprese del distretto orafo di Borgoverde soffrono; il distretto ha perso "
        "mille addetti e le aziende del distretto chiedono una scuola."
    )
    assert collective_subject(text, "CAMERA DEI DEPUTATI") == "Distretto orafo di Borgoverde"


def test_a_capitalised_district_with_its_trade_in_lower_case_is_one_name() -> None:
    text = (
        "Il **Distretto della ceramica di Borgoverde** riunisce cento imprese. Il distretto esporta molto; "
        "le aziende del distretto condividono un laboratorio e il distretto forma i tecnici."
    )
    assert collective_subject(text, "Newsletter n. 4") == "Distretto della ceramica di Borgoverde"
    assert (
        collective_subject(text.replace("della ceramica ", ""), "Newsletter n. 4")
        == "Distretto di Borgoverde"
    )


def test_an_english_cluster_named_place_first_and_then_the_cluster_is_the_practice() -> None:
    text = (
        "The Owerri auto parts cluster grew along one street. Traders in the cluster import parts, and "
        "the cluster now trains apprentices. The European cluster platform is a distant idea here."
    )
    assert collective_subject(text, "Blog") == "Owerri auto parts cluster"
    assert (
        collective_subject("The European cluster met. The cluster grew; the cluster voted.", "Blog") is None
    )


def test_a_district_named_the_english_way_and_a_cluster_in_lower_case_are_practices() -> None:
    english = (
        "The delegation visited the Borgoverde furniture district. Firms in the district share a "
        "testing laboratory, and the district trains upholsterers."
    )
    assert collective_subject(english, "Study tour report") == "Borgoverde furniture district"
    rwanda = "In Borgoverde District many ideas came in. The district office chose ten; the district paid."
    assert collective_subject(rwanda, "News") is None, "a district without a trade is a country's division"
    school = "Teachers in the Austin school district went back. The district said so; the district board met."
    assert collective_subject(school, "Strike ends") is None, "a school district is no trade's"
    italian = (
        "Il cluster calzaturiero di Borgoverde ha aperto un corso. Nel cluster operano mille laboratori e "
        "il cluster esporta in Europa."
    )
    title = "India, il cluster calzaturiero di Borgoverde punta sulla formazione"
    assert district_subject(italian, title) == "Cluster calzaturiero di Borgoverde"


def test_a_name_the_text_keeps_using_by_its_acronym_is_no_passing_mention() -> None:
    text = (
        "Os empresários visitaram o Cluster de Empresas de Automoción de Borgoverde (CEAB). O CEAB tem cem "
        "sócios; o CEAB forma técnicos e o cluster automóvel de Borgoverde exporta. O cluster automóvel de "
        "Borgoverde cresceu."
    )
    guess = "Cluster de Empresas de Automoción de Borgoverde"
    assert collective_over_guess(text, "Notícia", guess) is None
    once = text.replace("O CEAB tem cem sócios; o CEAB forma", "Tem cem sócios e forma")
    assert collective_over_guess(once, "Notícia", guess) == "Cluster automóvel de Borgoverde"
    country = text.replace("(CEAB). O CEAB tem cem sócios; o CEAB forma", "(Espanha). Tem cem sócios e forma")
    assert collective_over_guess(country, "Notícia", guess) == "Cluster automóvel de Borgoverde", "no acronym"
    # a practice the title ends with is what the document is about, however seldom named
    titled = f"Visita da delegação ao {guess}"
    assert collective_over_guess(once, titled, guess) is None


def test_the_district_a_text_keeps_naming_beats_a_firm_it_names_once() -> None:
    text = (
        "Il Ministro sa che il distretto orafo di Borgoverde soffre? Le imprese del distretto orafo di "
        "Borgoverde esportano meno; la storica Aurifex ha chiuso un reparto e il distretto chiede aiuto."
    )
    with patch("ingest.metadata.likely_programme", return_value=("Aurifex", 0.44)):  # the ranker's guess
        found = extract(text, "Interrogazione a risposta scritta", language="it")
    assert found.values["programme"] == ["Distretto orafo di Borgoverde"]
    with patch("ingest.metadata.likely_programme", return_value=("Aurifex", 0.44)):
        found = extract(
            text.replace("il distretto chiede", "Aurifex e Aurifex chiedono"), "Nota", language="it"
        )
    assert found.values["programme"] == ["Aurifex"]  # a firm the text keeps naming stays


def test_a_passing_mention_or_two_collectives_of_one_kind_give_none() -> None:
    assert collective_subject("A Cooperativa Serra Alta vende uva. O preço subiu.", "Notícia") is None
    two = (
        "A Cooperativa Serra Alta e a Cooperativa Vale Verde vendem uva; a cooperativa maior exporta, "
        "a cooperativa menor vende no mercado local."
    )
    assert collective_subject(two, "Notícia") is None


def test_a_reference_by_kind_is_no_other_name() -> None:
    assert refers_to("Federazione Cooperativa Alpina", "Nel 1899 la Federazione nacque a Trento")
    assert not refers_to("Federazione Cooperativa Alpina", "la Federazione Nazionale dei Consorzi")
    assert not refers_to("Programma Voucher Export", "il programma fu avviato nel 2015")  # no collective
    assert refers_to("Comissão Vitivinícola do Alto Douro (CVAD)", "A comissão, essa, foi criada em 1929")
    assert refers_to("Shetland Knitwear Authority", "The Authority was set up in 1991 by the council")
    assert not refers_to("Shetland Knitwear Authority", "In 1991 the Port Authority of Lerwick moved")


def test_a_town_the_title_names_gives_way_to_its_district() -> None:
    text = (
        "Borgoverde, il distretto della sedia prova a ripartire. Le imprese del distretto della sedia di "
        "Borgoverde esportano meno; il distretto conta duecento aziende e il distretto cerca tecnici. "
        "A Borgoverde le aziende condividono un laboratorio; Borgoverde ospita la fiera."
    )
    found = extract(text, "Borgoverde, il distretto della sedia prova a ripartire", language="it")
    assert found.values["programme"] == ["Distretto della sedia di Borgoverde"]


def test_short_forms_of_the_collective_count_with_it_and_references_need_their_article() -> None:
    apl = (
        "O Arranjo Produtivo Local de Confecções de Vila Alta cresce. O APL de Vila Alta exporta; "
        "o APL compra junto e o APL vende."
    )
    assert collective_subject(apl, "Notícia") == "Arranjo Produtivo Local de Confecções de Vila Alta"
    assert _references("acooperativa, oAPL", "cooperativa", set()) == 0
    assert _references("dell'associazione e l'associazione", "associazione", set()) == 2


def test_an_administrative_district_is_no_collective() -> None:
    text = "The District Industries Centre in Pune helps. The district has many firms; the district grows."
    assert collective_subject(text, "News") is None


def test_a_long_text_is_read_only_in_its_opening() -> None:
    long = CASE + " As empresas Alfa Beta Gama compram juntas." * 40_000  # about 1.7 million characters
    assert collective_subject(long, "Nota de ensino") == "Cooperativa Vinícola Serra Alta"


def test_a_district_whose_trade_runs_into_its_place_is_named_whole() -> None:
    text = (
        "Tra Pieve e Monteluce lavora il distretto della rubinetteria e del valvolame Pieve-Monteluce: "
        "fonderie, cromature, assemblaggio. Pieve-Monteluce esporta in trenta paesi; il distretto forma i "
        "tecnici e il distretto promuove le imprese all'estero. Pieve-Monteluce ha un consorzio export."
    )
    assert (
        collective_subject(text, "Il rubinetto")
        == "Distretto della rubinetteria e del valvolame Pieve-Monteluce"
    )
    # a preposition is no trade: "il distretto tra Pieve e Monteluce" names no district
    assert (
        collective_subject("Il distretto tra Pieve e Monteluce cresce; il distretto esporta.", "Nota") is None
    )


def test_a_quoted_phrase_in_lower_case_is_a_concept_not_a_collective() -> None:
    text = (
        "O Parque Solaris, em Vila Nova, é o que os seus criadores chamam de “parque de inovação”: o parque "
        "junta empresas, laboratórios e moradias, e o parque recebe turistas. Empresas podem instalar-se no parque."
    )
    assert collective_subject(text, "Boletim") == "Parque Solaris"


def test_a_technopole_named_with_a_dashed_place_and_then_by_its_kind_is_the_practice() -> None:
    text = (
        "La valutazione riguarda il Tecnopolo di Kelibia–Nord, polo tunisino del tessile. Il Tecnopolo di "
        "Kelibia ospita un centro di design; il Tecnopolo forma i tecnici e nel Tecnopolo lavorano 40 imprese."
    )
    assert collective_subject(text, "SINTESI") == "Tecnopolo di Kelibia–Nord"


def test_a_verb_after_the_kind_is_no_trade() -> None:
    text = (
        "Nel bergamasco il distretto ospita Brembo e altre imprese. Il distretto esporta freni e il "
        "distretto forma tecnici; il distretto ospita Brembo da anni."
    )
    assert collective_subject(text, "Nota") is None


def test_a_cluster_named_the_english_way_may_join_two_trades() -> None:
    text = (
        "Mid-term review of the Pedra Azul pump and motor cluster. The Pedra Azul pump and motor cluster has "
        "four hundred firms; the cluster tests motors for export and the cluster trains technicians."
    )
    found = extract(text, "Mid-term review", language="en").values["programme"]
    assert found == ["Pedra Azul pump and motor cluster"]


def test_and_before_the_cluster_word_is_a_clause() -> None:
    text = (
        "Since 2015 the Ministry funds training and cluster managers. The cluster grows; the cluster exports."
    )
    assert extract(text, "News", language="en").values["programme"] == []


def test_a_union_of_cooperatives_named_once_and_then_the_union_is_the_practice() -> None:
    text = (
        "Near the coast lies Vrysses, home of the Union of Wine Cooperatives of Vrysses. The Union groups "
        "fifteen village cooperatives. The Union bottles most of their wine, and the Union trains young "
        "growers every winter."
    )
    assert collective_subject(text, "A visit to Vrysses") == "Union of Wine Cooperatives of Vrysses"


def test_a_union_that_is_no_union_of_cooperatives_or_not_english_is_no_collective() -> None:
    text = (
        "The Union of Furniture Makers lobbies in Brussels. The Union met twice; the Union wrote to the "
        "Commission and the Union published a report."
    )
    assert collective_subject(text, "Report") is None
    federal = (
        "A cooperativa é filiada à União Nacional das Cooperativas da Agricultura Familiar. Os recursos vêm "
        "da União: a União repassa e a União fiscaliza."
    )
    assert collective_subject(federal, "Relatório") is None  # "a União" is the federal government


def test_a_cluster_named_once_whose_town_the_title_names_is_the_practice() -> None:
    text = (
        "In Dovrenik four cutlers share one grinding shop. By the 1980s the Dovrenik cutlery cluster sold "
        "knives across the region. Today young apprentices train in the town's workshops."
    )
    found = extract(text, "Dovrenik cutlers sharpen their skills", language="en")
    assert found.values["programme"] == ["Dovrenik cutlery cluster"]
    assert titled_district(text, "A report on knives") is None  # the title names no town of it
    listed = "Cheap loans reach shops, farms and firms of the Dovrenik cutlery cluster and of the market."
    assert titled_district(listed, "Dovrenik small firms get cheap loans") is None  # nor its trade


def test_a_district_named_in_the_title_and_then_spoken_of_is_the_subject() -> None:
    title = "Il distretto dei tappeti di Borgoverde: domande frequenti"
    text = (
        "Borgoverde si trova vicino al distretto di Montalto. Il distretto funziona come una rete di "
        "famiglie; nel distretto lavorano migliaia di tessitori."
    )
    assert district_subject(text, title) == "Distretto dei tappeti di Borgoverde"
    assert district_subject("Il distretto di Montalto è vicino. Altro non si dice.", title) is None


def test_a_district_named_once_needs_the_text_to_speak_of_it_again() -> None:
    once = "Il distretto della carta di Borgoverde è antico; il distretto si è evoluto nei secoli."
    assert district_subject(once, "Interrogazione") is None
    again = once + " Oggi il distretto esporta in Europa."
    assert district_subject(again, "Interrogazione") == "Distretto della carta di Borgoverde"
    passing = "Collabora con reti di cluster di altri Paesi. Il cluster cresce; il cluster esporta."
    assert district_subject(passing, "Convegno") is None  # no article: not one district


def test_a_place_keeps_its_elided_link() -> None:
    text = "Il distretto del camper della Val d'Elsa cresce. Il distretto del camper della Val d'Elsa assume."
    assert district_subject(text, "Comunicato") == "Distretto del camper della Val d'Elsa"


def test_a_one_word_guess_gives_way_to_the_one_cluster_that_holds_it() -> None:
    text = (
        "Our study trip went to the Borgo cutlery cluster in central Japan. Borgo has 300 workshops; "
        "Borgo makers share a testing lab, and Borgo exports knives."
    )
    assert collective_over_guess(text, "Crafts Newsletter", "Borgo") == "Borgo cutlery cluster"
    both = text + " Later we saw the Borgo scissors cluster."
    assert collective_over_guess(both, "Crafts Newsletter", "Borgo") is None


def test_a_district_named_after_two_places_adjectives() -> None:
    text = (
        "Il distretto calzaturiero fermano-maceratese esporta. Le imprese del distretto calzaturiero "
        "fermano-maceratese vanno alle fiere."
    )
    assert district_subject(text, "Interrogazione") == "Distretto calzaturiero fermano-maceratese"


def test_an_administrative_or_health_district_spoken_of_is_no_practice() -> None:
    viseu = "A cooperativa vende no distrito de Viseu. Hoje é a maior empresa do distrito. Os jovens do distrito ficam."
    assert district_subject(viseu, "Cooperativa") is None
    ostuni = "Opera nel distretto sanitario di Ostuni. Nel distretto lavorano medici; il distretto copre tre comuni."
    assert district_subject(ostuni, "Nota") is None
    prato = "Il distretto tessile di Prato nell'Italia centrale esporta. Il distretto cresce; il distretto innova."
    assert district_subject(prato, "Nota") == "Distretto tessile di Prato"


def test_a_cooperative_known_today_by_another_name_is_named_as_it_is_now() -> None:
    text = (
        "Caso de ensino: a trajetória da Melsul\n\nEm 1971, quarenta apicultores fundaram a Cooperativa dos "
        "Apicultores de Lagoa Verde, hoje conhecida como Melsul Cooperativa Agroindustrial. A Melsul vende mel "
        "e cera; a cooperativa exporta para a Europa e a Melsul mantém um laboratório. A cooperativa cresceu."
    )
    found = extract(text, "Caso de ensino: a trajetória da Melsul", language="pt")
    assert found.values["programme"] == ["Melsul Cooperativa Agroindustrial"]


def test_a_body_called_by_its_short_name_then_its_first_long_name_is_the_short_one() -> None:
    text = (
        "Em 1962, produtores de café criaram a Cafesul, então Cooperativa Central dos Cafeicultores do Sul, "
        "para vender juntos. A Cafesul abriu um centro de pesquisa. Hoje a Cafesul exporta para vinte países."
    )
    assert "Cafesul" in extract(text, "Seis décadas de vendas: a Cafesul", language="pt").values["programme"]


def test_who_leads_a_collective_today_is_no_new_name_of_it() -> None:
    from ingest.metadata.collective_names import renamed

    text = "Il Consorzio Vini del Lago, oggi presieduto da Marco Bianchi, tutela la denominazione."
    assert not renamed(text, "Consorzio Vini del Lago", "Marco Bianchi")
    text = "Nel 1962 nacque la Cantina dei Colli, poi ribattezzata Collivino, che oggi esporta."
    assert renamed(text, "Cantina dei Colli", "Collivino")


def test_after_a_title_naming_the_district_one_more_use_is_enough() -> None:
    titled = "Il distretto calzaturiero di Borgoverde"
    assert (
        district_subject("Il distretto però non è scomparso.", titled)
        == "Distretto calzaturiero di Borgoverde"
    )
    assert district_subject("Le fabbriche hanno chiuso.", titled) is None
    compared = (
        "Le imprese del distretto di Montalto chiedono aiuto. Come il distretto laniero di Borgoverde, "
        "il distretto deve innovare e il distretto deve formare i giovani."
    )
    assert district_subject(compared, "Interrogazione") is None  # two districts: neither is the subject


def test_a_guess_that_names_no_practice_gives_way_to_the_district_holding_it() -> None:
    text = (
        "O polo naval de Porto Alto voltou a receber encomendas. Em Porto Alto, o polo naval de Porto Alto "
        "emprega três mil pessoas; o Promar apoia os estaleiros."
    )
    assert holding_it(text, "Notícia", "Porto Alto") == "Polo naval de Porto Alto"
    assert holding_it(text, "Notícia", "Tecnopolo Sul") == "Tecnopolo Sul"  # a practice by its own name
