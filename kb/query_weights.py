"""How much a query's words count beside its meaning, by the query's shape: a few keywords and
names are matched by their words, a question by what it means."""

from __future__ import annotations

from kb.config import SearchSettings
from kb.glossary import QueryPart


def is_short(parts: list[QueryPart], s: SearchSettings) -> bool:
    """Names, acronyms and short queries are matched by their words; questions by meaning."""
    names = sum(p.is_name for p in parts)
    return len(parts) <= s.short_query_terms or (len(parts) <= s.name_query_terms and 2 * names >= len(parts))


def is_question(query: str) -> bool:
    """A query asked as a question ("Quando nacque Chopin?"), not typed as keywords."""
    return query.rstrip().endswith(("?", "？"))


def short_weight(parts: list[QueryPart], share: float, s: SearchSettings, question: bool = False) -> float:
    """A short query's lexical weight. Names and glossary concepts meet passages in every
    language; other words only their own, so their part of the weight is scaled as a
    question's is (× the share of the collection in the query's language, squared). A short
    question is scaled whole: its names find every translation of the passage that answers
    it, its other words only the one in its own language."""
    own = 1.0 if question else sum(not p.is_name and p.concept is None for p in parts) / max(1, len(parts))
    return s.short_query_lexical_weight * ((1 - own) + own * share**2)
