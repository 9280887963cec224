"""The name a text most likely gives its programme: when no pattern introduced one, or when the
text plainly uses it as one beside the names the patterns found.

Rules find programmes that a text introduces in a known way ("o Programa X", "X (ACR)",
"launched in 2016"); a text about an unfamiliar scheme often does neither ("Sebrae Delas helps
women who …"). Each capitalised or quoted name of the text (:mod:`ingest.metadata.name_candidates`)
is scored by a logistic model over how the text uses it: how often and how early, next to which
words, whether it is a place, a body or an everyday term. The weights are fitted on the labelled
documents of ``eval/`` by ``bench/name_ranker.py --fit``, which also reports them set by set.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from ingest.metadata.asides import aside
from ingest.metadata.body_names import a_body
from ingest.metadata.definitions import about_before, defined_after
from ingest.metadata.everyday_terms import KIND, KINDS, an_everyday_term
from ingest.metadata.firms import about_firms
from ingest.metadata.gazetteer import only_compass_words
from ingest.metadata.glosses import glossed
from ingest.metadata.headings import written_as_a_heading
from ingest.metadata.name_candidates import JOINING, Candidate, name_candidates
from ingest.metadata.name_checks import a_place, no_name_of_a_scheme
from ingest.metadata.practice_kinds import names_a_kind_of_practice
from ingest.metadata.registry import is_entry, mentioned
from kb.taxonomy import default_taxonomy
from kb.text import fold

FEATURES = (
    "bias",
    # how the text uses it
    "log_count",  # log(1 + how often the text writes it)
    "count_ratio",  # that count over the most frequent candidate's
    "in_title",
    "title_share",  # the share of the title it takes
    "title_words",  # the share of its words that the title writes ("Zhongguancun" of "… Science Park")
    "first_position",  # where it first occurs, as a share of the text
    "early",  # in the first 600 characters
    "quoted",
    "acronym_after",  # "Name (ACR)"
    "kind_before",  # "the scheme Name", "il bando Name"
    "kind_after",  # "Name programme"
    "launched_near",  # launched, created, avviato … near it
    "sentence_start",  # share of its occurrences that open a sentence
    "mid_sentence",  # log(1 + how often it is written inside a sentence)
    "kind_nearby",  # a programme word in the same stretch of text ("Coopfond, il fondo mutualistico …")
    "defined",  # what it is, said right after it ("X è il parco scientifico", "X, the organisation that")
    "about",  # what the text is about, said right before it ("conversar sobre o X", "a case study of X")
    # what it looks like
    "is_acronym",
    "kind_inside",  # a programme word inside it ("Programa …", "… Fund")
    "practice_kind",  # a word for a kind of practice inside it ("… Innovation District", "Cooperativa …")
    "words",  # its length in words (a tenth each, up to ten)
    "one_word",
    "place",  # a country, region or town
    "registered_body",  # an organisation of the registry
    "a_body",  # opens with Ministry, Instituto, Regione …, or an acronym the text spells so
    "has_digit",
    "inner_capital",  # "SVANidhi", "iNNpulsa", "Diia.Business": written as a coined name
    "all_capitalised",  # no small joining words
    "heading_word",  # an upper-case word the text also writes in lower case ("PROGRAMMA")
    "everyday_term",  # one of the field's own words (PMI, Cluster) or an everyday acronym (VAT, COVID-19)
    # beside the other candidates
    "held_in_longer",  # a longer candidate holds it ("Third Frontier" in "Ohio Third Frontier")
    "holds_shorter",  # it holds a shorter candidate
)
WEIGHTS = (
    -6.0717,
    0.7810,
    2.6415,
    -1.5746,
    -0.8149,
    1.1213,
    -3.3211,
    0.0903,
    -0.7780,
    1.5385,
    1.0463,
    1.3585,
    0.5725,
    0.1020,
    0.4939,
    0.7746,
    1.3187,
    1.0881,
    3.7641,
    1.6424,
    1.5997,
    2.1830,
    -2.1117,
    -1.1457,
    -0.5442,
    -1.0737,
    0.8857,
    1.2762,
    0.9161,
    -0.4469,
    0.0000,
    -1.0693,
    0.4724,
)
THRESHOLD = 0.12
"""The least probability at which the best name (if the text, not only its title, writes it) is
proposed. Left out set by set, over 1,580 documents: 0.828 at 0.2, 0.836 at 0.12 (texts naming no
programme given one: 10 → 15 of 29)."""
CONFIDENT = 0.7
"""From this probability the best name is proposed beside the rules' finds too: they may catch a name
the text only mentions while it is plainly about another (README, "The confident-name round")."""
READ_CHARS = 20_000
"""The ranker reads a document's opening this long: a programme a text is about is named early,
and scoring every name of a 300-page report against all of its text would take minutes."""
MAX_ACRONYM = 5
"""Letters of a place written in capitals that may still be an acronym ("COIN"); a longer one is
the place in a heading or a dateline ("LISBOA —")."""

_KIND_BEFORE = re.compile(rf"(?i)\b(?:{KINDS})\s+(?:\w+\s+)?$")
_KIND_AFTER = re.compile(rf"(?i)^\s+(?:{KINDS})\b")
_ACRONYM_AFTER = re.compile(r"^\s*\([A-Z][A-Za-z0-9+&.-]{1,12}\)")
_LAUNCHED = re.compile(
    r"(?i)\b(?:launched|lançad[oa]|lancad[oa]|criad[oa]|avviat[oa]|lanciat[oa]|istituit[oa]|created|founded|"
    r"fundad[oa]|fondat[oa]|introduced|set up|started|iniciad[oa]|promoted|promoss[oa]|promovid[oa]|"
    r"established|nat[oa]|nasceu|nacque)\b"
)
_COLLECTIVE = re.compile(
    r"(?i)consorzio|cons[oó]rcio|consortium|cooperativ[ae]s?|co-operatives?|associa[çc][ãa]o|associazione|"
    r"association|federa[çc][ãa]o|federazione|federation|parque|parco|park|polo|union"
)
_INNER_CAPITAL = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý]|\w\.[A-ZÀ-Ý]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


def likely_programme(text: str, title: str) -> tuple[str, float] | None:
    """The best-scoring candidate name and its probability, if it reaches :data:`THRESHOLD` in
    a text about firms at all (a match report's team is nobody's programme)."""
    whole = ranked_text(text, title)
    candidates, probability = scored_candidates(whole, title)
    if not candidates:
        return None
    best = int(probability.argmax())
    if probability[best] < THRESHOLD or all(start <= len(title) for start in candidates[best].starts):
        return None  # unlikely, or only the title writes it
    return glossed(best, candidates, probability, whole).name, float(probability[best])


@lru_cache(maxsize=2)
def scored_candidates(whole: str, title: str) -> tuple[list[Candidate], np.ndarray]:
    """The candidate names of ``whole`` (:func:`ranked_text`) in a text about firms at all, and each
    one's probability of being the programme (kept for the document's other reader, the bold names:
    neither result may be changed)."""
    found = name_candidates(whole) if about_firms(whole) else []
    candidates = [c for c in found if not aside(c.name, c.starts, whole)]  # not the writer's, say
    if not candidates:
        return [], np.zeros(0)
    rows = candidate_features(candidates, whole, title)
    never = never_proposed([c.name for c in candidates], rows, whole)
    probability = proposable(rows, np.asarray(WEIGHTS), never)
    probability.flags.writeable = False
    return candidates, probability


def ranked_text(text: str, title: str) -> str:
    """What the ranker reads: the title and the text's first :data:`READ_CHARS` characters."""
    return f"{title}\n{text}"[:READ_CHARS]


def proposable(rows: np.ndarray, weights: np.ndarray, never: np.ndarray) -> np.ndarray:
    """Each candidate's probability of being the programme, 0 where ``never``."""
    probability = 1.0 / (1.0 + np.exp(-(rows @ weights)))
    probability[never] = 0.0
    return probability


def never_proposed(names: list[str], rows: np.ndarray, text: str) -> np.ndarray:
    """Names never proposed, however a text uses them: a place written as one ("Lisboa", "North-West",
    "LISBOA"; "COIN" is an acronym, not the Andalusian town), a registered body by its whole name ("Sebrae";
    "Sebrae Delas" may be its programme), one of the field's own words ("PMI" in a title and written
    five times is the word for small firms), a programme's or a collective's word alone ("PROGRAMMA",
    "Consorzio"), a person quoted or a sum, or a state's code ("Petrolina (PE)"). ``rows``: :func:`candidate_features`
    (place and everyday-term columns)."""
    organisations = default_taxonomy().organisations
    place, everyday = rows[:, _PLACE] > 0, rows[:, _EVERYDAY] > 0
    return np.array(
        [
            everyday[i]
            or bool(_COLLECTIVE.fullmatch(n))  # "il Consorzio" throughout: the one its text named in full
            or (place[i] and (not n.isupper() or len(n) > MAX_ACRONYM or only_compass_words(n.title())))
            or is_entry(organisations, re.sub(r"[-/][A-Z]{2}$", "", n))  # "Sebrae-SP": its state office
            or no_name_of_a_scheme(n, text)
            for i, n in enumerate(names)
        ],
        dtype=bool,
    )


_PLACE, _EVERYDAY = FEATURES.index("place"), FEATURES.index("everyday_term")


def candidate_features(candidates: list[Candidate], text: str, title: str) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate."""
    rows = np.array(
        [[1.0, *_usage(c, text, title), *_kind_of_name(c.name, text)] for c in candidates], dtype=np.float64
    )
    rows[:, 2] = rows[:, 1] / max(rows[:, 1].max(), 1e-9)
    rows[:, -2:] = _nesting([c.name for c in candidates])
    return rows


def _nesting(names: list[str]) -> np.ndarray:
    """Per name: whether a longer candidate holds it as whole words, and whether it holds one."""
    spaced = [f" {re.sub(r'[-+–—/]', ' ', n)} " for n in names]
    out = np.zeros((len(names), 2))
    for i, short in enumerate(spaced):
        for j, long in enumerate(spaced):
            if len(long) > len(short) and short in long:
                out[i, 0] = out[j, 1] = 1.0
    return out


def _usage(c: Candidate, text: str, title: str) -> list[float]:
    """How the text uses the name: how often, where, and next to which words."""
    name, folded, folded_title = c.name, fold(c.name), fold(title)
    before = [text[max(0, s - 40) : s] for s in c.starts]
    after = [text[s + len(name) : s + len(name) + 60] for s in c.starts]
    around = [text[max(0, s - 80) : s + len(name) + 80] for s in c.starts]
    first = min(c.starts)
    opening = sum(bool(_SENTENCE_START.search(text[max(0, s - 3) : s])) for s in c.starts)
    return [
        math.log1p(len(c.starts)),
        0.0,  # count_ratio: filled in over all candidates
        float(folded in folded_title),
        len(folded) / max(1, len(folded_title)) if folded in folded_title else 0.0,
        _share_in_title(folded, folded_title),
        first / max(1, len(text)),
        float(first < 600),
        float(c.quoted),
        float(any(_ACRONYM_AFTER.match(a) for a in after)),
        float(any(_KIND_BEFORE.search(b) for b in before)),
        float(any(_KIND_AFTER.match(a) for a in after)),
        float(any(_LAUNCHED.search(a) for a in around)),
        opening / len(c.starts),
        math.log1p(len(c.starts) - opening),
        float(any(KIND.search(b[-30:]) or KIND.search(a) for a, b in zip(after, before, strict=True))),
        float(any(defined_after(a) for a in after)),
        float(any(about_before(b) for b in before)),
    ]


_FOLDED_JOINING = frozenset(fold(word) for word in JOINING)  # "às" is "as" once folded


def _share_in_title(folded_name: str, folded_title: str) -> float:
    """The share of the name's words (not its joining words) that the title writes."""
    words = [w for w in re.findall(r"\w+", folded_name) if w not in _FOLDED_JOINING]
    title_words = set(re.findall(r"\w+", folded_title))
    return sum(w in title_words for w in words) / max(1, len(words))


def _kind_of_name(name: str, text: str) -> list[float]:
    """What the name itself looks like: an acronym, a programme's, a place's or a body's name."""
    words = name.split()
    return [
        float(len(words) == 1 and sum(ch.isupper() for ch in name) >= 2),
        float(bool(KIND.search(name))),
        float(names_a_kind_of_practice(name)),
        min(len(words), 10) / 10,
        float(len(words) == 1),
        float(a_place(name)),
        float(bool(mentioned(default_taxonomy().organisations, name))),
        float(a_body(name, text)),
        float(any(ch.isdigit() for ch in name)),
        float(bool(_INNER_CAPITAL.search(name))),
        float(all(w[0].isupper() for w in words)),
        float(written_as_a_heading(name, text)),
        float(an_everyday_term(name)),
        0.0,  # held_in_longer and holds_shorter: filled in over all candidates
        0.0,
    ]
