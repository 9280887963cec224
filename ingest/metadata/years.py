"""How a text tells its years: as dates, starts, decades, with a launch or a founding, in a name or a
law's number, in a background section. :mod:`ingest.metadata.year_ranker` weighs them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kb.text import MONTH, STOPWORDS, fold

_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20[0-4]\d)(?![\d/])")
_ANY_YEAR = re.compile(r"(?<![\d/.,-])(1[7-9]\d\d|20[0-4]\d)(?![\d/])")  # where another year's clause starts
_LAW_NUMBER = re.compile(r"\b(?:n\.|nº|no\.|n°)\s*$", re.IGNORECASE)
_PART_OF_A_YEAR = (
    r"(?:the\s+)?(?:fim|final|in[íi]cio|come[çc]o|meados|fine|inizio|met[àa]|end|beginning|middle)\s+"
    r"(?:de|do|del|dell['’]|of)\s+"
)
START = re.compile(
    r"\b(?:em|in|nel|no|desde|dal|since|a partir de|from|inaugurad[oa]|lançad[oa]|lanciat[oa]|launched|criad[oa]|creat[oa])\s+"
    rf"(?:(?:\d{{1,2}}(?:[°º]|st|nd|rd|th)?\s+(?:de\s+|of\s+)?)?{MONTH}\s+(?:de\s+|del\s+|of\s+)?|{_PART_OF_A_YEAR})?$"
    rf"|(?<!fino )(?<!until )(?<!até )(?<!entro )\b(?:alla|all['’]|at|ao|a)\s+{_PART_OF_A_YEAR}$",
    re.IGNORECASE,
)
"""A year introduced as when something happened: "em 2017", "em março de 2017", "in March 2017", "no fim
de 2011", "alla fine del 2011", "at the end of 2011" (not "fino alla fine del 2026", "até ao fim de 2027":
a period's end)."""


_DECADES = range(1950, 2000, 10)
_DECADE_WORDS = dict(
    zip("cinquanta sessanta settanta ottanta novanta".split(), _DECADES, strict=True)
) | dict(zip("cinquenta sessenta setenta oitenta noventa".split(), _DECADES, strict=True))
_DECADE = re.compile(r"\b(?:anni|anos|década de)\s+(" + "|".join(_DECADE_WORDS) + r")\b", re.IGNORECASE)


_NAMED = re.compile(r"(?:\b[A-Z][\w+-]*|[A-Z])[ \t]?$")
"""A word that makes the year after it part of a name: "Rota 2030", "Horizon 2020", "PDR2020"."""
_ABBREVIATED_MONTHS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec gen fev mag giu lug ago set ott dic abr out dez".split()
)
_TIME_WORDS = frozenset(
    "desde since until till ate fino between entre after before depois dopo prima antes circa around "
    "verso during durante early mid late fine inizio inicio apos pos pre entro ano anno year "
    "spring summer autumn fall winter primavera verao outono inverno estate autunno".split()
)


_ARTICLE_FIRST = re.compile(r"(?:^|[.!?:\n][ \t]*)(?:O|A|Il|Lo|La|The)[ \t]+$")


def in_a_name(text: str, match: re.Match[str]) -> bool:
    """ "do Rota 2030", "COMPETE 2020", "PDR2020": a programme named by a year, not a date. The
    word before must be a name's (in capitals, or capitalised inside a sentence) and neither a
    month ("in Feb 2012") nor a time word ("Durante 2015")."""
    before = text[max(0, match.start() - 20) : match.start()]
    word = _NAMED.search(before)
    if not word:
        return False
    written = word.group().strip()
    folded = fold(written).rstrip(".")
    if folded in STOPWORDS or folded in _TIME_WORDS or folded in _ABBREVIATED_MONTHS:
        return False
    if re.fullmatch(MONTH, written, re.IGNORECASE):
        return False
    shouting = sum(ch.isupper() for ch in written) >= 2 or any(ch.isdigit() for ch in written)
    start = match.start() - len(before) + word.start()  # where the word begins in the text
    # a name's word after a lower-case word or a "+" ("Emprego + Digital 2025"; "Facts & Figures 2021"
    # is a heading's year)
    inside_sentence = bool(re.search(r"[a-zà-ÿ0-9,;)+][ \t]+$", text[max(0, start - 4) : start]))
    inside_sentence |= bool(_ARTICLE_FIRST.search(text[max(0, start - 6) : start]))  # "O Rota 2030 …"
    return shouting or inside_sentence


_DATELINE = re.compile(
    rf"(?im)^[ \t*_#]*(?:(?-i:[A-ZÀ-Ý])[\w ]{{2,30}}[ \t]+[—–][ \t]+)?(?-i:[A-ZÀ-Ý])[\w' -]{{1,30}}(?:[ \t]*\((?-i:[A-Z]{{2}})\))?,[ \t]+(?:\w+,[ \t]+)?\d{{1,2}}[ \t]+(?:de[ \t]+)?{MONTH}[ \t]+(?:de[ \t]+)?((?:19|20)\d\d)\b"
)
"""A dateline heading minutes or a letter: "Foggia, 18 febbraio 2022", "Picos, 3 de maio de 2015",
"Cafelândia (PR), 24 de outubro de 2023", after its genre: "Comunicato stampa — Mezzocorona (TN), 28
giugno 2024"."""


def dateline_year(text: str) -> int | None:
    """The year of a dateline in the first lines: when the text says nothing else, a meeting's
    or a letter's date is the practice's."""
    match = _DATELINE.search(text[:1500])
    return int(match.group(1)) if match else None


_DECADE_BEFORE = re.compile(
    r"\b(?:anos|anni|década de|decennio|decade of|years)\s+(?:(?:d[eoa]s?|del|dei)\s+)?"
    r"(?:\d{4}['’]?s?\s*(?:e|ed|and|y|,)\s+)?$",
    re.IGNORECASE,
)


def is_decade(text: str, match: re.Match[str]) -> bool:
    """'1990s', "the early 2000's", 'anos 1990', 'nos anos de 1990', 'primi anni del 2000': a period
    recalled, not a date (a decade's year ends in 0: "os anos de 2013 e 2015" are years)."""
    if not match.group().endswith("0"):
        return False
    before = text[max(0, match.start() - 25) : match.start()]
    after = text[match.end() : match.end() + 2]
    return after[:1] == "s" or after in ("'s", "’s") or bool(_DECADE_BEFORE.search(before))


BEGUN = re.compile(
    r"(?i)\b(?:found(?:ed)|creat(?:ed)|establish(?:ed)|set up|constituted|inaugurat(?:ed)|fund(?:ou|aram|ad[oa]s?)|"
    r"cri(?:ou|ad[oa]s?)|inaugur(?:ou|ad[oa]s?)|institu(?:iu|íd[oa]s?)|constitu(?:iu|íd[oa]s?)|nasceu|"
    r"fondat[oaie]|fondò|fondarono|creat[oaie]|creò|istituit[oaie]|istituì|costituit[oaie]|costituì|costituirono|"
    r"inaugurat[oaie]|nacque|nat[oa]|dieder?o? vita)\b"
)
"""A founding, a creation or an opening: how a text tells its practice's start (not "signed",
"presented" or "launched a new track", which a report tells of any year)."""


def begun_in(text: str, year: int, begun: re.Pattern[str] = BEGUN) -> bool:
    """Whether a sentence of the text tells something founded, created or opened in ``year``
    (``begun``: the words that tell it)."""
    return any(
        begun.search(sentence) for sentence in re.findall(rf"[^.!?\n]*(?<!\d){year}(?!\d)[^.!?\n]*", text)
    )


_FROM = re.compile(
    r"\b(?:a partir d[oa]s?|desde|since|from|dal|dall[a']|dagli|dai|fin da(?:gli|i)?)\s+(?:the\s+|os\s+|as\s+)?"
    r"(?:(?:early|mid|late|inizio|fine|meados|início|final)(?:-|\s+)(?:d[oa]s\s+|degli\s+|of\s+the\s+)?)?"
    r"(?:anos|anni|década de|decade of|years)?\s*$",
    re.IGNORECASE,
)
"""A period the practice starts from ("a partir dos anos 1990", "from the late 1980s"), unlike
one recalled in passing ("negli anni Novanta", "in the 1970s")."""


def years_in_text(text: str) -> list[tuple[int, int, bool, bool]]:
    """(year, offset, introduced as a start, is a decade). A year is a start after a word such
    as 'em', 'nel', 'since'; a decade only after 'from', 'a partir dos', 'dagli'."""
    found = []
    for match in _YEAR.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if _LAW_NUMBER.search(before[-25:]) or in_a_name(text, match):
            continue
        decade = is_decade(text, match)
        started = _decade_started(text, match) if decade else START.search(before)
        found.append((int(match.group()), match.start(), bool(started), decade))
    for match in _DECADE.finditer(text):  # "dagli anni Novanta", "a partir dos anos noventa"
        found.append(
            (_DECADE_WORDS[match.group(1).lower()], match.start(), _decade_started(text, match), True)
        )
    return sorted(found, key=lambda item: item[1])


_SENTENCE_BREAK = re.compile(r"(?i)(?<!\bn)(?<!\bnr)(?<!\bno)(?<!\bart)[.!?](?=\s|$)|\n")
"""Where a sentence ends: a stop before a space, not the one of "n. 16.736" or "art. 5"."""


def _decade_started(text: str, match: re.Match[str]) -> bool:
    """A decade the practice starts from, or told with its creation in the same sentence
    ("negli anni Novanta nacquero le prime reti"), not a period of growth or crisis recalled."""
    before = text[max(0, match.start() - 25) : match.start()]
    sentence = _SENTENCE_BREAK.split(text[max(0, match.start() - EVENT_WINDOW) : match.start()])[-1]
    sentence += _SENTENCE_BREAK.split(text[match.end() : match.end() + EVENT_WINDOW])[0]
    return bool(_FROM.search(before) or _EVENT.search(sentence))


EVENT_VERBS = (
    r"launch(?:ed|es)?|creat(?:ed|es)|found(?:ed)|start(?:ed|s)|establish(?:ed|es)|set up|began|"
    r"announc(?:ed|es)|introduc(?:ed|es)|presented|"
    r"lanç(?:ou|ad[oa]s?)|cri(?:ou|ad[oa]s?)|fund(?:ou|aram|ad[oa]s?)|inici(?:ou|ad[oa]s?)|institu(?:iu|íd[oa]s?)|"
    r"começ(?:ou|aram)|commissioned|inaugurated|iniziò|iniziat[oaie]|cominciò|"
    r"implant(?:ou|ad[oa]s?)|inaugur(?:ou|ad[oa]s?)|apresent(?:ou|ad[oa]s?)|"
    r"constituted|constitu(?:iu|íd[oa]s?)|arranc(?:ou|ad[oa]s?)|nasceu|nasceram|nacque|nacquero|nasce|born|"
    r"lanciat[oaie]|avviat[oaie]|fondat[oaie]|istituit[oaie]|costituit[oaie]|promoss[oaie]|presentat[oaie]|"
    r"avviò|lanciò|fondò|fondarono|creò|istituì|costituì|costituirono|dieder?o? vita|promosse|presentò|nacque|(?-i:creat[oai]|(?:state|sono) create|nat[oaie](?= (?:nel|in) ))|"
    r"(?:ha|hanno) (?:lanciato|avviato|promosso|fondato|istituito|presentato)|"
    r"formed|signed|joined|form(?:ou|aram)|assin(?:ou|aram)|firm(?:ou|aram)|ader(?:iu|iram)|"
    r"operativ[oaie] dal|in funzione dal|operational since|in operation since|operating since|"
    r"em funcionamento desde|em operação desde|entr(?:ò|at[oaie]) in vigore|entr(?:ou|aram) em vigor|"
    r"(?:came|entered) into force|(?:came|went) into operation|(?:began|started) operating|"
    r"entr(?:ou|aram) em (?:funcionamento|operação)|começ(?:ou|aram) a (?:funcionar|operar)|"
    r"entr(?:ò|arono) in (?:funzione|esercizio)|iniziò a operare|"
    r"(?:è|sono|era|erano|fu|furono) (?:nat[oaie]|partit[oaie])|firmat[oaie]|sottoscritt[oaie]|aderit[oaie]|"
    r"abr(?:iu|iram) (?:as )?(?:suas )?portas|opened (?:its|their) doors|(?:officially|formally) opened|"
    r"(?:aprì|aprirono|(?:ha|hanno) aperto) (?:i (?:suoi )?battenti|le (?:sue )?porte)"
)
"""A launch, a creation, a founding, a signing, an opening of doors, in pt/it/en."""
_EVENT = re.compile(rf"\b(?:{EVENT_VERBS})\b", re.IGNORECASE)
EVENT_WINDOW = 120
"""Characters between a year and the verb that makes it the practice's own (same sentence)."""


FOUNDING = re.compile(
    r"\b(?:found(?:ed)|fund(?:ou|aram|ad[oa]s?)|fondat[oaie]|fondò|fondarono|(?:ha|hanno) fondato|nasceu|nasce|nacque|born|"
    r"(?:(?:è|sono|era|erano|fu|furono) )?nat[oaie])\b",
    re.IGNORECASE,
)


_FIRM = re.compile(
    r"(?i)\b(?:empresa|firma|firm|company|azienda|ditta|impresa|f[aá]brica|fabbrica|factory|oficina|officina|"
    r"loja|negozio|shop|yard|mill|business|neg[oó]cio)\b"
)
_FOUNDERS = re.compile(
    r"(?i)\b(?:by|por|pel[oa]s?)[ \t]+(?!\d)[^,;]*"
    r"(?:,[ \t]*(?:together with|along with|insieme a|insieme con|junto com|juntamente com)\b[^,;]*)*"
)
"""Who founded it, up to the next comma but for those it names with them ("founded in 2000 by Chalmers
and the City, together with the business community"): "founded in 1982 by business leaders" is no firm's
founding ("Founded in 1985, by 1990 the company …" and "… by John Smith, the company …" are)."""
_ONE_FOUNDER = re.compile(
    r"(?i)^[^.;]{0,40}?\b(?:by[ \t]+an?|por[ \t]+um|da[ \t]+un)[ \t]+(?:[\w-]+[ \t]+){0,2}(?:entrepreneur|businessman|"
    r"businesswoman|craftsman|inventor|merchant|watchmaker|empres[aá]ri[oa]|empreendedor|comerciante|artes[aã]o|"
    r"imprenditore|imprenditrice|artigiano|commerciante|mercante|orologiaio)\b"
    r"(?![ \t]+(?:association|associa|family|famiglia|fam[ií]lia|and|e|together|insieme|junto|turned))"
    r"(?![^.;]{0,60}\b(?:together with|along with|with \d+|insieme a|junto com|com \d+|con \d+))"
)
"""One person founding it, in business ("founded in 1968 in Middlebury by a local entrepreneur"): a
firm; a practice is founded by many, or by a body."""
FIRM = 2
"""A founding told of a firm, which is older than the practice it joins (not a network's own)."""


def event_years(text: str, years: re.Pattern[str] = _YEAR) -> Iterator[tuple[int, int, int]]:
    """Years told with an event verb in their clause: (year, whether that verb is a founding —
    FIRM when a firm's —, where)."""
    for match, verb, before, after in told_with_a_verb(text, years):
        founding = bool(FOUNDING.fullmatch(verb.group()))
        firm = founding and (
            _FIRM.search(f"{before} {_FOUNDERS.sub('', after, count=1)}") or _ONE_FOUNDER.search(after)
        )
        yield int(match.group()), FIRM if firm else int(founding), match.start()


def verbs_of_years(text: str) -> Iterator[tuple[int, int]]:
    """Each year told with an event verb in its clause, and where that verb is in ``text`` (the nearest
    before the year, as :func:`told_with_a_verb` takes it, else the first after it)."""
    for match, verb, before, _ in told_with_a_verb(text, _YEAR):
        earlier = [*_EVENT.finditer(before)]
        at = match.start() - len(before) + earlier[-1].start() if earlier else match.end() + verb.start()
        yield int(match.group()), at


def told_with_a_verb(
    text: str, years: re.Pattern[str], verbs: re.Pattern[str] = _EVENT
) -> Iterator[tuple[re.Match[str], re.Match[str], str, str]]:
    """Each year with the event verb nearest it in its own clause, and the clause's words before
    and after it; not a law's number, a decade or a year inside a name."""
    for match in years.finditer(text):
        before = text[max(0, match.start() - EVENT_WINDOW) : match.start()]
        after = text[match.end() : match.end() + EVENT_WINDOW]
        before, after = _own_clause(_SENTENCE_BREAK.split(before)[-1], _SENTENCE_BREAK.split(after)[0])
        if _LAW_NUMBER.search(before) or is_decade(text, match) or in_a_name(text, match):
            continue
        verb = ([*verbs.finditer(before)] or [None])[-1] or verbs.search(after)  # the nearest
        if verb:
            yield match, verb, before, after


def _own_clause(before: str, after: str) -> tuple[str, str]:
    """The words around a year that may hold its verb: up to another year introduced as a date
    ("the 2008 recession, and in 2012 … announced": the verb is 2012's), but not past one merely
    mentioned ("Em 2010, após a crise de 2008, … lançou": the verb is 2010's)."""
    for match in _ANY_YEAR.finditer(after):
        if START.search(after[: match.start()]):
            # a clause joined right after the year is the later year's ("concedida em 1989 e o parque
            # abriu as portas em 1993": the opening is 1993's; "Nel 2003 la Camera e la Regione hanno
            # fondato …" keeps its founders' verb)
            after = after[: match.start()]
            after = "" if _JOINED.match(after) else after
            break
    for match in reversed(list(_ANY_YEAR.finditer(before))):
        if START.search(before[: match.start()]):
            before = before[match.end() :]
            break
    return before, after


_JOINED = re.compile(
    r"(?i),?[ \t]+(?:e|and|ed)[ \t]+(?:(?:the|o|a|os|as|il|lo|la|i|gli|le|que|che|which|that|who)[ \t]+|l['’])(?=\w)"
)
"""A clause joined to the one before, its subject or a relative first ("… e o parque abriu …", "… and the
park opened …", "… e que criou a incubadora em 1989"); not words joined in a name ("manufacturing and
engineering network") nor a date ("… e em 2008")."""
