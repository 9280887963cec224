"""Programmes and organisations named in a document, matched against the registries."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ingest.metadata.matching import NameMatcher
from kb.taxonomy import RegistryEntry, Taxonomy, default_taxonomy

_PROPOSAL = re.compile(
    r"\b(?:Programa|Programma|Programme|Program|Projeto|Progetto)\s+(?:de\s+|di\s+|da\s+|do\s+)?"
    r"((?:[A-ZÀ-Ý][\w'-]+|[A-Z]{2,}[\w-]*)(?:\s+(?:de|da|do|dos|das|di|del|della|per|for|of|and|e)?\s*"
    r"(?:[A-ZÀ-Ý][\w'-]+))*)"
    r"|\b((?:[A-Z][\w-]+\s+){1,5})(?:Programme|Program|Initiative)\b"
)


_ARTICLE = re.compile(r"^(?:The|O|A|Os|As|Il|Lo|La|Le|Gli|I|Our|This|Este|Esta|Questo)\s+")


@cache
def _matcher(entries: tuple[RegistryEntry, ...]) -> NameMatcher:
    return NameMatcher({name: (e.name, 1.0) for e in entries for name in e.names})


def mentioned(entries: list[RegistryEntry], text: str) -> Counter[str]:
    """Canonical names of registry entries mentioned, with how often."""
    return Counter(m.value for m in _matcher(tuple(entries)).find(text))


def main_entries(entries: list[RegistryEntry], text: str, title: str, limit: int = 3) -> list[str]:
    """Entries named in the title, in the opening quarter, or at least twice; by first mention."""
    matches = _matcher(tuple(entries)).find(text)
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


def proposed_programmes(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Names shaped like programmes ("Programa X", "X Programme") that the registry lacks."""
    taxonomy = taxonomy or default_taxonomy()
    known = set(mentioned(taxonomy.programmes, text))
    proposals: list[str] = []
    for match in _PROPOSAL.finditer(text):
        name = _ARTICLE.sub("", " ".join(match.group().split()))
        if len(name) > 80 or mentioned(taxonomy.programmes, name) or name in proposals:
            continue
        proposals.append(name)
    return [p for p in proposals if p not in known][:5]
