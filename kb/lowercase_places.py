"""A place's name typed in lower case ("veneto", "recife"), told from a word by how the collection
writes it.

A capitalised region or large city typed alone is a name (:func:`kb.boundary.is_a_lone_name`); in
lower case the same letters may be a word ("porto", "natal", "reading", "enterprise"). The passages
that hold it settle which: a name is written with a capital wherever a sentence does not start.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kb.country_words import a_place_word
from kb.glossary import QueryPart
from kb.store import Store
from kb.text import STOPWORDS, fold

SAMPLE_PASSAGES = 20
"""Passages holding the word that are read for how they write it."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•\-–—]\s*|[\"“«(]\s*)$")


def may_be_a_place(part: QueryPart) -> bool:
    """A word typed in lower case, no concept of the glossary, spelled as a region or large city."""
    return not part.is_name and part.concept is None and part.text.islower() and a_place_word(part.text)


def written_as_name(word: str, texts: list[str]) -> bool:
    """Whether ``texts`` hold ``word`` (accents and case aside) and write it with a capital every
    time, sentence starts aside (where any word has one); only sentence starts count when it
    stands nowhere else. Inside a longer name or a heading in title case it says nothing ("Porto
    Digital", "America Latina", "Further Reading", "Norte-Americana")."""
    target = fold(word)
    inside, opening = [], []
    for text in texts:
        found = list(_WORD.finditer(text))
        for i, match in enumerate(found):
            if (
                fold(match.group()) != target
                or _in_a_longer_name(text, found, i)
                or _in_title_case(text, match)
            ):
                continue
            (opening if _opens_a_sentence(text, match) else inside).append(match.group()[:1].isupper())
    seen = inside or opening
    return bool(seen) and all(seen)


_PUNCTUATION = re.compile(r"[.,;:!?](?!$)")


def _in_title_case(text: str, word: re.Match[str]) -> bool:
    """Whether the word's line is a heading of two to eight words, each capitalised, with no sentence's
    punctuation ("Further Reading")."""
    start, end = text.rfind("\n", 0, word.start()) + 1, text.find("\n", word.end())
    line = text[start : end if end >= 0 else len(text)].strip()
    named = [w for w in _WORD.findall(line) if fold(w) not in STOPWORDS]
    return 1 < len(named) <= 8 and not _PUNCTUATION.search(line) and all(w[:1].isupper() for w in named)


def _opens_a_sentence(text: str, word: re.Match[str]) -> bool:
    return bool(_SENTENCE_END.search(text[: word.start()][-3:] or ""))


_JOINED = re.compile(r"[ \t]*-?[ \t]*")


def _in_a_longer_name(text: str, found: list[re.Match[str]], i: int) -> bool:
    """Whether the word ``found[i]`` stands beside another capitalised word (no stop word, not one
    capitalised for opening its sentence), with nothing but spaces or a hyphen between them."""
    word = found[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(found):
            continue
        other = found[j]
        between = text[word.end() : other.start()] if j > i else text[other.end() : word.start()]
        last = re.split(r"['’]", other.group())[-1]  # "dell'America"
        named = last[:1].isupper() and fold(last) not in STOPWORDS and not _opens_a_sentence(text, other)
        if named and _JOINED.fullmatch(between):
            return True
    return False


def with_typed_place(parts: list[QueryPart], store: Store) -> list[QueryPart]:
    """``parts`` with a lone lower-case word made a name when the collection writes it as one."""
    if len(parts) != 1 or not may_be_a_place(parts[0]):
        return parts
    found = store.lexical_search([parts[0].alternatives], SAMPLE_PASSAGES)
    texts = [text for _, text, _, _ in store.chunks([cid for cid, _ in found]).values()]
    return [replace(parts[0], is_name=True)] if written_as_name(parts[0].text, texts) else parts
