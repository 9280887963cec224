"""Search quality on the sample corpus with the bundled multilingual model (index built once)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    assert stats["documents"] == 33
    assert stats["facets"]["language"] == {"pt": 14, "en": 10, "it": 9}


def test_portuguese_question_finds_italian_and_english_practices(kb: KnowledgeBase) -> None:
    hits = top(kb, "como financiar a internacionalização de pequenas empresas", k=5)
    assert any(lang != "pt" for _, lang in hits), hits
    assert {"cosme-internazionalizzazione-cluster", "consorzi-export"} & {d for d, _ in hits}


def test_joint_purchasing_across_languages(kb: KnowledgeBase) -> None:
    hits = [d for d, _ in top(kb, "compras conjuntas de insumos", k=3)]
    assert hits[0] == "ficha-compras-conjuntas-uba"
    assert "honduras-joint-purchasing-networks" in hits


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
    result = kb.search(SearchRequest("Euroclusters Single Market Programme", k=1))
    assert result.hits[0].doc_id == "escp-4i-clusters-go-international"
    assert result.hits[0].page == 2


def test_extracted_metadata_on_the_corpus(kb: KnowledgeBase) -> None:
    card = kb.document("ficha-sba-clusters-regionais")
    assert card.values("country") == ["US"] and card.year == 2010
    assert card.values("programme") == ["SBA Regional Innovation Clusters"]
    assert kb.document("ficha-compras-conjuntas-uba").values("theme")[0] == "joint-action"
    assert "finance" in kb.document("financiamento-apl-bndes").values("theme")


def test_country_filter_by_alias_with_meaning(kb: KnowledgeBase) -> None:
    hits = top(kb, "supporto alle reti di piccole imprese", k=5, country=("Brasil",))
    assert hits and all("BR" in kb.document(d).values("country") for d, _ in hits)
