"""Years before 1950 (back to 1700) that may start a practice: an old cooperative's, an association's,
a special zone's. In running text such a year is history recalled, unless it is told with a founding,
a creation, a registration or an opening; :mod:`ingest.metadata.year_ranker` then keeps it where its
sentence names the practice (:mod:`ingest.metadata.practice_sentences`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.metadata.subject_foundings import SINCE_ITS_FOUNDING
from ingest.metadata.years import BEGUN, EVENT_VERBS, FOUNDING, START, told_with_a_verb

_EARLY_YEAR = re.compile(r"(?<![\d/.,-])(1[78]\d\d|19[0-4]\d)(?![\d/])")
"""A year before 1950 (back to 1700: an old association's, a cooperative's): in running text it is
history recalled, unless told with a founding."""


def early_foundings(text: str) -> Iterator[tuple[int, int, bool, bool]]:
    """Years before 1950 told with a founding, a creation or an opening in their clause ("em 1949,
    fundaram a Cooperativa", "o SENAI foi criado em 1942"), as :func:`years_in_text` gives years;
    other early years are history recalled ("in 1946 the war had ended and … began"). Before 1900 a
    number is a year only introduced as one ("em 1849", not "fundada por 1750 famílias"), and a birth
    is a person's; the founding by its noun counts only as the subject's own ("since its founding in
    1895", not "a founding member in 1925")."""
    for match, verb, _, _ in told_with_a_verb(text, _EARLY_YEAR, _EARLY_EVENT):
        at, word = match.start(), verb.group()
        since_its_founding = SINCE_ITS_FOUNDING.search(text[max(0, at - 80) : at]) is not None
        started = since_its_founding or bool(START.search(text[max(0, at - 40) : at]))
        if int(match.group()) < 1900 and (not started or _BIRTH.fullmatch(word)):
            continue
        if _FOUNDING_NOUN.fullmatch(word):
            told = since_its_founding
        else:
            told = any(p.fullmatch(word) for p in (FOUNDING, BEGUN, _REGISTERED, _OPENED))
        if told:
            yield int(match.group()), at, started, False


_BIRTH = re.compile(r"(?i)nat[oaie]|nasceu|nacque|born")


MADE_A_COOPERATIVE = (
    r"(?:re)?organi[sz]ed (?:it |them )?(?:as|into) an? (?:\w+ )?co-?operative|"
    r"(?:transformad|convertid|trasformat|organizzat)[oa] (?:em|in) (?:uma |una )?cooperativa|"
    r"form(?:ed)? an? (?:[\w-]+ )?co-?operative|(?:fundar|formar|constituir) uma (?:\w+ )?cooperativa|"
    r"(?:fondare|formare|costituire) una (?:\w+ )?cooperativa"
)
"""A firm or a group made a cooperative, or farmers came together to form one: the cooperative's
founding, named by its kind."""
_REGISTERED_VERBS = (
    r"(?:was|were|foi|foram|è stat[oa]|fu|venne) (?:registered|registrad[oa]s?|registrat[oa]|incorporated)|"
    + MADE_A_COOPERATIVE
)
"""An old cooperative's or society's registration ("A KNCU foi registrada em 1933"), or a firm made one
("took over the factory in 1931 and organised it as a production cooperative"): its founding, when the
sentence names the practice; later, "foram registrados negócios" and a heritage listing are not.
Not "incorporada", which in Portuguese is as often a merger."""
_REGISTERED = re.compile(_REGISTERED_VERBS, re.IGNORECASE)
_OPENED_VERBS = (
    r"(?:opened|abriu|aprì|(?<=fu )inaugurat[oa]|(?<=venne )inaugurat[oa]|inaugurò)"  # not a railway's participle
    r"(?![ \t]+(?:its|their|an?|the|new|first|uma?|os?|as|il|la|una?|i|le)\b)"
)
_OPENED = re.compile(_OPENED_VERBS, re.IGNORECASE)  # before 1950, in a sentence naming it, a start
_FOUNDING_NOUN = re.compile(r"(?-i:fondazione|founding|funda[çc][ãa]o|costituzione)")
"""The founding by its noun, in lower case ("Dalla fondazione, nel 1898", "since its founding in
1895"; not "Fondazione Cariplo"): before 1950, the subject's own where its sentence says so."""
_EARLY_EVENT = re.compile(
    rf"\b(?:{_REGISTERED_VERBS}|{EVENT_VERBS}|{_OPENED_VERBS}|{_FOUNDING_NOUN.pattern})\b", re.IGNORECASE
)
"""A registration or a cooperative formed first: "formed a co-operative" whole, not "formed" alone."""
