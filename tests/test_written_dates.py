"""A text's date of writing is its practice's year only when the text reports a start."""

from __future__ import annotations

import pytest

from ingest.metadata import extract
from ingest.metadata.cited_year import cited_year
from ingest.metadata.document_years import law_year
from ingest.metadata.field_years import year_in_field
from ingest.metadata.fields import labelled_fields
from ingest.metadata.study_years import studied_years
from ingest.metadata.written_dates import (
    dates_of_writing,
    refused_years,
    reported_years,
    reports_a_start,
    written_on,
)
from ingest.metadata.year_ranker import a_grown_district, district_named


def test_datelines_bylines_and_sign_offs_are_dates_of_writing() -> None:
    for text in (
        "Lucca, 3 marzo 2023\nTrecento persone hanno riempito la sala.",
        "Tunisi, ottobre 2022\nIl tecnopolo ospita quaranta imprese.",
        "Pretoria, 6 February 2020 — Twenty-four start-ups were selected.",
        "A conversa terminou assim.\nGravado no Rio de Janeiro, em maio de 2022",
        "Data: 17 de agosto de 2021, às 14h\nPresentes: doze empresas.",
        "Data: 23 de setembro de 2021, das 9h às 12h40\nPresentes: doze empresas.",
        "Date: Thursday, 20 April 2023, 8:00 a.m. – 10:00 a.m.\nPresent: the board.",
        "Minutes approved.\nNovember 2021, Stellenbosch.",
        "Dal notiziario della valle, numero di primavera 2022\nIntervista.",
        "Fine dell'articolo.\n© 2023 Rivista di economia",
        "Roma, lunedì 3 marzo 2023\nLe imprese del distretto.",
        "Compiled by the export desk for member firms. Last reviewed: July 2022.\nWhat is it?",
        "VERBALE DELLA RIUNIONE DEL 23 NOVEMBRE 2022\nPresenti: il sindaco e dodici imprese.",
        "Ata da reunião de 4 de maio de 2021\nPresentes: doze empresas.",
        "Doze empresas.\n\nThis page was last updated on 3 March 2022.",
        "Dodici imprese.\n\nPagina aggiornata al 3 marzo 2022",
        "Verbale del Consiglio della Fondazione Vila Alta del 3 marzo 2022\nIl Consiglio discute.",
        "Relatório de uma equipa de consultores para um programa de parceiros multilaterais. Versão de "
        "novembro de 2021. Não citar sem autorização.",
        "*Scheda per imprese italiane interessate a insediarsi nel parco tecnologico. Aggiornamento: novembre 2022.*",
        "Report by consultants for the regional cluster programme. Updated in March 2023. Do not quote.",
        "Relatório de consultores. Versão de Novembro de 2021. Não citar sem autorização.",
        "*Prepared for an elective on economic development. For class discussion only. Revised 2022.*",
        "Dalla newsletter di un'associazione di imprese del riciclo del Nord-Est — numero di aprile 2021\nIntervista.",
        "SASKATOON, Sask., June 12, 2022\nThree companies at the research park are growing.",
        "From: Marta Puig\nDate: Thu, 14 Apr 2022 11:27:05 +0200\nSubject: the cluster programme",
        "Date: Tue, 14 Feb 2023 09:12 +1100\nSubject: clusters",
        "Date: Thu, 14 Apr 2022 11:27:05 -0700 (PDT)\nSubject: clusters",
    ):
        year = next(y for y in ("2020", "2021", "2022", "2023") if y in text)
        assert written_on(text, text.index(year)), text


def test_a_date_in_prose_a_start_or_a_signing_is_no_date_of_writing() -> None:
    prose = (
        "Os técnicos passaram a visitar, a partir de março de 2019, pequenas confecções de Caruaru, "
        "Toritama e Santa Cruz do Capibaribe, com um roteiro de diagnóstico."
    )
    agenda = "1. Presentazione del Patto per il Lavoro sottoscritto a Bologna il 20 luglio 2015."
    since = "Attivo dal marzo 2012"
    short = "As empresas entraram, em março de 2017, no programa."  # a sentence, however short
    recalled = "Como contámos no boletim anterior, em março de 2011 sete produtores formaram a Rede Verde."
    abbreviated = "In Mar 2016 the park opened its doors to twelve firms."  # a month shortened in prose
    programme = (
        "Programa: Mar 2020\nA cooperativa de pesca comemora 10 anos."  # Portugal's fisheries programme
    )
    period = "Start: Jan 2018\nEnd: Dec 2021"
    for text, year in (
        (abbreviated, "2016"),
        (programme, "2020"),
        (period, "2018"),
        (prose, "2019"),
        (agenda, "2015"),
        (since, "2012"),
        (short, "2017"),
        (recalled, "2011"),
    ):
        assert not written_on(text, text.index(year)), text


def test_a_sentence_that_ends_on_its_date_is_prose_not_a_dateline() -> None:
    for text in (
        "Twelve firms share a lab.\nIn March 2017, Sebrae launched the network.\nThey export.",
        "Nel maggio 2015 Sebrae criou o programa.",
        "The hub opened in September 2019.",
        "x\ncriada em Recife, maio de 2015, pela prefeitura e por doze empresas do polo.",
        "The plan had three phases: (a) 2015 pilot; (b) training;\n(c) 2018 the network was launched.",
        "Il consiglio regionale ha riconosciuto il distretto nella seduta del 12 marzo 2019.",
        "The strategy was last updated in June 2021.",
        "A revista Exame destacou o polo em março de 2019.",
        "VERBALE DI COSTITUZIONE DEL CONSORZIO DEL 12 MARZO 2001\nI soci fondatori costituiscono il consorzio.",
        "CONTADORA: É a Lei nº 13.874, sancionada em setembro de 2019. Ela nasceu de uma medida provisória.",
        "A: The incubator opened its doors in February 2021. The building was a restored house near campus.",
    ):
        year = [m for m in ("2001", "2015", "2017", "2018", "2019", "2021") if m in text][-1]
        assert not written_on(text, text.rindex(year)), text
    assert extract("Doze empresas de Recife.\nEm maio de 2015, o Sebrae lançou a rede.", "Rede").year == 2015


def test_a_lead_that_reports_a_start_as_news() -> None:
    assert reports_a_start("Manzano, 12 ottobre 2016\nNove imprese hanno presentato oggi la rete.")
    assert reports_a_start("Albany, 21 August 2018\nThirty-two firms today formally launched the cluster.")
    assert reports_a_start("Jaú, 3 de maio de 2019\nOnze empresas assinaram nesta terça-feira um acordo.")
    assert reports_a_start("Como, 4 giugno 2019\nÈ partito ad aprile il progetto di ricerca.")
    assert reports_a_start("Shepparton, 3 May 2018 — Nine food firms have begun building a cold store.")
    assert reports_a_start("Milwaukee, May 2015\nThis year, our cluster set out to export together.")
    # a figure of speech, a history or a presentation of figures is no start told as news
    assert not reports_a_start("Vigevano, 5 ottobre 2023\nLa scarpa di lusso nasce tra le ville venete.")
    assert not reports_a_start("Jaú, 14 de março de 2024\nEstimativas apresentadas na reunião.")
    assert reports_a_start("Como, 4 giugno 2019\nDa quest’anno le imprese hanno avviato la rete.")
    assert not reports_a_start("Roma, 3 marzo 2023\nÈ stata inaugurata ieri la decima edizione della fiera.")
    assert not reports_a_start(
        "Recife, 3 de março de 2023\nA Coopex, criada por dez empresas, exporta até hoje."
    )
    # a meeting, a conference or a new intake of an older programme reports no start
    assert not reports_a_start("Arzignano, 25 novembre 2023\nIl convegno ha riunito ieri cento imprese.")
    assert not reports_a_start("Pretoria, 6 February 2020 — Start-ups were selected for the latest intake.")
    assert not reports_a_start(
        "Dakar, 5 March 2024 — The Digital Park today opened applications for the next cohort of its incubator."
    )
    assert not reports_a_start(
        "Bari, 3 marzo 2024\nIl consorzio ha lanciato oggi il nuovo bando per le imprese."
    )
    assert reports_a_start(
        "Dakar, 5 March 2024 — Ten firms today launched a digital park and its first cohort."
    )
    # a new call or round beside a start told today does not make the start an intake
    assert reports_a_start(
        "Roma, 3 marzo 2024\nThe ministry today launched a new fund, with a new call for proposals."
    )
    assert reports_a_start(
        "Recife, 3 de março de 2024\nO Porto Digital lançou hoje o programa, com a segunda chamada."
    )
    assert not reports_a_start(
        "Bari, 3 marzo 2024\nIl consorzio ha lanciato oggi i nuovi bandi per le imprese."
    )
    # a launch told with a year of its own is history, not news
    assert not reports_a_start("Lisboa, 3 de maio de 2021\nO programa foi lançado em 2015 pelo IAPMEI.")


def test_a_year_told_only_as_the_date_of_writing() -> None:
    text = "Lucca, 3 marzo 2023\nIl distretto cartario, cresciuto dal 1990, discute il prezzo del gas."
    assert dates_of_writing(text) == {2023}


def test_a_meeting_report_keeps_no_year_and_a_launch_keeps_its_date() -> None:
    meeting = (
        "Lucca, 3 marzo 2023\n\n"
        "Trecento persone tra imprenditori e tecnici hanno riempito ieri la sala per il confronto "
        "pubblico sul futuro del distretto cartario di Lucca e sul prezzo dell'energia."
    )
    launch = (
        "Manzano, 12 ottobre 2016\n\n"
        "Nove piccole imprese del distretto della sedia hanno presentato oggi la rete Sedia Friulana "
        "in Rete, per vendere insieme sui mercati esteri."
    )
    assert extract(meeting, "Il distretto cartario discute", language="it").year is None
    assert extract(launch, "Nasce la rete della sedia", language="it").year == 2016


def test_a_report_s_year_in_its_heading_is_no_practice_s_year() -> None:
    assert reported_years("# Relatório Anual de Atividades 2022 — Excerto\n\nO parque cresceu.") == {2022}
    assert reported_years("OSSERVATORIO ECONOMICO — RAPPORTO 2023\nLe imprese del distretto.") == {2023}
    assert reported_years("Annual Report 2021–2022\nMembers grew.") == {2021, 2022}
    assert reported_years("Balanço Social 2022.\nA cooperativa cresceu.") == {2022}
    signed = (
        "Annual Report 2022\n\nIn 2022 the Vila Alta Hub launched a new track and signed 12 partnerships."
    )
    assert reported_years(signed) == {2022}  # a report tells its year's doings, not a start
    for prose in (
        "Il rapporto 2020 del distretto mostra la crescita.",
        "Secondo il rapporto 2020 (Istat), il distretto è cresciuto.",
        "The Annual Report 2021: members grew.",
        "A rede apoia 40 produtores.\nA rede é citada no Relatório Anual 2019.\nOs produtores vendem.",
    ):
        assert reported_years(prose) == set(), prose
    # a report's year that the text also tells as the start is the start
    opened = "Relatório Anual 2022\n\nO Parque Tecnológico de Vila Alta foi inaugurado em março de 2022."
    assert reported_years(opened) == set()
    report = "OSSERVATORIO ECONOMICO — RAPPORTO 2023\n\nNel 2023 le cento imprese del distretto hanno esportato di più."
    assert extract(report, "Rapporto").year is None


def test_a_publication_line_may_go_on_after_its_date() -> None:
    blog = 'Dieci giorni a Borgoverde\npubblicato il 27 febbraio 2020 nel blog "Argilla in viaggio"\nSono una ceramista.'
    assert dates_of_writing(blog) == {2020}
    issue = (
        '*Boletim "Terra Firme" — Rede de organizações de agricultores da Lusofonia, n.º 18, maio de 2021*\n'
        "A cooperativa vende pimenta ao mundo."
    )
    assert dates_of_writing(issue) == {2021}


def test_a_date_ahead_neither_dates_the_writing_nor_keeps_the_year() -> None:
    minutes = (
        "ATA DA REUNIÃO DO COMITÊ GESTOR DO APL DE PEDRA AZUL\nData: 14 de setembro de 2023\n"
        "O comitê discutiu a feira. A próxima reunião ficou marcada para 9 de novembro de 2023."
    )
    assert dates_of_writing(minutes) == {2023}


def test_today_far_from_a_start_verb_reports_no_start() -> None:
    minutes = (
        "ATA DA REUNIÃO DO COMITÊ GESTOR\nData: 14 de setembro de 2023\n"
        "O coordenador abriu a reunião, lembrou que o APL de Pedra Azul reúne hoje cerca de 600 empresas de "
        "fiação, tecelagem, malharia, beneficiamento e confecção nos municípios da região, e apresentou a pauta."
    )
    assert not reports_a_start(minutes)
    assert reports_a_start("A rede de oficinas de Pedra Azul foi apresentada hoje na feira.")


def test_a_year_told_after_by_is_no_date_ahead() -> None:
    text = "Borgoverde, 3 May 2014\n\nThe network, supported by the council in 2014, joins forty workshops."
    assert dates_of_writing(text) == set()


def test_a_count_or_a_call_s_opening_is_no_date_of_writing_nor_a_start() -> None:
    assert dates_of_writing("Il numero delle imprese del consorzio a dicembre 2020 era 40.") == set()
    assert (
        labelled_fields("Abertura das inscrições: 2 de março de 2022\nA rede foi criada em 2018.").get("year")
        is None
    )


def test_a_study_tells_when_it_was_done_not_when_the_practice_began() -> None:
    assert studied_years(
        "A avaliação foi realizada entre março e maio de 2021, com visitas a 12 olarias."
    ) == {2021}
    assert studied_years("Fieldwork: June–August 2018") == {2018}
    assert studied_years("L'indagine è stata svolta nel 2022 presso 40 imprese.") == {2022}
    # a year the text also tells something founded in stays a candidate
    assert studied_years("The network was founded in 2020. The survey was conducted in 2020.") == set()
    assert studied_years("The network was founded in 2015 and counts 30 firms.") == set()
    # a first survey may start an observatory; a named survey may be the practice; a lab opened then
    assert studied_years("La prima indagine dell'Osservatorio fu realizzata nel 2006.") == set()
    assert studied_years("The Export Readiness Survey was conducted in 2017.") == set()
    assert studied_years("The evaluation was carried out in 2019, the year the laboratory opened.") == set()


def test_a_review_s_window_is_no_start_but_a_card_s_reference_period_may_be() -> None:
    """The years an evaluation looked at, every one of them; not a card's own period."""
    assert studied_years(
        "**Período avaliado:** janeiro de 2021 a junho de 2023\n\nO APL reúne 200 empresas."
    ) == {
        2021,
        2023,
    }
    assert studied_years("Evaluation period: 2019–2023\n") == {2019, 2023}
    assert studied_years("Periodo coperto: 2019–2022") == {2019, 2022}
    assert studied_years("**Periodo di riferimento:** dal 1997 a oggi") == set()
    # a window whose first year the text also tells as the start keeps that year a candidate
    assert studied_years("Período avaliado: 2016–2021\n\nO programa foi criado em 2016.") == {2021}
    assert studied_years("Evaluation period: 2016–2020\n\nThe programme started in 2016.") == {2020}
    assert studied_years("Periodo di valutazione: 2019-2022\n\nIl progetto è partito nel 2019.") == {2022}
    assert studied_years("Período avaliado: 2011 a 2014\n\nO programa começou em 2011 no Ceará.") == {2014}
    # a card's own span, open to the present, is no review's window
    assert studied_years("Período coberto: 2014 – atual\n\nA rede reúne 30 oficinas.") == set()
    observed = "**Período de observação:** visitas em abril de 2022 e outubro de 2023; entrevistas em janeiro de 2024"
    assert studied_years(observed) == {2022, 2023, 2024}
    assert studied_years("Fieldwork period: May 2019 to March 2020") == {2019, 2020}
    # a window opening at the practice's own beginning leaves that year the practice's
    assert studied_years("Período de estudo: desde a criação do APL, em 2006, até 2018.") == {2018}


def test_a_draft_a_prepared_paper_and_a_magazine_s_issue_tell_when_they_were_written() -> None:
    assert dates_of_writing(
        "*Prepared by an independent evaluation team for the regional agency. Final draft, June 2021.*\n\n"
        "The cluster gathers 200 furniture makers."
    ) == {2021}
    assert dates_of_writing(
        "*Summary of findings — prepared for a regional workshop on export clusters in South Asia, "
        "Lahore, February 2020*\n\nSurgical instruments are made by 2,000 small firms."
    ) == {2020}
    assert dates_of_writing(
        'Dalla rivista online di una rete di camere di commercio – rubrica "Voci del Mediterraneo", numero di '
        "marzo 2023\n\nIl tecnopolo ospita quaranta imprese."
    ) == {2023}
    assert dates_of_writing(
        "*A monthly digest for the members of a regional bioscience association. September 2024.*\n\n"
        "The cluster gathers 600 firms."
    ) == {2024}
    assert dates_of_writing("The cluster grew fast. In March 2019 it opened a lab.") == set()  # no date alone
    timeline = (
        "Cronologia\n\n" + "A cooperativa cresceu. " * 40 + "\n- Escritura com 18 sócios. Março de 1994.\n"
    )
    assert dates_of_writing(timeline) == set()  # past the opening: a timeline's entry
    # a statute or a plan prepared in a year is no date of writing; nor a sentence naming a magazine
    for text in (
        "The network's statute was prepared in March 2012 by nine growers, who founded the network.",
        "O estatuto foi preparado em abril de 2009 pelas quinze fábricas que fundaram a rede.",
        "Intervista alla rivista Vita: la cooperativa di tessitrici del paese, nata da un corso di formazione, "
        "ha aperto la sua prima bottega nel giugno 2004.",
        "From our magazine archive — twelve small cheese makers of the valley opened the network's shared "
        "aging cave in October 2008.",
    ):
        assert dates_of_writing(text) == set(), text


def test_a_timeline_s_entry_with_a_place_is_no_dateline() -> None:
    """Its second slot is a town, not a state's abbreviation ("SASKATOON, Sask., …")."""
    assert 2016 not in dates_of_writing("Milestones\nKick-off meeting, Santa Maria, June 2016\nA new phase")
    assert dates_of_writing("Tappe\nFirma del contratto di rete, Arquà Petrarca, aprile 2014\nAltro") == set()


@pytest.mark.parametrize(
    ("text", "file_date", "cited"),
    [
        ("Publicado em 28 de julho de 2025 por Redação\n\nA rede foi criada em 2004.", "2020-01-01", 2025),
        ("Lucca, 3 marzo 2023 — Le imprese hanno presentato il consorzio.", None, 2023),
        # an event announced ahead of today is no date of writing: the file's date is
        (
            "Workshop\n\nData: 15 de março de 2099\nLocal: Recife\n\nAs empresas participam.",
            "2026-10-01",
            2026,
        ),
        # a dateline far down dates a timeline's entry, not the text
        (
            "Il Patto\n\n"
            + "Le imprese lavorano insieme da anni. " * 10
            + "\nBologna, 20 luglio 2015\nFirmato.",
            "2022-05-01",
            2022,
        ),
        ("The network shares a lab.\n\nLast updated: July 2022", None, 2022),
        ("La rete condivide un laboratorio.\n\n© 2019 Rete Lab", None, 2019),
        ("The network shares a lab.", "1970-01-01", None),  # a clock's zero
        ("The network was founded in 2004.", None, None),  # the practice's year is not the text's
    ],
)
def test_the_year_a_reference_cites(text: str, file_date: str | None, cited: int | None) -> None:
    assert cited_year(labelled_fields(text), text, file_date) == cited


def test_news_of_a_grown_district_s_new_plan_is_no_news_of_its_start() -> None:
    text = (
        "Vila Serrana, 12 de maio de 2023 — Um grupo de empresas de extração de mármore apresentou esta "
        "semana um plano conjunto para reaproveitar os escombros. O polo do mármore de Vila Serrana é a "
        "principal zona de extração do país; as pedreiras partilham agora uma central de britagem."
    )
    found = extract(text, "Pedreiras juntam-se para aproveitar escombros", language="pt")
    assert found.values["programme"] == ["Polo do mármore de Vila Serrana"] and found.year is None
    assert a_grown_district([["Polo do mármore de Vila Serrana"]])
    assert not a_grown_district([["Huila Coffee Cluster"]])  # a body named in capitals may be launched
    assert refused_years(text, district_named([["Polo do mármore de Vila Serrana"]])) == {2023}
    assert not refused_years(text)
    launched = "Vila Serrana, 3 de março de 2015 — Foi lançado ontem o arranjo produtivo local de confecções."
    assert not refused_years(launched, district_named([["Arranjo produtivo local de confecções"]]))


def test_a_law_that_is_the_practice_dates_itself_by_its_name() -> None:
    twice = "La Legge regionale 4 aprile 2003, n. 8 disciplina i distretti; la legge del 2003 li riconosce."
    assert law_year(["Legge regionale 4 aprile 2003, n. 8"], twice) == 2003
    assert law_year(["Programa Rota 2030"], "Rota 2030; Rota 2030.") is None  # no law: a target year
    two = "Lei nº 13.755/2018, que altera a Lei nº 8.248/1991"
    assert law_year([two], f"{two}. {two}.") is None  # two years: which?
    created = "A Certificação PME foi criada pelo Decreto-Lei n.º 372/2007 e é gerida pelo instituto."
    assert law_year(["Decreto-Lei n.º 372/2007"], created) == 2007
    begun_later = (
        "A Zona Franca do Sal é um regime fiscal para as ilhas. Foi criada pela Lei 12/1996, embora só "
        "tenha começado a funcionar na prática em 2001, depois de autorizada por Bruxelas."
    )
    assert extract(begun_later, "Perguntas frequentes: a Zona Franca do Sal", language="pt").year == 1996
    another_s = (
        "A rede foi criada em 2012 com apoio do Programa Reciclar, instituído pelo Decreto nº 7.111/2011, "
        "que financia a compra de equipamentos. O Decreto nº 7.111/2011 foi revisto depois."
    )
    assert extract(another_s, "Boletim da rede", language="pt").year == 2012
    a_fund_s = (
        "O APL de Confecções de Jaraguá reúne 300 empresas desde 1998. O Fundo Estadual de Apoio às "
        "Confecções, criado pela Lei 14.507/2003, financia máquinas para as empresas do APL."
    )
    assert extract(a_fund_s, "Notícia", language="pt").year == 1998  # the law created the fund
    by_the_act = "The Board, a statutory body created by the 2001 Act, sits in Lerwick."
    assert law_year(["Shetland Knitwear Board", "2001 Act"], by_the_act) == 2001
    assert (
        law_year(["Wool Act 2001"], "Under the Wool Act 2001 cloth is marked. The 2001 Act replaced a guild.")
        == 2001
    )
    once = "O laboratório comum das empresas. O contributo vem da Legge 317/1991."
    assert law_year(["Distretti industriali (Legge 317/1991)"], once) is None  # it funds the practice
    text = (
        "La Legge regionale 4 aprile 2003, n. 8 riconosce i distretti. La Legge regionale 4 aprile 2003, "
        "n. 8 affida ai comitati di distretto la programmazione; la Regione ne verifica i piani."
    )
    assert extract(text, "Verbale del comitato", language="it").year == 2003


def test_a_card_s_span_of_covered_actions_is_no_start() -> None:
    assert year_in_field("attività documentate nel periodo 2015–2022") is None
    assert year_in_field("2003–2012 (período analisado nesta ficha)") is None
    assert year_in_field("ações registradas entre 2016 e 2019; ficha revisada em agosto de 2020") is None
    assert year_in_field("ficha revista em maio de 2024; dados de campo recolhidos entre 2018 e 2022") is None
    assert year_in_field("ações acompanhadas nas safras de 2016 a 2020; ficha atualizada em 2021") is None
    assert year_in_field("1998; dados recolhidos entre 2019 e 2023") == 1998  # the start, then the sources
    assert year_in_field("Since 2003; tracked 2015-2020") == 2003
    assert year_in_field("a cooperativa foi registrada em 1933") == 1933  # a registration: a founding
    assert year_in_field("Facility turned over in October 2014") == 2014
    assert year_in_field("iniciada em 2011; ações registradas até 2019") == 2011
    assert year_in_field("Avviata nel 2009 (primi risultati documentati nel 2012)") == 2009
    assert year_in_field("2014, as recorded in the company register") == 2014
