"""Find names from a vocabulary in text, ignoring case and accents, on word boundaries."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kb.text import fold


@lru_cache(maxsize=8)
def strip_accents(text: str) -> str:
    """Accents removed, case kept; same length as the NFC input for our languages. Kept for the
    last few texts (a document, its title, its fields): every matcher reads the same ones, and a
    longer memory would hold whole documents for nothing."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def times_as_written(name: str, text: str) -> int:
    """How often the text writes ``name`` as whole words, with its case and accents."""
    return len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def trie_pattern(names: Iterable[str]) -> str:
    """A pattern for any of the names, longest first, written as a trie of their letters.

    Python's ``re`` tries an alternation's branches one by one, so a thousand names cost a
    thousand attempts at every position of the text; a trie costs about one per letter read.
    A name that another continues is an optional tail, tried long before short.
    """
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for letter in name:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, dict]) -> str:
    branches = [re.escape(letter) + _branches(child) for letter, child in sorted(node.items()) if letter]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class Mention:
    value: str  # the canonical value the name stands for
    start: int
    text: str
    weight: float


class NameMatcher:
    """One compiled alternation of many names → canonical values with a weight each."""

    def __init__(
        self,
        names: dict[str, tuple[str, float]],
        case_sensitive: bool = False,
        proper_noun: bool = False,
        accents: bool = False,
    ) -> None:
        """``accents`` keeps accents significant (França the country is not Franca the city)."""
        self._case_sensitive = case_sensitive
        self._proper_noun = proper_noun
        self._accents = accents
        self._lookup = {self._key(name): target for name, target in names.items() if name.strip()}
        flags = 0 if case_sensitive else re.IGNORECASE
        body = trie_pattern(self._lookup) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)

    def _key(self, name: str) -> str:
        if self._accents:
            name = unicodedata.normalize("NFC", name)
            return name if self._case_sensitive else name.casefold()
        return strip_accents(name) if self._case_sensitive else fold(name)

    def find(self, text: str) -> list[Mention]:
        plain = unicodedata.normalize("NFC", text) if self._accents else strip_accents(text)
        mentions = []
        for match in self._pattern.finditer(plain):
            found = match.group()
            if self._proper_noun and not found[0].isupper():
                continue
            value, weight = self._lookup[self._key(found)]
            mentions.append(Mention(value, match.start(), found, weight))
        return mentions
