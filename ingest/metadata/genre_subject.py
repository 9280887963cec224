"""The practice a title names beside the kind of document it is: "Fondosviluppo: domande e risposte",
"Empreende XXI – Perguntas frequentes", "Infopark Kochi: Frequently Asked Questions", "Domande
frequenti: il Kordin Business Incubation Centre di Malta".

Such a title says what the document is (an FAQ, a teaching note, an evaluation summary) and what it
is about, and nothing else; the text then names the bodies and programmes around its subject, often
more often than the subject itself, so the name ranker may prefer one of them.
"""

from __future__ import annotations

import re

from ingest.genre_titles import a_genre_label
from ingest.metadata.everyday_terms import an_everyday_term
from ingest.metadata.matching import times_as_written
from ingest.metadata.name_checks import a_place, no_name_of_a_scheme
from ingest.metadata.practice_kinds import PRACTICE_WORDS

_STRONG = re.compile(r"(?i)\b(?:faq|frequent[ei]s?|frequently|domande|perguntas|teaching|didattica|ensino)\b")
"""Words that make a title's part a kind of document about one subject: an FAQ, a teaching note (a
card's title is as often its series' theme, "Ficha de boa prática n.º 14 – Cooperação empresarial")."""
_SPLIT = re.compile(r"[ \t]*:[ \t]+|[ \t]+[–—-][ \t]+")
_ARTICLE = re.compile(r"^(?i:(?:il|lo|la|i|gli|le|o|a|os|as|the)[ \t]+|l['’][ \t]*)(?=[A-ZÀ-Ý])")
_JOINING = r"(?:de|da|do|das|dos|di|del|della|dello|dei|degli|delle|of|the|for|per|para|e|and|&)"
_NAME = re.compile(rf"[A-ZÀ-Ý0-9][\w'’.+-]*(?:[ \t]+(?:{_JOINING}[ \t]+)*(?:[A-ZÀ-Ý0-9][\w'’.+-]*|\d+))*")
"""A run of capitalised words and the small words between them ("Kordin Business Incubation Centre
di Malta", "Empreende XXI")."""
_TRAILING_PLACE = re.compile(r"^(.+?)[ \t]+(?:de|da|do|di|del|della|in|of)[ \t]+([A-ZÀ-Ý][\w'’ -]+)$")
MAX_WORDS = 8


_MINUTES_WORDS = r"ata|acta|verbale|minutes"
"""The words of a document that records a meeting, in the three languages (and Spanish)."""
_MINUTES = re.compile(
    rf"(?i)^[\W\d]*(?:{_MINUTES_WORDS})\b[^:\n]*?\b(?:comit[êe][ \t]+gestor|tavolo[ \t]+tecnico|comitato|"
    r"conselho[ \t]+gestor|steering[ \t]+committee)[ \t]+(?:d[oa]s?|del|della|dello|dei|of[ \t]+the|for[ \t]+the|"
    rf"per[ \t]+il|per[ \t]+la|para[ \t]+o)[ \t]+((?:{PRACTICE_WORDS})\b[^:\n]{{3,100}})$"
)
"""Minutes titled by the meeting of the committee that runs a practice: "ATA DA 3ª REUNIÃO ORDINÁRIA DO
COMITÊ GESTOR DO APL DO SISAL", "Verbale della riunione del tavolo tecnico per il distretto
calzaturiero di Casarano"."""
_MEETING_TAIL = re.compile(
    r"(?i)[ \t]*(?:[,;(–—]|[ \t]-[ \t]|\b(?:realizad[oa]|held|tenut[oa]|svolt[oa])\b|\b(?:em|on|del|de|of|il)[ \t]+\d|"
    r"\d{1,2}[/.]\d{1,2}|\b(?:19|20)\d\d\b|\bmeeting\b|\briunione\b|\breuni[ãa]o\b).*$"
)
"""Where the practice's name ends in a minutes' title: a comma, a dash, a date or the meeting again."""


def minutes_titled(title: str) -> str | None:
    """The practice whose committee's meeting the minutes' title names (its practice word on, up to a
    date or a comma)."""
    found = _MINUTES.match(title.strip())
    name = _MEETING_TAIL.sub("", found.group(1)).strip() if found else ""
    return name if len(name.split()) >= 2 else None


_MINUTES_WORD = re.compile(rf"(?im)^[\W\d]*(?:{_MINUTES_WORDS})\b")
_MINUTES_IN_TITLE = re.compile(rf"(?i)\b(?:{_MINUTES_WORDS})\b")
_MEETING = re.compile(rf"(?i)^[\W\d]*(?:{_MINUTES_WORDS}|reuni[ãa]o|riunione|meeting|assembleia|assemblea)\b")
"""A title's part that names the meeting, not the body ("Reunião de Direção da Associação …")."""
_BODY_KIND = re.compile(
    r"(?i)\b(?:association|council|chamber|federation|network|consortium|co-?operative|associazione|"
    r"consorzio|federazione|camera|associa[çc][ãa]o|federa[çc][ãa]o|c[âa]mara|cons[óo]rcio|cooperativa)\b"
)
_LEGAL_FORM = re.compile(
    r"(?i)^(?:societ[àa]|sociedade)[ \t]+cooperativa|^co-?operative[ \t]+society|^cooperativa\b"
)
"""A title's part that says what kind of body the other part is ("Lattebusche — Società cooperativa agricola")."""


def minutes_body(title: str, text: str) -> str | None:
    """The body whose minutes these are, when the title names it beside the minutes or alone
    ("Geelong Manufacturing Council — Minutes of the Members' Forum", "KANATA NORTH BUSINESS
    ASSOCIATION" over "Minutes of the Board of Directors meeting", "Lattebusche — Società cooperativa
    agricola" over a "Verbale"): minutes name their body once, then "the Council" throughout."""
    if not (_MINUTES_WORD.search(text[:800]) or _MINUTES_IN_TITLE.search(title)):
        return None
    parts = [p.strip(" *#") for p in _SPLIT.split(title.strip(), maxsplit=1)]
    if len(parts) == 2 and _LEGAL_FORM.match(parts[1]) and _NAME.fullmatch(parts[0]):
        return parts[0]
    for part in parts:
        name = part.title() if part.isupper() and len(part.split()) > 1 else part
        if not _MEETING.match(part) and _BODY_KIND.search(name) and _NAME.fullmatch(name):
            return name if len(name.split()) <= MAX_WORDS and not a_place(name) else None
    return None


def genre_titled(title: str, text: str = "") -> str | None:
    """The name on the other side of the title's colon or dash from the kind of document, if that side
    opens with a name, that name is no place and none of the field's own words, and the ``text``
    (when given) writes it too."""
    parts = _SPLIT.split(title.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    for genre, rest in (parts, parts[::-1]):
        if a_genre_label(genre) and _STRONG.search(genre):
            name = _name_opening(rest)
            # "FAQ: How To Apply" is a section; the subject of an FAQ is written throughout
            return name if _a_subject(name, text) else None
    return None


_CASE_HEADING = re.compile(
    r"(?im)^[#*\s]*(?:(?:cap[ií]tolo|cap[ií]tulo|chapter|section|sezione|se[cç][aã]o)[ \t]+\d+[.:]?[ \t]*)?"
    r"(?:\d+(?:\.\d+)*[.)]?[ \t]+)?(?:[^:\n]{0,60}?[,—–][ \t]+)?(?:caso[ \t]+di[ \t]+studio|estudo[ \t]+de[ \t]+caso|"
    r"case[ \t]+study|experi[êe]ncia[ \t]+em[ \t]+destaque|esperienza[ \t]+in[ \t]+evidenza|practice[ \t]+in[ \t]+focus)"
    r"[ \t]*[:–—][ \t]*(?-i:(.+?))[ \t*#]*$"
)
"""A section headed by the one case it studies: "Capitolo 3. Caso di studio: Caviro, Faenza (Emilia-Romagna)",
"1. EXPERIÊNCIA EM DESTAQUE: SEKEM, EGITO"."""
_PLACED = re.compile(r"^(.+?)(?:,[ \t]+[^,()]+)?(?:[ \t]*\([^()]+\))?$")


def case_headed(text: str, rival: str | None = None) -> str | None:
    """The name a text's one case-study heading gives (without the place after it), when the text
    writes it again, at least as often as the ``rival`` name (the ranker's guess: one case in a report
    about another practice is a section of it), and it is a name: not a place, a phrase or one of the
    field's words. Not a newsletter's "Em destaque:" or "In evidenza:": any item may head those."""
    headings = [m.group(1) for m in _CASE_HEADING.finditer(text)]
    if len(headings) != 1:
        return None  # a report of several cases
    heading = _PLACED.match(headings[0].strip())
    name = _name_opening(heading.group(1)) if heading else None
    if not name or not _a_subject(name, text):
        return None
    rivalled = rival and rival != name and times_as_written(rival, text) > times_as_written(name, text)
    return None if rivalled else name


def _a_subject(name: str | None, text: str) -> bool:
    """A name a title or a heading may give as a document's subject: no place, none of the field's
    words, and, when the ``text`` is given, a name of a scheme it writes twice or more and not as a
    lower-case phrase."""
    if not name or a_place(name) or an_everyday_term(name):
        return False
    if not text:
        return True
    return not (
        no_name_of_a_scheme(name, text) or _in_lower_case(name, text) or times_as_written(name, text) < 2
    )


def _in_lower_case(name: str, text: str) -> bool:
    """Every longer word of the name is one the text also writes in lower case, and it holds no
    acronym: a phrase ("How To Apply", "Area Riservata"), not a name."""
    if re.search(r"(?<![\w-])[A-Z]{2,}(?![\w-])", name):
        return False  # an acronym in it makes a name ("Certificação PME"), however common its other word
    words = [w.casefold() for w in re.findall(r"[^\W\d_]{4,}", name)]
    return bool(words) and all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words)


def _name_opening(rest: str) -> str | None:
    """``rest`` as a name (past an article), without a place it is said to be in ("… di Malta"); None
    when it is not a name through and through (a sentence, "I Contratti di rete") or runs longer than
    :data:`MAX_WORDS` words."""
    rest = _ARTICLE.sub("", rest.strip(" \t\"“”«»'’*_"))
    found = _NAME.fullmatch(rest)
    if not found or len(found.group().split()) > MAX_WORDS:
        return None
    name = found.group().strip()
    placed = _TRAILING_PLACE.match(name)
    if placed and a_place(placed.group(2)):
        name = placed.group(1)
    return name if len(name) >= 3 else None
