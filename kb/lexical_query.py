"""A query's parts as lexical expressions (FTS5 phrases), and how much of a query a text holds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kb.glossary import Phrase, QueryPart


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


def idf_share(weights: list[float], found: set[int], among: Iterable[int]) -> float:
    among = list(among)
    total = sum(weights[i] for i in among)
    return sum(weights[i] for i in among if i in found) / total if total else 0.0
