"""Chunking: sentence boundaries, size bounds, overlap, and exact character offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.chunking import chunk_spans, sentence_spans
from kb.config import ChunkingSettings


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def test_sentences_respect_abbreviations_and_numbered_lists() -> None:
    text = "O Sr. Silva chegou em 2010. A SBA pagou!\n\n1. Primeiro passo. Depois?\n- item"
    assert sentences(text) == [
        "O Sr. Silva chegou em 2010.",
        "A SBA pagou!",
        "1. Primeiro passo.",
        "Depois?",
        "- item",
    ]


def test_italian_and_english_sentences() -> None:
    assert sentences("L'UNIDO ha sostenuto il Messico. Poi l'Honduras.") == [
        "L'UNIDO ha sostenuto il Messico.",
        "Poi l'Honduras.",
    ]
    assert sentences("See e.g. the SBA report. It helps.") == ["See e.g. the SBA report.", "It helps."]


def long_text(n: int = 120) -> str:
    return " ".join(
        f"Frase número {i} sobre arranjos produtivos locais e redes de empresas." for i in range(n)
    )


def test_chunk_sizes_and_overlap() -> None:
    config = ChunkingSettings(target_words=100, max_words=150, overlap_words=25)
    text = long_text()
    spans = chunk_spans(text, config)
    assert len(spans) > 3
    for start, end in spans:
        assert len(text[start:end].split()) <= config.max_words
    for (_, prev_end), (next_start, _) in zip(spans, spans[1:], strict=False):
        overlap = text[next_start:prev_end]
        assert next_start < prev_end, "consecutive chunks share their boundary sentences"
        assert len(overlap.split()) <= config.overlap_words
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())


def test_short_text_is_one_chunk() -> None:
    assert chunk_spans("Uma frase só.", ChunkingSettings()) == [(0, 13)]


def test_sentence_longer_than_a_chunk_is_split() -> None:
    text = "palavra " * 700
    spans = chunk_spans(text, ChunkingSettings(target_words=100, max_words=150, overlap_words=0))
    assert all(len(text[a:b].split()) <= 150 for a, b in spans)
    assert sum(len(text[a:b].split()) for a, b in spans) == 700


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("abc ção.!?\n\n-1"), min_size=0, max_size=3000))
def test_chunks_cover_all_words_in_order(text: str) -> None:
    config = ChunkingSettings(target_words=30, max_words=45, overlap_words=8)
    spans = chunk_spans(text, config)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)
    covered = set()
    for a, b in spans:
        covered.update(range(a, b))
    assert all(
        i in covered
        for i, ch in enumerate(text)
        if not ch.isspace() and any(s.start <= i < s.end for s in sentence_spans(text))
    )
