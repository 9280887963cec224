"""A query's parts as lexical expressions (FTS5 phrases), and how much of a query a text holds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kb.glossary import Phrase, QueryPart, tokens_of


def quoted(phrase: Phrase) -> str:
    """An FTS5 phrase; quoting means no input can be read as FTS5 syntax."""
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def part_expression(part: QueryPart) -> str:
    """Any form of one query part: its stems in pt/it/en and, for a concept, every glossary form."""
    return "(" + " OR ".join(quoted(p) for p in sorted(part.alternatives)) + ")"


def fts_match(parts: Sequence[QueryPart]) -> str:
    """BM25 over all query parts, ORed: a passage need not hold every word to be ranked.

    Questions rarely share every word with their answer; BM25's sum over matched terms
    already ranks passages holding more (and rarer) parts first.
    """
    return " OR ".join(part_expression(p) for p in parts)


def contains(tokens: list[str], token_set: set[str], phrase: Phrase) -> bool:
    """Whether a phrase occurs, in order, in a token list."""
    if not all(t in token_set for t in phrase):
        return False
    if len(phrase) == 1:
        return True
    n = len(phrase)
    return any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1))


def found_parts(parts: Sequence[QueryPart], texts: Iterable[str]) -> set[int]:
    """Indexes of the parts that occur in any of these stemmed texts."""
    found: set[int] = set()
    for text in texts:
        tokens = tokens_of(text)
        token_set = set(tokens)
        for i, part in enumerate(parts):
            if i not in found and any(contains(tokens, token_set, p) for p in part.alternatives):
                found.add(i)
    return found


def idf_share(weights: list[float], found: set[int], among: Iterable[int]) -> float:
    among = list(among)
    total = sum(weights[i] for i in among)
    return sum(weights[i] for i in among if i in found) / total if total else 0.0
