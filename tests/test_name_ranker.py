"""The programme a text names without introducing it: candidate names and their ranking."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pytest

from ingest.metadata import extract
from ingest.metadata.body_names import spelled_as_a_body
from ingest.metadata.everyday_terms import an_everyday_term
from ingest.metadata.firms import about_firms
from ingest.metadata.glosses import glossed
from ingest.metadata.guess_beside import BESIDE, times_written
from ingest.metadata.headings import numbered_only
from ingest.metadata.name_candidates import Candidate, name_candidates
from ingest.metadata.name_checks import a_place, no_name_of_a_scheme
from ingest.metadata.name_ranker import (
    CONFIDENT,
    FEATURES,
    READ_CHARS,
    WEIGHTS,
    candidate_features,
    likely_programme,
    never_proposed,
    proposable,
)
from ingest.metadata.people import a_person_or_an_amount
from ingest.metadata.place_names import a_road
from ingest.metadata.practice_kinds import names_a_kind_of_practice
from ingest.metadata.programme_names import programme_names


def _names(text: str) -> set[str]:
    return {c.name for c in name_candidates(text)}


def test_candidates_keep_small_joining_words_and_drop_an_opening_article() -> None:
    names = _names("O Programa de Apoio aos Polos Tecnológicos foi criado em 1989 no Rio Grande do Sul.")
    assert "Programa de Apoio aos Polos Tecnológicos" in names
    assert "Rio Grande do Sul" in names
    assert not any(n.startswith("O ") for n in names)


def test_candidates_split_at_a_dash_and_before_the_body_a_name_belongs_to() -> None:
    names = _names("Il Progetto Manifattura – Green Innovation Factory accoglie 40 imprese.")
    assert {"Progetto Manifattura – Green Innovation Factory", "Progetto Manifattura"} <= names
    assert "Green Innovation Factory" in names
    names = _names("Il Programa de Grupos Exportadores della Fundación Export.Ar riunisce le imprese.")
    assert "Programa de Grupos Exportadores" in names


def test_candidates_hold_numbers_elided_words_and_quoted_phrases() -> None:
    names = _names(
        "Con il Piano Nazionale Industria 4.0 e il Progetto Sostegno all'Export, la campagna «compra qui» parte."
    )
    assert {"Piano Nazionale Industria 4.0", "Progetto Sostegno all'Export", "compra qui"} <= names


def test_a_coined_name_that_opens_in_lower_case_is_a_candidate() -> None:
    names = _names(
        "Founders meet at kLab each week and at iHub on Fridays; the ebook and the e-mail list are free."
    )
    assert {"kLab", "iHub"} <= names
    assert not names & {"ebook", "e-mail", "kWh"}


def test_every_occurrence_of_a_candidate_is_counted_even_inside_longer_names() -> None:
    found = {
        c.name: c for c in name_candidates("Mentoria Delas abriu. A Mentoria Delas Recife tem 30 vagas.")
    }
    assert len(found["Mentoria Delas"].starts) == 2


def test_the_ranker_picks_the_scheme_a_text_is_about() -> None:
    text = (
        "Launched by the city in 2019, Mentoria Delas pairs women who run small firms in Recife with "
        "experienced business owners. Mentoria Delas has since matched 300 owners with mentors, and the Federal "
        "University of Pernambuco measures how their sales change. The Mentoria Delas scheme meets "
        "every month in the old port."
    )
    found = likely_programme(text, "How women owners learn from each other")
    assert found is not None and found[0] == "Mentoria Delas"


def test_the_ranker_names_nothing_in_a_recipe_or_a_match_report() -> None:
    recipe = "Bata os ovos com o açúcar. Junte a farinha e o suco de laranja. Asse por 40 minutos."
    assert likely_programme(recipe, "Bolo de laranja") is None
    match = "La Juventus ha battuto il Torino due a uno. Vlahović ha segnato nel secondo tempo allo Stadium."
    assert likely_programme(match, "Il derby") is None


@pytest.mark.parametrize(
    ("name", "practice"),
    [
        ("Tonsley Innovation District", True),
        ("Cooperativa Agrária Agroindustrial", True),
        ("Parque de Ciência e Tecnologia Guamá", True),
        ("APL Moveleiro de Arapongas", True),
        ("Flinders University", False),
        ("Changwon National Industrial Complex", True),
        ("Zona Franca de Manaus", True),
        ("Kansas City", False),  # a city is a place, not a kind of practice
        ("Polonia Export Fund", False),  # whole words only
        ("Single Market Programme", False),  # a market, a zone, a campus alone name no practice
        ("Zona Euro", False),
        ("Campus Party", False),
        ("Marco Polo", False),
        ("Science Parks and Regional Innovation Systems", False),  # many parks: a chapter, a programme
        ("European Cluster Excellence Initiative", False),  # the word qualifies a scheme's
        ("Cluster Development Programme", False),
        ("Distretto Tecnologico Aerospaziale", True),
        ("Teknopark Ankara", True),  # the word in other languages: Teknopark, Tecnoparque, Technoparc
        ("Tecnoparque Nodo Cali", True),
    ],
)
def test_a_word_for_a_kind_of_practice_is_found_inside_a_name(name: str, practice: bool) -> None:
    assert names_a_kind_of_practice(name) is practice


def test_the_practice_a_text_is_about_outranks_the_university_that_studies_it() -> None:
    text = (
        "Collina University has studied the small furniture firms of the valley since 2010. Collina University "
        "found that firms in the Valle Scura Design District export twice as much as the others. Collina "
        "University measured their exports each year, and Collina University trains their designers. The "
        "Valle Scura Design District opened a showroom in 2021."
    )
    title = "Valle Scura: what the researchers found"
    candidates = name_candidates(text)
    named = {
        c.name: row for c, row in zip(candidates, candidate_features(candidates, text, title), strict=True)
    }
    title_words = FEATURES.index("title_words")
    assert named["Valle Scura Design District"][title_words] == 0.5  # "Valle Scura" of four words
    assert named["Collina University"][title_words] == 0.0
    found = likely_programme(text, title)  # the university, written four times, won without these
    assert found is not None and found[0] == "Valle Scura Design District"


def test_one_weight_per_feature() -> None:
    assert len(WEIGHTS) == len(FEATURES)


def test_a_ranked_name_is_proposed_when_no_pattern_found_a_programme() -> None:
    text = (
        "Mentoria Delas pairs women who run small firms in Recife with experienced business owners. Mentoria "
        "Delas started in 2019 with a call for mentors; Mentoria Delas has since matched 300 owners. "
        "The Mentoria Delas voucher pays for the first meetings."
    )
    with patch("ingest.metadata.likely_programme", return_value=None):
        assert extract(text, "Women owners", language="en").values["programme"] == []  # no pattern finds it
    meta = extract(text, "Women owners", language="en")
    assert meta.values["programme"] == ["Mentoria Delas"] and meta.proposed == {"Mentoria Delas"}


def test_beside_the_rules_findings_a_name_is_proposed_when_confident_or_written_more_often() -> None:
    plainly = (
        "Mentoria Delas pairs women who run small firms in Recife with experienced business owners. Mentoria "
        "Delas started in 2019 with a call for mentors; Mentoria Delas has since matched 300 owners. "
        "The Mentoria Delas voucher pays for the first meetings. The owners also joined Brasil Mais Produtivo."
    )
    assert likely_programme(plainly, "Women owners")[1] >= CONFIDENT  # type: ignore[index]
    both = extract(plainly, "Women owners", language="en")
    assert both.values["programme"] == ["Programa Brasil Mais Produtivo", "Mentoria Delas"]
    assert both.proposed == {"Mentoria Delas"}
    # less confident, but written twice where the registered programme is written once: the text is about it
    less_so = plainly.replace(" The Mentoria Delas voucher pays for the first meetings.", "").replace(
        "Mentoria Delas has since", "it has since"
    )
    assert BESIDE <= likely_programme(less_so, "Women owners")[1] < CONFIDENT  # type: ignore[index]
    assert extract(less_so, "Women owners", language="en").values["programme"] == [
        "Programa Brasil Mais Produtivo",
        "Mentoria Delas",
    ]
    # as often as the registered programme: only mentioned beside it
    even = less_so + " Brasil Mais Produtivo paid for the consultants."
    assert BESIDE <= likely_programme(even, "Women owners")[1] < CONFIDENT  # type: ignore[index]
    assert extract(even, "Women owners", language="en").values["programme"] == [
        "Programa Brasil Mais Produtivo"
    ]


def test_a_confident_name_that_is_a_found_programme_written_otherwise_is_not_added_again() -> None:
    acronym = (
        "O Programa Mentoria Delas (PMD) junta mulheres que dirigem pequenas empresas no Recife a empresárias "
        "experientes. O PMD começou em 2019 com uma chamada de mentoras; o PMD já formou 300 pares. O voucher "
        "PMD paga os primeiros encontros."
    )
    assert likely_programme(acronym, "PMD: mentoras para empresárias") == (
        "Programa Mentoria Delas (PMD)",  # spelled out as the text spells it
        pytest.approx(0.96, abs=0.02),
    )
    assert extract(acronym, "PMD: mentoras", language="pt").values["programme"] == [
        "Programa Mentoria Delas (PMD)"
    ]
    initials = (
        "Il programma Punti Impresa Digitale porta la digitalizzazione nelle piccole imprese. PID è nato nel "
        "2017 nelle camere di commercio; i PID hanno seguito 50.000 imprese. Il voucher PID copre la consulenza."
    )
    assert likely_programme(initials, "PID: la rete digitale")[0] == "PID"  # type: ignore[index]
    assert extract(initials, "PID: la rete digitale", language="it").values["programme"] == [
        "Punti Impresa Digitale"
    ]


def test_a_place_written_in_capitals_is_no_acronym_once_longer_than_one() -> None:
    for place, never in (("LISBOA", True), ("COIN", False)):  # a dateline; an acronym that is also a town
        text = f"{place} — Small firms of the footwear cluster met buyers. {place} hosts the fair every year."
        candidates = name_candidates(text)
        names = [c.name for c in candidates]
        assert (
            never_proposed(names, candidate_features(candidates, text, "Footwear fair"), text)[
                names.index(place)
            ]
            == never
        )


def test_a_text_that_names_no_firms_gets_no_ranked_name() -> None:
    report = (
        "The Valle Verde Cup (VVC), launched in 1990, ended with a 2-1 derby. VVC fans sang until the "
        "end, and the VVC final drew 8,000 people. The VVC trophy went to the home side."
    )
    assert not about_firms(report)  # shaped like a programme, but about no firm at all
    assert likely_programme(report, "VVC final") is None
    assert about_firms("Small firms export more when their cluster shares a stand at fairs.")


def test_a_year_after_a_small_word_and_a_company_form_end_a_name() -> None:
    names = _names("A Câmara Municipal de Lisboa em 2015 apoiou a Australian Made Campaign Limited.")
    assert "Câmara Municipal de Lisboa" in names and not any("2015" in n for n in names)
    assert "Australian Made Campaign" in names
    assert "Emprego + Digital 2025" in _names("O Emprego + Digital 2025 forma 800 trabalhadores.")


def test_a_coined_name_written_inside_a_sentence_is_a_candidate_after_a_possessive() -> None:
    assert "Yozma" in _names("Much of Israel's Yozma model was copied abroad.")


def test_an_elided_article_is_no_part_of_a_name_and_a_spelled_out_agency_is_a_body() -> None:
    text = (
        "Il fondo è gestito dall'Instituto Nacional de la Economía Social (INAES). L'INAES è nato nel 2012."
    )
    found = {c.name: c for c in name_candidates(text)}
    assert len(found["INAES"].starts) == 2 and "L'INAES" not in found
    assert "Instituto Nacional de la Economía Social" in found
    assert spelled_as_a_body("INAES", text)


def test_everyday_acronyms_and_acronyms_inside_words_are_no_programmes() -> None:
    text = (
        "During COVID-19 many small firms moved online. COVID-19 cut sales, and firms that kept "
        "selling during COVID-19 used marketplaces. MAIN STREET TRAINING helped 40 firms with AI; "
        "AI tools now answer their customers."
    )
    assert likely_programme(text, "Small firms after the pandemic") is None
    found = {c.name: c for c in name_candidates(text)}
    assert len(found["AI"].starts) == 2  # not inside "MAIN" or "TRAINING"


def test_a_long_report_is_ranked_on_its_opening() -> None:
    opening = "Mentoria Delas pairs women who run small firms in Recife with experienced business owners. "
    text = (
        opening
        + "Mentoria Delas started in 2019; the Mentoria Delas voucher pays for meetings. "
        + ("Other firms in the ANNEX TABLE report sales. " * 5000)
    )
    assert likely_programme(text, "Women owners") == likely_programme(text[:READ_CHARS], "Women owners")


def test_a_place_a_registered_body_or_an_everyday_term_is_never_proposed() -> None:
    text = (
        "Small firms in Minas Gerais export more each year. Minas Gerais has 40 cheese makers; Minas "
        "Gerais firms share a packing plant, and Sebrae pays for their trade fairs. Sebrae says the "
        "firms hired 200 people during COVID-19."
    )
    every_name_likely = (5.0,) + (0.0,) * (len(FEATURES) - 1)  # each candidate at probability 0.99
    with patch("ingest.metadata.name_ranker.WEIGHTS", every_name_likely):
        found = likely_programme(text, "Minas Gerais cheese firms")
    assert found is not None and found[0] == "Small"  # the only name of none of those kinds


def test_the_fields_word_for_small_firms_is_not_their_programme() -> None:
    title = "Consulenza tecnica su misura per le PMI"
    text = (
        f"{title}\n"
        "Nel nord della regione una rete di laboratori universitari vende consulenza alle PMI. "
        "Ogni laboratorio copre i propri costi con i contratti. Per una PMI che vuole un nuovo "
        "prodotto conta trovare presto un esperto vicino. Le PMI della meccanica sono i clienti "
        "principali; molte PMI tornano ogni anno."
    )
    assert likely_programme(text, title) is None


def _scored(text: str, title: str) -> tuple[list[Candidate], list[str], np.ndarray]:
    """The text's candidate names, as names, and the ranker's probability for each."""
    candidates = name_candidates(text)
    names = [c.name for c in candidates]
    rows = candidate_features(candidates, text, title)
    return candidates, names, proposable(rows, np.asarray(WEIGHTS), never_proposed(names, rows, text))


def test_a_direction_or_a_programme_word_alone_is_never_proposed() -> None:
    text = (
        "PROGRAMMA\nIn the North-West small firms share a truck. North-West dairy firms pay less for "
        "transport, and the North-West chamber helps Dairy Link, the network the small businesses set up."
    )
    candidates, names, probability = _scored(text, "Dairies")
    chances = dict(zip(names, probability, strict=True))
    assert chances["North-West"] == chances["PROGRAMMA"] == 0.0
    assert chances["Dairy Link"] > 0.0


def test_only_a_whole_body_or_a_place_written_as_one_is_never_proposed() -> None:
    """A programme may hold its body's name ("Sebrae Delas"), and an acronym may spell a town's
    name ("COIN", a town near Málaga)."""
    names = ["Sebrae", "Sebrae Delas", "Coin", "COIN", "Fundo Mineiro de Inovação", "Sebrae-SP", "Sebrae/PB"]
    text = " ".join(names)
    rows = candidate_features([Candidate(n, [text.index(n)]) for n in names], text, "T")
    assert never_proposed(names, rows, text).tolist() == [True, False, True, False, False, True, True]


def test_a_numbered_item_of_an_agenda_in_capitals_is_a_heading() -> None:
    text = "PAUTA\n3. PARQUE TECNOLÓGICO E INCUBAÇÃO\nO Parque Tecnológico cresce.\n4. FEIRAS\nO APL vai à feira."
    assert numbered_only("PARQUE TECNOLÓGICO E INCUBAÇÃO", text)
    assert not numbered_only(
        "PARQUE TECNOLÓGICO E INCUBAÇÃO", text + " O PARQUE TECNOLÓGICO E INCUBAÇÃO abre."
    )
    assert not numbered_only("Parque Tecnológico", text)


def test_an_upper_case_heading_and_names_held_in_longer_ones_are_marked() -> None:
    text = (
        "APOIO AOS PEQUENOS NEGÓCIOS\nO apoio aos pequenos negócios do Ohio Third Frontier começou "
        "cedo; o Third Frontier pagou consultores."
    )
    candidates = name_candidates(text)
    rows = {c.name: row for c, row in zip(candidates, candidate_features(candidates, text, "T"), strict=True)}
    heading, held, holds = (FEATURES.index(f) for f in ("heading_word", "held_in_longer", "holds_shorter"))
    assert rows["APOIO AOS PEQUENOS NEGÓCIOS"][heading] == 1.0
    assert rows["Third Frontier"][held] == 1.0 and rows["Ohio Third Frontier"][holds] == 1.0


def _never(text: str, title: str) -> dict[str, bool]:
    """Each candidate name of ``text``: whether it is never proposed."""
    candidates = name_candidates(text)
    names = [c.name for c in candidates]
    rows = candidate_features(candidates, text, title)
    return dict(zip(names, never_proposed(names, rows, text).tolist(), strict=True))


def test_a_person_quoted_or_a_sum_is_never_proposed() -> None:
    never = _never(
        "Grace Wanjiru started sewing uniforms in Gikomba. The next step, says Grace Wanjiru, is a second "
        "workshop. The startup raised R$ 40 milhões. Dairy Link, the network the tailors set up, buys cloth.",
        "Tailors",
    )
    assert never["Grace Wanjiru"] and never["R$ 40"]
    assert not never["Dairy Link"]


def test_a_quoted_remark_is_never_proposed_a_quoted_name_may_be() -> None:
    never = _never(
        'The owner smiles. "Then the orders stopped, and the young people left for the city," he says. '
        'The "Harbour Marine Cluster" shares a dock; the Harbour Marine Cluster trains welders.',
        "Boat builders",
    )
    assert never["Then the orders stopped, and the young people left for the city,"]
    assert not never["Harbour Marine Cluster"]
    assert not no_name_of_a_scheme(
        "Ministry of Trade, Industry and Energy", "The Ministry of Trade, Industry and Energy."
    )
    assert not no_name_of_a_scheme(
        "Filiera corta, qualità e territorio", "La rete «Filiera corta, qualità e territorio»."
    )


def test_a_byline_is_never_proposed() -> None:
    never = _never(
        "Posted 14 November 2021 on Cluster Practitioners' Blog\nThe Harbour Marine Cluster links 40 boat "
        "builders. The Harbour Marine Cluster shares a dock.",
        "Boat builders",
    )
    assert never["Posted 14 November 2021 on Cluster Practitioners' Blog"]
    assert not never["Harbour Marine Cluster"]


def test_a_speaker_s_label_is_never_proposed() -> None:
    never = _never(
        "Guest: a branch manager of the regional enterprise agency\nHOST: Welcome back.\nGUEST: Thank you.\n"
        "HOST: How do small firms reach you?\nGUEST: We work with Dairy Link, the network they set up.",
        "Podcast",
    )
    assert never["GUEST"] and never["HOST"] and not never["Dairy Link"]


def test_a_speaker_in_capitals_whose_name_the_text_also_writes_is_never_proposed() -> None:
    never = _never(
        "Presenter: Rafael Pinto\nRAFAEL: Welcome, and thank you.\nGUEST: Thank you, Rafael.\n"
        "RAFAEL: How did the Vale Norte Technology Park start?\nGUEST: The Vale Norte Technology Park began small.",
        "Podcast",
    )
    assert never["RAFAEL"] and not never["Vale Norte Technology Park"]


def test_a_speaker_listed_once_before_the_transcript_is_never_proposed() -> None:
    never = _never(
        "APRESENTADORA (AP)\nCONVIDADO – economista\nAP: Bom dia.\nCONVIDADO: Bom dia a todos.\n"
        "AP: O que é a Rede Serrana de Oficinas?\nCONVIDADO: A Rede Serrana de Oficinas junta dez oficinas.",
        "Transcrição",
    )
    assert never["AP"] and never["CONVIDADO"] and not never["Rede Serrana de Oficinas"]
    faq = "PRONAF: o que é?\nUm programa.\nPRONAF: quem pode pedir?\nO PRONAF financia agricultores."
    assert not no_name_of_a_scheme("PRONAF", faq)  # a programme heading its questions, not a speaker


def test_an_everyday_word_opening_the_sentence_is_no_part_of_the_name_after_it() -> None:
    names = {
        c.name
        for c in name_candidates("OSPITE: Parliamo della Cooperativa Valle Alta. Oggi parliamo di olio.")
    }
    assert "Cooperativa Valle Alta" in names
    for kind_or_body in (
        "Ministero dello Sviluppo Economico. Il ministero.",
        "Programa de Apoio à Inovação. O programa.",
    ):
        names = {c.name for c in name_candidates(kind_or_body)}
        assert "Sviluppo Economico" not in names and "Apoio à Inovação" not in names


@pytest.mark.parametrize(
    "name",
    [
        "Week 5",
        "Lezione 9",
        "Episódio 48",
        "A.A",
        "S.A.",
        "Segundo",
        "Cluster Policy in Practice — Case 4",
        "Value Chains - Case Study 2",
        "Estudo de caso 3",
        "Module 6 — Cluster Policy",
    ],
)
def test_a_part_of_a_course_or_a_series_is_never_a_scheme(name: str) -> None:
    assert no_name_of_a_scheme(name, f"{name}. Firms in the cluster export together.")
    assert not no_name_of_a_scheme("Horizon 2020", "Horizon 2020 funds the cluster's firms.")
    assert not no_name_of_a_scheme("P.O.R.", "Il P.O.R. finanzia le imprese del distretto.")
    assert not no_name_of_a_scheme("Dairy Link", "Partner: Dairy Link\nRole: coordinator of the buyers")


def test_a_person_named_with_a_role_is_never_proposed_but_the_body_they_lead_may_be() -> None:
    text = "Il parco nacque per iniziativa di Alberto Bombassei, fondatore di Brembo. Il presidente di Banca Etica parlò."
    assert a_person_or_an_amount("Alberto Bombassei", text)
    assert not a_person_or_an_amount("Banca Etica", text)
    assert a_person_or_an_amount("Ms Hanna Lind", "Ms Hanna Lind opened the meeting.")
    assert a_person_or_an_amount("Dott.ssa Rossi", "La Dott.ssa Rossi ha presentato il bando.")
    assert a_person_or_an_amount("Ana Lima", "A Sra. Ana Lima abriu a sessão.")  # the finder splits "Sra."
    assert not a_person_or_an_amount("Dr Oetker Foundation", "The Dr Oetker Foundation funds the school.")


def test_a_name_never_runs_across_a_menu_s_separators() -> None:
    names = {
        c.name for c in name_candidates("Observatório | Boas Práticas · Centro-Oeste • Programa Produzir")
    }
    assert not any(ch in name for name in names for ch in "|·•")
    assert "Programa Produzir" in names


def test_a_document_s_own_words_are_never_a_programme() -> None:
    text = 'NEWSLETTER "IMPRESE OLTRE CONFINE"\n\nIN PRIMO PIANO: le PMI esportano. NEWSLETTER chiusa.'
    rows = candidate_features(name_candidates(text), text, "NEWSLETTER")
    never = never_proposed([c.name for c in name_candidates(text)], rows, text)
    names = [c.name for c in name_candidates(text)]
    assert all(never[names.index(word)] for word in ("NEWSLETTER", "PRIMO PIANO") if word in names)
    assert "NEWSLETTER" in names
    card = "SCHEDA\n\nDESCRIZIONE\nLa rete Filo Verde unisce dodici imprese. DESCRIZIONE del contesto."
    assert no_name_of_a_scheme("DESCRIZIONE", card)
    news = "*Notizia – sezione Esteri/Economia – 11 luglio 2023*\nIl parco cresce."
    assert no_name_of_a_scheme("Esteri/Economia", news)  # a newspaper's two sections


def test_a_collective_s_word_alone_and_a_route_between_two_places_are_never_proposed() -> None:
    text = "Il Consorzio Vino Borgoverde tutela il vino. Il Consorzio promuove; il Consorzio controlla. Consorzio."
    never = _never(text, "Vino")
    assert never["Consorzio"] and not never["Consorzio Vino Borgoverde"]
    assert not an_everyday_term("Consorzio")  # still a kind a title's subject is called by
    assert a_place("Minsk–Mosca")  # the motorway beside a park
    assert not a_place("Italia–Svizzera")  # a cross-border programme


def test_a_newspaper_s_section_and_places_listed_together_are_never_proposed() -> None:
    text = "ECONOMIA · Publicado em 3 de maio\n\nAs confecções de Bari e Valle d'Itria exportam juntas."
    assert no_name_of_a_scheme("ECONOMIA", text)
    assert a_place("Bari e Valle d'Itria") and not a_place("Emprego e Formação")
    assert not a_place("Trentino e Sviluppo") and not a_place("Portugal e Inovação")  # one place only
    assert not a_place("Programa Lisboa e Vale do Tejo")  # a programme word makes it a name
    assert a_place("Cile e della Polonia") and a_place("Val di Non e della Val di Sole")
    assert a_place("Sri Lanka's") and not a_place("Val di Non e della Fondazione Sole")
    assert not a_place("Alta Formazione e Alta Specializzazione") and not a_place(
        "Porto Digital e Porto Maravilha"
    )


def test_a_known_place_s_part_named_by_its_direction_is_a_place() -> None:
    assert a_place("Oeste do Paraná") and a_place("Sud della Sardegna") and a_place("Northern Italy")
    assert a_place("OESTE DO PARANÁ") and a_place("Nord dell'Italia") and a_place("Nordeste do Brasil")
    assert not a_place("Centro de Inovação do Paraná") and not a_place("Centro Sviluppo")
    assert not a_place("Oeste Empreendedor")  # a direction before no place: a name


def test_a_town_written_with_its_state_or_province_code_is_never_proposed() -> None:
    text = "*Borgo Calçado (SP), 14 de março* — Fabricantes de Borgo Calçado compram juntos. Arzenta (VI) também."
    assert no_name_of_a_scheme("Borgo Calçado", text) and no_name_of_a_scheme("Arzenta", text)
    assert not no_name_of_a_scheme("Programa Calçado", "O Programa Calçado (PE) apoia fabricantes.")
    # a town whose name holds a programme's word ("fundo") is still a town; nor is it a name and its acronym
    coded = "A Embrapa Trigo, de Passo Fundo (RS), é parceira da Cooperativa Serra Azul."
    assert no_name_of_a_scheme("Passo Fundo (RS)", coded)
    assert programme_names(coded) == []


def test_a_state_or_a_towns_part_named_with_its_kind_is_a_place() -> None:
    assert a_place("Estado de São Paulo") and a_place("Anambra State")
    assert not a_place("Estado Novo")
    # a town's part: "Bairro do Recife" is where a park stands, not its name
    assert a_place("Bairro do Recife") and a_place("Borough of Camden")
    assert not a_place("Cidade do Saber") and not a_place("Città della Scienza")
    assert not a_place("Città della Pace") and not a_place(
        "City of Gold"
    )  # names, though Pace and Gold are towns


def test_a_road_is_never_proposed() -> None:
    assert a_road("RJ-116") and a_road("BR-101") and a_road("SC-401")
    assert not a_road("ZZ-116") and not a_road("PD-2030") and not a_road("COSME")


def test_a_name_is_counted_in_all_its_forms_and_any_case() -> None:
    text = "The Growth & Skills Voucher (GSV) helps. GSV pays half. The GSV and the growth & skills voucher."
    assert times_written("Growth & Skills Voucher (GSV)", text) == 5
    assert times_written("Mentoria Delas", "MENTORIA DELAS. Mentoria Delas. mentoria delas") == 3


def test_microcredit_and_crafts_are_about_firms_and_roman_numerals_name_no_scheme() -> None:
    assert about_firms("A Grameen Bank empresta a mulheres pobres: o microcrédito chega às aldeias.")
    assert about_firms("Il sussidio aiuta gli artigiani che studiano da maestro: 300 artigiani l'anno.")
    assert not about_firms("Una ricetta di pasta fresca per la domenica.")
    # agro-entrepreneurs and incubators are the field's too
    assert about_firms("O centro forma agroempreendedores na sua incubadora; os jovens aprendem.")
    text = "No século XX as aldeias perderam gente; no século XXI as Aldeias do Xisto atraem visitantes."
    assert {"XX", "XXI"} & _names(text)  # candidates, but never proposed
    assert all(no_name_of_a_scheme(n, text) for n in ("XX", "XXI", "III")) and not no_name_of_a_scheme(
        "CDM", text
    )


def test_provinces_and_departements_are_places_never_proposed() -> None:
    from ingest.metadata.place_names import a_place

    assert a_place("Eure-et-Loir") and a_place("Davao de Oro")  # below their countries' regions
    assert not a_place("Cosmetic Valley")


def test_a_translation_in_brackets_gives_way_to_the_name_it_glosses() -> None:
    text = (
        "In 2003 Regione Campania and the **Consorzio di Tutela del Torrone di Borgoverde IGP** (the Borgoverde "
        "Nougat Protection Consortium) was set up by twelve confectioners."
    )
    candidates, names, probability = _scored(text, "Nougat")
    translation = names.index("Borgoverde Nougat Protection Consortium")
    own = glossed(translation, candidates, probability, text).name
    assert own == "Consorzio di Tutela del Torrone di Borgoverde IGP"  # not the run joining two bodies
    # written on its own as well, the translation is a name the text uses
    again = text + " The Borgoverde Nougat Protection Consortium trains bakers."
    candidates = name_candidates(again)
    translation = [c.name for c in candidates].index("Borgoverde Nougat Protection Consortium")
    probability = np.ones(len(candidates))
    assert glossed(translation, candidates, probability, again) is candidates[translation]


def test_a_post_or_a_publication_is_never_a_scheme() -> None:
    text = "From: Programme Officer\nBoletim Cooperação em Rede\nThe Verde Dairy Cooperative grows."
    assert no_name_of_a_scheme("Programme Officer", text)
    assert no_name_of_a_scheme("Project Manager", text)
    assert no_name_of_a_scheme("Boletim Cooperação em Rede", text)
    assert no_name_of_a_scheme("Crafts & Clusters Newsletter — Issue 42", text)
    assert no_name_of_a_scheme("N.º 32 — Outubro", text)  # an issue and its month
    assert no_name_of_a_scheme("Issue 42", text)
    assert not no_name_of_a_scheme("Lei n.º 11.079", text)  # a law's number follows its law
    assert not no_name_of_a_scheme("Suame Magazine", text)  # a place: Kumasi's artisans' quarter
    assert not no_name_of_a_scheme("LEAD", text)
    assert not no_name_of_a_scheme("Verde Dairy Cooperative", text)


def test_a_radio_programme_a_transcript_was_recorded_for_is_no_scheme() -> None:
    from ingest.metadata.headings import a_broadcast

    text = (
        'TRANSCRIÇÃO\nPrograma "Campo Verde" — Rádio universitária, Passo Fundo (RS)\nA cooperativa cresce.'
    )
    assert a_broadcast("Campo Verde", text)
    assert not a_broadcast("Campo Verde", text + "\nO programa Campo Verde financia olarias.")


def test_the_review_s_name_cases() -> None:
    from ingest.metadata.headings import a_broadcast

    concert = "The album's producers, Rick Rubin and Brian Eno, recorded Night Owls. The producers toured."
    assert not about_firms(concert)
    paragraph = "O Programa Compete Verde apoia as empresas do APL, e foi divulgado na rádio e na TV locais."
    assert not a_broadcast("Programa Compete Verde", paragraph)


def test_a_name_the_text_also_writes_with_its_place_is_proposed_so() -> None:
    from ingest.metadata.glosses import placed_form

    def placed(text: str, name: str) -> str:
        candidates = name_candidates(text)
        best = candidates[[c.name for c in candidates].index(name)]
        return placed_form(best, candidates, np.ones(len(candidates))).name

    text = "Nel 1997 fu approvata la Bologna Eco-Park, e oggi l'Eco-Park ospita trenta impianti."
    assert placed(text, "Eco-Park") == "Bologna Eco-Park"
    text = "In 2015 the city opened the Data Village Nairobi, and the Data Village now hosts forty firms."
    assert placed(text, "Data Village") == "Data Village Nairobi"
    text = "In 2015 the city opened the Data Village in Nairobi, and the Data Village now hosts forty firms."
    assert placed(text, "Data Village") == "Data Village"  # "in Nairobi" says where it is
    text = "In 2015 the city held the Health Hub Summit, and the Health Hub now hosts forty firms."
    assert placed(text, "Health Hub") == "Health Hub"  # a small town's name, as often a word
    text = "Nel 1986 nacque il CISV di Napoli, e il CISV riunisce mille grossisti."
    assert placed(text, "CISV") == "CISV"  # an acronym: spelled out elsewhere


def test_an_acronym_the_text_spells_out_is_proposed_with_its_words() -> None:
    from ingest.metadata.glosses import spelled_out

    def spelled(text: str) -> str | None:
        candidates = name_candidates(text)
        acronym = candidates[[c.name for c in candidates].index("HEC")]
        found = spelled_out(acronym, candidates, text)
        return found.name if found else None

    text = "Members met at the Harbour Enterprise Centre (HEC) in May, and the HEC hosts forty firms."
    assert spelled(text) == "Harbour Enterprise Centre (HEC)"
    text = "Members met at the HEC (Harbour Enterprise Centre) in May, and the HEC hosts forty firms."
    assert spelled(text) == "Harbour Enterprise Centre (HEC)"
    text = "Members met at the Harbour Enterprise Centre in May, and the HEC hosts forty firms."
    assert spelled(text) is None  # never spelled out in brackets


def test_a_name_given_with_its_acronym_is_used_as_often_as_either_form() -> None:
    from ingest.metadata.collective_names import _uses

    text = (
        "The Harbour Exporters' Association (HEA) was founded in 1990. The HEA runs a fair; the HEA trains."
    )
    assert _uses(text, "Harbour Exporters' Association (HEA)") == 3


def test_a_place_or_a_body_the_text_names_a_practice_after_gives_way_to_the_practice() -> None:
    from ingest.metadata.glosses import practice_form

    def held(text: str, name: str) -> str | None:
        candidates = name_candidates(text)
        best = candidates[[c.name for c in candidates].index(name)]
        found = practice_form(best, candidates, np.ones(len(candidates)))
        return found.name if found else None

    text = "The state opened the Port Verde Industrial Estate in 1990, and Port Verde now ships steel."
    assert held(text, "Port Verde") == "Port Verde Industrial Estate"
    text = "In 2004 the university opened the Incubadora VERDETEC, and today VERDETEC hosts forty firms."
    assert held(text, "VERDETEC") == "Incubadora VERDETEC"
    text = "The state opened the Port Verde Authority in 1990, and Port Verde now ships steel."
    assert held(text, "Port Verde") is None  # no practice's name holds it


def test_a_plan_of_activities_for_two_years_is_no_programme() -> None:
    text = (
        "CONSORZIO VALVERDE COMPOST (CVC)\nVERBALE DELL'ASSEMBLEA\n\n"
        "5. PROGRAMMA DELLE ATTIVITÀ 2023–2024\nIl Direttore illustra il programma.\n"
    )
    assert not any("ATTIVITÀ" in name for name in programme_names(text))
    assert no_name_of_a_scheme("PROGRAMMA DELLE ATTIVITÀ 2023–2024", text)


def test_someone_a_news_item_quotes_with_other_speech_verbs_is_no_programme() -> None:
    text = (
        '"Aqui ninguém trabalha sozinho", resume Paulo Teixeira, dono de uma fábrica de calçado. '
        '"Faltam costureiras", lamenta Paulo Teixeira. "Il mercato è cambiato", sottolinea Anna Ferri.'
    )
    assert a_person_or_an_amount("Paulo Teixeira", text)
    assert a_person_or_an_amount("Anna Ferri", text)


def test_a_podcast_host_s_label_and_a_country_s_people_are_no_programmes() -> None:
    text = (
        "HOST (Marama): Welcome back. My guest runs a network of expatriates.\n"
        "GUEST: We help New Zealanders abroad host visiting exporters.\n"
        "HOST (Marama): And the New Zealanders at home?\n"
    )
    assert no_name_of_a_scheme("HOST", text)
    assert no_name_of_a_scheme("New Zealanders", text)
    assert not no_name_of_a_scheme("Kiwi Export Circle", text)


def test_a_legal_form_a_title_s_comma_parts_from_the_name_is_no_programme() -> None:
    text = "ADEGA COOPERATIVA DE VALE VERDE, C.R.L.\n\nAta da Assembleia Geral da Adega Cooperativa de Vale Verde."
    for form in ("C.R.L", "C.R.L.", "Lda.", "S.p.A.", "Scarl"):
        assert no_name_of_a_scheme(form, text), form
    assert not no_name_of_a_scheme("Adega Cooperativa de Vale Verde", text)


def test_a_programme_that_counts_or_guarantees_is_no_person_quoted() -> None:
    assert not a_person_or_an_amount("Porto Digital", "Hoje o Porto Digital conta com 350 empresas.")
    assert not a_person_or_an_amount("Fundo Amazônia", "O Fundo Amazônia garante recursos a fundo perdido.")


def test_an_italian_decade_is_no_part_of_the_name_after_it() -> None:
    names = [
        c.name for c in name_candidates("Negli anni Duemila Nanluoguxiang divenne famosa per i suoi negozi.")
    ]
    assert "Nanluoguxiang" in names and not any(n.startswith("Duemila") for n in names)
