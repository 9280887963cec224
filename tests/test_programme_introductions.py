"""How texts introduce a programme without the usual words, and what only looks like one."""

from __future__ import annotations

import pytest

from ingest.metadata import extract
from ingest.metadata.countries import country_scores
from ingest.metadata.district_names import district_subject
from ingest.metadata.firms import about_firms
from ingest.metadata.name_checks import a_place, a_sentence, a_state_code
from ingest.metadata.programme_keys import name_keys, programme_key, written_forms
from ingest.metadata.programme_names import programme_names
from ingest.metadata.registry import by_key, names_one, organisations, programmes
from ingest.metadata.title_subject import title_subject, titled
from kb.taxonomy import default_taxonomy


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The initiative began as the Ben Franklin Partnership and is known today as "
            "Ben Franklin Technology Partners.",
            "Ben Franklin Technology Partners",
        ),
        (
            "O governo criou o Programa Nacional de Apoio ao Cooperativismo Social, conhecido como "
            "Pronacoop Social. O programa apoia cooperativas.",
            "Pronacoop Social",
        ),
        (
            "A província recebeu uma unidade do Balcão Único do Empreendedor (BUE), o serviço do Governo.",
            "Balcão Único do Empreendedor (BUE)",
        ),
        (
            "Ottennero un prestito attraverso SELFIEmployment, il fondo rotativo nazionale partito nel 2016.",
            "SELFIEmployment",
        ),
        (
            "A mudança veio com o Inova Simples, o regime especial simplificado para startups.",
            "Inova Simples",
        ),
        (
            "L'azienda ha scelto il cosiddetto Patent Box, il regime opzionale di tassazione dei brevetti.",
            "Patent Box",
        ),
        ("Il programma di Distretti Tecnologici ha finanziato nuovi laboratori.", "Distretti Tecnologici"),
        (
            "O Programa das Nações Unidas para o Desenvolvimento (PNUD) apoiou a rede.",
            "Programa das Nações Unidas para o Desenvolvimento (PNUD)",
        ),
        (
            "Il Programa de Desarrollo para Desplazados, Refugiados y Repatriados en Centroamérica (PRODERE) "
            "è stato avviato nel 1990.",
            "Programa de Desarrollo para Desplazados, Refugiados y Repatriados en Centroamérica (PRODERE)",
        ),
        (
            "Dieci botteghe hanno usato Vetrine Aperte, il progetto promosso dalla Provincia.",
            "Vetrine Aperte",
        ),
        (
            "Sales grew with Made to Trade, the national scheme launched in 2019 for small exporters.",
            "Made to Trade",
        ),
        (
            "La richiesta arriva da Fiere Amiche, l'agevolazione regionale pensata per le fiere.",
            "Fiere Amiche",
        ),
        (
            "Nel 2004 la Regione ha lanciato Export Facile, l'incentivo regionale per le PMI.",
            "Export Facile",
        ),
        ("O Fundo 200M investe ao lado de um investidor privado.", "Fundo 200M"),
        ("Il Patto per il Lavoro firmato nel 2015 impegna le parti sociali.", "Patto per il Lavoro"),
        ("Formação apoiada pelo programa Comércio + Digital 2024 chegou a Viseu.", "Comércio + Digital 2024"),
        (
            "Era la legge 11 marzo 1992, n. 215, che sosteneva le imprenditrici.",
            "Legge 11 marzo 1992, n. 215",
        ),
        (
            'Verkstadslyftet (the "Workshop Lift") is a national programme for small plants.',
            "Verkstadslyftet",
        ),
        ("Il PASER, avviato nel 2009, ha finanziato cooperative rurali.", "PASER"),
        (
            "ALTO — A Scheme for Local Trade and Opportunity — was launched in 2015.",
            "Scheme for Local Trade and Opportunity (ALTO)",
        ),
        (
            'Il secondo è un fondo, chiamato "Rinnova la Bottega", che concede contributi.',
            "Rinnova la Bottega",
        ),
        (
            "Fundos do Apoio à Exportação Sustentável, o programa criado em 2020, chegaram.",
            "Apoio à Exportação Sustentável",
        ),
        (
            "Le imprese aderiscono a Sostegno all'Export del Sud, l'iniziativa promossa dalle Camere.",
            "Sostegno all'Export del Sud",
        ),
        (
            "The Growth & Skills Voucher (GSV) pays for half of a consultant's fee.",
            "Growth & Skills Voucher (GSV)",
        ),
        ("La Nuova Sabatini, la misura gestita dal MISE, finanzia macchinari.", "Nuova Sabatini"),
        (
            "O programa de crédito mais citado é o PM SVAmitra, sigla de Pradhan Mantri Svarozgar Mitra.",
            "PM SVAmitra",
        ),
        ("Saiu a avaliação do programa dinamarquês SMV:Grøn, de apoio verde.", "SMV:Grøn"),
        ("Trata-se da Lei n.º 12/15, conhecida como Lei do Fomento Empresarial.", "Lei n.º 12/15"),
        (
            "Il Sistema de Fomento para el Desarrollo ha finanziato 300 imprese.",
            "Sistema de Fomento para el Desarrollo",
        ),
        (
            "I joined Startups Go Global, the government programme launched here in Malaysia in 2019.",
            "Startups Go Global",
        ),
        ("Con Resto al Sud, la misura gestita da Invitalia, sono nate mille imprese.", "Resto al Sud"),
        (
            "Nel 1975 il governo istituì la Zona franca di esportazione di Borgomare, la prima del paese.",
            "Zona franca di esportazione di Borgomare",
        ),
        (
            "La Zona di trasformazione per l'esportazione di Vinh Lac ospita cento imprese.",
            "Zona di trasformazione per l'esportazione di Vinh Lac",
        ),
    ],
)
def test_a_programme_introduced_by_its_kind_or_its_later_name_is_found(text: str, name: str) -> None:
    assert name in programme_names(text)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Possono accedere anche le PMI, a patto di avere brevetti in uso.", "PMI"),
        (
            "O acordo criou a Zona de livre comércio do Mercosul em 1991.",
            "Zona de livre comércio do Mercosul",
        ),
        ("Le imprese usano la Zona di libero scambio di Canada e UE.", "Zona di libero scambio di Canada"),
        (
            "O projeto foi aprovado em edital do Ministério da Saúde para a agricultura.",
            "Ministério da Saúde",
        ),
        ("Il progetto è stato realizzato nell'ambito del sistema delle Nazioni Unite.", "Nazioni Unite"),
        (
            "The Dedicated Fund on Branding, Upgrading and Domestic Sales (BUD Fund) opened in 2012.",
            "Dedicated Fund",
        ),
        ("A startup foi selecionada no edital da FINEP para a inovação.", "FINEP"),
        ("As vendas caíram. Por isso, o programa acompanha com atenção o mercado.", "Por isso"),
        ("Segundo o IBGE, o sistema produtivo da região cresceu.", "IBGE"),
        ("Para o Sebrae, o programa significa que as empresas exportam.", "Sebrae"),
        (
            "O Índice de Desenvolvimento Humano (IDH) do município subiu.",
            "Índice de Desenvolvimento Humano (IDH)",
        ),
        ("Em São Paulo, programa do Sebrae capacita artesãos.", "São Paulo"),
        (
            "É pouco conhecido. Instituído em 2015, o programa permite que cooperativas usem créditos.",
            "Instituído em 2015",
        ),
        (
            "Many asked.\n\nProgrammes like the NEIP will not solve youth unemployment.",
            "Programmes like the NEIP",
        ),
        ("Il bando della Regione Lombardia finanzia le reti.", "Regione Lombardia"),
        ("Bandi e Avvisi\nLe domande si presentano online.", "Bandi e Avvisi"),
        ("O Estado Novo, o regime autoritário de Salazar, fechou os sindicatos.", "Estado Novo"),
        ("No Brasil, o regime tributário para pequenas empresas é o Simples.", "Brasil"),
        ("The firm opened in Bombay, now known as Mumbai, in 1990; the programme came later.", "Mumbai"),
        (
            "The Initiative of the Atlantic Fisheries Commission funded boats.",
            "Initiative of the Atlantic Fisheries Commission",
        ),
        ("What is the programme for? Where was the programme run?", "What"),
        ("Qual è il progetto più riuscito della rete?", "Qual"),
        ("Assim, o sistema de formação passa a financiar empresas.", "Assim"),
        ("Brexit was a real challenge for the small exporters of the region.", "Brexit"),
        ("Montebelluna è un sistema di piccole imprese dello sport.", "Montebelluna"),
        ("Segundo o Sebrae, o programa criado em 2010 atendeu mil empresas.", "Sebrae"),
        ("Since 2015, the programme funded by the region has trained 300 managers.", "Since 2015"),
        ("Il Consorzio, avviato nel 2005, riunisce trenta imprese.", "Consorzio"),
        ("Barilla, il marchio di Parma, apre un nuovo stabilimento.", "Barilla"),
        (
            "SMILE – The Project was presented to the partners in Milan.",
            "Project was presented to the partners in Milan (SMILE)",
        ),
        ("Lo ha detto Marco Bianchi, il progetto della Regione è partito.", "Marco Bianchi"),
        ("Recently, the programme launched in 2019 has trained 300 managers.", "Recently"),
        ("Mesmo assim, a rede de parceiros continuou a crescer.", "Mesmo assim"),
        ("Nesse sentido, o programa criado em 2010 atende mil empresas.", "Nesse sentido"),
        ("In 2015, with the support of the EU, the programme funded by the region trained managers.", "EU"),
        (
            "In the region of Emilia-Romagna, the project funded by the ERDF involves 40 firms.",
            "Emilia-Romagna",
        ),
        ("Il Consorzio Vera Pelle, la rete promossa dalle concerie, conta 20 soci.", "Consorzio Vera Pelle"),
        ("Fraunhofer IPT (Germany) is a project partner responsible for WP3.", "Fraunhofer IPT"),
        ("The pilot in Lombardy (Italy) was a regional project.", "Lombardy"),
        ("Il GDPR, introdotto nel 2018, ha cambiato le regole.", "GDPR"),
        ("O SENAI, sigla de Serviço Nacional de Aprendizagem Industrial, formou os técnicos.", "SENAI"),
        ("O APL, sigla de Arranjo Produtivo Local, reúne empresas de um território.", "APL"),
        ("Dr. Bob Smith, short for Robert, opened the meeting.", "Bob Smith"),
        ("O projeto Rota 2030 para o Rio Grande do Sul abriu.", "Rota 2030 para o Rio Grande do Sul"),
        ("Segundo o Decreto-Lei n.º 248/86, a sociedade é unipessoal.", "Lei n.º 248/86"),
        ("The town is proud of the ferry Seabird, launched in 1931, and of its yards.", "Seabird"),
        ("A Câmara do Porto, avenida central, lançada em 2010, ficou pronta.", "Câmara do Porto"),
    ],
)
def test_an_idiom_a_body_or_half_a_name_is_no_programme(text: str, not_a_name: str) -> None:
    assert not_a_name not in programme_names(text)


def test_a_law_cited_with_its_title_and_a_word_after_an_acronym_compare_as_the_name() -> None:
    titled = "Legge 25 febbraio 1992, n. 215 – Azioni positive per l'imprenditoria femminile"
    assert programme_key(titled) == programme_key("Legge n. 215/1992") == "legge 215 1992"
    assert written_forms("Historically Underutilized Business Zone (HUBZone) program") == [
        "Historically Underutilized Business Zone",
        "HUBZone",
    ]


def test_the_uk_nations_and_englands_regions_are_british_and_new_england_is_not() -> None:
    scores = country_scores("Small manufacturers in the West Midlands asked for help.", "")
    assert "ZW" not in scores and scores["GB"] >= 1.0  # not Zimbabwe's Midlands province
    assert country_scores("Le imprese della Scozia condividono un laboratorio.", "").keys() == {"GB"}
    new_england = country_scores("Os clusters da Nova Inglaterra e da Nova Escócia.", "")
    assert "GB" not in new_england and {"US", "CA"} <= new_england.keys()


def test_a_name_and_its_tail_after_a_dash_are_one_programme_unless_the_tail_is_named_alone() -> None:
    text = (
        "Abertas as candidaturas ao programa Vale Jovem – Rede de Ideias e Negócios, promovido pela região."
    )
    assert programme_names(text) == ["Vale Jovem – Rede de Ideias e Negócios"]
    alone = (
        "Il Progetto Botteghe – Programma Sviluppo Rurale 2014-2020 è partito. "
        "Il Programma Sviluppo Rurale 2014-2020 finanzia anche altri progetti."
    )
    assert "Programma Sviluppo Rurale 2014-2020" in programme_names(alone)


def test_a_short_word_between_capitals_links_a_name_and_a_past_participle_ends_the_run_up() -> None:
    assert "Portugal nos Mercados" in programme_names(
        "As firmas aderiram ao Portugal nos Mercados, o programa de apoio."
    )
    assert "Lombardia Export" in programme_names(
        "La Regione ha lanciato Lombardia Export, il programma di sostegno."
    )


def test_a_title_gives_a_name_only_with_an_acronym_the_text_uses() -> None:
    text = "The report looks at small firms in three regions and at how the GSV paid their consultants."

    def named(title: str) -> list[str]:
        return extract(text, title, language="en").values["programme"]

    assert named("Evaluation of the Cluster Development Programme") == []
    assert named("Questions on the Growth & Skills Voucher (GSV)") == ["Growth & Skills Voucher (GSV)"]
    assert named("Key Performance Indicators (KPI) for Small Firms") == []  # a title's word, not its subject


def test_central_european_capitals_name_their_places_and_a_market_is_not_where_the_practice_is() -> None:
    assert "PL" in country_scores("Ten clothing firms from Łódź share a showroom.", "")
    market = country_scores("A hardware shop in Ireland now sells to customers in Scotland.", "")
    assert market["IE"] > market.get("GB", 0.0)


def test_a_card_named_as_a_programme_names_it() -> None:
    card = "**Name:** Coastal region export programme (Export Coast)\n**Country:** Chile\n\nFirms joined."
    assert extract(card, "Practice card", language="en").values["programme"] == [
        "Coastal region export programme (Export Coast)"
    ]
    for practice in (
        "Joint purchasing centre of the furniture cluster",
        "Projeto de compras conjuntas da rede",
    ):
        card = f"**Name:** {practice}\n\nFirms joined."
        assert extract(card, "Practice card", language="en").values["programme"] == []


@pytest.mark.parametrize(
    ("text", "name", "not_a_name"),
    [
        (
            "The Rural Workshop (RW) Project was started by the DTI in 2011 to lend machines to cooperatives.",
            "Rural Workshop Project (RW)",
            "Project was started by the DTI",
        ),
        (
            "Nel marzo 2016 la Rete de Mentores Rurales, una rete di tutor volontari, ha aperto dieci sportelli.",
            "Rete de Mentores Rurales",
            "2016 la Rete de Mentores Rurales",
        ),
        (
            "O Orçamento de Apoio à Iniciativa Local (OAIL) financia pequenas obras; o OAIL já pagou 300 projetos.",
            "Orçamento de Apoio à Iniciativa Local (OAIL)",
            "Iniciativa Local",
        ),
    ],
)
def test_a_clause_a_date_before_a_name_and_a_part_of_a_longer_name_are_no_names(
    text: str, name: str, not_a_name: str
) -> None:
    names = programme_names(text)
    assert name in names
    assert not_a_name not in names


def test_the_field_s_own_word_before_a_programme_word_names_no_programme() -> None:
    text = (
        "Dubai Business Link supports Emirati founders with training and loans. It also advises the "
        "federal SME programme run by the ministry and reports on small firms every year."
    )
    assert "SME" not in extract(text, "Dubai Business Link", language="en").values["programme"]
    named = "The Supplier Development programme of the ministry pairs small firms with large buyers."
    assert "Supplier Development" in extract(named, "Buyers and suppliers", language="en").values["programme"]


def test_a_registered_name_written_with_its_acronym_inside_is_found() -> None:
    text = (
        "Owners first visit a Negosyo Center for advice. The Shared Service Facilities (SSF) Project lends "
        "machines to cooperatives. In Bohol a weavers' association now shares a loom that no member could "
        "buy alone, and in Leyte a coir workshop makes nets for a public works contractor. Both groups keep "
        "a log of the hours each member uses and pay for upkeep from a small fee on every order."
    )
    assert (
        "Shared Service Facilities Project" in extract(text, "Field notes", language="en").values["programme"]
    )


def test_a_body_spelled_out_by_its_acronym_is_no_programme() -> None:
    text = (
        "In Seoul the Small and Medium Business Administration (SMBA) matches public money with angel "
        "investment; the SMBA also runs export desks."
    )
    assert not any("Administration" in name for name in programme_names(text))


def test_an_acronym_before_its_long_name_compares_as_the_long_name() -> None:
    card = "ACCORD (Action concertée de coopération régionale de développement)"
    assert written_forms(card) == ["Action concertée de coopération régionale de développement", "ACCORD"]
    assert programme_key(card) == programme_key("Action concertée de coopération régionale de développement")
    assert written_forms("SEBRAE (Brasil)") == ["SEBRAE"]  # a country in brackets says where


def test_an_acronym_before_a_dash_and_the_long_name_it_spells_are_one_name() -> None:
    forms = written_forms("ACV – Associação dos Curtumes do Vale")
    assert forms == ["ACV – Associação dos Curtumes do Vale", "ACV", "Associação dos Curtumes do Vale"]
    assert written_forms("Lagopark – Parque de Ciência e Tecnologia") == [
        "Lagopark – Parque de Ciência e Tecnologia",
        "Lagopark",
    ]  # what the park is, not another name


def test_an_elided_italian_article_is_not_part_of_a_name() -> None:
    text = "Nel 2001 il ministero giapponese ha lanciato l'Industrial Cluster Project in venti regioni."
    assert "Industrial Cluster Project" in programme_names(text)
    assert not any(name.startswith("l'") for name in programme_names(text))


def test_a_name_runs_on_over_aos_and_as_and_a_long_name_is_kept() -> None:
    assert programme_names("O Programa BNDES de Apoio às Exportações financia.") == [
        "Programa BNDES de Apoio às Exportações"
    ]
    card = (
        "O Programa BNDES de Apoio ao Fortalecimento da Capacidade de Geração de Emprego e Renda "
        "financia capital de giro."
    )
    assert programme_key(programme_names(card)[0]) == programme_key(
        "Programa BNDES de Apoio ao Fortalecimento da Capacidade de Geração de Emprego e Renda (BNDES Progeren)"
    )


def test_a_credit_line_compares_as_its_name() -> None:
    assert programme_key("Linha de Crédito PME Investe") == programme_key("PME Investe")
    assert programme_key("Linea di credito Nuova Sabatini") == programme_key("Nuova Sabatini")


def test_a_word_before_a_name_in_brackets_is_no_acronym() -> None:
    text = 'Nome dell\'iniziativa: Kompetenznetze Deutschland (Iniziativa "Reti di competenza Germania")'
    assert not any("(Deutschland)" in name for name in programme_names(text))
    assert programme_names("Il PAMPAT (Projet d'Accès aux Marchés des Produits Agroalimentaires) aiuta.")


def test_an_act_cited_with_its_year_is_the_act() -> None:
    assert programme_key("Small Business Investment Act of 1958") == programme_key(
        "Small Business Investment Act"
    )
    assert programme_key("Companies Act 1956") != programme_key("Companies Act, 2013")  # two acts


def test_review_cases_of_the_night_s_name_rules() -> None:
    assert programme_names(
        "O governo estendeu o Programa Mais Alimentos aos Estados do Nordeste em 2010."
    ) == ["Programa Mais Alimentos"]
    assert programme_names("A Rota 2030 (Programa de Mobilidade e Logística) apoia empresas.") == [
        "Programa de Mobilidade e Logística (Rota 2030)"
    ]
    assert programme_key("SEBRAE (Rio Grande do Sul)") != programme_key("FAPERGS (Rio Grande do Sul)")
    assert programme_key("Linha de Crédito do BNDES") != programme_key("BNDES")
    assert programme_key("Linhas de Crédito PME Investe") == programme_key("PME Investe")


def test_a_name_before_a_dash_compares_as_the_whole_name() -> None:
    label = "Agroamigo – Programa de Microfinança Rural do Banco do Nordeste"
    assert programme_key("Agroamigo") in name_keys(label)
    # four words before the dash describe, they name nothing of their own
    assert written_forms("Micro and Small Enterprises – Cluster Development Programme") == [
        "Micro and Small Enterprises – Cluster Development Programme"
    ]
    # a law with its title compares as the law
    assert name_keys("Legge 25 febbraio 1992, n. 215 – Azioni positive") == {programme_key("Legge 215/1992")}


def test_a_registered_name_s_head_before_a_dash_finds_no_entry() -> None:
    taxonomy = default_taxonomy()
    assert by_key(taxonomy.programmes, "MSE-CDP") == "MSE-CDP"
    for part in ("Micro and Small Enterprises", "Cluster Development Programme"):
        assert by_key(taxonomy.programmes, part) is None


def test_the_japanese_technopolis_programme_is_not_every_technopolis() -> None:
    taxonomy = default_taxonomy()
    assert by_key(taxonomy.programmes, "Technopolis") is None, "Rabat's, Oulu's, Konza's Technopolis"
    assert by_key(taxonomy.programmes, "Technopolis Law") == "Japanese Technopolis programme"
    assert by_key(taxonomy.programmes, "Technopolis programme of Japan") == "Japanese Technopolis programme"


def test_a_body_s_legal_form_is_written_or_left_out() -> None:
    assert programme_key("Fondazione Steinbeis") == programme_key("Steinbeis")
    assert programme_key("KredEx Foundation") == programme_key("KredEx")
    assert programme_key("Khula Enterprise Finance Limited") == programme_key("Khula Enterprise Finance")
    assert programme_key("SME Foundation (SMEF)") != programme_key("SME")  # the field's word is no name
    # a cooperative's or a company's legal form, even cut at its last stop
    dairy = programme_key("Cooperativa de Productores de Leche Monte Verde")
    assert programme_key("Cooperativa de Productores de Leche Monte Verde R.L.") == dairy
    assert programme_key("Cooperativa de Productores de Leche Monte Verde R.L") == dairy
    assert programme_key("Consorzio Vetro Alto s.c.a r.l.") == programme_key("Consorzio Vetro Alto")
    assert programme_key("Agência Nacional de Inovação, S.A.") == programme_key(
        "Agência Nacional de Inovação"
    )


def test_a_law_cited_with_its_date_and_title_after_a_comma_is_the_law() -> None:
    assert programme_key("Ley 5/2011, de 29 de marzo, de Economía Social") == programme_key("Ley 5/2011")
    assert programme_key("National Small Business Act") in name_keys(
        "National Small Business Act 102 of 1996"
    )
    assert programme_key("Companies Act 71 of 2008") != programme_key("Companies Act 61 of 1973")


def test_a_text_about_a_body_its_title_names_gets_the_body() -> None:
    text = (
        "A Caixa Regional de Fomento (CAREFO) empresta às pequenas empresas da região. Em 2019 a CAREFO "
        "abriu balcões em seis cidades; hoje a CAREFO atende três mil empresas por ano."
    )
    found = extract(text, "Perguntas frequentes sobre a CAREFO", language="pt").values["programme"]
    assert any("CAREFO" in name for name in found)
    # a place the title names and the text keeps writing is no subject
    town = "Em Picos (PI) os apicultores vendem juntos. Picos recebe compradores; Picos exporta mel."
    assert "Picos" not in extract(town, "Mel de Picos", language="pt").values["programme"]


def test_a_place_inside_a_title_s_name_does_not_count_as_its_short_form() -> None:
    text = (
        "Petrolina vende frutas. Em Petrolina os produtores exportam; Petrolina cresce e Petrolina emprega. "
        "A Cooperativa de Petrolina junta pequenas empresas. O Programa Mais Fruta apoia as empresas; o "
        "Programa Mais Fruta paga cursos e o Programa Mais Fruta ajuda a exportar para clusters."
    )
    found = extract(text, "Fruticultura: a Cooperativa de Petrolina", language="pt").values["programme"]
    assert found == ["Programa Mais Fruta"]


def test_a_consortium_the_title_names_and_the_text_calls_by_its_head_word_is_the_practice() -> None:
    text = (
        "Il Consorzio della Ceramica di Borgoverde riunisce quaranta laboratori artigiani e vende "
        "all'estero per conto dei soci. Nel 2001 il Consorzio aprì una sala mostre comune; oggi il "
        "Consorzio segue fiere e certificazioni, e i soci del Consorzio della Ceramica di Borgoverde "
        "pagano una quota annua. Le piccole imprese del distretto esportano in venti paesi e l'export "
        "delle imprese socie cresce."
    )
    found = extract(text, "La storia del Consorzio della Ceramica di Borgoverde", language="it")
    assert found.values["programme"] == ["Consorzio della Ceramica di Borgoverde"]
    # a name the title gives and the text writes with its acronym after it is the body
    bank = (
        "A Agência de Crédito Solidário (ACRES) empresta a cooperativas de pequenas empresas. A ACRES "
        "abriu em 2010; a Agência de Crédito Solidário tem hoje nove escritórios e a ACRES financia "
        "mil empresas."
    )
    named = extract(bank, "O apoio da Agência de Crédito Solidário às empresas", language="pt")
    assert any("Crédito Solidário" in name or "ACRES" in name for name in named.values["programme"])


def test_a_name_led_by_a_small_letter_is_whole_and_a_people_s_name_is_none() -> None:
    assert "i6 Challenge" in programme_names("Regions competed for the i6 Challenge, a federal scheme.")
    text = (
        "Small firms abroad use the Latvian e-Startup programme to run a company online. Latvian "
        "officials say the Latvian scheme served 900 firms; Latvian banks accept it and SMEs export."
    )
    found = extract(text, "A digital company for small exporters", language="en").values["programme"]
    assert found == ["Latvian e-Startup"]
    assert a_place("Latvian"), "a people's name is never a programme's"
    assert not a_place("Russo"), "an Italian surname, as the lower-case demonym 'russo' is written"


def test_a_coined_head_word_is_the_name_a_scheme_goes_by_and_a_state_code_is_none() -> None:
    assert "NovaHub" in written_forms("NovaHub Innovation District")
    assert written_forms("McGregor Business Fund") == ["McGregor Business Fund"]
    assert written_forms("SEBRAE Mentoria") == ["SEBRAE Mentoria"], "a body's acronym heads its scheme"
    text = "A associação nasceu em Juazeiro (BA) e abriu um escritório em Petrolina (PE)."
    assert a_state_code("PE", text) and a_state_code("BA", text)
    assert not a_state_code("WD", "Western Diversification (WD) paid; WD helped.")
    assert not a_state_code("EE", "Firms apply to Enterprise Estonia (EE) for export grants.")
    assert written_forms("PhD Programme in Cluster Management") == ["PhD Programme in Cluster Management"]
    assert programme_names("O Programa Espaço Empresa m2 oferece salas.") == ["Programa Espaço Empresa"]


def test_whoever_took_the_initiative_is_no_programme() -> None:
    assert programme_names("Il parco è nato per iniziativa di Marco Ferretti, fondatore di un'azienda.") == []
    assert programme_names("A Iniciativa de Mulheres Empreendedoras apoia firmas.") == [
        "Iniciativa de Mulheres Empreendedoras"
    ]


def test_a_second_name_after_a_dash_is_a_form_of_the_name() -> None:
    assert "Buy Local Campaign" in written_forms("Island Made – Buy Local Campaign")
    assert programme_key("Buy Local Campaign") == programme_key("Buy Local")
    assert programme_key("Campagna Amica") != programme_key("Amica"), "led by the word, it keeps it"
    for document in ("Startup Lisboa – Relatório Final", "Vale Inovação – Fase II", "Qualifica – Portugal"):
        assert len(written_forms(document)) == 2, document  # the whole and the name before the dash
    assert written_forms("Agromicro – programa de microcrédito rural") == [
        "Agromicro – programa de microcrédito rural",
        "Agromicro",
    ]


def test_a_card_named_after_a_registered_body_or_a_coined_name_before_a_dash_gives_it() -> None:
    card = (
        "Name of initiative: Enterprise Ireland\n"
        "Proponent: Government of Ireland\n\n"
        "The agency helps Irish firms to export: advisers in thirty offices abroad meet buyers.\n"
    )
    assert extract(card, "Practice card", language="en").values["programme"] == ["Enterprise Ireland"]
    coined = (
        "Nome dell'iniziativa: Formimpresa – fondo bilaterale per la formazione dei dipendenti\n"
        "Promotore: associazioni datoriali e sindacati\n\nLe imprese aderenti a Formimpresa finanziano "
        "corsi; Formimpresa li rimborsa entro sei mesi.\n"
    )
    assert extract(coined, "Scheda", language="it").values["programme"] == [
        "Formimpresa – fondo bilaterale per la formazione dei dipendenti"
    ]


def test_ley_and_republic_act_numbers_are_laws_and_an_act_s_year_may_be_left_out() -> None:
    found = programme_names("Republic Act No. 9501 amended the charter. In Argentina, Ley 27.264 followed.")
    assert "Republic Act No. 9501" in found and "Ley 27.264" in found
    assert programme_key(
        "Republic Act No. 9501, the Magna Carta for Micro, Small and Medium Enterprises"
    ) == (programme_key("Republic Act No. 9501"))
    act = "Co-operatives and Community Benefit Societies Act 2014"
    assert programme_key("Co-operatives and Community Benefit Societies Act") in name_keys(act)


def test_an_italian_legislative_decree_is_cited_as_a_law() -> None:
    assert programme_names("Il Decreto legislativo 3 luglio 2017, n. 117 riordina il settore.") == [
        "Decreto legislativo 3 luglio 2017, n. 117"
    ]
    assert programme_key("Decreto legislativo 3 luglio 2017, n. 117") == programme_key(
        "Decreto legislativo 117/2017"
    )


def test_review_cases_of_the_bodies_round() -> None:
    """A word meaning "second", a firm in a news title, a card's heading word or a body in its
    brackets, a label "Initiative", two PONs, a decree-law with or without its hyphen."""
    talentos = (
        "O Bolsa Talentos abre inscrições para micro e pequenas empresas. O segundo ciclo do Bolsa "
        "Talentos selecionou 200 bolsistas em empresas inovadoras. Com o Bolsa Talentos, as empresas contratam."
    )
    assert (
        "Bolsa Talentos"
        in extract(talentos, "Bolsa Talentos abre inscrições para empresas", language="pt").values[
            "programme"
        ]
    )
    weg = (
        "A WEG aderiu ao programa Inovar Auto. A WEG investiu em engenharia; a WEG abriu vagas para "
        "pequenos fornecedores de Jaraguá do Sul."
    )
    assert "WEG" not in extract(weg, "WEG e o programa Inovar Auto", language="pt").values["programme"]
    card = "Nome: Progetto – rete di imprese del mobile\nPromotore: un consorzio\n\nIl progetto unisce dieci imprese.\n"
    assert extract(card, "Scheda", language="it").values["programme"] == []
    sebrae = "Nome: Capacitação de costureiras do agreste (Sebrae)\n\nO Sebrae treinou costureiras. Sebrae e Sebrae.\n"
    assert "Sebrae" not in extract(sebrae, "Ficha", language="pt").values["programme"]
    assert (
        extract("Initiative: Yes\nDate: 12 May 2019\nSmall firms met buyers.\n", "Notes").values["programme"]
        == []
    )
    for branch in ("Sebrae-SP", "Sebrae/SP", "Sebrae–SP"):  # a body's branch is no use of the code alone
        assert a_state_code(
            "SP", f"As fábricas de calçados em Franca (SP) têm apoio do {branch} e do {branch}."
        )
    assert not name_keys("PON – Ricerca e Innovazione") & name_keys("PON – Imprese e Competitività")
    assert programme_key("Decreto-legge 34/2020") == programme_key("Decreto legge 34/2020")


def test_a_room_and_a_word_for_promotion_are_no_foreign_places() -> None:
    text = (
        "Pieve di Soligo – Sala gremita per l'assemblea annuale del consorzio dei viticoltori. "
        "Il Banco Português de Fomento e le imprese della collina hanno discusso di export."
    )
    scores = country_scores(text, "Assemblea del consorzio", towns_in_text=True)
    assert "MA" not in scores and "CU" not in scores


def test_a_district_the_text_keeps_naming_in_lower_case_is_the_practice() -> None:
    text = (
        "## Caso 2: il distretto orafo di Borgoverde\n\nIl distretto orafo di Borgoverde riunisce "
        "duecento laboratori; le imprese esportano gioielli e le aziende del distretto condividono "
        "una scuola. A Pietrarossa, vicino, opera il distretto tessile di Pietrarossa."
    )
    found = extract(text, "Nota didattica – Economia dei sistemi locali", language="it")
    assert found.values["programme"] == ["Distretto orafo di Borgoverde"]
    assert district_subject("Il distretto orafo di Borgoverde esporta.", "Nota didattica") is None  # once
    both = "il distretto della lana e dell'abbigliamento di Borgoverde cresce; il distretto di Borgoverde esporta"
    assert district_subject(both, "Note") == "Distretto della lana e dell'abbigliamento di Borgoverde"
    many = "i distretti industriali del Nord crescono; i distretti industriali del Nord esportano"
    assert district_subject(many, "Note") is None  # many districts, no one practice
    even = "il distretto orafo di Borgoverde e il polo calzaturiero di Nova Serrana"
    assert district_subject(f"{even}. {even}.", "Due casi") is None  # two, equally often: neither


def test_a_district_named_by_its_place_s_adjective_is_the_practice() -> None:
    text = (
        "Scheda di caso\n\nIl distretto serico borgoverdese riunisce 800 imprese della seta. Le aziende "
        "del distretto serico borgoverdese condividono un laboratorio di tintura e una scuola."
    )
    assert extract(text, "Scheda di caso", language="it").values["programme"] == [
        "Distretto serico borgoverdese"
    ]
    assert district_subject(
        "Il distretto orafo aretino cresce; il distretto orafo aretino esporta.", "Note"
    ) == ("Distretto orafo aretino")
    verb = "Nel distretto operano 300 imprese. Nel distretto operano anche due banche."
    assert district_subject(verb, "Note") is None  # "operano" is a verb, not Operan's adjective
    national = "Il distretto industriale italiano cresce; il distretto industriale italiano esporta."
    assert district_subject(national, "Note") is None  # a country's adjective names no district
    named = (
        "Il distretto cartario di Lucca produce carta; il distretto cartario di Lucca esporta. "
        "Il distretto lucchese assume."
    )
    assert district_subject(named, "Note") == "Distretto cartario di Lucca"  # its place's name first


def test_a_consortium_and_firms_named_in_italian_make_a_text_about_firms() -> None:
    assert about_firms("Il Consorzio riunisce caseifici che esportano in Giappone.")
    assert about_firms("Le aziende della valle vendono insieme; ogni azienda paga una quota.")
    assert not about_firms("Lo sport della domenica: la squadra gioca, gli sportivi esultano.")
    assert not about_firms("Review: the dance company opened the season; the company's director spoke.")


def test_a_forum_the_title_names_and_the_text_keeps_naming_is_the_practice() -> None:
    text = (
        "O Fórum Azul – Associação das Empresas do Rio reúne empresas e portos. O Fórum Azul nasceu em "
        "2012; hoje o Fórum Azul gere o cluster e as empresas exportam. Falámos com o Fórum Azul."
    )
    found = extract(text, "Entrevista sobre o Fórum Azul", language="pt").values["programme"]
    assert any(name.startswith("Fórum Azul") for name in found), found


def test_a_name_the_text_calls_a_cluster_or_a_network_goes_by_that_name() -> None:
    text = (
        "O cluster Mar Azul junta empresas de pesca. O Mar Azul exporta conservas; empresas do Mar Azul "
        "partilham um laboratório e o Mar Azul representa as empresas em feiras."
    )
    assert title_subject(text, "Newsletter: o cluster Mar Azul") == "Mar Azul"
    assert title_subject(text.replace("O cluster Mar", "O Mar"), "Newsletter: Mar Azul") is None  # a place?


def test_a_name_cut_to_its_generic_words_or_a_quoted_sentence_is_no_programme() -> None:
    text = (
        "Que a Estratégia Nacional para o Mar 2021-2030 se traduza em instrumentos estáveis. As empresas "
        "do cluster exportam e as empresas associadas inovam."
    )
    assert (
        "Estratégia Nacional" not in extract(text, "O mar e as empresas", language="pt").values["programme"]
    )
    assert names_one("Fondo per il sostegno dell'impresa femminile") and not names_one("Fundo Nacional")
    assert a_sentence("A estratégia deu nome a algo que já existia")
    assert not a_sentence("Associação dos Produtores do Vale do São Francisco")  # a place's "São"
    assert a_sentence("During COVID-19") and not a_sentence("PRIMA Programme")
    assert not a_sentence("L'Italia che investe") and not a_sentence("Fondo Terzo Settore non profit")


def test_a_short_acronym_is_one_in_capitals_and_a_long_one_in_any_case() -> None:
    assert "Inter-American Development Bank" not in organisations(
        "Support covers quality standards, safety accreditation and bid writing for small firms.", ""
    )
    assert "Inter-American Development Bank" in organisations(
        "O BID financiou o programa de apoio às pequenas empresas do polo.", ""
    )
    # a registered name written in lower case throughout is still the name ("vinnväxt")
    assert programmes("Almost every conversation came back to vinnväxt, and vinnväxt again.", "")


def test_a_title_names_a_programme_by_the_acronym_it_gives_in_brackets() -> None:
    title = "Arranjo Produtivo Local da Saúde de Ribeirão Preto e Região (APL Saúde RP)"
    assert titled("APL Saúde RP", title)
    assert not titled("Sebraetec", title)


def test_a_short_acronym_capitalised_as_a_word_names_nothing() -> None:
    assert "World Bank" not in organisations("Bird Watching Tourism grew along the coast.", "")
