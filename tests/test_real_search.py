"""Search quality on the sample corpus with the bundled multilingual model (index built once)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kb.config import SearchSettings
from kb.knowledge_base import KnowledgeBase
from kb.request import SearchRequest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kb(real_index: Path) -> KnowledgeBase:
    return KnowledgeBase.open(real_index)


def top(kb: KnowledgeBase, query: str, k: int = 5, **filters: tuple[str, ...]) -> list[tuple[str, str]]:
    result = kb.search(SearchRequest(query, filters=filters, k=k))
    return [(hit.doc_id, hit.language) for hit in result.hits]


def test_corpus_is_complete(kb: KnowledgeBase) -> None:
    stats = kb.stats()
    assert stats["documents"] == 38
    assert stats["facets"]["language"] == {"pt": 16, "en": 12, "it": 10}


def test_portuguese_question_finds_italian_and_english_practices(kb: KnowledgeBase) -> None:
    hits = top(kb, "como financiar a internacionalização de pequenas empresas", k=5)
    assert any(lang != "pt" for _, lang in hits), hits
    assert {"cosme-internazionalizzazione-cluster", "consorzi-export"} & {d for d, _ in hits}


def test_joint_purchasing_across_languages(kb: KnowledgeBase) -> None:
    hits = [d for d, _ in top(kb, "compras conjuntas de insumos", k=3)]
    assert hits[0] == "ficha-compras-conjuntas-uba"
    assert "honduras-joint-purchasing-networks" in hits


def test_a_keyword_querys_best_documents_lift_their_neighbours_in_other_languages(kb: KnowledgeBase) -> None:
    query = "come finanziare l'export delle piccole imprese"
    plain = kb.using(dataclasses.replace(kb.search_settings, feedback_weight=0.0))
    depth = kb.search_settings.feedback_depth

    def ranked(base: KnowledgeBase, text: str) -> list[str]:
        return [hit.doc_id for hit in base.search(SearchRequest(text, k=10, bounded=False)).hits]

    lifted, unlifted = ranked(kb, query), ranked(plain, query)
    assert lifted[:depth] == unlifted[:depth]  # the query itself ranked the best few
    assert "escp-4i-clusters-go-international" in lifted
    question = "Come si finanzia l'export delle piccole imprese?"  # one answer asked: nothing lifted
    assert ranked(kb, question) == ranked(plain, question)


def test_acronyms_match_exactly(kb: KnowledgeBase) -> None:
    hits = top(kb, "GT-APL", k=3)
    assert {d for d, _ in hits} == {"ficha-gt-apl", "brazil-apl-policy", "apl-brasile-arranjos"}
    assert top(kb, "ESCP-4i", k=1)[0][0] in {
        "escp-4i-clusters-go-international",
        "cosme-internazionalizzazione-cluster",
    }


def test_english_question_finds_portuguese_supplier_programme(kb: KnowledgeBase) -> None:
    hits = [d for d, _ in top(kb, "large companies developing small local suppliers", k=3)]
    assert "encadeamento-produtivo" in hits


def test_language_filter_keeps_meaning(kb: KnowledgeBase) -> None:
    hits = top(kb, "how do industrial districts work", k=3, language=("it",))
    assert hits and all(lang == "it" for _, lang in hits)
    assert hits[0][0] in {
        "distretti-industriali-legge-317",
        "distretto-tessile-prato",
        "distretto-ceramica-sassuolo",
    }


def test_pdf_hits_carry_their_page(kb: KnowledgeBase) -> None:
    result = kb.search(SearchRequest("Euroclusters Single Market Programme", k=3))
    [hit] = [h for h in result.hits if h.doc_id == "escp-4i-clusters-go-international"]
    assert hit.page == 2, "the only passage naming Euroclusters is on page 2"


def test_extracted_metadata_on_the_corpus(kb: KnowledgeBase) -> None:
    card = kb.document("ficha-sba-clusters-regionais")
    assert card.values("country") == ["US"] and card.year == 2010
    assert card.values("programme") == ["SBA Regional Innovation Clusters"]
    assert kb.document("ficha-compras-conjuntas-uba").values("theme")[0] == "joint-action"
    assert "finance" in kb.document("financiamento-apl-bndes").values("theme")


def test_country_filter_by_alias_with_meaning(kb: KnowledgeBase) -> None:
    hits = top(kb, "supporto alle reti di piccole imprese", k=5, country=("Brasil",))
    assert hits and all("BR" in kb.document(d).values("country") for d, _ in hits)


# -- the relevance boundary (thresholds calibrated for the bundled model) ---------------


@pytest.mark.parametrize("query", ["receita de bolo de cenoura", "lyrics of a pop song", "qwerty asdf zxcv"])
def test_off_topic_queries_find_nothing(kb: KnowledgeBase, query: str) -> None:
    result = kb.search(SearchRequest(query))
    assert result.total == 0 and result.hits == []
    assert all(not counts for counts in result.facets.values()), "facets describe the (empty) set"
    assert result.near_misses, "the closest practices are offered, labelled apart"


def test_a_result_set_is_smaller_than_the_collection(kb: KnowledgeBase) -> None:
    result = kb.search(SearchRequest("governança de APL"))
    assert 0 < result.total < 33
    assert result.hits[0].doc_id == "governanca-apl", "the title match comes first"
    assert sum(c.count for c in result.facets["language"]) == result.total


def test_names_always_match_wherever_they_occur(kb: KnowledgeBase) -> None:
    holders = {d for d in kb.store.all_doc_ids() if any("BNDES" in text for _, text, _ in kb.passages(d))}
    found = {h.doc_id for h in kb.search(SearchRequest("BNDES", k=50)).hits}
    assert holders and holders <= found


@pytest.mark.parametrize("query", ["Prato", "Recife", "Sebraetec", "Veneto", "veneto", "recife"])
def test_a_lone_name_finds_the_documents_that_hold_it_and_no_others(kb: KnowledgeBase, query: str) -> None:
    """A document near in meaning that never names the place or programme is no answer to it."""
    holders = {
        d
        for d in kb.store.all_doc_ids()
        if any(query.lower() in text.lower() for _, text, _ in kb.passages(d))
    }
    found = {h.doc_id for h in kb.search(SearchRequest(query, k=50)).hits}
    assert holders and found == holders


def test_a_lower_case_word_that_the_collection_writes_as_a_word_stays_one(kb: KnowledgeBase) -> None:
    """ "enterprise" is a city's name too (Nevada), but the collection writes it as a word: texts in
    other languages on enterprises still answer."""
    found = kb.search(SearchRequest("enterprise", k=50)).hits
    assert any("enterprise" not in " ".join(t for _, t, _ in kb.passages(h.doc_id)).lower() for h in found)


def test_a_query_typed_without_accents_finds_what_the_accented_one_finds(kb: KnowledgeBase) -> None:
    """ "sao paulo" is the state Franca's text names, not the verb "são" of other texts."""
    assert [h.doc_id for h in kb.search(SearchRequest("sao paulo", k=20)).hits] == [
        "calcados-franca-exportacao"
    ]
    assert "distretti-industriali-legge-317" in {
        h.doc_id for h in kb.search(SearchRequest("Emilia Romagna")).hits
    }
    bare = {h.doc_id for h in kb.search(SearchRequest("exportacao", k=50)).hits}
    assert {"ficha-valexport-fruticultura", "calcados-franca-exportacao"} <= bare


def test_a_capitalised_word_is_no_name_and_still_crosses_languages(kb: KnowledgeBase) -> None:
    """Phones capitalise a query's first letter: "Qualidade" finds the English text on quality labels."""
    found = {h.doc_id for h in kb.search(SearchRequest("Qualidade", k=50)).hits}
    assert "cluster-management-quality-labels" in found


def test_a_result_says_which_names_of_the_query_it_lacks(kb: KnowledgeBase) -> None:
    hits = kb.search(SearchRequest("APLs no Nordeste", k=20)).hits
    assert hits[0].doc_id == "financiamento-apl-bndes" and hits[0].missing == []
    assert any(h.missing == ["Nordeste"] for h in hits[1:]), (
        "an APL text that never names the Nordeste says so"
    )


def test_acronym_meets_the_spelled_out_concept(kb: KnowledgeBase) -> None:
    result = kb.search(SearchRequest("financiamento de APL", k=3))
    assert result.hits[0].doc_id == "financiamento-apl-bndes"
    assert ("APL", "apl") in [(typed, c.id) for typed, c in result.concepts]


def test_filter_narrows_an_on_topic_query_instead_of_emptying_it(kb: KnowledgeBase) -> None:
    hits = kb.search(
        SearchRequest("supporto alle reti di piccole imprese", filters={"country": ("BR",)})
    ).hits
    assert hits and all("BR" in h.countries for h in hits)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("governança de APL", "country"),
        ("governança de APL", "theme"),
        ("joint purchasing", "country"),
        ("cluster", "language"),
        ("turismo", "country"),
    ],
)
def test_a_filter_narrows_the_result_set_to_what_its_facet_counts(
    kb: KnowledgeBase, query: str, field: str
) -> None:
    """Choosing a facet value gives the documents of the result set that hold it, as many as the
    facet said (a filtered search once drew its set afresh inside the filter, so "United States
    (1)" led to two documents, one of them not in the results)."""
    whole = kb.search(SearchRequest(query, k=1000))
    for count in whole.facets[field]:
        narrowed = kb.search(SearchRequest(query, filters={field: (count.value,)}, k=1000))
        expected = [
            h.doc_id
            for h in whole.hits
            if h.doc_id in set(kb.store.filtered_doc_ids({field: (count.value,)}))
        ]
        assert narrowed.total == count.count == len(expected), (query, field, count)
        assert [h.doc_id for h in narrowed.hits] == expected


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [("COSME", "country", "BR"), ("Sebrae", "country", "IT"), ("turismo", "country", "IT")],
)
def test_a_filter_that_leaves_no_matching_document_gives_no_result(
    kb: KnowledgeBase, query: str, field: str, value: str
) -> None:
    """Not the documents nearest in meaning inside the filter, as if they matched."""
    assert kb.search(SearchRequest(query)).total > 0
    result = kb.search(SearchRequest(query, filters={field: (value,)}))
    assert result.total == 0 and result.hits == []
    assert result.near_misses and all(value in h.countries for h in result.near_misses)


def test_names_match_inside_a_filter_however_deep_the_whole_ranking_puts_them(kb: KnowledgeBase) -> None:
    """A filtered result set is the unfiltered one narrowed, but a document holding the query's
    name matches even where the unfiltered candidates did not reach it (a large collection)."""
    shallow = kb.using(SearchSettings(dense_candidates=4, lexical_candidates=4))
    for query, language in (("Sebrae", "en"), ("APL", "it"), ("COSME", "en")):
        filters = {"language": (language,)}
        full = kb.search(SearchRequest(query, filters=filters, k=100))
        assert full.total >= 1 and full.unfiltered_total is not None and full.unfiltered_total > full.total
        narrow = shallow.search(SearchRequest(query, filters=filters, k=100))
        assert [h.doc_id for h in narrow.hits] == [h.doc_id for h in full.hits], query


def test_a_filter_no_document_passes_says_how_many_match_without_it(kb: KnowledgeBase) -> None:
    result = kb.search(SearchRequest("Sebrae", filters={"year": ("1850",)}))
    assert result.total == 0 and result.near_misses == [] and result.unfiltered_total == 13
    assert kb.search(SearchRequest("Sebrae")).unfiltered_total is None


@pytest.mark.parametrize("query", ["fruit exports", "esportazione di frutta", "exportação de frutas"])
def test_a_sector_meets_its_practice_in_any_language(kb: KnowledgeBase, query: str) -> None:
    """Fruit growing is one of the field's sectors: "fruit" meets "fruticultura" and "frutas"."""
    assert [h.doc_id for h in kb.search(SearchRequest(query, k=1)).hits] == ["ficha-valexport-fruticultura"]


def test_a_code_in_the_collection_makes_a_query_match(kb: KnowledgeBase) -> None:
    """'Law 317' is one English word and a number that an Italian document holds."""
    result = kb.search(SearchRequest("Law 317"))
    assert "distretti-industriali-legge-317" in [h.doc_id for h in result.hits]


@pytest.mark.parametrize("query", ["vinhos chilenos", "vini cileni", "Chilean wines"])
def test_a_demonym_finds_the_practice_written_in_another_language(kb: KnowledgeBase, query: str) -> None:
    """Chile's wine cluster is written in English; an adviser asks in Portuguese or Italian."""
    assert [h.doc_id for h in kb.search(SearchRequest(query, k=1)).hits] == ["chile-wine-cluster"]


def test_a_region_written_as_people_write_it_finds_its_countries(kb: KnowledgeBase) -> None:
    """ "Sudamerica" (Babel says "America del Sud") meets the Brazilian and Chilean practices."""
    found = {h.doc_id for h in kb.search(SearchRequest("cluster in Sudamerica", k=50)).hits}
    assert {"chile-wine-cluster", "brazil-apl-policy"} <= found
    assert not found & {"distretto-tessile-prato", "germany-go-cluster"}
