"""The relevance boundary: which of a search's candidates belong to its result set.

A search ranks candidates; the boundary decides where the matching documents end, so
totals, facet counts, exports and "no results" mean something. Its weights and thresholds
live in :class:`kb.config.SearchSettings` and are fitted by ``bench/boundary.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np

from kb.config import SearchSettings
from kb.country_words import a_place_word
from kb.glossary import QueryPart
from kb.typed_names import is_acronym_or_code


@dataclass
class Candidate:
    """A document the fused ranking found, with what the relevance boundary looks at."""

    doc_id: str
    chunk_id: int | None
    score: float  # fused ranking score
    dense: float  # best language-centred dense score of its passages found (−inf if none was scored)
    cosine: float  # that passage's plain cosine similarity to the query
    coverage: float = 0.0  # IDF-weighted share of the query's parts that the document holds
    names: float = 0.0  # the same share over the query's names and acronyms
    title: float = 0.0  # the same share over its title and programme/organisation names
    title_text: str = ""  # its title as indexed
    # the share of passages holding the rarest glossary phrase of the query that it holds (1.0: none)
    phrase_share: float = 1.0
    missing: tuple[str, ...] = ()  # the query's names it does not hold, as typed (shown on its card)

    @property
    def as_ranked(self) -> tuple[str, float, int | None]:
        """What a ranked list keeps of it: (document, fused score, best chunk)."""
        return self.doc_id, self.score, self.chunk_id


YEAR = re.compile(r"(1[89]|20)\d\d")

MEMBERSHIP_FEATURES = (
    "bias",
    "dense_gap",  # best centred dense score of the candidates minus this document's
    "cosine_gap",  # the same for plain cosine
    "coverage",  # IDF-weighted share of the query's parts the document holds
    "title",  # the same share in its title and names
    "names",  # the same share over the query's names and acronyms
    "log_rank",  # log(1 + its place in the fused ranking)
    "score_ratio",  # its fused score over the best one
)


def membership_features(candidates: list[Candidate]) -> np.ndarray:
    """One row of :data:`MEMBERSHIP_FEATURES` per candidate, relative to the best candidate."""
    top = max(c.dense for c in candidates)
    top_cosine = max(c.cosine for c in candidates)
    best = candidates[0].score or 1.0
    missing = 0.2  # a document whose passages were not scored in meaning counts as this far below
    return np.array(
        [
            [
                1.0,
                top - c.dense if c.dense > -math.inf else missing,
                top_cosine - c.cosine if c.cosine > -math.inf else missing,
                c.coverage,
                c.title,
                c.names,
                math.log1p(rank),
                c.score / best,
            ]
            for rank, c in enumerate(candidates)
        ],
        dtype=np.float64,
    )


def within_boundary(
    candidates: list[Candidate], parts: list[QueryPart], s: SearchSettings
) -> list[Candidate]:
    """The relevance boundary: which candidates match the query, in ranking order.

    First, is the query about this collection at all (:func:`is_about_collection`)? If so, a document
    matches when it holds those names, or when a logistic model over how it compares with
    the best candidate (:data:`MEMBERSHIP_FEATURES`) gives it a probability of relevance of
    at least ``membership_threshold``. Weights and thresholds were fitted on on-topic and
    off-topic dev queries, on the sample corpus and on a collection of 1,795 documents, by
    ``bench/boundary.py``.
    """
    if not is_about_collection(candidates, parts, s):
        return []
    if is_a_lone_name(parts) and (holders := [c for c in candidates if c.coverage >= FULL]):
        return holders  # "Nordeste", "UNIDO": the documents that name it, not those near in meaning
    named = named_documents(candidates, parts, s)
    logits = membership_features(candidates) @ np.asarray(s.membership_weights, dtype=np.float64)
    probability = 1.0 / (1.0 + np.exp(-logits))
    return [
        c
        for c, p in zip(candidates, probability, strict=True)
        if c.doc_id in named or p >= s.membership_threshold
    ]


def narrowed(
    matching: list[Candidate],
    parts: list[QueryPart],
    s: SearchSettings,
    allowed: Collection[str] | None,
    inside: Callable[[], list[Candidate]] | None = None,
) -> list[Candidate]:
    """The documents of an unfiltered result set ``matching`` that the filters allow. A filter
    narrows which documents match, not what the query means or how close a document must be to
    it: a filter that leaves no matching document gives no result (not the documents nearest in
    meaning inside it, as if they matched), and a facet's count is the total that choosing it
    gives. Names and acronyms always match, however deep the whole ranking puts a document that
    holds them: for a query of names, the filtered search's own candidates (``inside``, asked only
    then) add the allowed documents holding them that the unfiltered candidates did not reach."""
    if allowed is None:
        return matching
    kept = [c for c in matching if c.doc_id in allowed]
    if inside is None or not matching or not names_decide(parts, s):
        return kept
    seen = {c.doc_id for c in kept}
    deeper = inside()
    named = named_documents(deeper, parts, s)
    return kept + [c for c in deeper if c.doc_id in named and c.doc_id not in seen]


FULL = 1.0 - 1e-9
"""A coverage this high holds every part of the query."""


def is_named(part: QueryPart, parts: list[QueryPart]) -> bool:
    """Whether a document's card should say it lacks this part: a name or acronym of the query, or
    the one capitalised word a query is made of. Other words may be held in another language
    ("financiamento" in a text that says "financing") and so are never said to be missing."""
    return part.is_name or is_a_lone_name(parts)


def is_a_lone_name(parts: list[QueryPart]) -> bool:
    """A query of one name: an acronym or a name of the glossary ("UNIDO", "Sebrae", "APL"), or a
    region or large city typed with a capital that is no concept of it ("Veneto", "Recife"). A
    document that does not hold it is no answer, however near in meaning. Not any capitalised word:
    phones capitalise a query's first letter, and "Qualidade" still finds an English text on
    quality. Several names keep the general rule: a document holding one of "SENAI, SESI" may
    answer, and a query typed in capitals is all names."""
    if len(parts) != 1:
        return False
    part = parts[0]
    return part.is_name or (part.concept is None and part.text[:1].isupper() and a_place_word(part.text))


def names_decide(parts: list[QueryPart], s: SearchSettings) -> bool:
    """Whether the query's names and acronyms make up half of it or more: its documents are then
    those holding them (:func:`named_documents`)."""
    name_parts = sum(p.is_name for p in parts)
    return bool(name_parts) and name_parts >= s.min_name_share * len(parts)


def named_documents(candidates: list[Candidate], parts: list[QueryPart], s: SearchSettings) -> set[str]:
    """Documents holding the query's names and acronyms, when those make up half the query or more."""
    if not names_decide(parts, s):
        return set()
    return {c.doc_id for c in candidates if c.names >= s.min_name_coverage}


def is_about_collection(candidates: list[Candidate], parts: list[QueryPart], s: SearchSettings) -> bool:
    """Is the query about this collection at all?

    It is when it names a name that documents hold, or a specific phrase of the field that a
    document holds ("gestione professionale dei cluster" is about cluster management, however
    rare "professionale" is); when a passage is very close in meaning; when a passage is close
    and a document about as close holds a good part of its words (in a grown collection a recipe
    query meets other recipes at that closeness, without the dish's name); or when a
    document holding most of its words ranks among the first few. Plain word overlap is not
    enough: in a large collection some document holds "tap", "kitchen" and "leak", though it
    may still rank among the first few (a water-supply notice does). ``close_window`` was set
    before the thresholds were swept; ``coverage_within`` 5 and 10 gave the same figures there,
    and 10 lets "tourism cluster" through (its first document holding both words ranks sixth).
    """
    if not candidates:
        return False
    top = max(c.cosine for c in candidates)
    close_coverage = max(c.coverage for c in candidates if c.cosine >= top - s.close_window)
    return bool(
        holds_a_name(candidates, parts, s)
        or min(c.phrase_share for c in candidates) < s.max_phrase_share
        or top >= s.min_top_cosine
        or (top >= s.min_close_cosine and close_coverage >= s.min_close_coverage)
        or any(c.coverage >= s.min_query_coverage for c in candidates[: s.coverage_within])
    )


def holds_a_name(candidates: list[Candidate], parts: list[QueryPart], s: SearchSettings) -> bool:
    """An acronym or code of the query (APL, COSME, 317) occurs in the collection, so it always matches.

    Capitalised words alone ("Serie", "Nordeste") do not count: they are too often ordinary
    words at the head of a phrase; nor do years alone ("best smartphone camera 2024"), which
    date a query's subject without naming it ("SBA 2019" still names the SBA).
    """
    strong = [p for p in parts if p.is_name and is_acronym_or_code(p.text)]
    return (
        bool(strong)
        and not all(YEAR.fullmatch(p.text) for p in strong)
        and len(strong) == sum(p.is_name for p in parts)
        and any(c.names >= s.min_name_coverage for c in candidates)
    )
