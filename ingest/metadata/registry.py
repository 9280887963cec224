"""Programmes and organisations named in a document, matched against the registries."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from ingest.metadata.matching import Mention, NameMatcher
from ingest.metadata.programme_keys import GENERIC_WORDS, bracketed_forms, name_keys, programme_key
from ingest.metadata.programme_patterns import ACRONYM
from kb.taxonomy import RegistryEntry, Taxonomy, default_taxonomy
from kb.text import fold


@cache
def _matcher(entries: tuple[RegistryEntry, ...]) -> RegistryMatcher:
    return RegistryMatcher(entries)


class RegistryMatcher:
    """Registered names as written in any case, and their acronyms and short forms as written."""

    def __init__(self, entries: tuple[RegistryEntry, ...]) -> None:
        names = {name: (e.name, 1.0) for e in entries for name in e.names}
        self._names = NameMatcher({n: v for n, v in names.items() if not _short_acronym(n)})
        short = {_without_kind(name): (e.name, 1.0) for e in entries for name in e.names}
        # case kept: "o Brasil mais pobre" is no mention of the "Programa Brasil Mais", and a short
        # acronym is one in capitals ("bid writing" names no BID, the Inter-American bank, nor "Bird
        # Watching" the World Bank's BIRD, nor "bad" the African one)
        short |= {n: v for n, v in names.items() if _short_acronym(n)}
        self._short = NameMatcher({k: v for k, v in short.items() if k}, case_sensitive=True)

    def find(self, text: str) -> list[Mention]:
        found = self._names.find(text)
        spans = [(m.start, m.start + len(m.text)) for m in found]
        found += [m for m in self._short.find(text) if not any(a <= m.start < b for a, b in spans)]
        found += [m for m in self._around_acronyms(text) if not any(a <= m.start < b for a, b in spans)]
        return sorted(found, key=lambda m: m.start)

    def _around_acronyms(self, text: str) -> list[Mention]:
        """Registered names written with their acronym inside: "the Shared Service Facilities (SSF)
        Project" is the registered "Shared Service Facilities Project". Each acronym is taken out of
        the words around it, and a name found across the gap is a mention as the text writes it."""
        found = []
        for cut in _INNER_ACRONYM.finditer(text):
            start = text.rfind(" ", 0, max(0, cut.start() - _REACH)) + 1  # from a word's start
            end = min(len(text), cut.end() + _REACH)
            gap, width = cut.start() - start, cut.end() - cut.start()
            for m in self._names.find(text[start : cut.start()] + text[cut.end() : end]):
                if m.start < gap < m.start + len(m.text):
                    at = start + m.start
                    found.append(Mention(m.value, at, text[at : at + len(m.text) + width], m.weight))
        return found


def _short_acronym(name: str) -> bool:
    """Four capitals or fewer: as often a word in another case ("BID", "BAD", "BEI", "EDGE")."""
    return name.isupper() and len(name) <= 4


_REACH = 160
"""Characters read on each side of an acronym: more than the longest registered name."""
_INNER_ACRONYM = re.compile(r"[ \t]\([A-Z][A-Za-z0-9&+.-]{1,11}\)(?=[ \t]+[A-ZÀ-Ý])")


_LEADING_KIND = re.compile(
    r"^(?:Programa|Programma|Programme|Program|Projeto|Projecto|Progetto|Project|Iniciativa|Iniziativa|"
    r"Initiative)[ \t]+(?=[A-ZÀ-Ý])"
)


def _without_kind(name: str) -> str:
    """A registered name that opens with its kind, without it ("do Brasil Mais Produtivo" is the
    "Programa Brasil Mais Produtivo"), when at least two capitalised words are left; else ""."""
    short = _LEADING_KIND.sub("", name)
    capitals = sum(w[:1].isupper() or w[:1].isdigit() for w in short.split())
    return short if short != name and capitals >= 2 else ""


def mentioned(entries: list[RegistryEntry], text: str) -> Counter[str]:
    """Canonical names of registry entries mentioned, with how often."""
    return Counter(m.value for m in _matcher(tuple(entries)).find(text))


def is_entry(entries: list[RegistryEntry], name: str) -> bool:
    """The whole name is an entry's name or alias ("Sebrae"; not "Sebrae Delas", which holds one)."""
    return any(m.start == 0 and len(m.text) == len(name) for m in _matcher(tuple(entries)).find(name))


def own_acronyms(entries: list[RegistryEntry], text: str) -> list[Mention]:
    """Mentions by an acronym the text gives an entry ("the Rural Enterprises Programme (REP)
    … REP works through …"), which the registry need not list: the ones after the first
    "Long Name (ACR)", each acronym once."""
    found: list[Mention] = []
    seen: set[str] = set()
    for long, acronym, end in acronym_pairs(text):
        named = mentioned(entries, long)
        if len(named) != 1 or acronym in seen:
            continue
        seen.add(acronym)
        value = next(iter(named))
        later = re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text[end:])
        found += [Mention(value, end + m.start(), acronym, 1.0) for m in later]
    return found


def main_entries(entries: list[RegistryEntry], text: str, title: str, limit: int = 3) -> list[str]:
    """Entries named in the title, in the opening quarter, or at least twice; by first mention."""
    matches = _matcher(tuple(entries)).find(text)
    seen = {(m.value, m.start) for m in matches}
    matches += [m for m in own_acronyms(entries, text) if (m.value, m.start) not in seen]
    counts = Counter(m.value for m in matches)
    first = {}
    for m in matches:
        first.setdefault(m.value, m.start)
    opening = len(text) / 4
    in_title = list(dict.fromkeys(m.value for m in _matcher(tuple(entries)).find(title)))
    chosen = in_title + [
        name
        for name in sorted(first, key=first.get)
        if name not in in_title and (counts[name] >= 2 or first[name] < opening)
    ]
    if not chosen and len(counts) == 1:  # the only one named is what the text is about
        chosen = list(counts)
    return chosen[:limit]


def programmes(text: str, title: str, taxonomy: Taxonomy | None = None) -> list[str]:
    return main_entries((taxonomy or default_taxonomy()).programmes, text, title)


def organisations(text: str, title: str, taxonomy: Taxonomy | None = None) -> list[str]:
    return main_entries((taxonomy or default_taxonomy()).organisations, text, title)


def by_key(entries: list[RegistryEntry], name: str) -> str | None:
    """The entry a name found in the text is, compared as keys ("Lei nº 13.755" is the law
    a registered programme lists as "Lei 13.755/2018"), or None."""
    keys = _entry_keys(tuple(entries))
    return next((keys[k] for k in name_keys(name) if k in keys), None)


def exact_entry(entries: list[RegistryEntry], name: str) -> str | None:
    """The entry whose name or alias has this name's key (not one of its other forms)."""
    return _entry_keys(tuple(entries)).get(programme_key(name))


@cache
def _entry_keys(entries: tuple[RegistryEntry, ...]) -> dict[str, str]:
    # a registered name's own forms, not the head of "Micro and Small Enterprises – Cluster …"
    return {
        programme_key(form): entry.name
        for entry in entries
        for name in entry.names
        for form in bracketed_forms(name)
    }


@cache
def _known_keys(entries: tuple[RegistryEntry, ...]) -> frozenset[str]:
    """Comparison keys of every name and alias in the registries (built once, not per document)."""
    return frozenset(programme_key(name) for entry in entries for name in entry.names)


def new_programmes(names: list[str], taxonomy: Taxonomy | None = None) -> list[str]:
    """Names the registries do not know (as a programme or as an organisation), each once."""
    taxonomy = taxonomy or default_taxonomy()
    known = _known_keys((*taxonomy.programmes, *taxonomy.organisations))
    out: dict[str, str] = {}
    for name in names:
        key = programme_key(name)
        if not name_keys(name) & known and key not in out and not _registered_name(taxonomy.programmes, name):
            out[key] = name
    return list(out.values())


def _registered_name(entries: list[RegistryEntry], name: str) -> bool:
    """A name holding a registered one. Only a registered name followed by a place or period of
    its own ("Programma Interreg V-A Italia-Svizzera 2014-2020") is a programme of its own."""
    found = _matcher(tuple(entries)).find(name)
    if not found:
        return False
    first, last = min(found, key=lambda m: m.start), max(found, key=lambda m: m.start + len(m.text))
    return _named(name[: first.start]) or not _named(name[last.start + len(last.text) :])


def _named(words: str) -> bool:
    """Whether some capitalised word besides "Programma", "the" and the like is there."""
    return any(w[:1].isupper() and fold(w) not in GENERIC_WORDS for w in re.findall(r"[\w'’-]+", words))


def names_one(name: str) -> bool:
    """Whether a found name says which scheme it is: a word besides "Programma", "Fundo",
    "Nacional", "the" and the like ("Fondo per il sostegno dell'impresa femminile" does). A name
    cut short before "para o Mar" ("Estratégia Nacional") says none."""
    return any(fold(w) not in GENERIC_WORDS for w in re.findall(r"[\w'’-]+", name))


@lru_cache(maxsize=2)
def acronym_pairs(text: str) -> tuple[tuple[str, str, int], ...]:
    """Every "Long Name (ACR)" of a text, as written (the registry may know the long name), with
    where it ends (the acronym in its parentheses is no further mention). Remembered for the
    last texts: the programme and the organisation registries both ask of the same document."""
    return tuple(
        (" ".join(m.group("long").split()), m.group("acronym"), m.end()) for m in ACRONYM.finditer(text)
    )
