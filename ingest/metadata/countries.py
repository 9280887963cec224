"""Countries a document is about, as ISO codes (plus EU), ranked by where and how often named."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from ingest.metadata.matching import NameMatcher
from ingest.metadata.places import PlaceMatcher, place_countries
from kb.taxonomy import Taxonomy, default_taxonomy

MAX_COUNTRIES = 3
TITLE_WEIGHT = 3.0
OPENING_WEIGHT = 1.5  # a mention in the opening fifth of the text
MIN_EVIDENCE = 1.5  # below this a country is only named in passing (the leading one and the rest)
PLACE_WEIGHT = 1.0  # a state, region or large city named: as good as its country
KEEP_RATIO = 0.4
"""A country is kept if its score reaches this share of the leading country's."""


@cache
def _matchers(taxonomy: Taxonomy) -> tuple[NameMatcher | PlaceMatcher, ...]:
    names = {n: (code, 1.0) for code, found in taxonomy.country_names().items() for n in found}
    extras = taxonomy.country_extras
    abbreviations = {a: (code, 1.0) for code, found in extras.get("abbreviations", {}).items() for a in found}
    demonyms = {d: (code, 0.4) for code, found in extras.get("demonyms", {}).items() for d in found}
    demonyms |= {d: (code, 0.5) for code, found in extras.get("indicators", {}).items() for d in found}
    places = {p: (code, PLACE_WEIGHT) for p, code in place_countries(frozenset(names)).items()}
    return (
        NameMatcher(names, proper_noun=True, accents=True),
        PlaceMatcher(places),
        NameMatcher(abbreviations, case_sensitive=True),
        NameMatcher(demonyms),
    )


def country_scores(
    text: str, title: str, taxonomy: Taxonomy | None = None, evidence: dict[str, float] | None = None
) -> dict[str, float]:
    """Evidence per country: title mentions count TITLE_WEIGHT×, the opening fifth OPENING_WEIGHT×;
    ``evidence`` adds what other fields imply (a national programme's country)."""
    matchers = _matchers(taxonomy or default_taxonomy())
    scores: dict[str, float] = defaultdict(float, evidence or {})
    for matcher in matchers:
        for mention in matcher.find(title):
            scores[mention.value] += TITLE_WEIGHT * mention.weight
        opening = len(text) / 5
        for mention in matcher.find(text):
            scores[mention.value] += mention.weight * (OPENING_WEIGHT if mention.start < opening else 1.0)
    return dict(scores)


def main_countries(
    text: str, title: str, taxonomy: Taxonomy | None = None, evidence: dict[str, float] | None = None
) -> list[str]:
    """The leading country and any close to it; passing mentions are dropped."""
    scores = country_scores(text, title, taxonomy, evidence)
    found = _leading(sorted(scores.items(), key=lambda item: (-item[1], item[0])), MIN_EVIDENCE)
    # EU funds behind a practice in one member state do not make it European-wide
    return [c for c in found if c != "EU" or len(found) == 1]


def countries_in_field(value: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Countries named in a labelled field such as 'Contexto Geográfico: Brasil, Minas Gerais'."""
    scores = country_scores(value, "", taxonomy)  # ties keep the field's own order
    return _leading(sorted(scores.items(), key=lambda item: -item[1]), 0.0)


def _leading(ranked: list[tuple[str, float]], minimum: float) -> list[str]:
    """The first countries of a ranking: each needs ``minimum`` and KEEP_RATIO of the leader's score."""
    top = ranked[0][1] if ranked else 0.0
    return [code for code, score in ranked if score >= max(KEEP_RATIO * top, minimum)][:MAX_COUNTRIES]
