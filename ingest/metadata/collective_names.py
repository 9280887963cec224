"""The cooperative, association, district or APL that a text is about, when nothing else was found.

A teaching case, a news item or a parliamentary question about one collective of firms often
names it in full once or twice ("a Cooperativa Vinícola Garibaldi", "il distretto orafo di
Valenza") and then calls it by its kind alone: "a cooperativa", "il distretto", "o APL". The name
finder sees only the full name, too seldom to trust; counted with those references, it is the
text's subject.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ingest.metadata.district_names import capitalised_whole, district_subject, districts, english_clusters
from ingest.metadata.headings import numbered_only
from ingest.metadata.matching import times_as_written
from ingest.metadata.name_candidates import JOINING, name_candidates
from ingest.metadata.name_ranker import ranked_text
from ingest.metadata.practice_kinds import names_a_kind_of_practice, title_side
from ingest.metadata.programme_keys import bracketed_forms
from kb.text import fold

KINDS = {
    "cooperativa": "cooperativa",
    "cooperative": "cooperative",
    "consorzio": "consorzio",
    "consorcio": "consórcio",
    "consortium": "consortium",
    "associazione": "associazione",
    "associacao": "associação",
    "association": "association",
    "federazione": "federazione",
    "federacao": "federação",
    "federation": "federation",
    "distretto": "distretto",
    "arranjo": "APL",
    "apl": "APL",
    "polo": "polo",
    "parque": "parque",
    "parco": "parco",
    "park": "park",
    "tecnopolo": "tecnopolo",
    "technopole": "technopole",
    "union": "Union",
}
"""The first word of a collective's name (folded) → the word a text calls it by afterwards (not
"district" or "distrito" first, also a country's administrative division; a union only of cooperatives
and in English, "the Union of Agricultural Cooperatives of Peza", since "a União" is also Brazil's
federal government; an English district with
its trade, "the Livenza furniture district", ends in it: :func:`_kind`)."""
_REFERENCE = (
    r"(?:(?:a|o|la|il|the|this|questa|questo|esta|este|essa|esse|da|do|na|no|della|del|nella|nel|"
    r"of[ \t]+the|in[ \t]+the)[ \t]+|(?:l|dell|all|nell|sull|dall)['’][ \t]*)"
)
MIN_USES = 3
"""The full name and the references to it together: twice is a passing mention."""


def collective_subject(text: str, title: str) -> str | None:
    """The one collective whose kind the text names (by its fullest name), if its name and the
    references to it by its kind alone add up to :data:`MIN_USES` and no other of that kind is named."""
    used = collective_uses(text, title)
    return used[0] if used else None


def collective_uses(text: str, title: str) -> tuple[str, int] | None:
    """:func:`collective_subject`'s collective and how often the text names it or calls it by its kind."""
    whole = ranked_text(text, title)  # the opening: a long report's every name would take minutes
    by_kind: dict[str, list[tuple[str, set[int]]]] = {}
    for name, starts in _named(whole):
        kind = _kind(name)
        if kind and not any(
            w in KINDS for w in fold(name).split()[1:]
        ):  # not "Cooperativa X e a Cooperativa Y"
            by_kind.setdefault(kind, []).append((name, starts))
    uses: Counter[str] = Counter()
    for kind, names in by_kind.items():
        fullest = max(names, key=lambda n: (len(n[0]), not n[0].isupper()))[0]
        if any(not _same(fullest, other) for other, _ in names):
            continue  # two cooperatives: the references could be to either
        places = set().union(*(starts for _, starts in names))
        uses[fullest] = len(places) + _references(whole, kind, places)
    ranked = uses.most_common(2)
    if not ranked or ranked[0][1] < MIN_USES or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    name, times = ranked[0]
    return name[0].upper() + name[1:], times


def wider_collective(text: str, title: str, name: str) -> str | None:
    """The district or collective the text keeps naming whose name holds ``name`` ("Manzano" of "il
    distretto della sedia di Manzano"), if any."""
    return _holding(text, title, name)[0]


def holding_it(text: str, title: str, guess: str) -> str:
    """The district or collective the text keeps naming that holds the ranker's ``guess`` when the
    guess names no practice itself ("Rio Grande" of "o polo naval de Rio Grande"; "Tecnopolo Ticino"
    stays), else the guess."""
    return guess if names_a_kind_of_practice(guess) else wider_collective(text, title, guess) or guess


def collective_over_guess(text: str, title: str, guess: str) -> str | None:
    """The district or collective to propose instead of the ranker's ``guess``: the one holding it
    (:func:`wider_collective`), or the one the text keeps naming when the guess is written at most
    :data:`SELDOM` times ("UnoAErre", one firm of "il distretto orafo di Arezzo"), unless the guess names
    a kind of practice and ends the title (the park a delegation visited, not its bureau)."""
    wider, subjects = _holding(text, title, guess)
    if wider or _uses(text, guess) > SELDOM:
        return wider or _one_cluster_of(text, guess)
    subject = next((s for s in subjects if s), None)
    if subject and (renamed(text, subject, guess) or _headed_by(guess, title)):
        return None  # its first name: the guess is what it is called now
    return subject or _one_cluster_of(text, guess)


_NOW_CALLED = (
    r"(?:(?:hoje|atualmente|now|today|oggi|ora|attualmente|later|poi|mais[ \t]+tarde)[ \t]+)?"
    r"(?:conhecid[oa][ \t]+como|chamad[oa]|denominad[oa]|known[ \t]+as|called|not[oa][ \t]+come|chiamat[oa]|"
    r"renamed|rebatizad[oa](?:[ \t]+como)?|renomead[oa](?:[ \t]+como)?|ribattezzat[oa]|rinominat[oa]|"
    r"passou[ \t]+a[ \t]+chamar-se|became|tornou-se|divenne)"
)
"""A name given later: "hoje conhecida como", "now known as", "oggi nota come", "renamed", "became"
(not "oggi presieduto da …": who leads it is no name of it)."""


def renamed(text: str, first: str, now: str) -> bool:
    """Whether the text gives ``first`` the name ``now`` later in one sentence ("fundaram a Cooperativa
    de Cafeicultores de Maringá, hoje conhecida como Cocamar Cooperativa Agroindustrial")."""
    between = rf"[^.;!?]{{0,30}}?\b{_NOW_CALLED}[ \t]+(?:(?:a|o|il|la|lo|the|l['’])[ \t]*)?"
    return bool(re.search(rf"(?<!\w){re.escape(first)}{between}{re.escape(now)}(?!\w)", text))


def _headed_by(guess: str, title: str) -> bool:
    """Whether the title ends with the guess ("Minutes — Delegation meeting at the Southern Taiwan Science
    Park"): what the document is about, however seldom the text repeats it."""
    return names_a_kind_of_practice(guess) and fold(title).rstrip(" .").endswith(fold(guess))


def _one_cluster_of(text: str, place: str) -> str | None:
    """The one cluster or district, named the field's way, that holds the ranker's one-word guess, however
    seldom the text names it ("the Seki cutlery cluster", then "Seki" throughout)."""
    if " " in place:
        return None
    held = {
        re.sub(r"\s+", " ", m.group())
        for m in [*english_clusters(text), *districts(text)]
        if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", m.group())
    }
    return held.pop() if len(held) == 1 else None


def _uses(text: str, name: str) -> int:
    """How often the text writes ``name``, or the acronym it gives it in brackets ("Cluster de
    Empresas de Automoción de Galicia (CEAGA)", then "o CEAGA" throughout); a name given with its
    acronym ("Tiruppur Exporters' Association (TEA)") as often as its likelier form."""
    forms = bracketed_forms(name)
    if len(forms) > 1:
        return max(_uses(text, form) for form in forms)
    acronym = re.search(rf"{re.escape(name)}[ \t]*\(([A-Z][A-Z0-9&-]{{1,11}})\)", text)  # not "(Senegal)"
    written = times_as_written(name, text)
    if not acronym:
        return written
    by_acronym = times_as_written(acronym.group(1), text)
    return written + by_acronym - 1  # the acronym's introduction is the name's own use


def _holding(text: str, title: str, name: str) -> tuple[str | None, list[str | None]]:
    """The district or collective subject whose name holds ``name`` (None if none does), and the
    subjects read on the way (the collective only when the district does not hold it)."""
    subjects: list[str | None] = []
    for subject in (district_subject, collective_subject):
        wider = subject(text, title)
        if wider and re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", fold(wider)):
            return wider, subjects
        subjects.append(wider)
    return None, subjects


SELDOM = 2
"""Over 1,610 labelled documents: 1 gives 3 programmes more, 2 one more still, 3 loses two."""


def _named(text: str) -> list[tuple[str, set[int]]]:
    """Collective names as the name finder sees them (capitalised) and districts named with their
    trade in lower case ("il distretto ceramico di Sassuolo", "Distretto del coltello di Maniago")."""
    # a quoted phrase in lower case is a concept ("chamam de “parque de inovação”"), not a name
    # an agenda's numbered item in capitals ("3. PARQUE TECNOLÓGICO E INCUBAÇÃO") is a heading
    found = [
        (title_side(c.name) or c.name, set(c.starts))
        for c in name_candidates(text)
        if any(ch.isupper() for ch in c.name) and not numbered_only(c.name, text)
    ]
    lower: dict[str, set[int]] = {}
    lower_case = [m for m in districts(text) if not capitalised_whole(m)]  # the finder has those
    for match in lower_case + english_clusters(text):
        lower.setdefault(re.sub(r"\s+", " ", match.group(0)), set()).add(match.start())
    return found + list(lower.items())


def _same(fullest: str, other: str) -> bool:
    """Whether ``other`` is the fullest name or a shorter form of it: its words, but for its kind,
    among the fullest name's ("APL de Cianorte", "Cooperativa Serra Alta", "Tecnopolo di Monastir" of
    "Tecnopolo di Monastir–El Fejja"); an English cluster's kind is its last word ("Nnewi auto parts
    cluster" is no form of "Aba auto parts cluster")."""
    written = fold(other).split()
    words = [
        w
        for w in (written[:-1] if _kind(other) in ("cluster", "district") else written[1:])
        if w not in JOINING
    ]
    return set(words) <= set(fold(fullest).split()) | set(re.findall(r"\w+", fold(fullest)))  # "Monastir–El"


def _references(text: str, kind: str, named_at: set[int]) -> int:
    """How often the text calls it by its kind alone ("a cooperativa foi fundada", "la Federazione
    ha"; not "la Federazione Trentina", a name)."""
    return sum(m.end() - len(kind) not in named_at for m in _reference(kind).finditer(text))


@cache
def _reference(kind: str) -> re.Pattern[str]:
    written = re.escape(kind) if kind.isupper() else f"[{kind[0]}{kind[0].upper()}]{re.escape(kind[1:])}"
    return re.compile(rf"(?i)(?<!\w){_REFERENCE}(?-i:{written})(?![\w-])(?![ \t]+(?-i:[A-ZÀ-Ý]))")


def refers_to(name: str, sentence: str) -> bool:
    """Whether ``sentence`` calls the collective ``name`` by its kind alone ("A cooperativa foi
    fundada em 1931" of the Cooperativa Vinícola Garibaldi)."""
    kind = _kind(name, telling_a_year=True)
    return bool(kind) and _reference(kind).search(sentence) is not None


ENGLISH_LAST = frozenset("association cooperative co-operative consortium federation authority".split())
"""An English collective's kind ending its name, what a sentence telling its year calls it by
("Harris Tweed Authority", "the Authority was set up in 1993"); not a sign of a collective the
text keeps naming (a "General Authority for …" is cut at its "for")."""


COMMISSIONS = {"comissao": "comissão", "commissione": "commissione"}
"""A commission called by its kind in the sentence that tells its year; not a collective the text keeps
naming (a "Comissão Europeia" is called "a Comissão" throughout)."""


def _kind(name: str, telling_a_year: bool = False) -> str:
    """The word a collective's name (of two words or more) is called by afterwards, or "": its
    first word's ("Cooperativa Serra Alta"), or "cluster" or "district" ending an English one ("Nnewi
    auto parts cluster", "Livenza furniture district"); ``telling_a_year`` (a sentence that tells the
    year calls it so), also another English kind ending it (:data:`ENGLISH_LAST`) or a commission."""
    first, *rest = fold(name).split() or [""]
    # "the Livenza furniture district" in lower case ("Musanze District" is a country's division);
    # a heading's capitals blur where a name starts
    if rest and (rest[-1] == "cluster" or name.split()[-1] == "district") and not name.isupper():
        return rest[-1]
    if telling_a_year and rest and rest[-1] in ENGLISH_LAST and not name.isupper():
        return rest[-1]  # "Harris Tweed Authority", later "the Authority"
    if telling_a_year and rest and first in COMMISSIONS:
        return COMMISSIONS[first]  # "A comissão, essa, foi criada em 1926"
    if first == "union" and not any(w.startswith(("cooperativ", "co-operativ")) for w in rest):
        return ""  # a union of cooperatives, not the European Union
    return KINDS.get(first, "") if rest else ""
