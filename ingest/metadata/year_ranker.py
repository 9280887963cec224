"""The practice's year: the best of the years a text tells, weighed by how each is told.

A text about a practice tells many years: the practice's launch, the law or programme it rests
on, an earlier crisis, a later phase, the date of writing. Hand-ordered rules ("a launch verb
first, then a programme's start …") fitted each labelled set and missed the next. Here every
year the text tells as a date (not a law's number, not "Rota 2030") is a candidate described by
:data:`FEATURES`, and a logistic model scores them and every pair of them (:data:`TERMS`): a
launch told in a sentence that names the programme says more than the two signs apart. Its
weights, in ``kb/data/year_ranker.yaml``, were fitted on every labelled metadata set by
``bench/year_ranker.py --fit``, which also reports each set held out in turn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence, Set
from functools import cache
from itertools import combinations

import numpy as np
import yaml

from ingest.metadata.background_sections import without_background
from ingest.metadata.early_years import early_foundings
from ingest.metadata.practice_sentences import called, folded_sentence, names_it, sentence_head
from ingest.metadata.written_dates import refused_years
from ingest.metadata.years import (
    FIRM,
    MONTH,
    event_years,
    years_in_text,
)
from kb.text import fold
from kb.yaml_data import shipped

FEATURES = (
    "bias",
    "started",  # introduced as when something happened: "em 2017", "since 1990"
    "event",  # told with a launch or a creation in its clause
    "founding",  # …with a founding ("fundada em")
    "firm",  # …a firm's founding, older than the practice it joins
    "background",  # only inside a "Contexto"/"Background" section
    "programme_sentence",  # in a sentence naming one of the document's programmes
    "practice_sentence",  # in a sentence naming the practice (a card's name, the title's head)
    "position",  # how far into the text it is first told (0 the start, 1 from POSITION_SCALE on)
    "heading_date",  # a date of writing near the top ("Publicado em …", "Date:", a byline)
    "decade",  # a decade ("anni Novanta", "the 1990s")
    "relative",  # where it falls between the text's earliest and latest year (0–1)
    "latest",
    "earliest",
    "mentions",  # log(1 + how often it is told)
    "programme_start",  # a registered programme's start year
    "in_title",
    "sentence_start",  # opening its sentence: "Em 2004, …", "In 2019 five small firms …"
    "until",  # a deadline or a plan: "até 2025", "entro il 2021", "expected in 2020"
    "calendar_date",  # told with its month or half-year: "abril de 2024", "14 November 2019"
    "district",  # the practice is a district or a cluster by its name: one that grew has no start
)
TERMS = FEATURES + tuple(f"{a} & {b}" for a, b in combinations(FEATURES[1:], 2))
"""What the model weighs: each feature, then the product of every two (the bias aside)."""
_ANY = ("started", "event", "founding", "programme_sentence", "practice_sentence")
TELLS = (
    "bias",
    "best",  # the best candidate's logit
    "margin",  # …less the second best's
    "candidates",  # log(1 + how many years the text tells)
    *(f"best {name}" for name in FEATURES[1:]),
    *(f"any {name}" for name in _ANY),
)
"""What the second model weighs to tell whether the text tells the practice's start at all: the
candidates' model scores each year against the others, so a text that only dates other things
(a district that grew, a body whose founding it leaves out) still has a best year."""
TELLS_AT = 0.5
"""The text tells the practice's year when that is likelier than not. Each labelled set held out in
turn (2026-12-05, heldout65 and heldout70 kept out, 1,641 documents): 0.847 without this model,
0.849 with it; 0.785 → 0.808 on the 474 of the sets written since heldout50, where a third of the
practices have no year told (0.4–0.6: 0.849–0.851 and 0.800–0.819)."""
WEIGHTS_FILE = "year_ranker.yaml"
NO_YEAR_BELOW = 0.1
"""The least probability at which the best year is the practice's: a district that grew, a body
whose founding the text leaves out, tell years of other things only. Left out set by set over
1,167 documents whose text must tell the year (heldout50 kept out), 0.855 at 0 and 0.867 at 0.1
(0.866 with the level chosen on the other sets each time; 0.05–0.15 all above 0.859)."""
POSITION_SCALE = 2000  # characters: a short note's second sentence is not "late" in it
_HEADING_DATE = re.compile(
    r"(?i)(?:\b(?:publicad|pubblicat|posted|published|redatt|edição|edizione|issue|atualizad|aggiornat|"
    r"updated|reviewed|revised|prepared|preparad|preparat|released|versione|versão|version)|date:|data:|·|\*)"
)
_CALENDAR_DATE = re.compile(
    rf"(?i)\b(?:{MONTH}(?:[ \t]+\d{{1,2}})?|semestre|trimestre|quarter)[ \t]*,?[ \t]*(?:(?:de|del|of)[ \t]+)?$"
)
"""A year that ends a date with its month ("publicado: 9 de setembro de 2023", "November 14, 2019")
or a half-year ("2º semestre de 2022"): mostly when a text was written, seldom a practice's start."""
_UNTIL = re.compile(
    r"(?i)\b(?:até|ate|entro|until|till|by|fino al|prevista per il|previsto para|expected in|planned for|"
    r"prevista|previsto)\s+(?:(?:o|il|the|a|al)\s+)?(?:fine\s+|end\s+of\s+|final\s+de\s+)?$"
)


def practice_year(
    text: str,
    title: str = "",
    names: Sequence[Sequence[str]] = (),
    programme_starts: Sequence[int | None] = (),
) -> int | None:
    """The candidate year scored highest, its dates of writing aside when it reports no start as
    news (:mod:`ingest.metadata.written_dates`); None when none is left or likely.
    ``names``: the practice's own names, then its programmes' names (:func:`ingest.metadata.document_years.practice_names`)."""
    candidates = year_features(text, title, names, programme_starts)
    # a meeting's or a release's date, not a start; nor the date of news of a district's new plan
    refused = refused_years(text, district_named(names)) if candidates else set()
    return best_year(candidates, weights(), refused=refused, gate=gate_weights())


def best_year(
    scored: dict[int, np.ndarray],
    w: np.ndarray,
    least: float = NO_YEAR_BELOW,
    refused: Set[int] = frozenset(),
    gate: np.ndarray | None = None,
) -> int | None:
    """The candidate (not one of ``refused``) whose :data:`TERMS` score highest under the weights
    ``w``, if its probability of being the practice's year reaches ``least`` and, given ``gate``
    (weights of :data:`TELLS`), the text likely tells the practice's year at all (None otherwise)."""
    pick = ranked(scored, w, refused)
    if pick is None:
        return None
    year, logit, row = pick
    if 1.0 / (1.0 + np.exp(-logit)) < least:
        return None
    return year if gate is None or 1.0 / (1.0 + np.exp(-row @ gate)) >= TELLS_AT else None


def ranked(
    scored: dict[int, np.ndarray], w: np.ndarray, refused: Set[int] = frozenset()
) -> tuple[int, float, np.ndarray] | None:
    """The best candidate (not one of ``refused``), its logit, and the text's :data:`TELLS` row."""
    years = [year for year in scored if year not in refused]
    if not years:
        return None
    rows = np.array([scored[y] for y in years])
    logits = terms(rows) @ w
    order = np.argsort(-logits, kind="stable")
    best = int(order[0])
    margin = logits[best] - (logits[order[1]] if len(order) > 1 else logits[best] - 5.0)
    picked = [rows[best, FEATURES.index(name)] for name in FEATURES[1:]]
    any_of = [rows[:, FEATURES.index(name)].max() for name in _ANY]
    row = np.array([1.0, logits[best], margin, math.log1p(len(years)), *picked, *any_of])
    return years[best], float(logits[best]), row


def terms(rows: np.ndarray) -> np.ndarray:
    """Candidates' feature rows (one per row) widened to :data:`TERMS`."""
    first, second = np.triu_indices(rows.shape[1] - 1, 1)
    signs = rows[:, 1:]
    return np.hstack([rows, signs[:, first] * signs[:, second]])


@cache
def weights() -> np.ndarray:
    """The fitted weights in :data:`TERMS`' order. A file that lacks a term or holds anything but a
    finite number for one is an error that names it: a zero or a NaN would quietly pick wrong years."""
    return _fitted(TERMS)


@cache
def gate_weights() -> np.ndarray:
    """The second model's weights in :data:`TELLS`' order (``"tells: best"`` … in the same file)."""
    return _fitted(tuple(f"tells: {name}" for name in TELLS))


def _fitted(names: tuple[str, ...]) -> np.ndarray:
    redo = "run bench/year_ranker.py --fit"
    try:
        table = shipped(WEIGHTS_FILE)
    except yaml.YAMLError as error:
        raise ValueError(f"kb/data/{WEIGHTS_FILE} is not YAML ({error}): {redo}") from error
    if not isinstance(table, dict):
        raise ValueError(f"kb/data/{WEIGHTS_FILE} is not a table of terms and weights: {redo}")
    bad = [name for name in names if not _a_number(table.get(name))]
    if bad:
        raise ValueError(f"kb/data/{WEIGHTS_FILE} lacks a number for {bad[:3]}: {redo}")
    return np.array([float(table[name]) for name in names])


def _a_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def year_features(
    text: str,
    title: str = "",
    names: Sequence[Sequence[str]] = (),
    programme_starts: Sequence[int | None] = (),
) -> dict[int, np.ndarray]:
    """Each year the text tells, described by :data:`FEATURES` (a year told several times takes
    the strongest of each sign, and where it is first told)."""
    own = [fold(c) for n in (names[0] if names else ()) for c in called(n) if len(c) >= 3]
    programmes = [fold(c) for group in names[1:] for n in group for c in called(n) if len(c) >= 3]
    events = {at: kind for _, kind, at in event_years(text)}
    # a founding before 1950 counts only where the sentence names the practice or its programme
    early = [told for told in early_foundings(text) if names_it(text, told[1], own + programmes)]
    events |= {at: 1 for _, at, _, _ in early}
    foreground = without_background(text)
    seen: dict[int, list[dict[str, float]]] = {}
    for year, at, started, decade in years_in_text(text) + early:
        if decade and not started:  # "negli anni Novanta" recalled in passing: history, no candidate
            continue
        sentence = folded_sentence(text, at)
        seen.setdefault(year, []).append(
            {
                "started": float(started),
                "event": float(events.get(at) == 0),
                "founding": float(events.get(at) == 1),
                "firm": float(events.get(at) == FIRM),
                "background": float(not foreground[at : at + 4].strip()),
                "programme_sentence": float(any(n in sentence for n in programmes)),
                "practice_sentence": float(any(n in sentence for n in own)),
                "position": min(1.0, at / POSITION_SCALE),
                "heading_date": float(at < 300 and bool(_HEADING_DATE.search(_line_head(text, at)))),
                "decade": float(decade),
                "sentence_start": float(len(sentence_head(text, at).split()) <= 3),
                "until": float(bool(_UNTIL.search(text[max(0, at - 30) : at]))),
                "calendar_date": float(bool(_CALENDAR_DATE.search(text[max(0, at - 30) : at]))),
            }
        )
    years, district = sorted(seen), float(a_district(names))
    return {y: _row(y, told, years, title, programme_starts, district) for y, told in seen.items()}


def a_district(names: Sequence[Sequence[str]]) -> bool:
    """Whether the practice or its programme is a district or a cluster by its name (:data:`_DISTRICT`)."""
    return any(_DISTRICT.search(n) for group in names for n in group)


def a_grown_district(names: Sequence[Sequence[str]]) -> bool:
    """Whether the practice (or its programme) is named as the field names a district that grew, its
    trade in lower case ("Polo do mármore de …", "Distretto del camper della Val d'Elsa"); not a cluster
    body named in capitals ("Huila Coffee Cluster"), which a text may report launched."""
    return any(
        _DISTRICT.search(n) and any(w not in _LINKS for w in re.findall(r"(?<![\w'’])[a-zà-ÿ]{4,}", n))
        for group in names
        for n in group
    )


_LINKS = frozenset("della dello delle degli dell".split())


def district_named(names: Sequence[Sequence[str]]) -> re.Pattern[str] | None:
    """The words naming a district, when the practice is one that grew (:func:`a_grown_district`): a
    text about it reports its start only in a sentence that names a district ("Foi lançado ontem o
    arranjo produtivo local"), not its firms' new plan."""
    return _DISTRICT if a_grown_district(names) else None


_DISTRICT = re.compile(r"(?i)\b(?:distrett|distrit|district|cluster|polo\b|arranjo|APL\b|valley|aglomerad)")
"""A district, a cluster, an APL: as often a concentration that grew as a body founded in a year."""


def _row(
    year: int,
    mentions: list[dict[str, float]],
    years: list[int],
    title: str,
    starts: Sequence[int | None],
    district: float,
) -> np.ndarray:
    """One year's features from its mentions and its place among the text's years."""
    row = {key: max(m[key] for m in mentions) for key in mentions[0]}
    row["decade"] = min(m["decade"] for m in mentions)  # "founded in 2000", later "the 2000s": a year
    row["position"] = min(m["position"] for m in mentions)
    row["relative"] = (year - years[0]) / max(1, years[-1] - years[0])
    row["latest"], row["earliest"] = float(year == years[-1]), float(year == years[0])
    row["mentions"] = math.log1p(len(mentions))
    row["programme_start"] = float(year in starts)
    row["in_title"] = float(str(year) in title)
    row["district"] = district
    return np.array([1.0] + [row[name] for name in FEATURES[1:]])


def _line_head(text: str, at: int) -> str:
    """Up to 80 characters of the line before ``at`` (a byline's "*" or "·" is on the date's line)."""
    return text[max(0, at - 80) : at].rsplit("\n", 1)[-1]
