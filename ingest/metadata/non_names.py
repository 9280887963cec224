"""Names that are no programme's whatever the ranker makes of them: a document's, a role's or a
programme's words alone, a plan's years, a body's legal form cut from its name by a comma."""

from __future__ import annotations

import re

from ingest.metadata.programme_keys import DOCUMENT_WORDS, GENERIC_WORDS, ROLE_WORDS
from kb.text import fold


def only_what_it_is(name: str) -> bool:
    """A document's, a role's or a programme's words only, or a plan's years: "NEWSLETTER", "PRIMO
    PIANO", "PROGRAMMA DELLE ATTIVITÀ 2023–2024" name no programme."""
    return all(
        w in DOCUMENT_WORDS or w in GENERIC_WORDS or w in ROLE_WORDS or _SPAN_OF_YEARS.fullmatch(w)
        for w in fold(name).split()
    )


_SPAN_OF_YEARS = re.compile(r"(?:19|20)\d\d[-–/](?:19|20)?\d\d")


_ONLY_A_LEGAL_FORM = re.compile(
    r"(?i)(?:c\.?[ \t]?r\.?[ \t]?l|l\.?da|ltda|ltd|limited|inc|s\.?p\.?a|s\.?r\.?l|s\.?c\.?a\.?[ \t]?r\.?l|scarl|gmbh|s\.?a)\.?"
)


def only_a_legal_form(name: str) -> bool:
    """ "C.R.L.", "Lda.", "S.p.A.": the legal form a title's comma parts from the body's name."""
    return _ONLY_A_LEGAL_FORM.fullmatch(name.strip(" ,")) is not None
