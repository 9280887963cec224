"""Ranking metrics on hand-computed cases, Snowball stemming in three languages, query sets."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from kb.evaluation import evaluate, load_queries
from kb.glossary import Glossary
from kb.knowledge_base import KnowledgeBase
from kb.metrics import mrr_at, ndcg_at, recall_at
from kb.stemming import PROBES, stem, stem_text, term_stems
from tests.conftest import write


def test_ndcg_hand_computed() -> None:
    judgements = {"a": 2, "b": 1, "c": 0}
    # ranking b, x, a: DCG = 1/log2(2) + 0 + 2/log2(4) = 1 + 1 = 2; ideal a, b: 2 + 1/log2(3)
    expected = 2 / (2 + 1 / math.log2(3))
    assert ndcg_at(["b", "x", "a"], judgements) == pytest.approx(expected)
    assert ndcg_at(["a", "b"], judgements) == pytest.approx(1.0)
    assert ndcg_at(["x", "y"], judgements) == 0.0
    assert ndcg_at(["a"], {}) == 0.0


def test_ndcg_cuts_at_k() -> None:
    assert ndcg_at(["x"] * 10 + ["a"], {"a": 1}, k=10) == 0.0


def test_mrr_and_recall_hand_computed() -> None:
    judgements = {"a": 2, "b": 1, "c": 0}
    assert mrr_at(["c", "x", "b", "a"], judgements) == pytest.approx(1 / 3)
    assert mrr_at(["c"], judgements) == 0.0
    assert recall_at(["b", "x", "y"], judgements, 2) == 0.5
    assert recall_at(["b", "a"], judgements, 10) == 1.0


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("pt", ["internacionalização", "internacionalizar", "internacionalizações"]),
        ("pt", ["empresas", "empresa"]),
        ("it", ["internazionalizzazione", "internazionalizzazioni"]),
        ("it", ["imprese", "impresa"]),
        ("en", ["clusters", "cluster"]),
        ("en", ["networking", "networks", "network"]),
    ],
)
def test_word_forms_share_a_stem(language: str, forms: list[str]) -> None:
    assert len({stem(form, language) for form in forms}) == 1, {f: stem(f, language) for f in forms}


def test_stems_are_folded_and_acronyms_survive() -> None:
    assert (
        stem_text("Cooperação COSME GT-APL", "pt")
        == f"{stem('cooperação', 'pt')} {stem('cosme', 'pt')} gt-apl"
    )
    assert "ç" not in stem("cooperação", "pt")
    assert stem("GT-APL", "it") == "gt-apl"


def test_stems_are_snowball_3_1s_in_both_backends() -> None:
    """PyStemmer (C, which snowballstemmer hands its work to) and snowballstemmer's own Python must
    cut words alike: an index built with one may be searched with the other. Snowball 3.1 drops
    Italian elisions and keeps "international" apart from "intern"; older releases do neither."""
    import Stemmer
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.italian_stemmer import ItalianStemmer
    from snowballstemmer.portuguese_stemmer import PortugueseStemmer

    assert stem("all'acqua", "it") == stem("acqua", "it")
    assert stem("international", "en") != stem("intern", "en")
    words = [*PROBES.split(), "reti"]
    for name, python in (
        ("italian", ItalianStemmer),
        ("english", EnglishStemmer),
        ("portuguese", PortugueseStemmer),
    ):
        compiled = Stemmer.Stemmer(name)
        assert [compiled.stemWord(w) for w in words] == [python().stemWord(w) for w in words], name


def test_the_stems_version_follows_how_the_stemmers_cut(monkeypatch) -> None:
    """An index stemmed by another Snowball release is rebuilt: its format names the stems."""
    import kb.stemming as stemming
    from kb.lexical_index import FORMAT

    assert FORMAT.endswith(stemming.stems_version())
    before = stemming.stems_version()
    stemming.stems_version.cache_clear()
    monkeypatch.setattr(stemming, "stem", lambda word, language: word)  # a release that cuts nothing
    try:
        assert stemming.stems_version() != before
    finally:
        stemming.stems_version.cache_clear()  # the next caller computes it with the real stemmers


def test_query_terms_expand_to_every_language() -> None:
    stems = term_stems("internacionalização")
    assert stem("internacionalizar", "pt") in stems
    forms = set().union(*(p.alternatives for p in Glossary.load().parse("internacionalização cosme")))
    assert (stem("internacionalizar", "pt"),) in forms and (stem("cosme", "en"),) in forms


def test_lexical_search_matches_other_word_forms(small_kb: KnowledgeBase) -> None:
    from dataclasses import replace

    small_kb = small_kb.using(replace(small_kb.search_settings, dense_weight=0.0))
    from kb.request import SearchRequest

    hits = small_kb.search(SearchRequest("compra conjunta")).hits  # the text says "compras conjuntas"
    assert hits[0].doc_id == "compras"


def test_json_query_set_round_trip(small_kb: KnowledgeBase, tmp_path: Path) -> None:
    queries = {
        "queries": [
            {"id": "q1", "text": "COSME", "language": "en", "judgements": {"cosme": 2}},
            {
                "id": "q2",
                "text": "contratti",
                "language": "it",
                "filters": {"language": ["it"]},
                "judgements": {"reti": 1},
            },
            {"id": "q3", "text": "compras", "language": "en", "judgements": {"compras": 1}},
        ]
    }
    path = write(tmp_path / "q.json", json.dumps(queries))
    report = evaluate(small_kb, load_queries(path))
    assert report.queries == 3
    assert report.overall["mrr@10"] == pytest.approx(1.0)
    assert set(report.by_language) == {"en", "it"}
    assert report.cross_lingual_recall_at_10 == 1.0, "q3 asks in English for a Portuguese answer"


def test_beir_folder_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "beir"
    write(
        folder / "queries.jsonl",
        '{"_id": "1", "text": "onde", "lang": "pt"}\n{"_id": "2", "text": "unjudged"}\n',
    )
    write(folder / "qrels" / "test.tsv", "query-id\tcorpus-id\tscore\n1\tDoc_A\t1\n")
    [query] = load_queries(folder)
    assert query.language == "pt" and query.judgements == {"doc-a": 1}


@pytest.mark.parametrize("name", ["big-tuning", "big-heldout"])
def test_the_labelled_collections_judgements_name_its_files(name: str) -> None:
    """eval/big-*.json judge documents of bench/collection.py by path: each must exist there,
    or the calibration would count a relevant document that no search can return."""
    root = Path(__file__).resolve().parent.parent
    folders = ("corpus", "eval/extra", "eval/heldout/", *(f"eval/heldout{n}/" for n in range(2, 59)))
    queries = load_queries(root / "eval" / f"{name}.json")
    assert sum(bool(q.judgements) for q in queries) >= 20 and sum(not q.judgements for q in queries) >= 10
    for query in queries:
        for path in query.judgements:
            assert (root / path).is_file() and path.startswith(folders), (query.id, path)
