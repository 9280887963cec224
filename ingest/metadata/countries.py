"""Countries a document is about, as ISO codes (plus EU), ranked by where and how often named."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache

from ingest.metadata.ambiguous_countries import namesakes_placed, standing_alone
from ingest.metadata.gazetteer import place_countries, town_countries
from ingest.metadata.homonyms import placed_elsewhere
from ingest.metadata.matching import Mention, NameMatcher
from ingest.metadata.places import PlaceMatcher
from ingest.metadata.town_mentions import LIST_JOIN, as_a_word, towns_as_places
from kb.taxonomy import Taxonomy, default_taxonomy
from kb.text import fold

MAX_COUNTRIES = 3
TITLE_WEIGHT = 3.0
OPENING_WEIGHT = 1.5  # a mention in the opening fifth of the text
MIN_EVIDENCE = 1.5  # below this a country is only named in passing (the leading one and the rest)
PLACE_WEIGHT = 1.0  # a state, region or large city named: as good as its country
KEEP_RATIO = 0.8
"""A country is kept if its score reaches this share of the leading country's: a partner, a market
or a donor named a few times less than the practice's own country is left out."""
HOMES = {"it": frozenset({"IT"}), "pt": frozenset({"BR", "PT"})}
"""The countries a text in a language is written in, as a rule. An Italian text about a practice
abroad names Italy to compare ("E in Italia?"), a Portuguese one Brazil or Portugal: such a country
is kept only when it leads. Over 2,150 labelled documents: countries F1 0.943 → 0.944, 9 documents
better, 3 worse (a practice at home that a foreign country's mentions edge out)."""
EU_RATIO = 0.4
"""Another country (a member state, as a rule) this close to the EU's score says where EU funds went:
the country, not the EU."""
FIELD_RATIO = 0.4
"""A card's geography field lists its countries: each is kept unless named far less than the first."""
ASIDE_WEIGHT = 0.4
"""A mention that reads as an aside counts this much: a country named among others ("Japão,
Estados Unidos e Alemanha") or after words of trade and travel (export markets, a trade fair,
a delegation), where the practice's own place is seldom named."""
_TRIPS = (
    r"delegations?|delegazion[ei]|delegaç(?:ão|ões)|missions?|missione|missioni|missão|missões|study tours?"
)
_ASIDE_CUE = re.compile(
    r"(?i)\b(?:export\w*|esport\w*|mercad[oa]s?|mercat[oi]|markets?|buyers?|compradore?s?|acquirenti|clienti|"
    r"clientes?|customers?|distribut\w*|distribuidor\w*|agent[ei]s?|agents?|shipped|shipments?|"
    r"import(?:s|ed|ing|ers?|ad[oa]s?|aç(?:ão|ões)|at[aeio]|azion[ei]|adore?s?|atori)?|"
    rf"fiere?|fiera|feiras?|fairs?|{_TRIPS}|sold|sells?|selling|sales|"
    r"vend(?:e|em|emos|ido|idos|ida|idas|ono|uto|uti|ute|iamo)|destinations?|destinos?|destinazion[ei])"
    r"\W+(?:\w+\W+){0,4}$"
)
_TRAVEL_CUE = re.compile(
    rf"(?i)\b(?:{_TRIPS})\W+(?:\w+\W+){{0,4}}(?:a|ad|em|para|to|in|aos|às|à|al|alla|negli|nos|nas)[ \t]+$"
)
"""A trip's words and where it goes before a place ("una missione commerciale collettiva a Dubai"):
where the firms went, not where they are ("la delegazione di Prato" comes from home; a fair may be
at home too: "fiere ad Hanoi", "gift fairs in Milan")."""
ASIDE_CONTEXT = 60  # characters before a mention read for a cue


@cache
def _town_matcher(taxonomy: Taxonomy) -> PlaceMatcher:
    """Small towns, which count where a title names them ("Em Peniche, pescadores …") and where the
    text names them as places (:func:`towns_as_places`). Counting the text's towns always, not only
    when nothing stronger said where, raised countries F1 over 2,150 labelled documents 0.938 → 0.943
    (18 documents better, 6 worse): a text written at home names its towns more than its country."""
    return PlaceMatcher(
        {p: (code, PLACE_WEIGHT) for p, code in town_countries(_not_places(taxonomy)).items()},
        small_towns=True,
    )


def _not_places(taxonomy: Taxonomy) -> frozenset[str]:
    """Names the town table leaves out: the countries' own, and those too ambiguous to be names
    (Hong Kong's Jordan; `ignore` in kb/data/countries.yaml). Regions and large cities keep theirs:
    the United States' Georgia, Nigeria's Niger State."""
    names = {n for found in taxonomy.country_names().values() for n in found}
    return frozenset(names | taxonomy.ignored_country_names)


BY_NAME = 2
"""The first matchers of :func:`_matchers`: the countries' own names (not places, abbreviations or
demonyms), which may place a town named just before them (:func:`placed_elsewhere`)."""


@cache
def _matchers(taxonomy: Taxonomy) -> tuple[tuple[NameMatcher | PlaceMatcher, bool], ...]:
    """The matchers of country names, places, abbreviations and demonyms; True for places (a
    city or a state is sold to at home as often as abroad: trade words do not make it an aside)."""
    extras = taxonomy.country_extras
    listed = {p for code, found in extras.get("places", {}).items() if code != "EU" for p in found}
    names = {n: (code, 1.0) for code, found in taxonomy.country_names().items() for n in found}
    abbreviations = {a: (code, 1.0) for code, found in extras.get("abbreviations", {}).items() for a in found}
    demonyms = {d: (code, 0.4) for code, found in extras.get("demonyms", {}).items() for d in found}
    # Portuguese and Italian adjectives are written in lower case; capitalised, "Russo", "Greco" or
    # "Giordano" is a surname and "Uruguaiana" or "Russi" a town
    lower = {d: v for d, v in demonyms.items() if d[:1].islower()}
    weak = {d: v for d, v in demonyms.items() if d not in lower}
    weak |= {d: (code, 0.5) for code, found in extras.get("indicators", {}).items() for d in found}
    ambiguous = {d: (code, 0.5) for code, found in extras.get("ambiguous", {}).items() for d in found}
    places = {p: (code, PLACE_WEIGHT) for p, code in place_countries(frozenset(names)).items()}
    return (
        (
            NameMatcher({n: v for n, v in names.items() if n not in listed}, proper_noun=True, accents=True),
            False,
        ),
        (NameMatcher({n: v for n, v in names.items() if n in listed}, proper_noun=True, accents=True), True),
        (PlaceMatcher(places), True),
        (NameMatcher(abbreviations, case_sensitive=True), False),
        (NameMatcher(lower, case_sensitive=True), False),
        (NameMatcher(weak), False),
        (NameMatcher(ambiguous, proper_noun=True), False),
    )


def country_scores(
    text: str,
    title: str,
    taxonomy: Taxonomy | None = None,
    evidence: dict[str, float] | None = None,
    towns_in_text: bool = False,
) -> dict[str, float]:
    """Evidence per country: title mentions count TITLE_WEIGHT×, the opening fifth OPENING_WEIGHT×,
    asides ASIDE_WEIGHT×; ``evidence`` adds what other fields imply (a national programme's country).
    Small towns count where the title names them, and with ``towns_in_text`` in the text too."""
    matchers = _matchers(taxonomy or default_taxonomy())
    scores: dict[str, float] = defaultdict(float, evidence or {})
    # one normal form for every matcher, so their offsets point into the text read for cues ("ﬁ"
    # from a PDF is two letters once folded, which would shift an accent-stripped copy's offsets)
    text, title = unicodedata.normalize("NFKC", text), unicodedata.normalize("NFKC", title)
    opening = len(text) / 5
    mentions, places, title_mentions = _found(matchers, text, title)
    towns = _town_matcher(taxonomy or default_taxonomy())
    title_mentions += [  # a town the text also writes in lower case is a word ("Green", "Praia")
        m for m in towns.find(title) if not as_a_word(m.text, text)
    ]
    if towns_in_text:
        mentions += towns_as_places(towns.find(text), text)
    whole = _whole_names(taxonomy or default_taxonomy())
    for mention in outermost(title_mentions, whole):
        scores[mention.value] += TITLE_WEIGHT * mention.weight
    mentions = outermost(mentions, whole)
    listed = _listed(text, mentions)
    for i, mention in enumerate(mentions):
        weight = mention.weight * (OPENING_WEIGHT if mention.start < opening else 1.0)
        aside = i in listed or _after_cue(
            text, mention, _TRAVEL_CUE if mention.start in places else _ASIDE_CUE
        )
        scores[mention.value] += weight * (ASIDE_WEIGHT if aside else 1.0)
    return dict(scores)


def _found(
    matchers: tuple[tuple[NameMatcher | PlaceMatcher, bool], ...], text: str, title: str
) -> tuple[list[Mention], set[int], list[Mention]]:
    """Every matcher's mentions in the text, where the places among them start, and the title's
    mentions; a big city the text places elsewhere is left out (:func:`placed_elsewhere`)."""
    mentions: list[Mention] = []
    places: set[int] = set()
    title_mentions: list[Mention] = []
    title_places: list[Mention] = []
    named: list[Mention] = []  # countries by their names, where a town's sentence may place it
    for i, (matcher, is_place) in enumerate(matchers):
        found = matcher.find(text)
        # the last matcher's names are ambiguous (:func:`standing_alone`): never from a title alone
        if i == len(matchers) - 1:
            found = [m for m in found if standing_alone(text, m)]
        else:
            in_title = _outside_free_zones(matcher.find(title), title)
            title_mentions += in_title
            title_places += in_title if is_place else []
        if i < BY_NAME:
            named += found
        elif isinstance(matcher, PlaceMatcher):
            found = [m for m in found if not placed_elsewhere(m, text, named)]
        places |= {m.start for m in found} if is_place else set()
        mentions += _outside_free_zones(found, text)
    kept, titled = namesakes_placed(
        mentions, places, title_mentions, title_places, matchers[-1][0], text, title
    )
    return kept, places, titled


_FREE_ZONE = re.compile(r"(?i)\bzon[ae][ \t]+(?:franca|franche|libre|libera)$")


def _outside_free_zones(found: list[Mention], text: str) -> list[Mention]:
    """The mentions but those of a free zone's name: "Zona Franca da Madeira" names no Franca, the
    Brazilian town."""
    return [m for m in found if not _FREE_ZONE.search(text, max(0, m.start - 6), m.start + len(m.text))]


@cache
def _whole_names(taxonomy: Taxonomy) -> frozenset[str]:
    """Countries' names of several words, folded: the places inside them are no mentions of their own."""
    return frozenset(fold(n) for found in taxonomy.country_names().values() for n in found if " " in n)


def outermost(mentions: list[Mention], whole: frozenset[str] = frozenset()) -> list[Mention]:
    """The mentions in text order, less those inside a longer one of another country ("Cabo",
    a Brazilian town, in "Cabo Verde") or inside a country's ``whole`` name, folded ("São Tomé" and
    "Príncipe" in "São Tomé e Príncipe" are one mention); "Australia" in "South Australia" still counts."""
    kept: list[Mention] = []
    outer: Mention | None = None
    for mention in sorted(mentions, key=lambda m: (m.start, -len(m.text))):
        if outer and mention.start < outer.start + len(outer.text):
            if mention.value != outer.value or fold(outer.text) in whole:
                continue
        else:
            outer = mention
        kept.append(mention)
    return kept


def _after_cue(text: str, mention: Mention, cue: re.Pattern[str]) -> bool:
    return bool(cue.search(text[max(0, mention.start - ASIDE_CONTEXT) : mention.start]))


def _listed(text: str, mentions: list[Mention]) -> set[int]:
    """The mentions named in a list of three countries or more ("Alemanha, França e Espanha");
    two joined ("in Germany and in France") may be the practice's own pair."""
    joined = [
        a.value != b.value and bool(LIST_JOIN.match(text[a.start + len(a.text) : b.start]))
        for a, b in zip(mentions, mentions[1:], strict=False)
    ]
    listed: set[int] = set()
    run_start = 0
    for i, edge in enumerate([*joined, False]):
        if not edge:
            if i - run_start >= 2:  # a run of at least two joins: three countries
                listed.update(range(run_start, i + 1))
            run_start = i + 1
    return listed


def main_countries(
    text: str,
    title: str,
    taxonomy: Taxonomy | None = None,
    evidence: dict[str, float] | None = None,
    language: str | None = None,
) -> list[str]:
    """The leading country and any close to it (:data:`KEEP_RATIO`); passing mentions are dropped:
    an Italian text about a Tunisian network names Italy as its partner, donor or point of comparison
    (``language``'s home countries, :data:`HOMES`, are kept beside another only when they lead)."""
    # with the small towns the text names as places ("a Lecco", "in Caldas da Rainha"): a text written
    # at home names its towns more than its country
    scores = country_scores(text, title, taxonomy, evidence, towns_in_text=True)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    near = _leading(ranked, MIN_EVIDENCE, EU_RATIO)
    if "EU" in near and len(near) > 1:  # EU funds behind a practice in member states
        ranked = [(code, score) for code, score in ranked if code != "EU"]
    leading = _leading(ranked, MIN_EVIDENCE)
    home = HOMES.get(language or "", frozenset())
    return [code for code in leading if code == leading[0] or code not in home]


def countries_in_field(value: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Countries named in a labelled field such as 'Contexto Geográfico: Brasil, Minas Gerais'."""
    scores = country_scores(value, "", taxonomy)  # ties keep the field's own order
    return _leading(sorted(scores.items(), key=lambda item: -item[1]), 0.0, FIELD_RATIO)


def _leading(ranked: list[tuple[str, float]], minimum: float, ratio: float = KEEP_RATIO) -> list[str]:
    """The first countries of a ranking: each needs ``minimum`` and ``ratio`` of the leader's score."""
    top = ranked[0][1] if ranked else 0.0
    return [code for code, score in ranked if score >= max(ratio * top, minimum)][:MAX_COUNTRIES]
