"""A place's name typed in lower case is told from a word by how the collection writes it."""

from __future__ import annotations

import pytest

from kb.glossary import Glossary
from kb.lowercase_places import may_be_a_place, written_as_name


@pytest.mark.parametrize(
    ("query", "place"),
    [
        ("veneto", True),
        ("recife", True),
        ("Veneto", False),  # capitalised: already a name (kb.boundary.is_a_lone_name)
        ("qualidade", False),  # no place
        ("norte", False),  # a direction
        ("apl", False),  # a concept of the glossary
    ],
)
def test_only_a_lower_case_place_name_is_asked_about(query: str, place: bool) -> None:
    parts = Glossary.load().parse(query)
    assert len(parts) == 1 and may_be_a_place(parts[0]) is place


@pytest.mark.parametrize(
    ("word", "texts", "name"),
    [
        ("veneto", ["Le imprese del Veneto esportano.", "In Veneto e in Toscana"], True),
        ("veneto", ["Vêneto é uma região."], True),  # a sentence start alone, accents aside
        ("porto", ["O porto de Santos. Porto Digital fica no Recife."], False),  # once as a word
        ("enterprise", ["Enterprise zones. Small enterprise networks"], False),
        ("natal", ["Nothing about it here."], False),  # not held at all
        ("natal", ["Natal. Foi em Natal que"], True),
        ("reading", ["Further Reading\n\nA list of books."], False),  # a heading in title case
        ("latina", ["Le PMI dell'America Latina crescono."], False),  # part of a longer name
        ("porto", ["O Porto Digital fica no Recife."], False),
        ("americana", ["A agência Norte-Americana apoia clusters."], False),
        ("veneto", ["In Veneto e in Toscana; Marche, Veneto – e il Veneto"], True),  # stop words, commas
    ],
)
def test_a_name_is_written_with_a_capital_wherever_a_sentence_does_not_start(
    word: str, texts: list[str], name: bool
) -> None:
    assert written_as_name(word, texts) is name
