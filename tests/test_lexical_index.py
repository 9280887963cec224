"""The lexical copy (Tantivy) stays in step with the catalogue: catch-up, rebuild, readers, own writes."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kb.lexical_holders as lexical_holders
import kb.lexical_index as lexical_index
from kb.embedded_lexical import LEXICAL
from kb.embedders import HashingEmbedder
from kb.glossary import Glossary
from kb.knowledge_base import KnowledgeBase
from kb.lexical_index import FORMAT, LexicalIndex
from kb.lexical_queries import loose_forms, queried
from kb.models import FacetValue, NewDocument, Passage
from kb.phrase_pairs import loose_in, loose_term
from kb.write_lock import write_lock

EMBEDDER = HashingEmbedder(64)


def document(n: int, text: str, country: str = "BR") -> NewDocument:
    return NewDocument(
        path=f"/docs/{n}.txt",
        title=f"Practice {n}",
        language="en",
        content_hash=str(hash(text)),
        file_type="text",
        passages=[Passage(text, 0, None, 0, len(text), "en")],
        facets=[FacetValue("country", country)],
    )


def put(kb: KnowledgeBase, n: int, text: str, country: str = "BR") -> None:
    with kb.writing():
        kb.put(document(n, text, country), EMBEDDER.embed_documents([text]))


def found(kb: KnowledgeBase, query: str, docs: list[str] | None = None) -> set[str]:
    """The documents whose passages the lexical side alone finds."""
    parts = [p.alternatives for p in Glossary.load().parse(query)]
    hits = kb.store.lexical_search(parts, 20, docs)
    return {doc_id for doc_id, *_ in kb.store.chunks([c for c, _ in hits]).values()}


def open_kb(index: Path) -> KnowledgeBase:
    return KnowledgeBase.open(index, EMBEDDER, create=not index.exists())


def test_bm25_ranks_rarer_and_repeated_words_first(tmp_path: Path) -> None:
    kb = open_kb(tmp_path / "index")
    put(kb, 1, "Export consortium for furniture makers. Export export export.")
    put(kb, 2, "A consortium of dairy farmers buys feed together.")
    put(kb, 3, "Furniture fairs abroad.")
    parts = [p.alternatives for p in Glossary.load().parse("export furniture")]
    ranked = [kb.store.chunks([c])[c][0] for c, _ in kb.store.lexical_search(parts, 10)]
    assert ranked[0] == kb.store.find_by_path("/docs/1.txt")[0]
    assert len(ranked) == 2, "a passage holding no query word is not a lexical match"


def test_document_restriction_and_counts(tmp_path: Path) -> None:
    kb = open_kb(tmp_path / "index")
    for n in range(6):
        put(kb, n, f"Cooperative marketing of wine, case {n}.", "IT" if n % 2 else "BR")
    italian = kb.store.filtered_doc_ids({"country": ("IT",)})
    assert found(kb, "wine", italian) == set(italian)
    assert kb.store.lexical_count(Glossary.load().parse("wine")[0].alternatives) == 6
    (holding,), _ = kb.store.documents_holding([Glossary.load().parse("wine")[0].alternatives], italian)
    assert holding == set(italian)


def test_a_search_inside_a_write_block_sees_its_writes(tmp_path: Path) -> None:
    kb = open_kb(tmp_path / "index")
    with kb.writing():
        kb.put(document(1, "Tannery cluster in Franca."), EMBEDDER.embed_documents(["Tannery cluster"]))
        assert found(kb, "tannery")


def test_a_stale_copy_is_caught_up_from_the_log_on_open(tmp_path: Path) -> None:
    """As after a writer killed between its catalogue commit and its lexical commit."""
    index = tmp_path / "index"
    kb = open_kb(index)
    put(kb, 1, "Ceramic tiles district.")
    kb.close()
    shutil.copytree(index / LEXICAL, tmp_path / "stale")
    kb = open_kb(index)
    put(kb, 2, "Footwear exporters meet buyers.")
    with kb.writing():
        kb.remove(kb.store.find_by_path("/docs/1.txt")[0])
    kb.close()
    shutil.rmtree(index / LEXICAL)
    shutil.copytree(tmp_path / "stale", index / LEXICAL)
    kb = open_kb(index)
    assert kb.verify() == []
    assert found(kb, "footwear") and not found(kb, "ceramic")


def test_a_missing_damaged_or_foreign_copy_is_rebuilt(tmp_path: Path) -> None:
    index = tmp_path / "index"
    kb = open_kb(index)
    put(kb, 1, "Shoe cluster in Vale dos Sinos.")
    kb.close()
    for damage in ("format", "files", "ahead"):
        if damage == "format":
            (index / LEXICAL / "format").write_text("0")
        elif damage == "files":
            for f in (index / LEXICAL).glob("*"):
                if f.suffix in {".idx", ".term", ".pos"}:  # replaced, not truncated: a file still
                    garbage = f.with_name(f.name + ".garbage")  # mapped by a closed index must not shrink
                    garbage.write_bytes(b"garbage")
                    os.replace(garbage, f)
        else:  # a copy holding changes the catalogue never had (a catalogue restored alone)
            (index / LEXICAL / "applied").write_text("999999\n")
        kb = open_kb(index)
        assert kb.verify() == [], damage
        assert found(kb, "shoe"), damage
        assert (index / LEXICAL / "format").read_text() == FORMAT
        kb.close()


def test_a_reader_opening_while_another_process_writes_builds_its_own_copy(tmp_path: Path) -> None:
    index = tmp_path / "index"
    kb = open_kb(index)
    put(kb, 1, "Textile network of Prato.")
    kb.close()
    shutil.rmtree(index / LEXICAL)
    with write_lock(index):  # another writer holds the index: the reader may not write the copy
        reader = KnowledgeBase.open(index, EMBEDDER)
        assert reader.store.lexical.path is None and found(reader, "textile")
    writer = open_kb(index)
    put(writer, 2, "Granite quarries of Espirito Santo.")
    assert reader.refresh() and found(reader, "granite")
    assert reader.store.lexical.path == index / LEXICAL, "the shared copy is used once it exists"


def test_another_process_sees_new_documents_after_refresh(tmp_path: Path) -> None:
    index = tmp_path / "index"
    kb = open_kb(index)
    put(kb, 1, "Wine route.")
    script = """
import sys
from pathlib import Path
from kb.embedders import HashingEmbedder
from kb.knowledge_base import KnowledgeBase
from kb.models import NewDocument, Passage

kb = KnowledgeBase.open(Path(sys.argv[1]), HashingEmbedder(64))
text = "Marble exporters."
doc = NewDocument("/docs/9.txt", "Marble", "en", "9", "text", [Passage(text, 0, None, 0, len(text), "en")])
with kb.writing():
    kb.put(doc, HashingEmbedder(64).embed_documents([text]))
"""
    subprocess.run([sys.executable, "-c", script, str(index)], check=True)
    kb.refresh()
    assert found(kb, "marble")
    assert kb.verify() == []


def test_an_empty_index_finds_nothing(tmp_path: Path) -> None:
    index = LexicalIndex.create(tmp_path / "lex")
    assert len(index) == 0 and index.ids().size == 0
    assert index.search([frozenset({("x",)})], 10) == []


def test_a_reader_sees_the_last_documents_of_a_write_block(tmp_path: Path) -> None:
    """The block's last lexical commit comes after its last catalogue change (no new generation)."""
    index = tmp_path / "index"
    writer = open_kb(index)
    put(writer, 1, "Wine route.")
    reader = KnowledgeBase.open(index, EMBEDDER)
    time.sleep(1.1)  # the next write commits to the lexical copy at once, the one after it does not
    with writer.writing():
        writer.put(document(2, "Marble exporters."), EMBEDDER.embed_documents(["Marble exporters."]))
        writer.put(document(3, "Granite quarries."), EMBEDDER.embed_documents(["Granite quarries."]))
        reader.refresh()  # sees the catalogue's change, and the lexical copy as it is mid-block
    reader.refresh()
    assert found(reader, "marble") and found(reader, "granite")
    assert reader.verify() == []


def test_a_rebuild_swaps_a_complete_copy_in(tmp_path: Path) -> None:
    index = tmp_path / "index"
    kb = open_kb(index)
    put(kb, 1, "Textile network of Prato.")
    searching = kb.store.lexical
    with write_lock(index):
        kb.store._rebuild_lexical()
    assert found(kb, "textile") and len(searching) == 1, "the copy searched meanwhile stayed whole"
    assert sorted(p.name for p in index.iterdir() if "lexical" in p.name) == [LEXICAL]


def test_holders_of_more_parts_than_one_search_holds(tmp_path: Path) -> None:
    """Coverage reads every part in one search, a bit of the score each (twelve parts a search,
    each in the body and in the title: 24 bits): a query of fourteen parts is asked in two, each
    part's holders, anywhere and in titles, as if asked alone."""
    kb = open_kb(tmp_path / "index")
    words = [f"word{chr(97 + i)}" for i in range(14)]
    for n in range(4):  # document n holds every word whose place is a multiple of n + 1
        text = " ".join(w for i, w in enumerate(words) if i % (n + 1) == 0)
        with kb.writing():
            kb.put(document(n, text), EMBEDDER.embed_documents([text]))
    titled = dataclasses.replace(document(4, "Nothing here."), title=" ".join(words))
    low_and_high = dataclasses.replace(document(5, " ".join(words[:13])), title=words[13])
    with kb.writing():  # 4: its title holds every part, its body none; 5: the lowest and highest bits
        kb.put(titled, EMBEDDER.embed_documents(["Nothing here."]))
        kb.put(low_and_high, EMBEDDER.embed_documents(["words"]))
    ids = {n: kb.store.find_by_path(f"/docs/{n}.txt")[0] for n in range(6)}
    parts = [p.alternatives for p in Glossary.load().parse(" ".join(words))]
    assert len(parts) == 14
    anywhere, in_title = kb.store.documents_holding(parts, list(ids.values()))
    assert anywhere == [{ids[n] for n in range(4) if i % (n + 1) == 0} | {ids[4], ids[5]} for i in range(14)]
    assert in_title == [{ids[4]}] * 13 + [{ids[4], ids[5]}]
    (practice,), (heading,) = kb.store.documents_holding(
        [Glossary.load().parse("practice")[0].alternatives], [ids[1], ids[3]]
    )
    assert practice == heading == {ids[1], ids[3]}, "titles hold it; only the documents asked about"


def test_hits_beyond_the_first_guess_are_read(tmp_path: Path) -> None:
    """The first search collects a guess of hits per document asked about; when more passages
    match, it asks again, so a document whose only match ranks last is still found."""
    kb = open_kb(tmp_path / "index")
    texts = [f"Leather tanning, leather {i}." for i in range(2 * lexical_holders.GUESS_PER_DOCUMENT + 8)]
    many = [Passage(t, i, None, 0, len(t), "en") for i, t in enumerate(texts)]
    with kb.writing():
        kb.put(dataclasses.replace(document(1, texts[0]), passages=many), EMBEDDER.embed_documents(texts))
    put(kb, 2, "A long passage that names leather once among many other words about shoes and soles.")
    doc_ids = kb.store.all_doc_ids()
    assert len(texts) > lexical_holders.GUESS_PER_DOCUMENT * len(doc_ids)
    (holding,), _ = kb.store.documents_holding([Glossary.load().parse("leather")[0].alternatives], doc_ids)
    assert holding == set(doc_ids)


def test_loose_forms_leave_out_forms_that_repeat_anothers_words() -> None:
    forms = frozenset(
        {("pequen", "empres"), ("micr", "e", "pequen", "empres"), ("horizon", "2020", "empres")}
    )
    assert loose_forms(forms) == {("pequen", "empres"), ("horizon", "2020", "empres")}, "a number: as written"
    assert loose_forms(frozenset({("b", "a"), ("a", "b")})) == {("a", "b")}, "the same words: one form"
    assert loose_forms(frozenset({("a" * 70,), ("a" * 70, "b")})) == {("a" * 70,), ("a" * 70, "b")}
    assert loose_forms(frozenset({("sme",), ("sme", "network")})) == {("sme",)}


def test_a_concepts_words_apart_are_one_loose_term_and_others_are_intersected(tmp_path: Path) -> None:
    """A glossary form's words anywhere in one body are indexed as one loose term; a form outside
    the glossary is still held loosely, by intersecting its words' postings: both as before."""
    assert loose_term(("pequen", "empres")) == loose_term(("empres", "pequen")) == "empres+pequen"
    assert loose_term(("zzfoo", "zzbar")) is None
    assert "empres+pequen" in loose_in("as empres sao pequen").split()
    kb = open_kb(tmp_path / "index")
    put(kb, 1, "A small business network.")
    put(kb, 2, "Business owners in small towns. Zzfoo and zzbar.")
    put(kb, 3, "Neither word here.")
    docs = kb.store.all_doc_ids()
    forms = Glossary.load().parse("small business")[0].alternatives
    assert loose_term(("small", "busi")) in {loose_term(queried(f)) for f in loose_forms(forms)}
    (held,), _ = kb.store.documents_holding([forms], docs, [True])
    assert held == set(docs[:2]), "as written, and its words apart"
    (foreign,), _ = kb.store.documents_holding([frozenset({("zzfoo", "zzbar")})], docs, [True])
    assert foreign == {docs[1]}


def test_glossary_phrases_match_as_written_and_count_exactly(tmp_path: Path) -> None:
    kb = open_kb(tmp_path / "index")
    put(kb, 1, "The local productive arrangement of shoemakers buys leather together.")
    put(
        kb, 2, "A productive local fair: arrangement of stands by the shoemakers."
    )  # the words, not the phrase
    put(kb, 3, "The covid-19 crisis closed the fair.")  # a word cut in pieces, no glossary phrase
    put(kb, 4, "Before covid there were 19 fairs.")
    concept = next(p for p in Glossary.load().parse("local productive arrangement") if p.concept)
    assert found(kb, "local productive arrangement") == {kb.store.find_by_path("/docs/1.txt")[0]}
    assert kb.store.lexical_count(concept.alternatives) == 1
    assert found(kb, "covid-19") == {kb.store.find_by_path("/docs/3.txt")[0]}


def test_a_common_part_is_counted_by_its_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = open_kb(tmp_path / "index")
    for n in range(6):
        put(kb, n, f"Cluster number {n} of shoemakers; the cluster trains its shoemakers.")
    part = Glossary.load().parse("shoemakers")[0].alternatives
    assert kb.store.lexical_count(part) == 6  # exact while few hold it
    monkeypatch.setattr(lexical_index, "EXACT_COUNT", 2)
    assert kb.store.lexical_count(part) == 6, "its commonest word in one field, no count needed"


def test_a_phrase_of_three_words_needs_them_in_order(tmp_path: Path) -> None:
    kb = open_kb(tmp_path / "index")
    put(kb, 1, "The local productive system of the valley.")
    put(kb, 2, "Local product of the valley; its product system is new.")  # both pairs, not the phrase
    part = next(p for p in Glossary.load().parse("local productive system") if p.concept)
    phrases = [p for p in part.alternatives if len(p) == 3]
    assert phrases, "the glossary holds a three-word form"
    hits = kb.store.lexical_search([frozenset(phrases)], 10)
    assert {kb.store.chunks([c])[c][0] for c, _ in hits} == {kb.store.find_by_path("/docs/1.txt")[0]}
