"""The name a text most likely gives its programme, when no pattern introduced one.

Rules find programmes that a text introduces in a known way ("o Programa X", "X (ACR)",
"launched in 2016"); a text about an unfamiliar scheme often does neither ("Sebrae Delas
helps women who …"). Each capitalised or quoted name of the text
(:mod:`ingest.metadata.name_candidates`) is scored by a logistic model over how the text
uses it: how often and how early, next to which words, whether it is a place, a body or an
everyday term. The weights are fitted on the labelled documents of ``eval/`` by
``bench/name_ranker.py --fit``, which also reports them set by set, each set left out of
its own fit.
"""

from __future__ import annotations

import math
import re
from functools import cache

import numpy as np

from ingest.metadata.gazetteer import place_countries, town_countries
from ingest.metadata.name_candidates import OPENING, Candidate, name_candidates
from ingest.metadata.programme_keys import country_names
from ingest.metadata.programme_patterns import APPOSITION_KINDS, KEYWORDS
from ingest.metadata.registry import mentioned
from kb.glossary import Glossary
from kb.taxonomy import default_taxonomy
from kb.text import fold

FEATURES = (
    "bias",
    "log_count",  # log(1 + how often the text writes it)
    "count_ratio",  # that count over the most frequent candidate's
    "in_title",
    "title_share",  # the share of the title it takes
    "first_position",  # where it first occurs, as a share of the text
    "early",  # in the first 600 characters
    "quoted",
    "acronym_after",  # "Name (ACR)"
    "is_acronym",
    "kind_inside",  # a programme word inside it ("Programa …", "… Fund")
    "kind_before",  # "the scheme Name", "il bando Name"
    "kind_after",  # "Name programme"
    "launched_near",  # launched, created, avviato … near it
    "words",  # its length in words (a tenth each, up to ten)
    "one_word",
    "place",  # a country, region or town
    "registered_body",  # an organisation of the registry
    "body_word",  # opens with Ministry, Instituto, Regione …
    "sentence_start",  # share of its occurrences that open a sentence
    "has_digit",
    "all_capitalised",  # no small joining words
    "heading_word",  # an upper-case word the text also writes in lower case ("PROGRAMMA")
    "glossary_term",  # one of the field's own words (PMI, Cluster, Export)
)
WEIGHTS = (
    -4.6323,
    0.6811,
    1.6745,
    -0.1818,
    -1.2606,
    -2.5808,
    -0.8276,
    -0.7475,
    2.2347,
    4.1920,
    1.8668,
    2.1165,
    1.8708,
    0.9006,
    1.8413,
    -2.5219,
    -3.6466,
    -2.8070,
    -3.4151,
    -0.9750,
    0.9662,
    1.2362,
    -1.3435,
    -1.3356,
)
THRESHOLD = 0.3
"""The least probability at which the best name is proposed as the document's programme."""

KINDS = rf"{KEYWORDS}|{APPOSITION_KINDS}|campanha|campagna|campaign|lei|legge|law|ley|selo|label|marchio|bando|edital|call|voucher|prémio|premio|award|prize"
_KIND = re.compile(rf"(?i)\b(?:{KINDS})\b")
_KIND_BEFORE = re.compile(rf"(?i)\b(?:{KINDS})\s+(?:\w+\s+)?$")
_KIND_AFTER = re.compile(rf"(?i)^\s+(?:{KINDS})\b")
_ACRONYM_AFTER = re.compile(r"^\s*\([A-Z][A-Za-z0-9+&.-]{1,12}\)")
_LAUNCHED = re.compile(
    r"(?i)\b(?:launched|lançad[oa]|lancad[oa]|criad[oa]|avviat[oa]|lanciat[oa]|istituit[oa]|created|founded|"
    r"fundad[oa]|fondat[oa]|introduced|set up|started|iniciad[oa]|promoted|promoss[oa]|promovid[oa]|"
    r"established|nat[oa]|nasceu|nacque)\b"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
_BODY = re.compile(
    r"(?i)^(?:minist\w*|institut\w*|istitut\w*|regione|região|region|camera|câmara|chamber|ag[eê]nc\w*|"
    r"agenzia|fundaç\w*|fondazione|foundation|associa\w*|universit\w*|department|prefeitura|comune|"
    r"munic[ií]pio|secretaria|governo|government|conselho|consiglio|council|confedera\w*|federa\w*|"
    r"ufficio|office|direç\w*|direzione|servi[cç]o|bank|banca)\b"
)


def likely_programme(text: str, title: str) -> tuple[str, float] | None:
    """The best-scoring candidate name and its probability, if it reaches :data:`THRESHOLD`."""
    whole = f"{title}\n{text}"
    candidates = name_candidates(whole)
    if not candidates:
        return None
    rows = candidate_features(candidates, whole, title)
    probability = 1.0 / (1.0 + np.exp(-(rows @ np.asarray(WEIGHTS))))
    best = int(probability.argmax())
    return (candidates[best].name, float(probability[best])) if probability[best] >= THRESHOLD else None


def candidate_features(candidates: list[Candidate], text: str, title: str) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate."""
    rows = np.array([_features(c, text, title) for c in candidates], dtype=np.float64)
    rows[:, 2] = rows[:, 1] / max(rows[:, 1].max(), 1e-9)
    return rows


def _features(c: Candidate, text: str, title: str) -> list[float]:
    name, words, folded, folded_title = c.name, c.name.split(), fold(c.name), fold(title)
    before = [text[max(0, s - 40) : s] for s in c.starts]
    after = [text[s + len(name) : s + len(name) + 40] for s in c.starts]
    around = [text[max(0, s - 80) : s + len(name) + 80] for s in c.starts]
    first = min(c.starts)
    return [
        1.0,
        math.log1p(len(c.starts)),
        0.0,  # count_ratio: filled in over all candidates
        float(folded in folded_title),
        len(folded) / max(1, len(folded_title)) if folded in folded_title else 0.0,
        first / max(1, len(text)),
        float(first < 600),
        float(c.quoted),
        float(any(_ACRONYM_AFTER.match(a) for a in after)),
        float(len(words) == 1 and sum(ch.isupper() for ch in name) >= 2),
        float(bool(_KIND.search(name))),
        float(any(_KIND_BEFORE.search(b) for b in before)),
        float(any(_KIND_AFTER.match(a) for a in after)),
        float(any(_LAUNCHED.search(a) for a in around)),
        min(len(words), 10) / 10,
        float(len(words) == 1),
        float(folded in _places()),
        float(bool(mentioned(default_taxonomy().organisations, name))),
        float(bool(_BODY.match(name))),
        sum(bool(_SENTENCE_START.search(text[max(0, s - 3) : s])) for s in c.starts) / len(c.starts),
        float(any(ch.isdigit() for ch in name)),
        float(all(w[0].isupper() for w in words)),
        float(
            len(name) > 3
            and name.isupper()
            and re.search(rf"\b{re.escape(name.lower())}\b", text) is not None
        ),
        float(_a_glossary_term(name)),
    ]


def _a_glossary_term(name: str) -> bool:
    parts = Glossary.load().parse(name)
    return len(parts) == 1 and parts[0].concept is not None and name.lower() not in OPENING


@cache
def _places() -> frozenset[str]:
    """Countries, regions and towns, folded: a place is where a programme runs, not its name."""
    names = frozenset(n for found in default_taxonomy().country_names().values() for n in found)
    towns = {*place_countries(names), *town_countries(names)}
    return frozenset(fold(p) for p in towns) | country_names()
