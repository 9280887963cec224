"""The storage contract (kb.store.Store), the same tests against both backends: the embedded
store (SQLite + FAISS + Tantivy in a folder) and PostgreSQL + pgvector (a real server)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from kb.embedded_store import EmbeddedStore
from kb.errors import IndexLocked
from kb.glossary import Glossary
from kb.models import FacetValue, NewDocument, Passage
from kb.store import Store

DIM = 16
RNG = np.random.default_rng(7)


def unit(n: int) -> np.ndarray:
    v = RNG.normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def doc(n: int, texts: list[str], language: str = "en", country: str = "BR", **extra: object) -> NewDocument:
    starts = np.cumsum([0] + [len(t) + 1 for t in texts]).tolist()
    return NewDocument(
        path=f"/docs/{n}.txt",
        title=f"Practice {n}",
        language=language,
        content_hash=f"h{n}-{len(texts)}",
        file_type="text",
        year=2000 + n,
        passages=[Passage(t, i, i + 1, starts[i], starts[i] + len(t), language) for i, t in enumerate(texts)],
        facets=[FacetValue("country", country), *extra.get("facets", [])],  # type: ignore[misc]
    )


def put(store: Store, doc_id: str, document: NewDocument, vectors: np.ndarray | None = None) -> np.ndarray:
    vectors = unit(len(document.passages)) if vectors is None else vectors
    with store.writing():
        store.upsert(doc_id, document, vectors)
    return vectors


@pytest.fixture(params=["embedded", "postgres"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A function that opens (another handle on) one fresh store of the parametrised kind."""
    opened: list[Store] = []
    if request.param == "embedded":

        def make() -> Store:
            opened.append(EmbeddedStore(tmp_path / "index", DIM))
            return opened[-1]

        (tmp_path / "index").mkdir()
    else:
        from kb.postgres_store import PostgresStore

        url = request.getfixturevalue("postgres_database")

        def make() -> Store:
            opened.append(PostgresStore(url, DIM))
            return opened[-1]

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store: object) -> Store:
    return open_store()  # type: ignore[operator]


def test_documents_passages_and_facets(store: Store) -> None:
    put(
        store,
        "a",
        doc(1, ["First passage about wine.", "Second passage."], facets=[FacetValue("theme", "export")]),
    )
    put(store, "b", doc(2, ["Italian furniture."], language="it", country="IT"))
    assert store.counts() == {"documents": 2, "chunks": 3}
    assert store.find_by_path("/docs/1.txt") == ("a", "h1-2") and store.find_by_path("/x") is None
    assert store.doc_id_taken("b") and not store.doc_id_taken("c")
    found = store.documents(["a", "nope"])
    assert set(found) == {"a"} and found["a"].n_chunks == 2 and found["a"].year == 2001
    assert found["a"].metadata["country"] == ["BR"] and found["a"].metadata["theme"] == ["export"]
    assert store.titles(["a", "b"]) == {"a": "Practice 1", "b": "Practice 2"}
    assert store.all_doc_ids() == ["a", "b"]
    assert [text for _, text, _ in store.passages("a")] == ["First passage about wine.", "Second passage."]
    first = store.first_chunks(["a", "b"])
    assert first["a"][1] == "First passage about wine." and first["b"][2] == 1
    ids = store.chunk_ids_for(["a"])
    assert len(ids) == 2 and {v[0] for v in store.chunks(ids.tolist()).values()} == {"a"}
    assert set(store.chunk_owners(store.chunk_ids_for(["b"]).tolist()).values()) == {("b", "it")}
    assert store.filtered_doc_ids({"country": ("it",)}) == ["b"], "filters ignore case"
    assert store.filtered_doc_ids({"country": ("BR", "IT"), "language": ("en",)}) == ["a"]
    counts = {f: {c.value: c.count for c in cs} for f, cs in store.facet_counts(["a", "b"]).items()}
    assert counts["country"] == {"BR": 1, "IT": 1} and counts["language"] == {"en": 1, "it": 1}
    assert store.verify() == []


def test_replace_and_delete_keep_totals(store: Store) -> None:
    first = put(store, "a", doc(1, ["one", "two"]))
    put(store, "b", doc(2, ["tre"], language="it"))
    put(store, "a", doc(1, ["one again"]))  # replaced: its old passages go
    stats = store.language_stats()
    assert stats["en"][0] == 1 and stats["it"][0] == 1
    ids, means = store.document_means()
    assert ids == ["a", "b"] and means.shape == (2, DIM)
    assert not np.allclose(means[0], first.mean(axis=0), atol=1e-5)
    with store.writing():
        store.delete("b")
    assert "it" not in store.language_stats() and store.all_doc_ids() == ["a"]
    assert store.counts() == {"documents": 1, "chunks": 1}
    assert store.verify() == []


def test_means_of_the_documents_asked_for(store: Store) -> None:
    first = put(store, "a", doc(1, ["one", "two"]))
    put(store, "b", doc(2, ["tre"], language="it"))
    means = store.means_of(["a", "gone"])
    assert list(means) == ["a"]
    np.testing.assert_allclose(means["a"], first.mean(axis=0), atol=1e-5)
    assert store.means_of([]) == {}


def test_dense_search_is_exact_filtered_and_centred(store: Store) -> None:
    vectors = put(store, "a", doc(1, ["x", "y", "z"]))
    put(store, "b", doc(2, ["p", "q"], language="it"))
    ids = store.chunk_ids_for(["a"])
    found, scores = store.dense_search(vectors[1], 1)
    assert found.tolist() == [sorted(ids.tolist())[1]] and scores[0] == pytest.approx(1.0, abs=1e-3)
    allowed = store.chunk_ids_for(["b"])
    found, _ = store.dense_search(vectors[1], 5, allowed)
    assert set(found.tolist()) == set(allowed.tolist())
    plain, plain_scores = store.dense_search(vectors[1], 5)
    shifted, shifted_scores = store.dense_search(vectors[1], 5, None, {"en": 0.5})
    before = dict(zip(plain.tolist(), plain_scores.tolist(), strict=True))
    for chunk_id, score in zip(shifted.tolist(), shifted_scores.tolist(), strict=True):
        expected = before[chunk_id] - (0.5 if chunk_id in ids.tolist() else 0.0)
        assert score == pytest.approx(expected, abs=1e-3), "each language's offset is taken from its passages"


def test_lexical_search_counts_and_matches(store: Store) -> None:
    put(store, "a", doc(1, ["Export consortium of furniture makers.", "Nothing here."]))
    put(store, "b", doc(2, ["Consorzio per l'export di mobili."], language="it", country="IT"))
    put(store, "c", doc(3, ["Dairy farmers buy feed together."]))
    parse = Glossary.load().parse
    export = parse("export")[0].alternatives
    hits = store.lexical_search([export], 10)
    owners = {v[0] for v in store.chunks([c for c, _ in hits]).values()}
    assert owners == {"a", "b"} and all(s > 0 for _, s in hits)
    assert store.lexical_search([export], 10, ["b", "c"]) and {
        v[0] for v in store.chunks([c for c, _ in store.lexical_search([export], 10, ["b", "c"])]).values()
    } == {"b"}
    assert store.lexical_count(export) == 2
    assert store.documents_holding([export, frozenset()], ["a", "c"]) == ([{"a"}, set()], [set(), set()])
    brazil = parse("Brasil")[0].alternatives  # the country's names are in the names field
    assert store.documents_holding([brazil], ["a", "b", "c"])[1] == [{"a", "c"}]  # b is Italian
    latin, south = parse("América Latina")[0].alternatives, parse("Europa meridionale")[0].alternatives
    assert store.documents_holding([latin, south], ["a", "b", "c"])[1] == [
        {"a", "c"},
        {"b"},
    ]  # regions' tokens
    assert store.lexical_search([parse("practice")[0].alternatives], 10, None, (1.0, 1.0), ("title", "names"))
    assert store.lexical_search([frozenset()], 10) == []


def test_a_concepts_words_apart_hold_it_loosely_in_the_body_only(store: Store) -> None:
    """ "reti di imprese" is held loosely by a passage with "imprese" and "rete" apart (the
    relevance boundary's coverage), never by a title, and not at all when asked exactly."""
    put(store, "apart", doc(1, ["Le imprese firmano un contratto e la rete cresce."], language="it"))
    put(
        store,
        "title",
        dataclasses.replace(doc(2, ["Nulla da dire."], language="it"), title="Imprese in rete"),
    )
    put(store, "none", doc(3, ["Le imprese esportano."], language="it"))
    networks = Glossary.load().parse("reti di imprese")[0]
    assert networks.concept is not None
    docs = ["apart", "title", "none"]
    assert store.documents_holding([networks.alternatives], docs) == ([set()], [set()])
    assert store.documents_holding([networks.alternatives], docs, [True]) == ([{"apart"}], [set()])


def test_generation_and_refresh_across_handles(open_store: object) -> None:
    writer, reader = open_store(), open_store()  # type: ignore[operator]
    before = reader.generation()
    assert reader.refresh() == "unchanged"
    put(writer, "a", doc(1, ["Shoes."]))
    assert reader.generation() > before and reader.refresh() == "changed"
    assert reader.all_doc_ids() == ["a"]
    with writer.writing(), pytest.raises(IndexLocked):
        with reader.writing():
            pass


def test_logs_and_proposed_values(store: Store) -> None:
    store.log_ingest("/docs/1.pdf", "failed", "encrypted", "needs a password")
    assert store.ingest_log()[0]["reason"] == "encrypted"
    store.log_search_miss("xyzzy", "{}")
    store.log_search_miss("xyzzy", "{}")
    assert store.search_misses()[0]["count"] == 2
    put(
        store,
        "a",
        doc(1, ["A regional programme."], facets=[FacetValue("programme", "Rede Sul", "proposed")]),
    )
    assert store.proposed_values("programme") == {"Rede Sul": 1}
    with store.writing():
        assert store.confirm_value("programme", "Rede Sul") == 1
    assert store.proposed_values("programme") == {}


def test_a_phrase_does_not_run_from_one_field_into_the_next(store: Store) -> None:
    """Title "Practice 1", text "Brasil exporta": the phrase "1 brasil" is in neither field."""
    put(store, "a", doc(1, ["Brasil exporta calçados."]))
    across = frozenset({("1", "brasil")})
    assert store.lexical_count(across) == 0 and store.lexical_search([across], 5) == []
    within = frozenset({("practic", "1")})
    assert store.lexical_count(within) == 1


def test_common_words_rank_what_rarer_ones_find(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a large collection the PostgreSQL store finds every passage holding a rare word but only
    a sample of those holding a common one (forced here by a low threshold); either way the
    passage holding both comes first, then the one holding the rarer word, with the same scores."""
    import kb.postgres_lexical

    texts = ["ceramic tiles and glaze", "glaze recipes", "ceramic kilns", "ceramic clay", "ceramic export"]
    for n, text in enumerate(texts):
        put(store, f"d{n}", doc(n, [text]))
    parts = [p.alternatives for p in Glossary.load().parse("ceramic glaze")]
    everything = store.lexical_search(parts, 10)
    monkeypatch.setattr(
        kb.postgres_lexical, "FINDING_PARTS_UP_TO", 3
    )  # "glaze" is in 2 passages, "ceramic" in 4
    found = store.lexical_search(parts, 3)
    owners = store.chunks([c for c, _ in found])
    assert [owners[c][0] for c, _ in found][:2] == ["d0", "d1"]
    assert [c for c, _ in found[:2]] == [c for c, _ in everything[:2]]
    assert [s for _, s in found[:2]] == pytest.approx([s for _, s in everything[:2]], rel=1e-5)
    assert len(found) == 3
    assert store.lexical_search(parts, 10, ["d2", "d3"])  # the rare word is not there: the common one finds


def test_when_every_word_is_common_the_passage_holding_all_comes_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every part common (forced here): the PostgreSQL store scores a sample holding all of them and
    one holding the rarest, never summing every match; the passage holding both still leads."""
    import kb.postgres_lexical

    texts = ["ceramic kilns", "ceramic clay", "glaze recipes", "ceramic export", "ceramic tiles and glaze"]
    for n, text in enumerate(texts):
        put(store, f"d{n}", doc(n, [text]))
    parts = [p.alternatives for p in Glossary.load().parse("ceramic glaze")]
    monkeypatch.setattr(kb.postgres_lexical, "FINDING_PARTS_UP_TO", 1)
    found = store.lexical_search(parts, 2)
    owners = store.chunks([c for c, _ in found])
    assert [owners[c][0] for c, _ in found] == ["d4", "d2"], "both words, then the rarer one alone"


def test_when_every_word_is_common_a_title_holding_them_all_is_not_missed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kb.postgres_lexical

    titles = [*["Glaze studio"] * 6, *["Ceramic studio"] * 6, "Ceramic glaze"]
    for n, title in enumerate(titles):
        put(store, f"d{n}", dataclasses.replace(doc(n, ["ceramic glaze work"]), title=title))
    parts = [p.alternatives for p in Glossary.load().parse("ceramic glaze")]
    monkeypatch.setattr(kb.postgres_lexical, "FINDING_PARTS_UP_TO", 1)
    found = store.lexical_search(parts, 2)
    assert store.chunks([found[0][0]])[found[0][0]][0] == "d12"
