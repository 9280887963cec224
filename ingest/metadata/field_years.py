"""The year a practice card's field gives ("Referência temporal: lançado em 2016"), and which of its
years are no start (when the card was revised, or what year its figures are from)."""

from __future__ import annotations

import re

from ingest.metadata.years import is_decade

_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]((?:19|20)\d\d)\b")
_FIELD_YEAR = re.compile(
    r"(?<![\d/.,-])(1[89]\d\d|20[0-4]\d)(?![\d/])(?![ \t]*(?:ore|horas|hours|euro|€|km))"
)
"""A year from 1800 on in a card's year field, the first one told ("Riferimento temporale: istituita nel 1947",
"Periodo: dal 1874 a oggi"): the practice's, however old."""


_REVISED = re.compile(
    r"(?i)\b(?:atualizad[oa]s?|atualização|revist[oa]s?|revisad[oa]s?|revisão|aggiornat[oa]|aggiornamento|"
    r"revisionat[oa]|revisione|updated|reviewed|revised|dados|dati|data (?:from|as of|for)|figures|números|cifre)"
    r"\b[^;.,\d]{0,25}(?:\d{1,2}[/.-]\d{1,2}[/.-])?$"
)
"""A year a card's field tells as when the card was revised or what year its figures are from ("ação
contínua; a ficha foi atualizada em março de 2024", "dados de 2019, revistos em 2024"): not a start.
Not a bare "data", which is a date in Portuguese and Italian ("data di avvio: 2015"); nor past a
comma or another year ("dados de 2019, lançado em 2016" gives 2016)."""


_COVERED = re.compile(
    r"(?i)\b(?:analisad[oa]s?|analizzat[oaie]|analy[sz]ed|documentad[oa]s|documentat[ei]|documented|"
    r"registrad[oa]s|registrat[ei]|recorded|covered|cobert[oa]|copert[oa])\b"
)
"""A card's time reference that tells the span its actions cover, two years and no start, not when
the practice began
("attività documentate nel periodo 2015–2022", "2003–2012 (período analisado nesta ficha)", "ações
registradas entre 2016 e 2019"); plural, for a registration told in the singular may be a founding
("registrada em 1933")."""


_STARTED = re.compile(
    r"(?i)\b(?:inici|in[íi]cio|lan[çc]|launch|avvi|fundad|fondat|founded|found|start|establish|costitu|constitu|"
    r"criad|creat|istitu|nat[oa]\b|nasc|nacque)"
)
"""A start told beside the span ("iniciada em 2011; ações registradas até 2019"): its year stands."""


def year_in_field(value: str, decades: bool = True) -> int | None:
    """The year a labelled field gives: "2016", "março de 2016", "21/08/2013", "istituita nel 1947";
    with ``decades`` false, none when it gives a decade ("ao longo da década de 2000"); none that
    is only a revision's or the figures' year (:data:`_REVISED`), nor from a span the card covers
    (:data:`_COVERED`)."""
    if _COVERED.search(value) and len(_FIELD_YEAR.findall(value)) >= 2 and not _STARTED.search(value):
        return None
    for match in _FIELD_YEAR.finditer(value):
        if not _revised(value, match.start()):
            return None if not decades and is_decade(value, match) else int(match.group())
    numeric = next((m for m in _NUMERIC_DATE.finditer(value) if not _revised(value, m.start())), None)
    return int(numeric.group(1)) if numeric else None


def _revised(value: str, at: int) -> bool:
    """Whether the year (or date) at ``at`` is told as a revision's or the figures' (:data:`_REVISED`),
    or as the start of the span data were collected over (:data:`_GATHERED`)."""
    before = value[max(0, at - 60) : at]
    return _REVISED.search(before) is not None or _GATHERED.search(re.split(r"[;,]", before)[-1]) is not None


_GATHERED = re.compile(
    r"(?i)\b(?:recolhid[oa]s|raccolt[ie]|collected|acompanhad[oa]s|monitorad[oa]s|monitorat[ei]|monitored|"
    r"tracked)\b[^;,]{0,45}$"
)
"""Data collected or actions followed from the year on, in its clause ("dados de campo recolhidos entre
2019 e 2023", "ações acompanhadas nas safras de 2017 a 2021"): the card's sources, not the start
("1998; dados recolhidos entre 2019 e 2023" gives 1998)."""


def only_revised(value: str) -> bool:
    """Whether a card's year field tells years, every one of them a revision's or its figures'."""
    told = _FIELD_YEAR.search(value) or _NUMERIC_DATE.search(value)
    return told is not None and year_in_field(value) is None
