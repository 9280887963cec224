"""The practice's year for a document: a card's field, the text's years, its date of writing."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ingest.metadata.anniversaries import founding_from_anniversary, tells_founding_anniversary
from ingest.metadata.field_years import only_revised, year_in_field
from ingest.metadata.programme_keys import written_forms
from ingest.metadata.written_dates import minutes_year, reports_a_start, year_of_writing
from ingest.metadata.year_ranker import district_named, practice_year
from ingest.metadata.years import begun_in, dateline_year, verbs_of_years
from kb.taxonomy import Taxonomy
from kb.text import fold

if TYPE_CHECKING:
    from ingest.metadata import Metadata


def document_year(
    meta: Metadata, fields: dict[str, str], text: str, title: str, date_hint: str | None, taxonomy: Taxonomy
) -> int | None:
    """A card's year field, else the practice's year in the text (:func:`practice_year`), else
    the text's own date (a "Date:" field, a dateline, the file's date) when its lead reports a
    start as news, unless an anniversary counted back from that date tells the founding
    ("comemorou os seus 60 anos"). A year field that says it is not known and gives no year but
    a decade ("Início: não informado"), or only the year the card was revised, leaves only a year
    the text tells with a founding or a creation ("a rede foi fundada em 2003")."""
    unknown = "year" in fields and (
        _NOT_GIVEN.match(fold(fields["year"])) is not None or only_revised(fields["year"])
    )
    if "year" in fields and (year := year_in_field(fields["year"], decades=not unknown)) is not None:
        return year  # "Desconhecido (c. 2008)" still says 2008
    names, starts = year_evidence(meta, fields, title, taxonomy)
    year = practice_year(text, title, names, starts)
    # created by a law, told of the sentence's unsaid subject ("Foi criada pela Lei 19/1994"): the
    # law's year, unless the text tells the other start with a verb of its own
    law = created_by_law(meta.values["programme"], text)
    if (
        law
        and _UNSAID.search(text, max(0, law[1] - 30), law[1])
        and not any(y == year and at != law[1] for y, at in verbs_of_years(text))
    ):
        year = law[0]
    if unknown:
        return year if year is not None and begun_in(text, year) else None
    dated = written_year(fields, text, date_hint)
    founded = founding_from_anniversary(text, dated)
    planned = year is not None and dated is not None and year > dated  # "até 2026": no start
    if founded and (year in (None, dated) or planned or tells_founding_anniversary(text)):
        return founded
    # news of a district's new plan is no news of the district's start
    if year is None and reports_a_start(text, district_named(names)):
        return dated
    return year if year is not None else law_year(meta.values["programme"], text)


_LAW_WORDS = r"lei|legge|ley|loi|act|law|decreto|decree|regulamento|regolamento"
_LAW = re.compile(rf"(?i)\b(?:{_LAW_WORDS})\b")
_NAMED_YEAR = re.compile(r"(?<![\d.])(1[89]\d\d|20\d\d)(?![\d.])")


def law_year(programmes: list[str], text: str) -> int | None:
    """The year a law among the practice's programmes dates itself by in its name ("Legge regionale 4
    aprile 2003, n. 8", "Ley 5/2011", "Decreto-Lei n.º 372/2007"), when the text tells no other start
    and names the law again or as what created the practice (a law named once may only fund it)."""
    year = _law_named(programmes)
    if year is None:
        return None
    cited = re.findall(rf"(?i)\b(?:{_LAW_WORDS})\b{_then(year)}|{_ahead(year)}", text)
    return year if len(cited) >= LAW_CITED or created_by_law(programmes, text) else None


def created_by_law(programmes: list[str], text: str) -> tuple[int, int] | None:
    """The year of the law among the practice's programmes that the text says created it ("foi criada
    pela Lei 19/1994", "a statutory body created by the 1993 Act"), and where that creation's verb is:
    its start, whatever year it began to work in or the text recalls beside it."""
    year = _law_named(programmes)
    if year is None:
        return None
    created = re.search(f"{_CREATED_BY}{_then(year)}", text) or re.search(
        f"{_CREATED}[ \t]+(?:the[ \t]+)?{_ahead(year)}", text
    )
    return (year, created.start()) if created else None


def _law_named(programmes: list[str]) -> int | None:
    named = {int(y) for p in programmes if _LAW.search(p) for y in _NAMED_YEAR.findall(p)}
    return named.pop() if len(named) == 1 else None


def _then(year: int) -> str:
    return rf"[^\n]{{0,60}}?(?<![\d.]){year}(?![\d.])"  # the law's year, in its name, on the line


def _ahead(year: int) -> str:
    return rf"(?<![\d.]){year}[ \t]+(?:{_LAW_WORDS})\b"  # "the 1993 Act"


_UNSAID = re.compile(
    r"(?:^|[.!?\n][ \t]*)(?:foi|foram|fu|furono|venne|(?:è|é)[ \t]+stat[oa]|(?:it[ \t]+)?was)[ \t]+"
    r"(?:\w+mente[ \t]+)?$",
    re.IGNORECASE,
)
"""A sentence opening with its verb, its subject the one named before ("Foi criada pela Lei …"): a
creation told of the practice, not of a fund the sentence names ("O Fundo …, criado pela Lei …")."""
LAW_CITED = 2
_CREATED = (
    r"(?i)\b(?:criad|institu[ií]d|istituit|creat|establish|introdott|introduzid)\w*[ \t]+"
    r"(?:pel[oa]s?|dall[aoe'’]?|dal|by|con[ \t]+la|com[ \t]+a)"
)
_CREATED_BY = rf"{_CREATED}[ \t]*(?:{_LAW_WORDS})\b"
"""A practice created by the law ("A Certificação PME foi criada pelo Decreto-Lei n.º 372/2007", "a
statutory body created by the 1993 Act")."""


def written_year(fields: dict[str, str], text: str, date_hint: str | None) -> int | None:
    """The year the text was written: a "Date:" field, a dateline or a publication line in its
    opening, else the file's own date (an HTML page's, a PDF's, a front matter's). It is what a
    reference cites, and what an anniversary counts back from."""
    dated = (
        year_in_field(fields.get("dated", ""))
        or dateline_year(text)
        or minutes_year(text)
        or year_of_writing(text)
    )
    hinted = int(date_hint[:4]) if date_hint and date_hint[:4].isdigit() else None
    if dated is None and hinted and 1900 <= hinted <= date.today().year:  # not a clock's zero nor ahead
        dated = hinted
    return dated


_NOT_GIVEN = re.compile(
    r"\W*(?:nao (?:informad|disponivel|indicad|consta|ha registro)|sem (?:data|informacao)|desconhecid|"
    r"n/[da]\b|n\.\s?[da]\b|s\.\s?d\b|s/d\b|non pervenut|"
    r"non (?:indicat|not[oa]|disponibil|specificat|riportat)|sconosciut|not (?:stated|known|available|given|"
    r"specified)|unknown)"
)
"""A card's year field, folded, that says it is not known ("Início: não informado", "Year: N/A")."""


def year_evidence(
    meta: Metadata, fields: dict[str, str], title: str, taxonomy: Taxonomy
) -> tuple[list[list[str]], list[int | None]]:
    """What tells the practice's year from others: its names and its programmes' (a year in
    their sentences), and the registered programmes' start years."""
    starts = [e.start_year for p in meta.values["programme"] if (e := taxonomy.programme(p))]
    return practice_names(meta, fields, title, taxonomy), starts


def practice_names(meta: Metadata, fields: dict[str, str], title: str, taxonomy: Taxonomy) -> list[list[str]]:
    """How a text may name its practice: its own name (the card's, or the head of a title such
    as "BI-REX, il centro …" or "Porto Digital: um parque …"), then its programmes' names."""
    own = [fields["name"]] if fields.get("name") else []
    head = re.split(r"[:,–—]", title, maxsplit=1)[0].strip()
    if head != title.strip() and 1 <= len(head.split()) <= 4 and head[:1].isupper():
        own.append(head)
    programmes: list[str] = []
    for value in meta.values["programme"]:
        entry = taxonomy.programme(value)
        programmes += list(entry.names) if entry else written_forms(value)
    return [own, programmes]
