"""Hybrid search against a NumPy brute-force oracle, filters inside the search, browse mode."""

from __future__ import annotations

import random
import shutil
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.config import SearchSettings
from kb.embedders import HashingEmbedder
from kb.fusion import rrf
from kb.glossary import Glossary
from kb.knowledge_base import KnowledgeBase
from kb.models import FacetValue, NewDocument, Passage
from kb.query_weights import is_question, short_weight
from kb.request import SearchRequest
from kb.search import alongside

VOCAB = [f"w{i}" for i in range(60)] + ["cluster", "rede", "distretto", "cosme", "gt-apl"]
LANGS = ["pt", "it", "en"]
COUNTRIES = ["BR", "IT", "US", "EU"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """120 documents of random words, 1–4 passages each, with languages and countries."""
    rng = random.Random(7)
    embedder = HashingEmbedder(64)
    kb = KnowledgeBase.open(tmp_path_factory.mktemp("synthetic") / "index", embedder, create=True)
    with kb.writing():
        for n in range(120):
            language = rng.choice(LANGS)
            texts = [" ".join(rng.choices(VOCAB, k=rng.randint(5, 25))) for _ in range(rng.randint(1, 4))]
            passages = [Passage(t, i, None, 0, len(t), language) for i, t in enumerate(texts)]
            countries = rng.sample(COUNTRIES, rng.randint(0, 2))
            doc = NewDocument(
                path=f"/synthetic/doc{n:03d}.txt",
                title=f"Document {n}",
                language=language,
                content_hash=str(n),
                file_type="text",
                passages=passages,
                year=2000 + n % 5,
                facets=[FacetValue("country", c) for c in countries],
            )
            kb.put(doc, embedder.embed_documents(texts))
    return kb


def oracle_scores(kb: KnowledgeBase, query: str, allowed_docs: set[str] | None) -> dict[str, float]:
    """Dense-only ranking by brute force: centred dot products, best chunk per document."""
    rows = list(kb.store.chunk_vectors())
    vectors = np.stack([r.vector for r in rows])
    languages = np.array([r.language for r in rows])
    q = kb.embedder.embed_queries([query])[0]
    centroid = {lang: vectors[languages == lang].mean(axis=0) for lang in set(languages)}
    weight = kb.search_settings.language_centering
    scores = vectors @ q - weight * np.array([q @ centroid[lang] for lang in languages])
    best: dict[str, float] = {}
    for row, score in zip(rows, scores, strict=True):
        if allowed_docs is None or row.doc_id in allowed_docs:
            best[row.doc_id] = max(best.get(row.doc_id, -np.inf), float(score))
    return best


def assert_same_ranking(got: list[str], oracle: dict[str, float], k: int) -> None:
    """Position by position the oracle scores agree; ties may come in any order."""
    expected = sorted(oracle.values(), reverse=True)[:k]
    assert len(got) == len(expected)
    np.testing.assert_allclose([oracle[d] for d in got], expected, atol=1e-5)


def dense_only(kb: KnowledgeBase) -> KnowledgeBase:
    return kb.using(replace(SearchSettings().dense_only(), dense_candidates=1000, chunk_mean_weight=0.0))


@pytest.mark.parametrize("query", ["cluster rede w1", "distretto w7 w8 w9", "cosme", "w33"])
def test_dense_ranking_matches_brute_force(synthetic: KnowledgeBase, query: str) -> None:
    result = dense_only(synthetic).search(SearchRequest(query, k=20, bounded=False))
    oracle = oracle_scores(synthetic, query, None)
    assert_same_ranking([h.doc_id for h in result.hits], oracle, 20)
    assert result.total == len(oracle)


@pytest.mark.parametrize(
    "filters", [{"country": ("BR",)}, {"country": ("BR", "US"), "language": ("it",)}, {"year": ("2003",)}]
)
def test_filters_apply_inside_the_search(
    synthetic: KnowledgeBase, filters: dict[str, tuple[str, ...]]
) -> None:
    allowed = set(synthetic.store.filtered_doc_ids(filters))
    assert 0 < len(allowed) < 120
    result = dense_only(synthetic).search(SearchRequest("cluster rede", filters=filters, k=50, bounded=False))
    assert_same_ranking(
        [h.doc_id for h in result.hits], oracle_scores(synthetic, "cluster rede", allowed), 50
    )
    for hit in result.hits:
        doc = synthetic.document(hit.doc_id)
        for field, values in filters.items():
            held = {str(doc.year)} if field == "year" else set(doc.values(field)) | {doc.language}
            assert held & set(values)


def test_narrow_filter_still_fills_the_page(synthetic: KnowledgeBase) -> None:
    """Post-filtering a global top-k would leave few hits; filtering inside FAISS does not."""
    synthetic = synthetic.using(replace(SearchSettings(), dense_candidates=40))
    filters = {"country": ("EU",), "language": ("en",)}
    allowed = synthetic.store.filtered_doc_ids(filters)
    assert len(synthetic.store.chunk_ids_for(allowed)) <= 40 < synthetic.store.counts()["chunks"] / 4
    result = synthetic.search(SearchRequest("w1 w2", filters=filters, k=10, bounded=False))
    assert len(result.hits) == min(10, len(allowed))


def test_facet_counts_cover_the_result_set(synthetic: KnowledgeBase) -> None:
    result = synthetic.search(SearchRequest("", filters={"language": ("pt",)}, k=5))
    all_pt = synthetic.store.filtered_doc_ids({"language": ("pt",)})
    assert result.total == len(all_pt)
    assert {c.value: c.count for c in result.facets["language"]} == {"pt": len(all_pt)}
    by_hand = sum(1 for d in all_pt if "BR" in synthetic.document(d).values("country"))
    assert {c.value: c.count for c in result.facets["country"]}.get("BR", 0) == by_hand


def test_lexical_hits_lift_exact_names(small_kb: KnowledgeBase) -> None:
    result = small_kb.search(SearchRequest("COSME", k=3))
    assert result.hits[0].doc_id == "cosme"
    assert result.hits[0].highlights, "the matched name is highlighted"
    start, end = result.hits[0].highlights[0]
    assert result.hits[0].snippet[start:end].lower() == "cosme"


def test_browse_lists_every_document_by_title(small_kb: KnowledgeBase) -> None:
    result = small_kb.search(SearchRequest(""))
    assert result.total == 3
    assert [h.title for h in result.hits] == sorted((h.title for h in result.hits), key=str.lower)
    assert all(h.snippet for h in result.hits)


def test_pages_do_not_overlap(synthetic: KnowledgeBase) -> None:
    first = synthetic.search(SearchRequest("cluster", k=7, page=1))
    second = synthetic.search(SearchRequest("cluster", k=7, page=2))
    assert not {h.doc_id for h in first.hits} & {h.doc_id for h in second.hits}
    assert first.total == second.total


def test_a_result_sets_total_does_not_grow_with_the_page_or_an_export(synthetic: KnowledgeBase) -> None:
    """Deep pages and "export all" (k up to 1,000) once ranked from more candidates than the
    first page, so the set they described held more documents than the total shown."""
    shallow = synthetic.using(replace(SearchSettings(), dense_candidates=12, lexical_candidates=12))
    first = shallow.search(SearchRequest("cluster rede w1", k=5))
    later = shallow.search(SearchRequest("cluster rede w1", k=5, page=4))
    export = shallow.search(SearchRequest("cluster rede w1", k=1000))
    assert first.total == later.total == export.total == len(export.hits)
    whole = shallow.search(SearchRequest("cluster rede w1", k=100, bounded=False))
    assert len(whole.hits) > first.total, "the whole ranking still reaches deeper"


def test_filter_with_no_match_returns_nothing(small_kb: KnowledgeBase) -> None:
    assert small_kb.search(SearchRequest("", filters={"country": ("JP",)})).total == 0
    assert small_kb.search(SearchRequest("rede", filters={"country": ("JP",)})).hits == []


def test_query_text_is_words_not_syntax(small_kb: KnowledgeBase) -> None:
    parts = Glossary.load().parse('COSME GT-APL say "hi" NEAR(a b) col:x AND OR -')
    assert any(("gt", "apl") in p.alternatives for p in parts)  # a hyphenated name stays one phrase
    hits = small_kb.store.lexical_search([p.alternatives for p in parts], 5)
    assert hits and all(isinstance(chunk_id, int) for chunk_id, _ in hits)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=60))
def test_no_query_text_breaks_search(synthetic: KnowledgeBase, text: str) -> None:
    synthetic.search(SearchRequest(text))


def test_removed_document_disappears_from_results(small_kb: KnowledgeBase, tmp_path: Path) -> None:
    with small_kb.writing():
        small_kb.remove("cosme")
    assert all(h.doc_id != "cosme" for h in small_kb.search(SearchRequest("COSME clusters")).hits)


def test_country_names_in_any_language_meet_the_document(tmp_path: Path) -> None:
    """The lexical index holds a document's countries by their pt/it/en names."""
    embedder = HashingEmbedder(64)
    kb = KnowledgeBase.open(tmp_path / "index", embedder, create=True)
    text = "Regional innovation clusters receive grants for coaching small firms."
    doc = NewDocument(
        path="/x/us.txt",
        title="Regional clusters",
        language="en",
        content_hash="1",
        file_type="text",
        passages=[Passage(text, 0, None, 0, len(text), "en")],
        facets=[FacetValue("country", "US")],
    )
    with kb.writing():
        kb.put(doc, embedder.embed_documents([text]))

    def found(query: str) -> bool:
        return bool(kb.store.lexical_search([p.alternatives for p in Glossary.load().parse(query)], 5))

    assert all(found(q) for q in ("Estados Unidos", "Stati Uniti", "United States"))
    kb.close()
    shutil.rmtree(tmp_path / "index" / "lexical")  # a backup, or an index from before it existed
    kb = KnowledgeBase.open(tmp_path / "index", embedder)
    assert found("Estados Unidos"), "opening the index rebuilds its lexical side from the catalogue"
    assert kb.verify() == []


def test_only_codes_and_acronyms_make_a_query_match_by_name() -> None:
    """A capitalised word ("Serie", "Nordeste") is too often an ordinary word to do it."""
    from kb.boundary import Candidate, holds_a_name

    glossary = Glossary([])
    holder = [Candidate("d", None, 1.0, 0.0, 0.5, names=1.0)]
    assert holds_a_name(holder, glossary.parse("Law 317"), SearchSettings())
    assert holds_a_name(holder, glossary.parse("relatório do BNDES"), SearchSettings())
    assert not holds_a_name(holder, glossary.parse("risultati della Serie"), SearchSettings())
    assert not holds_a_name([replace(holder[0], names=0.0)], glossary.parse("Law 317"), SearchSettings())
    assert not holds_a_name(holder, glossary.parse("best smartphone camera 2024"), SearchSettings())
    assert holds_a_name(holder, glossary.parse("COSME 2014"), SearchSettings()), "a year beside a name"


def test_closeness_in_meaning_needs_some_of_the_query_words_nearby() -> None:
    """In a grown collection a recipe query meets recipes at cosine 0.86–0.89: a passage that
    close counts only when a document about as close holds a good part of the query's words;
    word overlap counts only near the top of the ranking ("kitchen tap" in a notice)."""
    from kb.boundary import Candidate, is_about_collection

    s, parts = SearchSettings(), Glossary([]).parse("receita de feijoada")
    recipe = Candidate("recipe", None, 1.0, 0.0, 0.87, coverage=0.3)
    assert not is_about_collection([recipe], parts, s)
    assert is_about_collection([replace(recipe, coverage=0.5)], parts, s)
    assert is_about_collection([replace(recipe, cosine=0.91)], parts, s), "very close in meaning suffices"
    far = [Candidate(f"d{i}", None, 1.0 - i / 20, 0.0, 0.80) for i in range(12)]
    holder = replace(far[0], doc_id="holder", coverage=0.8)
    assert not is_about_collection([*far, holder], parts, s)
    assert is_about_collection([*far[:2], holder, *far[2:]], parts, s)
    # the close rule on its own: the holder ranks past the first five, near the top in meaning
    top = replace(far[0], doc_id="top", cosine=0.86)
    assert is_about_collection([top, *far, replace(holder, cosine=0.85)], parts, s)
    assert not is_about_collection([top, *far, replace(holder, cosine=0.83)], parts, s), "outside the window"
    assert not is_about_collection([top, *far, replace(holder, cosine=0.85, coverage=0.3)], parts, s)


def test_a_specific_phrase_of_the_field_makes_a_query_about_the_collection() -> None:
    """A rare modifier ("professionale", held by no passage) must not hide "gestione dei cluster";
    a phrase most passages hold ("piccole imprese" of cleaning firms) proves nothing."""
    from kb.boundary import Candidate, is_about_collection
    from kb.coverage import measure_coverage

    glossary, settings = Glossary.load(), SearchSettings()
    for query, counts, about in (
        ("gestione professionale dei cluster", [12, 0], True),
        ("piccole imprese di pulizia", [41, 0], False),
    ):
        parts = glossary.parse(query)
        assert [p.concept is not None for p in parts] == [True, False]
        doc = Candidate("d", None, 1.0, 0.0, 0.5)
        measure_coverage([doc], parts, counts, 72, ([{"d"}, set()], [set(), set()]), {})
        assert doc.coverage < settings.min_query_coverage
        assert (doc.phrase_share < settings.max_phrase_share) is about
        assert is_about_collection([doc], parts, settings) is about


def test_recycled_wool_and_recycled_textiles_meet_across_languages() -> None:
    """Portuguese "lã" is left out: without its accent it is the article "la"."""
    glossary = Glossary.load()
    for query in ("recycled wool", "têxteis reciclados", "lana rigenerata"):
        assert sorted(p.concept.id for p in glossary.parse(query) if p.concept) == ["recycling", "textile"], (
            query
        )


def test_a_region_meets_documents_about_its_countries(tmp_path: Path) -> None:
    """A document about Honduras never says "Central America"; a search for the region finds it,
    and words that look like a country's name ("riunione", "mali") do not make a match."""
    embedder = HashingEmbedder(64)
    kb = KnowledgeBase.open(tmp_path / "index", embedder, create=True)
    texts = {
        "hn": ("HN", "Joint purchasing networks of bakeries in Tegucigalpa."),
        "it": ("IT", "Il verbale della riunione del distretto: mali e malto, França e Réunion."),
    }
    with kb.writing():
        for doc_id, (country, text) in texts.items():
            doc = NewDocument(
                path=f"/x/{doc_id}.txt",
                title=doc_id,
                language="en",
                content_hash=doc_id,
                file_type="text",
                passages=[Passage(text, 0, None, 0, len(text), "en")],
                facets=[FacetValue("country", country)],
            )
            kb.put(doc, embedder.embed_documents([text]))

    def lexical(query: str) -> set[str]:
        parts = Glossary.load().parse(query)
        found = kb.store.lexical_search([p.alternatives for p in parts], 5)
        return {owner[0] for owner in kb.store.chunks([c for c, _ in found]).values()}

    for query in ("America Centrale", "América Latina", "Central America"):
        assert lexical(query) == {"hn"}, query
        assert [h.doc_id for h in kb.search(SearchRequest(query)).hits] == ["hn"], query
    assert lexical("Africa") == set()
    assert lexical("Europa meridionale") == {"it"}
    kb.close()


def test_equal_scores_share_their_best_rank_in_the_fusion() -> None:
    """A tie in one ranking (every passage holding one word once) leaves the order to the others."""
    fused = rrf([([(1, 2.0), (2, 2.0), (3, 1.0)], 1.0)], 60)
    assert fused[1] == fused[2] == 1 / 61 and fused[3] == 1 / 63
    both = rrf([([(1, 2.0), (2, 2.0)], 1.0), ([(2, 0.9), (1, 0.8)], 1.0)], 60)
    assert both[2] > both[1], "the dense ranking breaks the lexical tie"


def test_a_short_question_weighs_its_words_by_its_languages_share() -> None:
    """Typed keywords ("COSME") keep their names' full weight in any language; the same names
    asked as a question are weighed like its other words, by the share of the collection the
    question's language holds (its names also meet the passage's translations)."""
    settings, parts = SearchSettings(), Glossary([]).parse("COSME Sebrae")
    assert is_question("Quando nacque Chopin?") and is_question("Chi ha fondato COSME ?  ")
    assert not is_question("COSME Sebrae")
    keywords = short_weight(parts, 0.5, settings)
    asked = short_weight(parts, 0.5, settings, question=True)
    assert keywords == settings.short_query_lexical_weight
    assert asked == pytest.approx(settings.short_query_lexical_weight * 0.25)
    assert short_weight(parts, 1.0, settings, question=True) == keywords, "one language: unchanged"


def test_side_work_never_outlives_a_failed_search() -> None:
    """The side thread's work is waited for when the calling thread fails, so it never runs on
    against a store that is being closed, and the caller's error is the one raised."""
    started, release, finished = threading.Event(), threading.Event(), []

    def side_work() -> None:
        started.set()
        release.wait(5)
        finished.append(True)

    with pytest.raises(RuntimeError, match="calling thread"), alongside(side_work):
        assert started.wait(5)
        threading.Timer(0.05, release.set).start()
        raise RuntimeError("the calling thread failed")
    assert finished == [True]


def test_documents_only_the_lexical_side_found_are_scored_in_meaning_too(
    synthetic: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a dense side shallower than the collection, a document that only BM25 found still
    gets its closeness in meaning (one of its passages' exact scores), which the relevance
    boundary compares with the best one's; the fused ranking does not change."""
    from kb.search import Searcher

    shallow = synthetic.using(replace(SearchSettings(), dense_candidates=5))
    query = "cosme w3"
    searcher = shallow.searcher()
    parts = searcher.glossary.parse(query)
    candidates = searcher.candidates(SearchRequest(query, k=5), None, parts)
    assert len(candidates) > 10, "most candidates come from the lexical side alone"
    rows = list(synthetic.store.chunk_vectors())
    q = synthetic.embedder.embed_queries([query])[0]
    centroids = {lang: np.mean([r.vector for r in rows if r.language == lang], axis=0) for lang in LANGS}
    passage_scores: dict[str, list[float]] = {}
    for r in rows:
        passage_scores.setdefault(r.doc_id, []).append(float(r.vector @ q - q @ centroids[r.language]))
    for c in candidates:
        if np.isfinite(c.dense):
            assert min(abs(c.dense - score) for score in passage_scores[c.doc_id]) < 1e-5, c.doc_id
    monkeypatch.setattr(Searcher, "_score_unreached", lambda *args: None)
    unscored = shallow.searcher().candidates(SearchRequest(query, k=5), None, parts)
    assert [(c.doc_id, c.score) for c in unscored] == [(c.doc_id, c.score) for c in candidates]
    reach = shallow.search_settings.unreached_scored
    assert sum(c.dense == -np.inf for c in unscored[:reach]) > 5, "the dense side reached few of them"
    assert all(np.isfinite(c.dense) for c in candidates[:reach])
    assert [c.dense == -np.inf for c in candidates[reach:]] == [c.dense == -np.inf for c in unscored[reach:]]
