"""Metadata extractors in pt, it and en; curator sidecars; alias filters; facet counts."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ingest.evaluation import load_gold
from ingest.metadata import extract
from ingest.metadata.countries import country_scores, main_countries
from ingest.metadata.field_years import year_in_field
from ingest.metadata.fields import labelled_fields
from ingest.metadata.programme_names import programme_names
from ingest.metadata.registry import new_programmes, programmes
from ingest.metadata.sidecar import read_sidecar
from ingest.metadata.themes import ThemeClassifier
from ingest.metadata.year_ranker import FEATURES, practice_year, year_features
from ingest.metadata.years import FIRM, event_years
from ingest.parsing import parse_document
from ingest.pipeline import ingest_paths
from ingest.readers.text import first_line, front_matter
from ingest.themed_vectors import embed_with_themes
from kb.config import Settings
from kb.embedders import HashingEmbedder
from kb.errors import KbError
from kb.knowledge_base import KnowledgeBase
from kb.request import SearchRequest
from kb.taxonomy import default_taxonomy
from kb.text import fold
from kb.yaml_data import load_yaml
from tests.conftest import PT, write

CARD_PT = """Clusters regionais

Nome: Programa de Clusters Regionais
Proponente: Agência Norte-Americana para Pequenos Negócios (SBA)
Setor/Segmento: Governo
Contexto Geográfico: EUA
Referência Temporal: 2010

O programa apoiou dez aglomerados. No Brasil, os APL seguem lógica parecida."""

CARD_IT = """Scheda

Nome: Agrupaciones Empresariales Innovadoras
Promotore: Ministero dell'industria
Contesto geografico: Spagna
Anno: 2007
"""

CARD_EN = """Card

Name: Jobs and Innovation Accelerator Challenge
Proponent: Economic Development Administration
Geographic context: United States
Year: 2011
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CARD_PT, {"name": "Programa de Clusters Regionais", "geography": "EUA", "year": "2010"}),
        (CARD_IT, {"name": "Agrupaciones Empresariales Innovadoras", "geography": "Spagna", "year": "2007"}),
        (
            CARD_EN,
            {
                "name": "Jobs and Innovation Accelerator Challenge",
                "geography": "United States",
                "year": "2011",
            },
        ),
    ],
)
def test_labelled_fields_in_three_languages(text: str, expected: dict[str, str]) -> None:
    found = labelled_fields(text)
    assert {k: found[k] for k in expected} == expected


def test_a_card_that_leads_from_label_to_value_with_dots() -> None:
    card = (
        "PRACTICE CARD\n\nPractice ............ Dovrenik cutlery cluster\n"
        "Sector .............. knives and blades\nContents\nIntroduction ........ 3\n"
    )
    assert labelled_fields(card) == {"name": "Dovrenik cutlery cluster", "sector": "knives and blades"}
    assert (
        labelled_fields("Título da prática: APL da Cajuína de Borgo\n")["name"] == "APL da Cajuína de Borgo"
    )
    contents = "Contents\nGood practice ........ 6\nProgramme ..... 9\nCountry ..... 15\nPratica …… 21\n"
    assert labelled_fields(contents) == {}  # a table of contents' page numbers
    prose = "Practice: sharing one laboratory cut each firm's testing costs by a third.\nSector: ceramics\n"
    assert labelled_fields(prose) == {"sector": "ceramics"}  # a weak label's sentence names nothing
    described = (
        "Name: Regional innovation cluster\nThe regional agency funds the cluster's firms and schools."
    )
    assert "Regional innovation cluster" not in extract(described, "Card").values["programme"]
    found = extract(card + "\nFour cutlers share one grinding shop and train apprentices together.", "Card")
    assert "Dovrenik cutlery cluster" in found.values["programme"]


def test_a_profile_labelled_initiative_and_lead_body_is_a_card() -> None:
    card = (
        "# Practice profile — Technology parks in the North-East\n\n"
        "**Initiative:** Parque Tecnológico de Borgoverde\n"
        "**Lead body:** State Secretariat of Science and Technology (SECTI)\n"
        "**Launched:** 2012, with the opening of its first building\n"
    )
    fields = labelled_fields(card)
    assert fields["name"] == "Parque Tecnológico de Borgoverde"
    assert fields["proponent"].startswith("State Secretariat")
    scheda = "Iniziativa: Rete delle botteghe\nEnte capofila: Camera di commercio\nRegione: Toscana\n"
    assert labelled_fields(scheda) == {
        "name": "Rete delle botteghe",
        "proponent": "Camera di commercio",
        "geography": "Toscana",
    }
    # a kind or a part gives way to the name and the country; a form's answer is no value
    assert labelled_fields("Initiative: Yes\nName: Livenza Academy\n")["name"] == "Livenza Academy"
    assert labelled_fields("Region: Veneto\nCountry: Italy\n")["geography"] == "Italy"
    assert "name" not in labelled_fields("Iniziativa: pubblica\nSettore: mobile\n")
    assert "geography" not in labelled_fields("When: 5 March\nWhere: Hotel Serena, Nairobi\n")


def test_a_card_line_naming_the_programme_gives_it() -> None:
    card = (
        "SCHEDA — PRESTITI PER LE PMI\n"
        "Nome del programma: Fondo Rotativo Artigiano (FRA) – prestiti agevolati\n"
        "Ente responsabile: la camera di commercio provinciale\n"
        "Le botteghe artigiane ricevono prestiti senza garanzie; le PMI restituiscono in cinque anni."
    )
    fields = labelled_fields(card)
    assert fields["programme"].startswith("Fondo Rotativo Artigiano")
    assert fields["proponent"] == "la camera di commercio provinciale"
    assert extract(card, "Scheda").values["programme"] == ["Fondo Rotativo Artigiano"]


def test_a_card_of_an_agency_named_with_its_body_s_labels_gives_name_proponent_and_early_year() -> None:
    card = (
        "PRACTICE CARD\n"
        "Name of initiative: Lake Region Enterprise Agency (LREA)\n"
        "Proponent / lead body: the provincial government\n"
        "Time reference: set up by a provincial act in 2004\n"
        "The LREA trains and advises small firms across the lake region.\n"
    )
    fields = labelled_fields(card)
    assert fields["name"] == "Lake Region Enterprise Agency (LREA)"
    assert fields["proponent"] == "the provincial government"
    early = "Nome dell'iniziativa: Cassa per il credito alle botteghe (Bottegacassa)\nRiferimento temporale: istituita nel 1947\n"
    assert (
        extract(
            early + "Bottegacassa prestava. Bottegacassa garantiva. Bottegacassa cresceva.", "Scheda"
        ).year
        == 1947
    )
    older = "Nome: Cooperativa dei vasai di Borgo Alto\n**Periodo:** dal 1868 a oggi\n"
    assert extract(older + "La cooperativa produce stoviglie dal 1868.", "Scheda").year == 1868
    assert year_in_field("dal 1874 al 2015") == 1874 and year_in_field("dal 1990 al 2015") == 1990
    # a card's field that tells only when it was revised, or its figures' year, gives no start
    assert year_in_field("ação contínua; a ficha foi atualizada em março de 2024") is None
    assert year_in_field("situação descrita com dados de 2019, revistos em 2024") is None
    assert (
        year_in_field("data di avvio: 2015") == 2015
        and year_in_field("lançado em 2016; dados de 2023") == 2016
    )
    for told in (
        "dados de 2019, lançado em 2016",
        "Updated 2023, launched 2016",
        "Dati 2020, avviato nel 2016",
    ):
        assert year_in_field(told) == 2016, told  # a revision's word reaches no later start
    assert year_in_field("Segundo dados do Sebrae, criado em 2016") == 2016
    assert (
        year_in_field("ficha atualizada em 12/03/2024") is None
        and year_in_field("criado em 21/08/2013") == 2013
    )
    revised = "Nome: Polo gesseiro de Vila Alta\nReferência temporal: ação contínua; a ficha foi atualizada em março de 2024\n\n"
    assert extract(revised + "O polo reúne doze empresas.", "Ficha").year is None
    assert extract(revised + "O polo foi criado em 2009 por doze empresas.", "Ficha").year == 2009
    # a card that does not know its year keeps only a year the text tells with a start
    unknown = "Nome: Rede de sapateiros de Vila Alta\nInício: não informado\n\nA rede nasceu nos anos 1990."
    assert extract(unknown + " Um seminário em 2019 discutiu a rede.", "Ficha").year is None
    assert extract(unknown.replace("não", "nao") + " Um seminário em 2019.", "Ficha").year is None
    assert extract(unknown + " A rede foi fundada em 2003 por doze sapateiros.", "Ficha").year == 2003
    assert extract(unknown + " Em 2019 a rede assinou um convênio.", "Ficha").year is None  # no start
    guessed = unknown.replace("não informado", "Desconhecido (c. 2008)")
    assert extract(guessed, "Ficha").year == 2008  # an unknown field that still gives a year
    years = (
        "A Rede de Queijarias foi implantada pelo Sebrae entre os anos de 2013 e 2015, com doze queijarias."
    )
    assert extract(years, "Rede").year in (2013, 2015)  # years, not decades: a decade's year ends in 0


def test_a_card_s_name_described_in_words_goes_by_the_short_name_in_brackets() -> None:
    card = (
        "Nome dell'iniziativa: Cassa per il credito alle botteghe artigiane (Bottegacassa)\n"
        "Promotore: Stato italiano\n\n"
        "Le imprese artigiane ricevevano prestiti: Bottegacassa pagava parte degli interessi. "
        "Nel tempo Bottegacassa ha servito migliaia di imprese, e Bottegacassa esiste ancora.\n"
    )
    assert extract(card, "Scheda", language="it").values["programme"] == [
        "Cassa per il credito alle botteghe artigiane (Bottegacassa)"
    ]
    placed = card.replace("Bottegacassa", "Toscana")  # a place in brackets says where
    assert (
        "Cassa per il credito alle botteghe artigiane (Toscana)"
        not in extract(placed, "Scheda").values["programme"]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CARD_PT, ["US"]),
        (CARD_IT, ["ES"]),
        (CARD_EN, ["US"]),
    ],
)
def test_fields_win_over_free_text(text: str, expected: list[str]) -> None:
    meta = extract(text, "Card")
    assert meta.values["country"] == expected


def test_card_fields_give_programme_year_and_organisation() -> None:
    meta = extract(CARD_PT, "Clusters regionais")
    assert meta.values["programme"] == ["SBA Regional Innovation Clusters"]
    assert meta.year == 2010
    assert meta.values["organisation"][0] == "SBA"


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        (
            "O programa dos EUA apoiou clusters nos Estados Unidos. Um consultor brasileiro visitou.",
            "",
            ["US"],
        ),
        (
            "Il governo degli Stati Uniti ha finanziato i cluster statunitensi. "
            "Le agenzie degli Stati Uniti hanno collaborato. Un caso simile esiste in Brasile.",
            "",
            ["US"],
        ),
        (
            "The European Union funds clusters. The European Commission ran calls. Japan was a target.",
            "",
            ["EU"],
        ),
        ("Franca, no interior de São Paulo, concentra fábricas de calçados.", "Franca", ["BR"]),
        (
            "Clusters in Germany and in France cooperate closely. Germany leads; France follows.",
            "",
            ["DE", "FR"],
        ),
        ("A short note with no place at all.", "", []),
        (
            "ATA DA REUNIÃO DA COOPERATIVA. Os apicultores do Piauí, no Brasil, discutiram o preço do mel.",
            "",
            ["BR"],
        ),
        ("VERBALE DELLA RIUNIONE. Le imprese di Modena e Reggio Emilia hanno deciso.", "", ["IT"]),
        (
            "Nel Canton Ticino cresce un polo medicale. La Svizzera sostiene le imprese svizzere. "
            "In Svizzera il polo cresce.",
            "",
            ["CH"],
        ),
    ],
)
def test_main_countries(text: str, title: str, expected: list[str]) -> None:
    assert main_countries(text, title) == expected


@pytest.mark.parametrize(
    "text",
    [
        "O programa COSME financiou clusters. O COSME durou até 2020.",
        "Il programma COSME ha finanziato i cluster.",
        "The Programme for the Competitiveness of Enterprises and SMEs funded clusters.",
    ],
)
def test_programme_aliases_in_three_languages(text: str) -> None:
    assert programmes(text, "") == ["COSME"]


def test_a_registered_programme_counts_under_the_acronym_a_text_gives_it() -> None:
    opening = "Shea butter groups met in Tamale to plan the season. " * 10
    text = opening + "The Rural Enterprises Programme (REP) paid for the press. REP also trained members."
    assert programmes(text, "") == ["Ghana Rural Enterprises Programme"]


def test_a_registered_name_with_a_place_of_its_own_is_a_programme_of_its_own() -> None:
    names = ["Programma Interreg V-A Italia-Svizzera 2014-2020", "Economic Affairs launched go-cluster"]
    assert new_programmes([*names, "COSME Programme 2014-2020"]) == [names[0]]
    text = "Il progetto è cofinanziato dal Programma Interreg V-A Italia-Svizzera 2014-2020. Interreg sostiene le segherie."
    meta = extract(text, "Larice tra due valli")
    assert meta.values["programme"] == [names[0]], "the specific programme, not its family beside it"


def test_programme_shaped_names_are_found() -> None:
    text = "O Programa Rota do Cacau apoia produtores. The Coffee Quality Programme trains growers."
    assert programme_names(text) == ["Programa Rota do Cacau", "Coffee Quality Programme"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Em 2011 o governo lançou o programa Mais Cultivo para cooperativas.", ["Mais Cultivo"]),
        (
            "La legge regionale ha avviato il Piano Regionale Filiere 2030 per le reti.",
            ["Piano Regionale Filiere 2030"],
        ),
        (
            "The Coastal Fisheries Support Programme (CFSP) paid for cold stores; CFSP ended in 2019.",
            ["Coastal Fisheries Support Programme (CFSP)"],
        ),
        ("One Tambon One Product (OTOP) grades village goods.", ["One Tambon One Product (OTOP)"]),
        ("The Agência Estadual de Fomento Rural (AEFR) lends to farmers.", []),
        ("Il contributo della Legge regionale n. 13/2014 va ai distretti.", ["Legge regionale n. 13/2014"]),
        ("O Programa Negócio a Negócio orienta microempresas.", ["Programa Negócio a Negócio"]),
        ("Funding: the European Union's SWITCH-Asia programme.", ["SWITCH-Asia"]),
        ("O Vinho Verde Vivo é um programa público de promoção.", ["Vinho Verde Vivo"]),
        ("No âmbito do Rede Mais Forte, programa federal para fábricas.", ["Rede Mais Forte"]),
        ("Arrivò la Legge 5 ottobre 1991, n. 317 sui distretti.", ["Legge 5 ottobre 1991, n. 317"]),
        ("AGROLINK, un programma del ministero, finanzia consorzi.", ["AGROLINK"]),
        ("A Lei nº 11.196 criou incentivos.", ["Lei nº 11.196"]),
        ("Each APL writes a Plano de Desenvolvimento Preliminar first.", []),
        ("The village club won the cup final on Saturday.", []),
        ("Os teares ganharam um posto do Microfio, o programa de microcrédito do banco.", ["Microfio"]),
        (
            "Fondi dalla Nuova politica montana, il programma con cui lo Stato aiuta le valli.",
            ["Nuova politica montana"],
        ),
        ("Em Honduras, o projeto de redes começou cedo.", []),
        (
            "Il progetto PAFA (Projet d'Appui aux Filières Artisanales) è stato avviato.",
            ["Projet d'Appui aux Filières Artisanales (PAFA)"],
        ),
        (
            "Designação: LinkSul (Programa de Fornecedores Locais do Sul)",
            ["Programa de Fornecedores Locais do Sul (LinkSul)"],
        ),
        ("The Cluster AED (Aeronáutica, Espaço e Defesa) grew.", []),
        ("The hubs were authorised by the Ports and Skills Act of 2019.", ["Ports and Skills Act"]),
        ("Capitolo 4 – La Coastal Initiative riunisce regioni.", ["Coastal Initiative"]),
        (  # a long name whose parts a comma joins, before its acronym
            "O Programa de Apoio à Agricultura, Pesca e Turismo Rural (PAPTUR) financia cooperativas.",
            ["Programa de Apoio à Agricultura, Pesca e Turismo Rural (PAPTUR)"],
        ),
        (  # an acronym, a dash, the name with its period; the sentence goes on in lowercase
            "Financiamento: PRDA — Programa Regional de Desenvolvimento Agrícola 2021-2027, medida de apoio.",
            ["Programa Regional de Desenvolvimento Agrícola 2021-2027 (PRDA)"],
        ),
        (
            "Cofinanziato dal Programma Operativo Turismo Sostenibile (TURISMO 2027) della regione.",
            ["Programma Operativo Turismo Sostenibile (TURISMO 2027)"],
        ),
        (
            "The Harbour Skills Development Programme 2018–2024 trained welders.",
            ["Harbour Skills Development Programme 2018–2024"],
        ),
        (
            "Grants came from the Coastal Mills Renewal Fund, run by the state.",
            ["Coastal Mills Renewal Fund"],
        ),
        ("The press was co-financed by the International Fund for Agricultural Development.", []),
        ("Pelo Programa Brasil Mais Produtivo, as empresas cresceram.", ["Programa Brasil Mais Produtivo"]),
        (  # the acronym belongs to the corporation, not to the programme before it
            "The Harbour Cluster Program, implemented by the Coastal Industrial Corporation (CICO), grew.",
            ["Harbour Cluster Program"],
        ),
    ],
)
def test_programmes_introduced_in_the_text(text: str, expected: list[str]) -> None:
    assert programme_names(text) == expected


def test_a_programme_the_registry_lacks_is_a_proposed_facet_value() -> None:
    meta = extract("O programa Mais Cultivo apoia cooperativas de café no Brasil desde 2011.", "Mais Cultivo")
    assert "Mais Cultivo" in meta.values["programme"]
    assert [f.source for f in meta.facets() if f.value == "Mais Cultivo"] == ["proposed"]
    assert new_programmes(["programa COSME", "Mais Cultivo"]) == ["Mais Cultivo"], "the registry wins"


@pytest.mark.parametrize(
    ("text", "starts", "expected"),
    [
        ("Negli anni Novanta nacquero le prime reti.", (), 1990),
        ("La crescita fu spettacolare negli anni Novanta.", (), None),  # history, not the practice
        ("The estate grew in the 1970s into a large cluster.", (), None),
        ("From the late 1980s the wineries exported together.", (), 1980),
        ("A rede arrancou em 2022 com doze empresas.", (), 2022),
        ("Published 2021. The programme was launched in 2016.", (), 2016),
        ("No dates here.", (), None),
        ("As empresas aderiram, em março de 2017, ao programa. A loja abriu em 1988.", (), 2017),
        ("The cluster joined in March 2019; its oldest yard opened in 1968.", (), 2019),
        ("The firm, founded in 1968, joined the programme launched in 2017.", (), 2017),
        ("A programme that began long before this report.", (2014,), None),  # a start the text never tells
        # a start told only inside a law's number is no date; a firm's founding is older than the
        # practice; a network's own founding is its year; "O Rota 2030" is a name
        ("A Lei do Fomento (Lei nº 12.345/2009) apoia a rede. Em 2021 as empresas aderiram.", (2009,), 2021),
        ("A oficina, fundada em 1961, entrou em 2019 na rede.", (), 2019),
        ("Financiamento.\nO Rota 2030 – Mobilidade, criado pela lei. Nós concorremos em 2020.", (), 2020),
    ],
)
def test_practice_year(text: str, starts: tuple[int, ...], expected: int | None) -> None:
    assert practice_year(text, programme_starts=starts) == expected


def test_alias_and_label_round_trip() -> None:
    taxonomy = default_taxonomy()
    assert taxonomy.canonical("country", "estados unidos") == "US"
    assert taxonomy.canonical("country", "Unione Europea") == "EU"
    assert taxonomy.canonical("programme", "programma cosme") == "COSME"
    assert taxonomy.canonical("theme", "Internacionalização") == "internationalisation"
    assert taxonomy.label("theme", "joint-action", "it") == "Azione collettiva"
    assert taxonomy.label("country", "DE", "pt") == "Alemanha"


# -- through the pipeline and the index ---------------------------------------------------


@pytest.fixture
def tagged(tmp_path: Path, settings: Settings) -> tuple[KnowledgeBase, Path]:
    """Four documents whose facets are set by sidecars, so counts can be checked by hand."""
    folder = tmp_path / "tagged"
    docs = {
        "a": (
            "Texto sobre redes de empresas no Brasil e compras conjuntas.",
            "countries: [BR]\nthemes: [networking, joint-action]\nprogrammes: [GT-APL]\nyear: 2004\n",
        ),
        "b": (
            "Testo sulle reti di imprese in Italia e sui contratti di rete.",
            "countries: [IT]\nthemes: [networking]\nprogrammes: [Contratto di rete]\nyear: 2009\n",
        ),
        "c": (
            "Text about European cluster partnerships going international.",
            "countries: [EU, BR]\nthemes: [internationalisation]\nprogrammes: [programa COSME]\nyear: 2014\n",
        ),
        "d": (
            "Outro texto sobre financiamento de APLs pelo banco de desenvolvimento.",
            "countries: [Brasil]\nthemes: [finance]\nyear: 2004\n",
        ),
    }
    for name, (text, sidecar) in docs.items():
        write(folder / f"{name}.txt", f"Documento {name}\n\n{text} " * 3)
        write(folder / f"{name}.meta.yaml", sidecar)
    kb = KnowledgeBase.open(settings.index_dir, "hash", create=True)
    report = ingest_paths(kb, [folder], settings)
    assert report.counts["added"] == 4, report.as_dict()
    return kb, folder


def counts(kb: KnowledgeBase, field: str, **filters: tuple[str, ...]) -> dict[str, int]:
    result = kb.search(SearchRequest("", filters=filters))
    return {c.value: c.count for c in result.facets[field]}


def test_facet_counts_match_a_hand_count(tagged: tuple[KnowledgeBase, Path]) -> None:
    kb, _ = tagged
    assert counts(kb, "country") == {"BR": 3, "EU": 1, "IT": 1}
    assert counts(kb, "theme") == {
        "networking": 2,
        "joint-action": 1,
        "internationalisation": 1,
        "finance": 1,
    }
    assert counts(kb, "year") == {"2004": 2, "2009": 1, "2014": 1}
    assert counts(kb, "programme", country=("BR",)) == {"GT-APL": 1, "COSME": 1}
    assert counts(kb, "theme", country=("BR", "IT"), year=("2004", "2009")) == {
        "networking": 2,
        "joint-action": 1,
        "finance": 1,
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": ("brasil",)}, {"a", "c", "d"}),
        ({"country": ("Itália",)}, {"b"}),
        ({"programme": ("Programma COSME",)}, {"c"}),
        ({"programme": ("gt-apl",), "country": ("BRAZIL",)}, {"a"}),
        ({"theme": ("Financiamento",)}, {"d"}),
        ({"country": ("IT", "EU")}, {"b", "c"}),
    ],
)
def test_filters_accept_aliases(
    tagged: tuple[KnowledgeBase, Path], filters: dict[str, tuple[str, ...]], expected: set[str]
) -> None:
    kb, _ = tagged
    assert {h.doc_id for h in kb.search(SearchRequest("", filters=filters, k=50)).hits} == expected


def test_sidecar_wins_and_survives_reingest(tagged: tuple[KnowledgeBase, Path], settings: Settings) -> None:
    kb, folder = tagged
    doc = kb.document("a")
    assert doc.values("country") == ["BR"] and "country" in doc.curated and doc.year == 2004
    write(
        folder / "a.txt", "Documento a\n\nTexto novo sobre cooperação entre empresas nos Estados Unidos. " * 3
    )
    assert ingest_paths(kb, [folder], settings).counts == {"updated": 1, "unchanged": 3}
    doc = kb.document("a")
    assert doc.values("country") == ["BR"], "the curator's value beats the new text's US"
    assert doc.year == 2004
    assert "country" in doc.curated and "language" not in doc.curated


def test_editing_only_the_sidecar_updates_the_document(
    tagged: tuple[KnowledgeBase, Path], settings: Settings
) -> None:
    kb, folder = tagged
    write(folder / "b.meta.yaml", "countries: [IT]\nthemes: [policy]\ntitle: Reti d'impresa in Italia\n")
    assert ingest_paths(kb, [folder], settings).counts == {"updated": 1, "unchanged": 3}
    doc = kb.document("b")
    assert doc.title == "Reti d'impresa in Italia" and doc.values("theme") == ["policy"]


def test_bad_sidecar_is_reported(tagged: tuple[KnowledgeBase, Path], settings: Settings) -> None:
    kb, folder = tagged
    write(folder / "d.meta.yaml", "colour: blue\n")
    report = ingest_paths(kb, [folder], settings)
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [("d.txt", "bad-metadata")]
    assert "unknown field 'colour'" in report.failures[0].detail
    assert kb.document("d").values("theme") == ["finance"], "the previous version is kept"


def test_metadata_report_command(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "card.txt", CARD_PT)
    gold = write(
        tmp_path / "gold.yaml",
        "- {path: docs/card.txt, language: pt, countries: [US], programmes: [SBA Regional Innovation Clusters], year: 2010, themes: [policy]}\n",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from kb.cli import main; main()",
            "eval",
            str(gold),
            "--metadata",
            "--embedder",
            "hash",
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["documents"] == 1
    assert report["accuracy"] == {"language": 1.0, "year": 1.0, "programme found": 1.0}
    assert report["fields"]["countries"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert set(report["fields"]) == {"countries", "programmes", "themes"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Già negli anni Settanta i distretti erano noti. Nel 2015 la regione ha avviato la rete.", 2015),
        ("In the early 1990s the region was in crisis. The agency was founded in 1997 to help firms.", 1997),
        ("Nos anos 1980 a cidade crescia. O consórcio, criado em 2008, reúne doze empresas.", 2008),
        ("The network still meets every month.", None),
    ],
)
def test_the_practice_year_is_its_own_not_a_decade_recalled(text: str, expected: int | None) -> None:
    assert practice_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minas Gerais: confecções de Divinópolis dividem uma lavanderia industrial.", ["BR"]),
        ("Le imprese dell'Emilia-Romagna condividono laboratori a Bologna e Modena.", ["IT"]),
        ("Bangalore's small machine shops share a heat-treatment furnace.", ["IN"]),
        ("Firms in Baden-Württemberg run a joint training centre.", ["DE"]),
    ],
)
def test_a_region_or_city_gives_its_country(text: str, expected: list[str]) -> None:
    assert main_countries(text, "") == expected


def test_a_proposed_programme_can_be_searched_by_at_once(
    hash_kb: KnowledgeBase, tmp_path: Path, settings: Settings
) -> None:
    write(
        tmp_path / "docs" / "cafe.txt",
        "Cooperativas de café\n\nEm 2011 o governo lançou o programa Mais Cultivo para cooperativas de café. "
        "As cooperativas compram insumos juntas e dividem secadores. " * 3,
    )
    ingest_paths(hash_kb, [tmp_path / "docs"], settings)
    result = hash_kb.search(SearchRequest("", filters={"programme": ("Mais Cultivo",)}))
    assert [h.doc_id for h in result.hits] == ["cafe"]


def test_practice_card_fields_are_kept_shown_and_exported(
    hash_kb: KnowledgeBase, tmp_path: Path, settings: Settings
) -> None:
    from app_pages.export import results_csv

    write(
        tmp_path / "docs" / "ficha-mel.txt",
        "Ficha de boa prática\n\nNome: Rede de Meliponicultores\nProponente: Associação dos Meliponicultores\n"
        "Parceiros: Sebrae, Embrapa\nFinanciamento: recursos próprios e edital estadual\n"
        "Resultados: vinte famílias certificadas e venda conjunta de mel\n\n" + PT * 2,
    )
    ingest_paths(hash_kb, [tmp_path / "docs"], settings)
    card = hash_kb.document("ficha-mel").card
    assert card["partners"] == "Sebrae, Embrapa" and card["results"].startswith("vinte famílias")
    hit = hash_kb.search(SearchRequest("", k=1)).hits[0]
    assert hit.as_dict()["card"]["funding"] == "recursos próprios e edital estadual"
    assert "Partners" in results_csv([hit]).splitlines()[0] and "Sebrae, Embrapa" in results_csv([hit])
    assert "card.partners" not in hash_kb.stats()["facets"], "card fields are not facets"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "As garantias são cobertas pelo Fondo di garanzia per le PMI do governo.",
            "Fondo di garanzia per le PMI",
        ),
        (
            "O estande foi pago com recursos do POR FESR Marche 2014-2020 da região.",
            "POR FESR Marche 2014-2020",
        ),
        (
            "O governo lançou o Plan d'Accélération Industrielle para atrair fornecedores.",
            "Plan d'Accélération Industrielle",
        ),
        (
            "Os produtores aderiram ao sistema de Produção Integrada de Frutas em 2003.",
            "Produção Integrada de Frutas",
        ),
        (
            "Le imprese hanno aderito al progetto settoriale Marche Calzature Export.",
            "Marche Calzature Export",
        ),
        ("Vietnam's One Commune One Product programme rates local goods.", "One Commune One Product"),
    ],
)
def test_programmes_introduced_in_more_ways(text: str, name: str) -> None:
    assert name in programme_names(text)


def test_a_one_word_name_is_not_a_programme() -> None:
    assert programme_names("The Kyushu project grew. Programas Estratégicos existem.") == []
    assert programme_names("A, a project of the museum.") == []
    assert programme_names("The scheme 20 trained firms; the programme 2019 edition.") == [], (
        "a number is no name"
    )


def test_years_in_a_background_section_are_history() -> None:
    card = (
        "Contexto\n\nA crise de 1994 fechou metade das oficinas da cidade.\n\n"
        "A prática\n\nEm 2012 a associação abriu um laboratório comum de ensaios."
    )
    assert practice_year(card) == 2012
    assert (
        practice_year(
            "Background. In 1994 the buyers left.\n\nThe practice. Since 2012 the firms share a lab."
        )
        == 2012
    )
    assert practice_year("Contexto\n\nEm 1994 tudo começou.") == 1994, "history is still better than no year"


def test_a_second_decade_in_a_pair_is_a_decade() -> None:
    text = "Os lotes foram implantados nos anos 1970 e 1980. A partir de 2003 os colonos adotaram o sistema."
    assert practice_year(text) == 2003


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        (
            "I lanifici in Italia usano il FESR. L'Unione europea paga metà.",
            "Lanifici in Italia e fondi dell'Unione europea",
            ["IT"],
        ),
        (
            "A queijaria vende queijo curado em Celorico da Beira.",
            "Queijo de Celorico da Beira",
            [],
        ),  # not Beira, MZ
        ("Para o fundo de maneio, o banco pediu garantias. Para onde vendem?", "", []),  # not Pará
        ("A cooperativa fica no Estado de Minas Gerais. Minas Gerais produz café.", "", ["BR"]),
        ("A cooperativa fica no estado do Pará. O Pará exporta açaí.", "", ["BR"]),  # Pará is no "para"
        ("A Câmara Municipal de Lisboa apoia a rede. Lisboa cresce.", "", ["PT"]),
        ("La Camera di Commercio di Milano e il Politecnico di Milano.", "", ["IT"]),
        (  # Abuja's "Federal Capital Territory", not Washington's "Federal Capital"
            "SMEDAN has offices in all 36 states and the Federal Capital Territory. Nigeria's firms use them.",
            "Enterprise support in Nigeria",
            ["NG"],
        ),
        (  # "Tema" is the topic, not the port of Ghana
            "Tema: o calçado. As fábricas de Portugal exportam; Portugal vende a 170 países e Portugal cresce.",
            "",
            ["PT"],
        ),
    ],
)
def test_eu_funds_a_longer_name_and_common_words_are_no_country(
    text: str, title: str, expected: list[str]
) -> None:
    assert main_countries(text, title) == expected


def test_common_words_that_are_also_towns_abroad_are_no_country() -> None:
    text = "Blogue Do Campo à Mesa. Os produtores de Pera Rocha vendem juntos."
    assert main_countries(text, "Do Campo à Mesa") == []


def test_compass_words_and_passing_countries_are_not_evidence() -> None:
    assert (
        main_countries("The exhibition opens in the East Wing of the museum on Saturday.", "New exhibition")
        == []
    )
    text = "La rete tessile di Monastir, in Tunisia, lavora per committenti europei, francesi e italiani."
    assert main_countries(text, "Una rete tessile in Tunisia") == ["TN"]


def test_a_curator_confirms_a_proposed_programme_into_the_registry(
    hash_kb: KnowledgeBase, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest.proposals import confirm_programme
    from kb.taxonomy import programme_registry

    registry = tmp_path / "programmes.yaml"
    registry.write_text(programme_registry().read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("KB_PROGRAMME_REGISTRY", str(registry))
    default_taxonomy.cache_clear()
    try:
        text = (
            "Rede de queijarias\n\nO programa Queijos da Serra Gaúcha apoia queijarias familiares desde 2019."
        )
        write(tmp_path / "docs" / "queijarias.txt", text)
        ingest_paths(hash_kb, [tmp_path / "docs"], settings)
        assert hash_kb.store.proposed_values("programme") == {"Queijos da Serra Gaúcha": 1}
        assert confirm_programme(hash_kb, "Queijos da Serra Gaúcha", "Brasil") == 1
        assert hash_kb.store.proposed_values("programme") == {}
        entry = default_taxonomy().programme("Queijos da Serra Gaúcha")
        assert entry is not None and entry.country == "BR"
        later = "Nova rede\n\nAs queijarias do Queijos da Serra Gaúcha compram embalagens juntas."
        assert "Queijos da Serra Gaúcha" in extract(later, "Nova rede").values["programme"]
        with pytest.raises(KbError):
            confirm_programme(hash_kb, "X" * 200)
    finally:
        monkeypatch.delenv("KB_PROGRAMME_REGISTRY")
        default_taxonomy.cache_clear()


def test_threads_asking_for_the_taxonomy_at_once_share_one() -> None:
    """An ingest's metadata and its theme model first ask at the same time; two equal copies
    would make every cached-matcher look-up compare the registries entry by entry."""
    fresh = type(default_taxonomy)()  # a process's first call, without touching the shared one
    start = threading.Barrier(4, timeout=30)

    def load(_: int) -> object:
        start.wait()
        return fresh()

    with ThreadPoolExecutor(4) as pool:
        loaded = list(pool.map(load, range(4)))
    assert all(t is loaded[0] for t in loaded)
    fresh.cache_clear()
    assert fresh() is not loaded[0]


def test_a_year_told_with_the_practice_name_beats_an_earlier_launch() -> None:
    text = (
        "Background\nThe idea goes back to a movement started in 1979 in Japan. "
        "One Tambon One Product (OTOP) was launched in 2001 by the Thai government.\n\n"
        "How it works\nVillages grade their goods."
    )
    meta = extract(text, "Case study: One Tambon One Product")
    assert meta.year == 2001
    plan = "Il piano nazionale fu presentato nel 2016. BI-REX è stato costituito nel 2018 a Bologna."
    assert extract(plan, "BI-REX, il centro di competenza di Bologna").year == 2018, "the title's name first"


def test_an_early_founding_an_operating_date_and_a_founders_trade_are_read_as_such() -> None:
    cooperative = (
        "Depois da guerra os colonos se reorganizaram e, em 1949, fundaram a Cooperativa Agrícola do Vale "
        "Verde (CAVV). Em 1987 a cooperativa abriu uma fábrica de polpas e em 2016 exportou para o Japão."
    )
    assert extract(cooperative, "Cooperativa Agrícola do Vale Verde: frutas da floresta").year == 1949
    created = (  # a creation or an establishment of the practice itself is its start as well
        "O Serviço de Aprendizagem do Vale (SAV) foi criado em 1942 para formar aprendizes. Hoje o SAV "
        "mantém 40 escolas e forma 9.000 aprendizes por ano."
    )
    assert extract(created, "SAV: notas de aula").year == 1942
    began = "In 1946 the war had ended and the Valley Dairy Union began to collect milk from 40 farms."
    assert extract(began, "Valley Dairy Union").year is None, "an early year told with no start of its own"
    recalled = "Em 1949 a guerra tinha acabado. Em 1987 a Cooperativa do Vale abriu uma fábrica de polpas."
    assert extract(recalled, "Cooperativa do Vale").year == 1987, "an early year told without a founding"
    agency = (
        "NOVA-R è operativa dal 1° maggio 2019. È nata dalla fusione di due società regionali, tra cui "
        "un'agenzia attiva dal 1974 fondata dalla Regione."
    )
    assert extract(agency, "NOVA-R: domande frequenti").year == 2019
    founded = "PROINVEST was founded in 1982 by a group of business leaders; a bakery was founded in 1990."
    assert [(year, kind) for year, kind, _ in event_years(founded)] == [(1982, 1), (1990, FIRM)]
    with_others = (
        "The Fjord Seafood Cluster was founded in 2004 by a local entrepreneur together with 30 firms."
    )
    assert [kind for _, kind, _ in event_years(with_others)] == [1]  # not alone: the cluster's founding
    for firm in (
        "Founded in 1985, by 1990 the company employed 300 people.",
        "Fundada em 1985 na cidade da Covilhã, a fábrica emprega 300 pessoas.",
        "Fondata nel 1985, da allora l'azienda produce tessuti.",
        "Founded in 1985 by John Smith, the company makes shoes.",
        "Coachmen was founded in 1964 in Goshen by a young local entrepreneur.",
        "A Tecelagem Serrana foi fundada em 1951 por um comerciante libanês.",
    ):
        assert [kind for _, kind, _ in event_years(firm)] == [FIRM], firm


def test_markdown_card_fields_are_read(tmp_path: Path) -> None:
    card = "# Card\n\n**Name:** Supplier linkage\n**Promoter:** PROCOMER\n**Time reference:** 2002 onwards\n"
    path = tmp_path / "card.md"
    path.write_text(card, encoding="utf-8")
    doc = parse_document(path, Settings())
    assert doc.year == 2002


def test_a_card_programme_line_is_a_programme() -> None:
    card = "Nome dell'iniziativa: Rete Valle Verde\nPrograma de apoio: Fábrica Mais Forte\n\nTesto."
    meta = extract(card, "Rete Valle Verde")
    assert meta.card["name"] == "Rete Valle Verde"
    assert meta.values["programme"][0] == "Fábrica Mais Forte" and "Fábrica Mais Forte" in meta.proposed


def test_an_off_topic_document_keeps_no_country_programme_or_year(tmp_path: Path) -> None:
    recipe = (
        "Moqueca de peixe à moda de Vitória\n\nEm 2019 a receita da avó ganhou o concurso da festa do "
        "bairro em Vitória, no Brasil. Tempere o peixe com limão, sal e alho e deixe descansar meia hora. "
        "Numa panela de barro, faça camadas de cebola, tomate e pimentão, acomode as postas e regue com "
        "azeite e urucum. Cozinhe em fogo baixo com a panela tampada, sem mexer, e finalize com coentro, como se faz em todo o Brasil."
    )
    doc = parse_document(write(tmp_path / "moqueca.txt", recipe), Settings())
    assert doc.year == 2019 and any(f.field == "country" for f in doc.facets), "read from the text first"
    embedder = HashingEmbedder()
    embed_with_themes(doc, embedder, lambda: ThemeClassifier(embedder))
    assert not [f for f in doc.facets if f.field in ("country", "programme", "theme")]
    assert doc.year is None


def test_card_fields_in_table_rows_as_word_and_opendocument_give_them() -> None:
    rows = "Nome da prática | Central de compras\nReferência Temporal | 2011\nSetor | Calçados"
    assert labelled_fields(rows) == {"name": "Central de compras", "year": "2011", "sector": "Calçados"}
    assert labelled_fields("Home | About | Contact") == {}


def test_a_card_proponent_is_a_name_without_its_supporters() -> None:
    from ingest.metadata import proponent_name

    assert (
        proponent_name("Sindicato das Olarias do Vale, com apoio do Sebrae")
        == "Sindicato das Olarias do Vale"
    )
    assert (
        proponent_name("Consorzio dei mobilieri con il sostegno della Regione") == "Consorzio dei mobilieri"
    )
    long = (
        "Rede de fabricantes, prefeitura municipal, universidade estadual e banco público do nordeste unidos"
    )
    assert proponent_name(long) == "Rede de fabricantes, prefeitura municipal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year inside a programme's name is no date
        ("Em 2019 começou a turma. Os recursos vieram do Rota 2030, instituído por lei.", 2019),
        ("The shops joined Horizon 2020 projects; the network was set up in 2016.", 2016),
        (
            "Dei formação no programa Comércio + Digital 2026.\n\nO Comércio + Digital 2026 é uma "
            "iniciativa pública, lançada no final de 2021, que paga cursos.",
            2021,
        ),
        # a verb belongs to the year nearest to it, not to one told before another year
        ("Then came the 2008 recession, and in 2012 the plant announced it would close.", 2012),
        ("- **Anno di costituzione:** 2016\n- **Strumento:** Legge 9 aprile 2009, n. 33", 2016),
        # a meeting's date is not its practice's start; a kick-off meeting's is
        ("VERBALE\nFoggia, 18 febbraio 2022, ore 16:00, presso la sede.\nIl consiglio discute.", None),
        ("Minutes of the kick-off\nDate: 21 August 2013\nGrowers discussed prices.", 2013),
        ("Ata da reunião\nData: 03/05/2015\nOs produtores discutiram preços.", None),
        # a year merely mentioned between a date and its verb does not take the verb
        ("Em 2010, após a crise de 2008, a câmara lançou a rede.", 2010),
        ("In 2014, following a 2012 pilot, the agency launched the network.", 2014),
        # months and time words before a year are no name
        ("The network was launched in Feb 2012.", 2012),
        ("Durante 2015 a rede de empresas foi criada.", 2015),
        ("Le prime partite di formaggio del 2009 erano poche. Nel 2013 la rete è stata avviata.", 2013),
    ],
)
def test_the_practice_year_is_not_a_name_nor_another_year_s_event(text: str, expected: int) -> None:
    assert extract(text, "Untitled").year == expected


def test_a_registered_programme_introduced_late_with_its_acronym_counts() -> None:
    """Named once, past the opening quarter, but introduced as a programme with its acronym."""
    text = "Shops in the city lost orders. " * 30 + (
        "In 2015 a cohort started work with the state's Manufacturing Extension Partnership (MEP) center."
    )
    assert extract(text, "Supplier diversification").values["programme"][:1] == [
        "Manufacturing Extension Partnership"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # export markets listed, or after words of trade, are asides
            "Em Felgueiras, as fábricas de calçado de Portugal uniram-se. Portugal apoiou a marca comum. "
            "O consórcio exporta para o Japão, os Estados Unidos e a Alemanha.",
            ["PT"],
        ),
        (  # the Italian partner of a Tunisian network is the writer's own country
            "A Monastir, in Tunisia, le imprese tessili tunisine hanno creato una rete. La Tunisia ha "
            "sostenuto il progetto. Un consorzio italiano ha formato i tecnici in Italia.",
            ["TN"],
        ),
        (  # a city after "sold in" is still the practice's country
            "A cooperativa de Minas Gerais vende queijos em São Paulo e no Rio de Janeiro.",
            ["BR"],
        ),
        (  # a city a trade mission goes to is an aside; a fair may be at home
            "Il consorzio orafo della Campania prepara una missione commerciale collettiva a Dubai. La missione "
            "a Dubai coinvolge dodici aziende, e una seconda missione a Dubai è prevista. In Campania il "
            "consorzio forma i giovani e va alle fiere di Milano.",
            ["IT"],
        ),
    ],
)
def test_countries_named_aside_or_the_writers_own_are_passing(text: str, expected: list[str]) -> None:
    assert main_countries(text, "") == expected


def test_a_country_whose_name_is_also_a_word_is_weak_evidence_and_never_a_town_elsewhere() -> None:
    text = (
        "The zone drew ships bound for Iraq before the peace treaty between Jordan and Israel; "
        "Jordan's ports now serve the zone, and Jordan's free zones grow."
    )
    assert main_countries(text, "Case study: the Aqaba free zone, Jordan") == ["JO"]  # not Hong Kong's Jordan
    assert main_countries("Roast turkey with chestnuts and a glass of wine.", "Recipe") == []
    # the United States' Georgia, a person, a noun after the name
    assert main_countries(
        "Georgia MEP helps firms in Georgia. Dalton, Gainesville and Macon host carpet mills.",
        "Georgia Tech's Manufacturing Extension Partnership",
    ) == ["US"]
    assert main_countries("He spoke on supplier networks.", "Chad Harris on supplier networks") == []
    assert "TR" not in main_countries("Turkey growers in Minnesota sell to plants in Willmar.", "Growers")


def test_a_state_that_bears_a_country_s_name_needs_its_country_placed_elsewhere() -> None:
    # nothing American in the text: Georgia and Niger are the countries, weakly
    georgian = "Il porto di Poti, in Georgia, apre una zona franca. Molti investono in Georgia. Si esporta dalla Georgia."
    assert main_countries(georgian, "Poti (Georgia)") == ["GE"]
    assert main_countries("The firms of Atlanta, Georgia, export.", "Georgia exporters") == ["US"]
    assert main_countries("Minna, in Niger State, hosts the mills of Nigeria's north.", "Mills") == ["NG"]


def test_a_free_zone_names_no_town_and_a_comparison_places_no_state() -> None:
    madeira = "A Zona Franca da Madeira atrai empresas. A Zona Franca cresce no Funchal, em Portugal."
    assert "BR" not in country_scores(madeira, "Zona Franca")  # not Franca, São Paulo
    georgian = (
        "Georgia's innovation agency funds start-ups in Tbilisi. Unlike the United States, Georgia "
        "has few venture funds; the agency runs hubs across Georgia."
    )
    assert main_countries(georgian, "Georgia's innovation agency") == ["GE"]


def test_portugal_s_country_names_are_country_names() -> None:
    assert main_countries("O centro funciona em Porto-Novo, no Benim, desde 1985.", "O centro no Benim") == [
        "BJ"
    ]
    assert main_countries("A cooperativa vende ao Quénia e ao Vietname.", "Quénia") == ["KE"]
    assert "SV" not in country_scores("Em Salvador, na Bahia, o polo cresce.", "Salvador")  # not El Salvador


def test_a_launch_the_text_tells_comes_before_a_programmes_start_unless_the_title_names_it() -> None:
    text = (
        "The UR-GE scheme, in place since 2010, co-finances cluster projects. "
        "The Denizli home textiles project was launched in 2016 with 20 firms."
    )
    assert practice_year(text, names=[[], ["UR-GE"]], programme_starts=[2010]) == 2016


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O grupo foi cofinanciado pelo Projet Arganier, avviato nel 2003.", "Projet Arganier"),
        (
            "Apresentamos a proposta ao programa federal de apoio a incubadoras e parques tecnológicos, "
            "o PNI, e o laboratório abriu em 2013.",
            "PNI",
        ),
        (
            "L'iniziativa rientra nella politica pubblica «Medellín Ciudad Clúster» del comune.",
            "Medellín Ciudad Clúster",
        ),
    ],
)
def test_programmes_named_plainly_by_one_word_an_apposed_acronym_or_in_quotes(
    text: str, expected: str
) -> None:
    assert expected in programme_names(text)


def test_a_subject_after_a_described_programme_and_a_bare_qualifier_are_no_programmes() -> None:
    text = (
        "No âmbito do programa federal voltado à produtividade das indústrias, o SENAI-SP formou turmas. "
        "Os Programas Estratégicos existem."
    )
    names = programme_names(text)
    assert "SENAI-SP" not in names and "Programas Estratégicos" not in names


def test_the_practices_launch_comes_before_its_programmes_unless_the_title_names_the_programme() -> None:
    text = (
        "Il Projet Arganier, avviato nel 2003, finanzia le cooperative. "
        "Il raggruppamento delle cooperative di Essaouira è stato costituito nel 2005."
    )
    own = ["Raggruppamento delle cooperative di Essaouira"]  # what the card or the title calls the practice
    assert practice_year(text, names=[own, ["Projet Arganier"]]) == 2005


def test_each_year_a_text_tells_is_described_by_how_it_is_told() -> None:
    """The ranker's candidates: a law's number and a decade in passing are none; a year opening
    its sentence with a creation, in a sentence naming the programme, differs from a date of
    writing at the top and from a deadline."""
    text = (
        "Publicado em 12 de março de 2021\n\nA Lei nº 1999 mudou pouco. Nos anos noventa a região cresceu. "
        "Em 2004, com o apoio do Programa Mais Cultivo, a rede foi criada. O plano vai até 2025."
    )
    found = year_features(text, "", [[], ["Programa Mais Cultivo"]], [2004])
    assert set(found) == {2021, 2004, 2025}
    feature = dict(zip(FEATURES, found[2004], strict=True))
    assert feature["sentence_start"] == feature["event"] == feature["programme_sentence"] == 1.0
    assert feature["programme_start"] == 1.0 and feature["heading_date"] == 0.0
    assert dict(zip(FEATURES, found[2021], strict=True))["heading_date"] == 1.0
    assert dict(zip(FEATURES, found[2025], strict=True))["until"] == 1.0
    assert practice_year(text, "", [[], ["Programa Mais Cultivo"]], [2004]) == 2004


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "O Projecto de Desenvolvimento de Cadeias de Valor nos Corredores de Maputo e Limpopo (PROSUL) apoiou a associação.",
            "PROSUL",
        ),
        ("The mill joined the government's district industrialisation initiative, 1D1F. It grew.", "1D1F"),
        (
            "The Accelerating Inclusive Markets for Smallholders (AIMS) programme co-finances partnerships.",
            "AIMS",
        ),
        (
            "La rete è riconosciuta dalla Legge regionale 30 maggio 2014, n. 13 del Veneto.",
            "Legge regionale 30 maggio 2014, n. 13",
        ),
    ],
)
def test_programmes_spelled_in_other_ways(text: str, expected: str) -> None:
    assert any(expected in name for name in programme_names(text))


def test_a_development_agency_is_an_organisation_not_a_programme() -> None:
    text = "The International Fund for Agricultural Development (IFAD) and a GIZ project trained the farmers."
    assert new_programmes(programme_names(text)) == []


def test_a_ligature_does_not_shift_where_countries_are_read() -> None:
    """PDF text keeps ligatures ("ﬁ"): a country's cue words are read at the same place either way."""
    plain = "The firm sold to Germany, while Brazilian farms in Brazil grew."
    assert country_scores(plain.replace("fi", "ﬁ"), "") == country_scores(plain, "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le donne di Nabeul hanno aperto un laboratorio comune di harissa a Nabeul.", ["TN"]),
        ("Firms of Podkarpackie formed the aviation valley; Podkarpackie hosts 170 of them.", ["PL"]),
    ],
)
def test_governorates_and_voivodships_give_their_country(text: str, expected: list[str]) -> None:
    assert main_countries(text, "") == expected


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a town inside a country's name ("Cabo" in "Cabo Verde") is no mention of its own
        ("A cooperativa da ilha do Fogo, em Cabo Verde, vende queijo.", "BR"),
        # a town named for a saint ends in a word that alone is another country's city
        ("As fábricas de Santa Maria da Feira partilham um laboratório.", "BR"),
        # a place word that a name carries on opens that name ("Plano", Texas)
        ("O Plano de Recuperação financiou o laboratório; o plano previa dez empresas.", "US"),
        # a surname after a given name is no city ("Lima", Peru)
        ("A apicultora Maria das Dores Lima coordena a casa do mel em Picos, no Piauí.", "PE"),
        # an Angolan city's colonial name that is a Portuguese town, a saint or a word
        ("Os produtores de Vila Flor e de Santo António vendem azeite em conjunto.", "AO"),
        # a small town named as a month or a continent
        ("The cooperative in Ghana met in March; premiums were paid in March.", "GB"),
        ("Villages in Asia make ceramics; the craft village in Vietnam sells them.", "PH"),
    ],
)
def test_names_inside_longer_names_and_ordinary_words_are_no_places(text: str, wrong: str) -> None:
    assert wrong not in country_scores(text, "")


def test_a_city_sharing_its_name_with_a_large_town_elsewhere_tells_no_country() -> None:
    text = "A relação com Zamora, Salamanca e Valladolid é antiga; as empresas de Salamanca compram."
    assert "MX" not in country_scores(text, ""), (
        "Spain's Salamanca, a little smaller than Mexico's, may be meant"
    )
    assert main_countries("In Salamanca the firms share a lab.", "") == []
    # a namesake far smaller leaves the city its country: Athens, Georgia; Sydney, Nova Scotia
    assert main_countries("In Athens the firms share a lab; Athens exports.", "") == ["GR"]
    assert main_countries("In Sydney the firms share a lab; Sydney exports.", "") == ["AU"]
    assert country_scores("Las pymes textiles de la provincia de Formosa exportan algodón.", "") == {
        "AR": 1.0
    }
    # a city a time zone is named after is the one the world means (Colombo, not Paraná's)
    assert main_countries("The zone lies 25 km east of Colombo; Colombo's port ships its goods.", "") == [
        "LK"
    ]
    assert main_countries("Firms in London share a lab; London exports.", "") == ["GB"]
    assert main_countries("Firms in Vancouver share a lab; Vancouver exports.", "") == []  # no capital
    assert "GB" in country_scores("Scottish distillers and Welsh weavers export together.", "")


def test_an_italian_mountain_community_and_loreto_are_italys_not_montanas_or_perus() -> None:
    verbale = (
        "Presenti: il rappresentante della Comunità Montana della Valle; le imprese del distretto. "
        "La Comunità Montana finanzia il laboratorio."
    )
    assert set(country_scores(verbale, "")) == {"IT"}
    marche = "Le fisarmoniche di Borgoverde, tra Loreto e Recanati, nelle Marche; a Loreto il museo."
    assert "PE" not in country_scores(marche, "")


def test_portugals_regions_tell_portugal_though_a_town_shares_its_name_with_a_big_city() -> None:
    text = "Os hotéis do Algarve, de Lagos a Tavira, partilham uma central de compras; o Algarve recebe turistas."
    assert main_countries(text, "Turismo") == ["PT"], "Lagos is also Nigeria's, the Algarve only Portugal's"


def test_portugals_regional_programmes_are_registered_and_tell_the_country() -> None:
    text = (
        "O parque de ciência de Borgoverde recebeu apoio do NORTE 2030 para o seu novo edifício; "
        "empresas de Vigo visitaram o parque e as empresas do parque exportam."
    )
    found = extract(text, "Avaliação do parque", language="pt")
    assert "Norte 2030" in found.values["programme"]
    assert found.values["country"] == ["PT"]
    from ingest.metadata.registry import mentioned

    programmes = default_taxonomy().programmes
    for body in ("O Hospital Regional do Norte, em Sobral", "a Direção Regional de Lisboa e Vale do Tejo"):
        assert not mentioned(programmes, body), "a region's body is not its programme"
    assert not mentioned(
        programmes, "Comissão de Coordenação e Desenvolvimento Regional do Centro (CCDR Centro)"
    )


def test_a_country_named_in_full_counts_once_though_its_name_holds_its_islands() -> None:
    listed = "A rede reúne Cabo Verde, Guiné-Bissau, São Tomé e Príncipe e Moçambique."
    scores = country_scores(listed, "")
    assert scores["ST"] <= scores["CV"], "São Tomé and Príncipe inside the country's name are not two more"
    assert (
        country_scores("Firms of South Australia and Australia.", "")["AU"]
        > country_scores("Firms of Australia.", "")["AU"] * 2
    ), "a state named after its country still counts as the country and as itself"


def test_a_place_in_a_programmes_name_still_tells_its_country_and_korea_is_south_korea() -> None:
    assert "IT" in country_scores("Fondi del Programma di Sviluppo Rurale Campania per i caseifici.", "")
    assert "PT" in country_scores("Hoje Lisboa tem vinte laboratórios partilhados.", "")  # one word before
    assert main_countries("Fifteen Korean toolmakers share a smart factory line in Korea.", "") == ["KR"]


def test_a_cooperation_agency_tells_its_donors_country_not_the_practices() -> None:
    text = (
        "Com apoio da Agência Francesa de Desenvolvimento, os produtores de mandioca de Malanje "
        "criaram uma central de compras; a central abastece Luanda e as lojas do Cuanza Norte."
    )
    assert extract(text, "", language="pt").values["country"] == ["AO"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2015 the ministry opened the Common Weaving Facilities (CWF) Project in Iloilo.",
            "Common Weaving Facilities Project",
        ),
        (
            "A associação trouxe os Consultores Itinerantes de Qualidade — o programa que o governo estadual mantém — às oficinas.",
            "Consultores Itinerantes de Qualidade",
        ),
        (
            "O Programa de Apoio às Pescas e à Aquacultura Familiar — PAPAF —, com fundos do Estado, equipou o cais.",
            "PAPAF",
        ),
        (
            "Os apicultores receberam apoio da iniciativa Feed the Future, do governo americano.",
            "Feed the Future",
        ),
        (
            "The boatyards were funded by the Regional Economic Growth through Innovation (REGI) program.",
            "Regional Economic Growth through Innovation",
        ),
        (
            "Il comune rientra nella Strategia Nazionale per le Aree Interne, la politica dei piccoli centri.",
            "Strategia Nazionale per le Aree Interne",
        ),
        (
            "Growers were co-funded by Wool Futures Aotearoa, the Ministry for Primary Industries fund that pays for trials.",
            "Wool Futures Aotearoa",
        ),
        (
            "Le cooperative hanno usato il Fondo per le botteghe artigiane, la misura regionale gestita dalla Camera.",
            "Fondo per le botteghe artigiane",
        ),
        (
            "Le botteghe sono state finanziate dal Programma italo-marocchino di conversione del debito, lo strumento con cui.",
            "Programma italo-marocchino di conversione del debito",
        ),
        (
            "Le cantine hanno usato il Fondo per il rilancio delle filiere montane, lo strumento nazionale gestito dal ministero.",
            "Fondo per il rilancio delle filiere montane",
        ),
        ("Metà dei costi è coperta dall'OCM Olio, la misura europea per la promozione.", "OCM Olio"),
        (
            "As startups aderiram ao programa governamental Ilhas Conectadas, que forma programadores.",
            "Ilhas Conectadas",
        ),
        (
            "Em 2015 a cooperativa aderiu ao Moda Sertaneja, o projeto de promoção de exportações.",
            "Moda Sertaneja",
        ),
        (
            "Growers were paid through Harvest Links, the provincial government scheme for small farms.",
            "Harvest Links",
        ),
        (
            "Most firms drew on Export Passport, the federal program delivered by the trade service.",
            "Export Passport",
        ),
        ("Em 2016 o Governo lançou o Loja Aberta, um programa de apoio ao comércio.", "Loja Aberta"),
    ],
)
def test_programmes_named_with_a_kind_an_apposition_or_dashes(text: str, expected: str) -> None:
    assert any(expected in name for name in programme_names(text)), programme_names(text)


def test_a_label_with_a_short_name_in_brackets_matches_either_name() -> None:
    from ingest.evaluation import labelled_programmes, matched_keys

    item = {"programmes": ["Programa Nacional de Apoio ao Vale Produtivo (Vale Produtivo)"]}
    assert matched_keys({"Vale Produtivo"}, item) == labelled_programmes(item)
    assert matched_keys({"Programa Nacional de Apoio ao Vale Produtivo"}, item) == labelled_programmes(item)


@pytest.mark.parametrize(
    "found",
    ["Legge Marcora", "Legge 27 febbraio 1985, n. 49", "Legge n. 49 del 27 febbraio 1985"],
)
def test_a_label_with_a_law_or_a_translation_in_brackets_matches_either_side(found: str) -> None:
    from ingest.evaluation import labelled_programmes, matched_keys

    item = {"programmes": ["Legge Marcora (Legge 27 febbraio 1985, n. 49)"]}
    assert matched_keys({found}, item) == labelled_programmes(item)
    where = {"programmes": ["Incubation Support Programme (South Africa)"]}  # a place, not a name
    assert matched_keys({"South Africa"}, where) != labelled_programmes(where)


@pytest.mark.parametrize("found", ["Parc des Technologies Numériques", "PTN", "Borgoverde Digital Park"])
def test_a_label_with_a_translation_and_its_acronym_in_brackets_matches_each(found: str) -> None:
    from ingest.evaluation import labelled_programmes, matched_keys

    item = {"programmes": ["Borgoverde Digital Park (Parc des Technologies Numériques, PTN)"]}
    assert matched_keys({found}, item) == labelled_programmes(item)
    assert matched_keys({"Digital"}, item) != labelled_programmes(item)
    bari = {"programmes": ["Polo tecnologico (Bari, IT)"]}
    assert matched_keys({"IT"}, bari) != labelled_programmes(bari), "a country's code is no acronym"


@pytest.mark.parametrize(
    "found", ["Startup Madeira", "Centro de Empresas e Inovação da Madeira", "Centro de Empresas"]
)
def test_a_label_of_two_names_joined_by_a_dash_matches_either_name(found: str) -> None:
    from ingest.evaluation import labelled_programmes, matched_keys

    item = {"programmes": ["Startup Madeira – Centro de Empresas e Inovação da Madeira"]}
    matched = matched_keys({found}, item) == labelled_programmes(item)
    assert matched == (found != "Centro de Empresas")
    brand = {"programmes": ["mobinov – Associação do Cluster Automóvel"]}
    assert matched_keys({"Associação do Cluster Automóvel"}, brand) == labelled_programmes(brand)
    report = {"programmes": ["Distrito Têxtil – Relatório Final"]}  # a kind of document, not a name
    assert matched_keys({"Relatório Final"}, report) != labelled_programmes(report)
    described = {"programmes": ["Agroamigo – Programa de microfinança rural do Banco do Nordeste"]}
    assert matched_keys({"Banco do Nordeste"}, described) != labelled_programmes(described)
    # a funder, a call or a measure after the dash is no second name of the practice
    for label, part in (
        ("POR FESR Toscana – Regione Toscana", "Regione Toscana"),
        ("Startup Brasil – Edital 2014", "Edital 2014"),
        ("Erasmus+ – Key Action 2", "Key Action 2"),
        ("PSR Veneto 2014-2020 – Misura 16.2 Cooperazione", "Misura 16.2 Cooperazione"),
    ):
        assert matched_keys({part}, {"programmes": [label]}) != labelled_programmes({"programmes": [label]})


def test_a_year_after_a_bylines_line_is_no_heading_date_and_joining_is_an_event() -> None:
    """The "*" closing an italic byline is on its own line: the next paragraph's year is no date
    of writing; firms that join ("aderiram") a project in a year tell an event of that year."""
    text = (
        "*Estudo de caso, maio de 2024*\n\nDesde 1976 a cidade vive da siderurgia.\n\n"
        "Em 2021, trinta pequenas oficinas de usinagem da cidade e dos municípios vizinhos, quase todas "
        "familiares, aderiram ao projeto de fornecedores."
    )
    found = {year: dict(zip(FEATURES, row, strict=True)) for year, row in year_features(text).items()}
    assert found[2024]["heading_date"] == 1.0 and found[1976]["heading_date"] == 0.0
    assert found[2021]["event"] == 1.0


def test_names_compare_as_one_programme_however_written() -> None:
    """A law by its number with or without "nº" (and its year, where numbers restart each year);
    an EU fund's programme by its acronym or spelled out; articles and prepositions dropped."""
    from ingest.metadata.programme_keys import programme_key

    assert programme_key("Lei nº 11.196") == programme_key("Lei 11.196/2005")  # numbered on for decades
    assert programme_key("Legge n. 266/1997") == programme_key("Legge 266/1997")
    assert programme_key("Legge 266/1997") != programme_key("Legge 266/2005")  # numbered anew each year
    assert programme_key("POR FESR Puglia 2014-2020") == programme_key(
        "Programma Operativo Regionale FESR della Puglia 2014-2020"
    )
    assert programme_key("Lei nº 11.196") != programme_key("Lei nº 11.197")
    # an abbreviation's stop is no part of a name: a text may end its sentence on it, or drop it
    assert programme_key("Murray Goulburn Co-operative Co.") == programme_key(
        "Murray Goulburn Co-operative Co"
    )
    assert programme_key("De.Co. denominazione comunale") == programme_key("De.Co denominazione comunale")
    assert programme_key("Impresa 4.0") == "impresa 4.0"


def test_a_registered_programme_is_found_without_its_kind_word_or_by_its_law() -> None:
    """ "do Brasil Mais Produtivo" is the registered "Programa Brasil Mais Produtivo"; a law a
    registered programme lists ("Lei 13.755/2018") named as "Lei nº 13.755" is that programme."""
    taxonomy = default_taxonomy()
    assert programmes("As oficinas fizeram o ciclo do Brasil Mais Produtivo em 2021.", "", taxonomy) == [
        "Programa Brasil Mais Produtivo"
    ]
    text = "As fornecedoras usam o crédito do programa federal criado pela Lei nº 13.755, de 2018."
    assert extract(text, "", language="pt").values["programme"] == ["Rota 2030"]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Fala-se já do Plano Regional de Inovação para as oficinas.", "US"),
        ("Região: Beira Interior. As queijarias partilham o laboratório.", "MZ"),
    ],
)
def test_a_place_word_that_opens_a_longer_name_is_no_place(text: str, wrong: str) -> None:
    assert wrong not in country_scores(text, "")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A Prato la Camera di Commercio ha aperto un laboratorio.", "IT"),
        ("A unidade de Campinas do SENAI formou os operadores.", "BR"),
        ("The Lagos State government leased the shed.", "NG"),
        ("In Bangalore IT firms share a testing lab.", "IN"),
        ("Firms in Leiria District share a mould lab.", "PT"),
        ("The processors buy packaging from a supplier in Dar es Salaam.", "TZ"),  # "es" joins the name
    ],
)
def test_a_place_before_a_setting_an_acronym_or_an_article_stays_a_place(text: str, country: str) -> None:
    assert country in country_scores(text, "")


def test_a_registered_programmes_short_name_counts_only_capitalised() -> None:
    taxonomy = default_taxonomy()
    assert programmes("O Brasil mais pobre e o Brasil mais rico dividem a cidade.", "", taxonomy) == []


def test_portuguese_districts_give_their_country() -> None:
    assert main_countries(
        "As fábricas de vidro do distrito de Leiria exportam; Leiria acolhe a feira.", ""
    ) == ["PT"]


def test_a_bodys_acronym_before_a_kind_word_is_no_programme() -> None:
    names = programme_names("The International Labour Organization (ILO) Programme staff visited the mill.")
    assert not any("Labour Organization" in name and "Programme" in name for name in names), names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A federação levou as oficinas ao programa de apoio às pequenas indústrias. O Procind, como é conhecido, paga consultoria.",
            "Procind",
        ),
        (
            "Shipyards joined the Department of Trade and Industry's Boatbuilding Support Programme in 2016.",
            "Boatbuilding Support Programme",
        ),
    ],
)
def test_programmes_named_as_they_are_known_or_after_a_long_owner(text: str, expected: str) -> None:
    assert expected in programme_names(text), programme_names(text)


def test_national_and_a_bracketed_short_name_with_a_version_compare_as_one() -> None:
    from ingest.metadata.programme_keys import programme_key, written_forms

    assert programme_key("Piano Nazionale Transizione 5.0") == programme_key("Transizione 5.0")
    assert written_forms("Piano Nazionale Transizione 5.0 (Transizione 5.0)")[1] == "Transizione 5.0"


def test_the_similarity_a_document_needs_to_be_about_the_field_depends_on_its_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bundled model finds a Portuguese recipe closer to the theme descriptions than an
    English one: 0.83 lets an English text in, not a Portuguese one."""
    import numpy as np

    classifier = ThemeClassifier(HashingEmbedder())
    monkeypatch.setattr(classifier, "similarity", lambda vectors: np.array([0.83, 0.5]))
    monkeypatch.setattr(classifier, "keyword_density", lambda text: np.array([0.4, 0.2]))
    vectors = np.ones((1, 4))
    assert classifier.about_the_field(vectors, "texto", "en")
    assert not classifier.about_the_field(vectors, "texto", "pt")
    assert not classifier.themes(vectors, "texto", "pt")


def test_a_text_that_names_a_practice_or_uses_the_fields_words_is_likelier_about_it() -> None:
    """A blog post about a knife makers' brotherhood is near the descriptions and uses some of the
    field's words, neither enough alone; the practice the programme rules found in it tips it in.
    Nothing lets a text far from every description in on a few words."""
    import numpy as np

    from ingest.metadata.field_gate import in_the_field, one_sign_enough

    near, far, some = np.array([0.835, 0.6]), np.array([0.78, 0.6]), np.array([0.8, 0.5])
    assert not in_the_field(near, some, "pt")
    assert not one_sign_enough(near, some, "pt", named=True)
    assert in_the_field(near, some, "pt", named=True)
    assert in_the_field(far, np.array([2.0, 0.6]), "pt")  # the field's words alone
    assert not in_the_field(far, some, "pt", named=True)  # a notice naming a "CONDOMINIO"


def test_a_bodys_fund_is_not_named_after_the_body_and_a_law_cited_by_date_is_one_name() -> None:
    text = "Growers were co-funded by Wool Futures Aotearoa, the Ministry for Primary Industries fund."
    assert not any("Ministry" in name for name in programme_names(text))
    assert programme_names("After Brexit, the Department for Business fund was closed.") == []
    assert programme_names("The Centro 2020 programme paid for the kilns.") == ["Centro 2020"]
    joined = programme_names("Support came from Italy and the European Social Fund (ESF) in 2016.")
    assert joined == ["European Social Fund (ESF)"]
    names = programme_names("La cooperativa usò la Legge 27 febbraio 1985, n. 49, detta legge Marcora.")
    assert "Legge 27 febbraio 1985, n. 49" in names and "Legge 27" not in names


@pytest.mark.parametrize(
    "cited",
    ["Legge 27 febbraio 1985, n. 49", "Legge n. 49 del 27 febbraio 1985", "Legge 49/1985"],
)
def test_a_law_compares_by_its_number_and_year_however_it_is_cited(cited: str) -> None:
    from ingest.metadata.programme_keys import programme_key

    assert programme_key(cited) == programme_key("Legge n. 49/1985")
    assert programme_key("Lei nº 8.248, de 23 de outubro de 1991") == programme_key("Lei 8.248/1991")


def test_round_15_places_the_azores_trentino_and_words_that_are_no_place() -> None:
    assert main_countries("As queijarias dos Açores vendem para o continente; os Açores exportam.", "") == [
        "PT"
    ]
    assert "IT" in country_scores("Le segherie del Trentino lavorano con i carpentieri.", "")
    assert "US" not in country_scores("A cooperativa do Vale do São Francisco vende cabritos.", "")
    assert "EC" not in country_scores("| Loja comum | 2019 | 12 000 |", "")


def test_round_15_programmes_known_by_another_name_and_bodies_that_took_the_initiative() -> None:
    known = programme_names(
        "The cooperative owes its start to the Presidential Fund for Local Tailors, better known as Okuvuga."
    )
    assert "Okuvuga" in known
    taken = programme_names(
        "Em 2015, por iniciativa do Sindicato das Indústrias Metalúrgicas, as firmas uniram-se."
    )
    assert not any("Sindicato" in name for name in taken)
    agency = programme_names(
        "It was paid by the Harbour Sensors Fund (HSF), the Atlantic Opportunities Agency programme."
    )
    assert not any("Agency" in name for name in agency)
    operator = extract(
        "O apoio é pago pelo Gestore dei Mercati Agricoli (GMA), que opera a plataforma.", "Notizie"
    )
    assert not any("Gestore" in name for name in operator.values["programme"]), operator.values


@pytest.mark.parametrize(
    "text",
    [
        "Tre anni dopo la sua nascita, il programma di formazione conta cento imprese.",
        "Mario Rossi, il direttore del programma per l'export, ha presentato i risultati.",
        "Ana Costa, a responsável pelo projeto de rede, apresentou os números.",
        "Porto Digital, the innovation network that grew out of a university, hosts 300 firms.",
    ],
)
def test_people_places_and_sentences_in_apposition_are_no_programmes(text: str) -> None:
    names = programme_names(text)
    assert not any(word in " ".join(names) for word in ("Tre", "Porto", "Rossi", "Costa", "Digital")), names


def test_a_kind_word_after_an_article_alone_is_no_programme() -> None:
    assert programme_names("The Fund, set up with a public bank, lends to small suppliers.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dieci botteghe sono entrate in Bottega Scuola, l'iniziativa per i giovani artigiani.",
            "Bottega Scuola",
        ),
        ("Crediamigo, o programa de microcrédito do banco, atendeu mil pessoas.", "Crediamigo"),
        (
            "O setor cresceu. Crediamigo, o programa de microcrédito do banco, atendeu mil pessoas.",
            "Crediamigo",
        ),
        ("Garanzia giovani, il programma per i giovani disoccupati, è partito.", "Garanzia giovani"),
    ],
)
def test_a_one_word_or_sentence_case_name_opening_a_sentence_is_a_programme(text: str, expected: str) -> None:
    assert expected in programme_names(text)


def test_small_towns_the_text_names_as_places_count_as_places() -> None:
    text = "Dodici officine di Lecco condividono un laboratorio; le officine di Lecco pagano un tecnico."
    assert main_countries(text, "Scheda di buona pratica") == ["IT"]
    listed = "Tra Matera, Altamura e Santeramo le imprese condividono un laboratorio di prova."
    assert main_countries(listed, "Scheda") == ["IT"]
    abroad = text + " Il modello viene dal Brasile."  # a country named once beside a town named twice
    assert main_countries(abroad, "Scheda di buona pratica") == ["IT"]
    stronger = (
        text
        + " Il modello viene dal Brasile: il Brasile lo prova, il Brasile lo finanzia, il Brasile lo insegna."
    )
    assert main_countries(stronger, "Scheda di buona pratica") == ["BR"]


@pytest.mark.parametrize(
    "text",
    [
        "Taylor, who chairs the cluster, spoke first. Taylor said the lab works.",
        "Para Oliveira, presidente da associação, o projeto cresce. Oliveira diz que sim.",
        "The Summit gathered the firms. The Marina project opened a shared workshop.",
        "Firms in Kent and Essex share a testing laboratory.",
    ],
)
def test_a_surname_a_word_or_another_countrys_county_is_no_small_town(text: str) -> None:
    assert main_countries(text, "Practice card") == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Distretto Ceramico di Sassuolo", "IT"),
        ("Verso Lumezzane 2030", "IT"),
        ("Felgueiras Capital do Calçado", "PT"),
        ("Câmara Municipal de Felgueiras apoia o calçado", "PT"),
    ],
)
def test_a_small_town_named_with_a_setting_or_a_preposition_counts(title: str, expected: str) -> None:
    assert main_countries("Le imprese lavorano insieme.", title) == [expected]


def test_a_small_town_inside_a_longer_name_or_after_a_compass_word_is_no_evidence() -> None:
    assert "ES" not in country_scores(
        "I forni recuperano calore.", "Civita Castellana, i forni della ceramica"
    )
    assert "US" not in country_scores(
        "Firms share a cold store.", "South Shore fishing firms share a cold store"
    )


def test_christmas_an_exonym_and_a_sales_agent_are_no_evidence_of_a_country() -> None:
    assert "BR" not in country_scores(
        "As lojas de Viseu preparam as campanhas de Natal e o mercado de Natal.", ""
    )
    assert "ES" not in country_scores("Gli orafi di Valenza hanno aperto una scuola comune.", "")
    assert "NO" not in country_scores("Le imprese lavorano.", "Rete Agriturismi dell'Alta Valle del Tevere")
    agents = country_scores("Le cantine condividono un agente commerciale negli Stati Uniti.", "")
    assert agents["US"] < 1.0


def test_a_partner_before_a_described_programme_is_no_programme() -> None:
    partner = programme_names("A federação mantém, em parceria com o IFPB, um programa de estágios.")
    assert not any("FPB" in name for name in partner), partner


def test_a_country_goods_are_imported_from_is_an_aside() -> None:
    scores = country_scores("Foundries near Johannesburg lose orders to castings imported from China.", "")
    assert scores["CN"] < 1.0 <= scores["ZA"]
    sold = country_scores("As malharias de Natal enviaram peças para distribuidores na Argentina.", "")
    assert sold["AR"] < 1.0
    for text in (
        "A importância estratégica de Portugal é grande.",
        "Non importa quanto costi: l'Italia investe.",
        "L'importo destinato all'Italia è alto.",
        "An important cluster in Italy.",
    ):
        assert max(country_scores(text, "").values()) >= 1.0, text


def test_a_region_named_by_directions_alone_is_no_country() -> None:
    text = "The agency in the North East works with firms across the South West and the Nord-Est."
    assert country_scores(text, "") == {}


def test_a_small_town_counts_where_the_title_names_it_and_is_no_word_of_the_text() -> None:
    text = "As conserveiras partilham uma plataforma de rastreabilidade do pescado desde 2019."
    assert main_countries(text, "Em Peniche, pescadores partilham uma plataforma digital") == ["PT"]
    assert "PT" not in country_scores(text, "")  # not in the text alone: too small to be sure
    words = "The green transition of the ceramic firms: kilns, energy and green skills."
    assert "US" not in country_scores(words, "Green transition in a ceramic district")


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        # a card that names no programme is about an initiative of its own
        ("Denominazione: Area Science Park\nPaese: Italia\n", "Area Science Park"),
        (
            "Nome da iniciativa: GAPI – Sociedade de Investimentos (GAPI-SI)\n",
            "GAPI – Sociedade de Investimentos (GAPI-SI)",
        ),
        ("Name: iHub Nairobi (iHub)\nCountry: Kenya\n", "iHub Nairobi (iHub)"),
        ('Nome: "Speed MI Up"\n', "Speed MI Up"),
        ('Nome: Polo Tecnologico di Ronchis "Anna Verdi"\n', 'Polo Tecnologico di Ronchis "Anna Verdi"'),
        ('Nome: "Speed MI Up\n', "Speed MI Up"),  # a lone quote
        ("Nome: “Polo Tecnologico dell'Adriatico”\n", "Polo Tecnologico dell'Adriatico"),  # an elision
        # a district as the field names it, its trade in lower case
        (
            "Nome: Distretto delle pipe e dei bocchini di Borgoverde\n",
            "Distretto delle pipe e dei bocchini di Borgoverde",
        ),
        # a practice described in words, a heading in capitals, a place or a person names nothing
        ("Nome: Rinnovo del parco macchine in una piccola impresa di minuteria\n", "rinnovo"),
        ("Nome: Polo calçadista de uma cidade do interior de São Paulo\n", "polo calcadista"),
        ("Nome: Polo tessile della provincia di Prato\n", "polo tessile"),
        ("Nome: RINNOVO DEL PARCO MACCHINE IN UNA PICCOLA IMPRESA\n", "rinnovo"),
        ("Nome: Sassuolo\n", "sassuolo"),
        ("Nome: Maria Aparecida Silva\nCargo: presidente da cooperativa\n", "maria"),
        # the card's programme line speaks for the programme
        ("Name: Hawke Valley Food Circle\nProgramme: Regional Partner Scheme\n", "hawke"),
    ],
)
def test_a_cards_own_name_is_its_programme_unless_it_names_one(card: str, expected: str) -> None:
    text = f"SCHEDA\n{card}\nLe piccole imprese del territorio collaborano con l'università e i centri di ricerca."
    found = extract(text, "Scheda", language="it").values["programme"]
    if expected[:1].isupper():
        assert expected in found
    else:  # a lower-case prefix that no programme found may start with
        assert not any(fold(n).startswith(expected) for n in found), found


def test_a_card_name_that_only_lengthens_a_found_name_adds_nothing() -> None:
    from ingest.metadata.own_name import own_name

    fields = {"name": "Rete dei Caseifici di Comunità dell'Alta Irpinia"}
    text = "Nome: Rete dei Caseifici di Comunità dell'Alta Irpinia\n"
    assert own_name([fields["name"]], fields, ["Rete dei Caseifici di Comunità"], text) == []
    assert own_name([fields["name"]], fields, ["Comunità Montana"], text) == [fields["name"]]
    # a name found further down the text is a contact's, not the card's
    far = "x" * 1200 + text
    assert own_name([fields["name"]], fields, [], far) == []


_FILLER = {
    "pt": " As pequenas empresas ganham crédito, formação e acesso a compradores." * 6,
    "it": " Le piccole imprese ottengono credito, formazione e accesso ai compratori." * 6,
    "en": " Small firms gain credit, training and access to buyers." * 6,
}


@pytest.mark.parametrize(
    ("opening", "closing", "language", "expected"),
    [
        # a country named once, late, is a passing mention; its people's adjectives say more
        ("O fundo colombiano apoia empresas colombianas.", "O modelo nasceu na Colômbia.", "pt", ["CO"]),
        ("Il programma keniota sostiene le imprese keniote.", "Il modello è nato in Kenya.", "it", ["KE"]),
        (
            "The Philippine law helps Filipino micro-enterprises.",
            "It began in the Philippines.",
            "en",
            ["PH"],
        ),
    ],
)
def test_a_country_named_by_its_demonyms(
    opening: str, closing: str, language: str, expected: list[str]
) -> None:
    text = f"{opening}{_FILLER[language]} {closing}"
    assert main_countries(text, "Nota") == expected


def test_no_demonym_is_a_country_or_another_countrys_place() -> None:
    from ingest.metadata.gazetteer import place_countries, town_countries
    from kb.text import fold as folded

    taxonomy = default_taxonomy()
    names = taxonomy.country_names()
    country_forms = {folded(n) for found in names.values() for n in found}
    all_names = frozenset(n for found in names.values() for n in found)
    places = {folded(p): c for p, c in {**place_countries(all_names), **town_countries(all_names)}.items()}
    clashes = [
        (code, form)
        for code, forms in taxonomy.country_extras["demonyms"].items()
        for form in forms
        if folded(form) in country_forms or form[:1].isupper() and places.get(folded(form), code) != code
    ]
    assert not clashes, clashes


def test_norway_stays_a_country_code_in_every_yaml_praxis_reads(tmp_path: Path) -> None:
    """YAML 1.1 reads an unquoted NO (and yes, on, off) as a boolean; no field of ours is one."""
    assert load_yaml("countries: [NO, IT]\nflag: true\nother: False") == {
        "countries": ["NO", "IT"],
        "flag": True,
        "other": False,
    }
    write(tmp_path / "card.meta.yaml", "countries: [NO]\n")
    assert read_sidecar(tmp_path / "card.txt") == {"countries": ["NO"]}
    gold = write(tmp_path / "gold.yaml", "- {path: card.txt, countries: [NO], year: 2002}\n")
    assert load_gold(gold) == [{"path": "card.txt", "countries": ["NO"], "year": 2002}]
    fields, text = front_matter("---\ntitle: Arena\ncountry: NO\n---\nClusters in Norway.\n")
    assert fields == {"title": "Arena", "country": "NO"} and text.strip() == "Clusters in Norway."


def test_a_long_field_line_still_gives_its_label_and_value() -> None:
    card = (
        "Soggetto promotore: Stato spagnolo, con la vigilanza del Banco de España\n"
        "Riferimento temporale: la legge del 1994 ha dato al sistema la sua cornice attuale, sostituendo "
        "la regolazione frammentaria precedente; le prime società erano nate alla fine degli anni Settanta, "
        "dopo un regio decreto del 1978, e si sono diffuse in quasi tutte le comunità autonome.\n"
    )
    found = labelled_fields(card)
    assert found["year"].startswith("la legge del 1994") and len(found["year"]) <= 201
    assert found["proponent"].startswith("Stato spagnolo")
    prose = (
        "Fondazione Cariplo: nata nel 1991 dalla trasformazione della Cassa di Risparmio, sostiene da allora "
        "progetti di ricerca, cultura e welfare in Lombardia e nelle province di Novara e del Verbano, con "
        "erogazioni annuali superiori a cento milioni di euro.\nAnno di avvio: 2005\n"
    )
    assert labelled_fields(prose)["year"] == "2005"  # a paragraph that opens like a label is prose


def test_an_italian_creation_and_a_body_born_in_a_year_are_events() -> None:
    assert [y for y, _, _ in event_years("L'istituto è stato creato con la legge n. 16.736 del 1996.")] == [
        1996
    ]
    assert [y for y, _, _ in event_years("Habitech, la società consortile nata nel 2006 a Rovereto.")] == [
        2006
    ]
    assert not list(event_years("The plan aims to create 500 new jobs by 2030."))  # English "create"
    assert not list(event_years("Poland became part of NATO in 1999 and grew."))
    assert not list(
        event_years("Members doubled in 2012. 15 new firms were founded later.")
    )  # another sentence


def test_a_registered_programme_written_as_no_alias_is_its_entry_not_dropped() -> None:
    title = "Da ideia ao primeiro cliente com o Startup Voucher"
    text = (
        f"{title}\n\nO Startup Voucher apoiou durante um ano jovens com uma ideia de negócio. Cada "
        "equipa recebeu uma bolsa mensal e o acompanhamento de uma incubadora. Das equipas que passaram "
        "pelo Startup Voucher, metade criou uma empresa e vendeu os primeiros produtos a clientes."
    )
    meta = extract(text, title, language="pt")
    assert meta.values["programme"] == ["Startup Voucher Portugal"]  # registered, aliases differ
    assert not meta.proposed  # the registry knows it: nothing for a curator to confirm


def test_a_place_an_acronym_or_a_body_owning_a_scheme_is_no_part_of_its_name() -> None:
    from ingest.metadata.owners import without_owner

    taxonomy = default_taxonomy()
    assert without_owner("Israel's Yozma", taxonomy) == "Yozma"
    assert without_owner("ACOA's Business Development Program", taxonomy) == "Business Development Program"
    for name in ("Women's Business Centers", "Prime Minister's Employment Generation", "Hawke's Bay Growth"):
        assert without_owner(name, taxonomy) == name
    # the office that runs a practice is the practice; an office of a ministry is not
    assert (
        without_owner("Administration of the Borgo Free Economic Zone", taxonomy)
        == "Borgo Free Economic Zone"
    )
    assert (
        without_owner("Direzione del Distretto Orafo di Borgoverde", taxonomy)
        == "Distretto Orafo di Borgoverde"
    )
    working_group = "Grupo de Trabalho para a Internacionalização do Cluster do Mobiliário de Borgoverde"
    assert without_owner(working_group, taxonomy) == "Cluster do Mobiliário de Borgoverde"
    assert without_owner("Gruppo di lavoro del Distretto Orafo", taxonomy) == "Distretto Orafo"
    for name in (
        "Secretariat of the Ministry of Industry",
        "Grupo de Trabalho do Ministério da Economia",
        "Gestão da Qualidade no APL Moveleiro de Ubá",  # the management of something done in one
        "Management of Innovation in the Automotive Cluster",
        "Secretaria de Desenvolvimento do Polo Industrial de Camaçari",
    ):
        assert without_owner(name, taxonomy) == name


def test_an_opened_line_dates_the_practice() -> None:
    text = "At a glance\nLocation: Borgoverde\nOpened: 2009\nPart of: the Borgoverde Foundation\n\nThe park hosts firms."
    assert labelled_fields(text)["year"] == "2009"


def test_an_e_mail_is_titled_by_its_subject() -> None:
    mail = "From: Programme Officer, Dairy Unit\nTo: Country team\nSubject: Re: Background on Conaverde\n\nDear all,"
    assert first_line(mail) == "Background on Conaverde"
    assert (
        first_line("De: Ana\nPara: equipe\nAssunto: Visita à Cooperativa Verde\n\nOlá")
        == "Visita à Cooperativa Verde"
    )
    assert first_line("From the mountains to the sea: a cluster's story\nSubject: none") == (
        "From the mountains to the sea: a cluster's story"
    )


def test_a_cooperative_called_by_its_name_after_its_kind_names_it() -> None:
    text = (
        "Visitámos a Cooperativa Monte Verde. A Monte Verde foi fundada em 1947 por 25 produtores de leite."
    )
    assert practice_year(text, names=[["Cooperativa Monte Verde"], []]) == 1947


def test_the_review_s_country_cases() -> None:
    quick = "Quick Start, the workforce programme of the state of Georgia, trains workers moving to Georgia. It grows."
    assert main_countries(quick, "") == ["US"]
    assert "MS" not in country_scores(
        "O Parque de Monserrate abre. Monserrate é gerido pela Parques de Sintra.", ""
    )
    assert "MU" not in country_scores("A presidente Maurícia Santos fundou a cooperativa. Maurícia fala.", "")


def test_an_e_mail_subject_s_reply_marks_go_and_an_empty_subject_falls_back() -> None:
    assert (
        first_line("De: Ana\nEnviado: hoje\nPara: equipe\nAssunto: RES: ENC: Reunião do APL\n\nOlá")
        == "Reunião do APL"
    )
    assert first_line("From: Ana\nSubject: Re:\n\nHello") == "From: Ana"


def test_the_home_country_a_text_compares_with_is_kept_only_when_it_leads() -> None:
    text = (
        "La cooperativa di Dakar riunisce cento pescatrici del Senegal. Il Senegal la sostiene. In Italia le "
        "cooperative di pesca sono molte; in Italia e a Genova esperienze simili sono diffuse."
    )
    assert main_countries(text, "Scheda", language="it") == ["SN"]
    assert main_countries(text, "Scheda") == ["SN", "IT"]  # no language, no home to tell
    assert main_countries(text, "Scheda", language="en") == ["SN", "IT"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("A estação comum entrou em funcionamento em 1994, com apoio holandês.", 1994),
        ("The shared treatment plant came into operation in 2003.", 2003),
        ("Il depuratore consortile entrò in funzione nel 1994.", 1994),
    ],
)
def test_a_facility_that_began_operating_tells_a_start(text: str, year: int) -> None:
    assert [found for found, _, _ in event_years(text)] == [year]


def test_an_opening_of_doors_is_an_event_and_belongs_to_its_own_year() -> None:
    """ "… concedida em 1989 e o parque abriu as portas em 1993": the opening is 1993's, not 1989's;
    words joined in a name ("manufacturing and engineering network founded in 1992") keep theirs."""
    opened = "A licença foi concedida em 1989 e o Technopark Borgo abriu as portas oficialmente em 1993."
    assert [y for y, _, _ in event_years(opened)] == [1993]
    assert [y for y, _, _ in event_years("Il parco aprì i battenti nel 2001.")] == [2001]
    assert [y for y, _, _ in event_years("The centre opened its doors in 2004.")] == [2004]
    network = (
        "In 2018, members of HunterLink, the manufacturing and engineering network founded in 1992, met."
    )
    assert [y for y, _, _ in event_years(network)] == [2018, 1992]


def test_a_small_town_the_text_keeps_naming_tells_its_country() -> None:
    """Galway, written as the subject of the interview's sentences, is Irish; the places compared with
    it are asides."""
    text = (
        "The west of the island makes stents. Galway produces catheters. Galway has two universities. "
        "Galway's anchors are multinationals. Some argue Galway needs a direct flight. Funding comes from "
        "Boston, Minneapolis or California, and some founders move to the United States."
    )
    assert main_countries(text, "We make the stents")[0] == "IE"  # the United States led before


def test_a_relative_clause_joined_before_a_later_year_is_that_year_s() -> None:
    """ "… que existe desde 1940 e que criou a incubadora em 1989": the creation is 1989's."""
    text = "A incubadora funciona no instituto, que existe desde 1940 e que criou a incubadora em 1989."
    assert [y for y, _, _ in event_years(text)] == [1989]


def test_the_end_or_the_start_of_a_year_introduces_it() -> None:
    from ingest.metadata.years import START

    for before in ("no fim de ", "alla fine del ", "at the end of ", "no início de ", "in the middle of "):
        assert START.search(f"O registro foi concedido {before}"), before


def test_the_review_s_year_cases() -> None:
    """Founders joined by "e la" keep their verb; a period's end is no start."""
    from ingest.metadata.years import START

    founders = "Nel 2003 la Camera di Commercio e la Regione hanno fondato il consorzio, che dal 2010 gestisce il marchio."
    assert [(y, kind) for y, kind, _ in event_years(founders)][0] == (2003, 1)
    assert not START.search("Il contributo copre le attività fino alla fine del ")
    assert not START.search("O apoio vale até ao fim de ")


def test_a_town_as_a_speaker_s_label_or_inside_a_name_is_not_its_subject() -> None:
    from ingest.metadata.town_mentions import towns_as_places

    class Found:
        def __init__(self, text: str, start: int) -> None:
            self.text, self.start, self.value = "Tavares", start, "US"

    text = "Tavares: Começámos em 1990.\nTavares: Hoje somos 300.\nTavares: Vendemos.\nTavares: Sim."
    found = [Found(text, m.start()) for m in __import__("re").finditer("Tavares", text)]
    assert towns_as_places(found, text) == []  # type: ignore[arg-type]
