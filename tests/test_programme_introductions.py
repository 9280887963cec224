"""How texts introduce a programme without the usual words, and what only looks like one."""

from __future__ import annotations

import pytest

from ingest.metadata.countries import country_scores
from ingest.metadata.programme_keys import programme_key, written_forms
from ingest.metadata.programme_names import programme_names


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
    ],
)
def test_a_programme_introduced_by_its_kind_or_its_later_name_is_found(text: str, name: str) -> None:
    assert name in programme_names(text)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Possono accedere anche le PMI, a patto di avere brevetti in uso.", "PMI"),
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
