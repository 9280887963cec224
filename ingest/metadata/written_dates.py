"""When a text was written, told apart from when its practice began.

A news item, a letter or minutes open with a dateline ("Lucca, 3 marzo 2023"); a report or a
transcript signs off with one ("Gravado no Rio de Janeiro, em maio de 2022"). That year is the
practice's only when the text reports the practice starting then: "presented today", "assinaram
nesta segunda-feira", "inaugurato questa mattina". A meeting, a conference or a new intake of an
older programme tells the date of writing only, and the practice's year stays unknown.
"""

from __future__ import annotations

import re

from ingest.metadata.dating_sentences import a_dating_sentence
from ingest.metadata.renamings import renamed_years
from ingest.metadata.study_years import studied_years
from ingest.metadata.years import EVENT_VERBS, MONTH, begun_in, years_in_text

_DATELINE = re.compile(
    rf"(?im)^[ \t*_#]*(?-i:[A-ZÀ-Ý])[\w'’ .-]{{1,30}}(?:[ \t]*\((?-i:[A-Z]{{2}})\))?,[ \t]+"
    rf"(?:\w+,[ \t]+|(?-i:[A-Z][a-z]{{1,5}})\.,[ \t]+)?"
    rf"(?:\d{{1,2}}[ \t]+(?:de[ \t]+)?)?{MONTH}[ \t]+(?:\d{{1,2}},[ \t]+)?(?:de[ \t]+)?((?:19|20)\d\d)\b"
)
"""A dateline at a line's start: "Lucca, 3 marzo 2023", "Tunisi, ottobre 2022", "Cafelândia (PR),
24 de outubro de 2023", "Pretoria, 6 February 2020 — Twenty-four start-ups …" (prose may follow), a
city with its state's or province's abbreviation ("SASKATOON, Sask., June 12, 2019 –"; not a
timeline's "Kick-off meeting, Santa Maria, June 2016")."""
_SEASON = r"primavera|verão|verao|outono|inverno|estate|autunno|spring|summer|autumn|fall|winter"
_SHORT_MONTH = r"(?<=\d[ \t])(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
"""A month as an e-mail's header writes it, after its day ("Date: Thu, 14 Apr 2016 11:27:05 +0200"); not
"Mar 2020", Portugal's fisheries programme, nor a period's "Start: Jan 2018"."""
_DATED_LINE = re.compile(
    rf"(?i)(?:\b(?:{MONTH}|{_SEASON}|{_SHORT_MONTH})|\d{{1,2}}[/.-]\d{{1,2}}[/.-])[ \t]*(?:\d{{1,2}},[ \t]*)?"
    r"(?:(?:de|del|dell['’]|of)[ \t]*)?$"
)
"""A year ending a date with its month or season, as datelines, bylines, sign-offs, e-mail headers and
a newsletter's issue write it ("numero di primavera 2021")."""
_TIME = r"\d[\d:.h]*(?:\s*[ap]\.?m\.?)?(?:\s*[+-]\d{4}(?:\s*\([A-Z]{2,5}\))?)?"
_LINE_TAIL = re.compile(
    rf"[\s,.;:*_)\]]*(?:(?:ore|às|as|at|h|das|dalle|from)?\s*{_TIME}(?:\s*(?:[-–]|às|as|alle|to)\s*{_TIME})?"
    r"[\s,.;*_)\]]*)?"
    r"(?:[A-ZÀ-Ý][\w'’.-]*(?:[ \t]+[A-ZÀ-Ý][\w'’.-]*){0,2}[.*_]*\s*)?(?:[–—|·].*)?$"
)
"""What may follow a date on its line: a time or two ("ore 16:00", "das 9h às 12h40", "8:00 a.m. –
10:00 a.m."), a place ("November 2018,
Stellenbosch."), a byline's tail ("— Redação"); not the rest of a sentence ("em março de 2017, no
programa")."""
_DAY = re.compile(r"(?i)\d{1,2}(?:[°º]|st|nd|rd|th)?[ \t]+(?:de[ \t]+)?$")
_COPYRIGHT = re.compile(r"(?i)(?:©|copyright)\s*$")
_WEEKDAY = (
    r"segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|lunedì|martedì|"
    r"mercoledì|giovedì|venerdì|sabato|domenica|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_PLACE_FIRST = (
    r"^[\W]*(?-i:[A-ZÀ-Ý])[\w'’.-]*(?:[ \t]+(?-i:[A-ZÀ-Ý])[\w'’.-]*){0,3}[ \t]*(?:\((?-i:[A-Z]{2})\))?"
    rf"[ \t]*,[ \t]*(?:(?:{_WEEKDAY}),?[ \t]*)?$"
)
"""A place and a comma, perhaps a weekday, before the date: a dateline ("Roma, lunedì 3 marzo 2023")."""
_PUBLICATION = r"pubblicat[oa]|publicad[oa]|published|posted|prepared for|preparad[oa] para|preparat[oa] per"
"""A publication said before a date, one of :data:`_WRITING`'s words (:data:`_PUBLISHED` lets its line run on)."""
_WRITING = re.compile(
    rf"(?i)(?:^[\W\d]*$|^[^:]{{0,40}}:|[·|—–]|{_PLACE_FIRST}|\b(?:edizione|edição|edition|issue|numero|número|n\.|nº|"
    rf"versão|versione|version|gravad[oa]|"
    rf"registrad[oa]|registrat[oa]|recorded|{_PUBLICATION}|dated|redatt[oa]|"
    r"redação|redazione|newsletter|notiziario|boletim|bollettino|bulletin)\b|"
    r"(?:^|[.!?][ \t]+)[\W]*(?:(?:this[ \t]+)?page[ \t]+(?:was[ \t]+)?|página[ \t]+|pagina[ \t]+)?"
    r"(?:last[ \t]+)?(?:updated|reviewed|revised|aggiornat[oa]|aggiornamento|ultimo aggiornamento|atualizad[oa]|"
    r"atualização|última atualização|revist[oa]|verbale|ata|minutes)\b(?!.*\b(?:di costituzione|costitutiv[oa]|"
    r"di fondazione|de constituição|de fundação|de criação|founding|inaugural|constitutive)\b))"
)
"""What tells that the date on a line is when the text was written: nothing but the date ("November
2018, Stellenbosch."), a label ("Data:", "Posted:"), a byline's mark ("di Redazione — "), an
issue, a recording or a publication ("edizione del", "Gravado no Rio de Janeiro, em"), a review
("Last reviewed: July 2022") or a meeting's minutes ("Verbale della riunione del 23 novembre 2022")."""
SHORT_LINE = 100
"""Characters: a byline, a label's line or a sign-off is at most this long."""
_PUBLISHED = re.compile(rf"(?i)\b(?:{_PUBLICATION})\b")
"""A publication said before the date: its line may go on ("pubblicato il 27 febbraio 2020 nel blog …").
Not an issue's number: "numero" and "número" are as often a count ("Il numero delle imprese …")."""
PUBLISHED_LINE = 250
_PERIODICAL = re.compile(
    r"(?i)\b(?:newsletter|notiziario|boletim|bollettino|bulletin)\b"
    r"|\b(?:rivista|revista|magazine|rubrica|column)\b.*\b(?:numero|número|issue|edição|edizione|edition)"
    r"(?:[ \t]+(?:de|di|del|of))?[ \t]*$"
)
"""A periodical's line ("Dalla newsletter di un'associazione … — numero di aprile 2019") may be as
long as a publication's when its date ends it."""
_PLANNED = re.compile(
    r"(?i)\b(?:marcad[oa]s?|agendad[oa]s?|previst[oa]s?|scheduled|planned|fissat[oa]|prossim[oa]|próxim[oa]|"
    r"next|until)\b[^.!?\n]{0,40}$"
)
"""A date ahead ("a próxima reunião ficou marcada para 9 de novembro de 2023"): neither a date of
writing nor a start."""
_SINCE = re.compile(r"(?i)\b(?:desde|since|dal|dall['’]|dalla|a partir de|from|starting|início|inizio)\b")

_NOW = (
    r"hoje|ontem|(?:nest|est)[ae] (?:manhã|semana|segunda|terça|quarta|quinta|sexta|sábado|domingo)|"
    r"(?:neste|este) (?:mês|sábado|domingo)|n[ao] (?:segunda|terça|quarta|quinta|sexta)-feira|"
    r"oggi|ieri|stamattina|stamane|questa mattina|questa settimana|questo mese|"
    r"(?:lunedì|martedì|mercoledì|giovedì|venerdì)(?: scorso)?|"
    r"today(?:'s)?|yesterday|this (?:morning|week|month|year|spring|summer|autumn|winter)|"
    r"on (?:monday|tuesday|wednesday|thursday|friday)|quest['’]anno|neste ano|este ano"
)
_STARTS = re.compile(
    rf"(?i)\b(?:{EVENT_VERBS}|unveil(?:ed|s)?|begun|set out|formaliz(?:ou|aram)|assinad[oa]s?|sottoscrit\w*|"
    rf"inaugurat[oaie])\b"
)
"""A start: launched, signed, presented, inaugurated (news when told today or yesterday)."""
_STARTING_NOW = re.compile(
    r"(?i)\b(?:kick-?off|al via|(?:è|sono) (?:partit[oaie]|stat[oaie] (?:avviat|lanciat|inaugurat)\w*)|"
    r"in costituzione|da quest['’]anno|a partir deste ano|from this year|starting this year|"
    r"(?:has|have) (?:just )?(?:begun|started|launched|set up|signed|formed|opened))\b"
)
"""A start told as news without a day: a kick-off, "al via", "è partito", "in costituzione", "have
begun building"."""
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NOW_WORD = re.compile(
    rf"(?i)(?<!\bad )(?<!\bfino a )(?<!\bfino ad )(?<!\bate )(?<!\baté )(?<!\bto )\b(?:{_NOW})\b"
)
"""Today, yesterday, this week; not "ad oggi", "até hoje", "to date"."""
_RECURRING = re.compile(r"(?i)\b(?:edizione|edição|edition|relatório|relazione|report|bilancio|balanço)\b")
"""An edition of a recurring event or a yearly report is presented, not started."""
_INTAKE = re.compile(
    rf"(?i)\b(?:{EVENT_VERBS}|opened|aperto|aprito|abriu|abre|opens)\b[^,.;:!?]{{0,50}}?\b(?:next|new|second|third|"
    r"fourth|fifth|latest|nuov[oaie]|prossim[oaie]|nov[oa]s?|próxim[oa]s?|segund[oa]s?|terceir[oa]s?|second[oaie]|"
    r"terz[oaie])\s+(?:\w+\s+)?(?:cohorts?|intakes?|coort[ei]|turmas?|calls?|band[oi]|editais|edital|chamadas?)\b"
)
"""A programme's next cohort or call, the object of what is opened or launched today ("opened
applications for the next cohort of its incubator", "ha lanciato oggi il nuovo bando"): the
programme is older ("launched a new fund, with a new call for proposals" starts the fund)."""
_SENTENCE = re.compile(r"[^.!?\n]+")
OPENING = 900
"""Characters: where a news item reports what happened (its lead)."""


def written_on(text: str, at: int) -> bool:
    """Whether the year at ``at`` is told as the date of writing: in a dateline, after a copyright
    mark, or ending a date on a short line of its own that a label, a byline or an issue leads
    ("Data: 17 de agosto de 2021", "di Redazione — 4 giugno 2019"); not after "desde" or "since"."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    dateline = _DATELINE.match(text, line_start)
    if dateline and dateline.start(1) == at:
        return True
    if a_dating_sentence(text, at, line_start, line_end):
        return True  # "… por consultores independentes. Versão de novembro de 2021. Não citar …"
    before = text[line_start:at]
    if _COPYRIGHT.search(before):  # "© 2024 Rivista di cultura"
        return True
    dated = _DATED_LINE.search(before)
    if not dated:
        return False
    lead_in = _DAY.sub("", before[: dated.start()])  # the words before the date
    length = len(text[line_start:line_end].strip())
    if _PUBLISHED.search(lead_in) and length <= PUBLISHED_LINE:
        return not _SINCE.search(before[-30:]) and not _STARTS.search(before)
    return (
        length <= (PUBLISHED_LINE if _PERIODICAL.search(lead_in) else SHORT_LINE)
        and bool(_WRITING.search(lead_in))  # not "In March 2017, Sebrae launched the network."
        and bool(_LINE_TAIL.match(text, at + 4, line_end))
        and not _SINCE.search(before[-30:])  # "desde março de 2019", not "Dal notiziario …"
        and not _STARTS.search(before)  # "Patto per il Lavoro sottoscritto a Bologna il 20 luglio 2015"
    )


def reports_a_start(text: str, about: re.Pattern[str] | None = None) -> bool:
    """Whether the text's lead reports a start as news: a launch, a signing, a presentation told
    today, yesterday or this week ("hanno presentato oggi"), or a start told as under way with no
    year of its own ("È partito ad aprile il progetto", "have begun building"); not a meeting or a
    conference about what already exists, nor a figure of speech ("nasce tra le ville venete").
    ``about``: only a start told in a sentence it matches counts (a district's own launch, not its
    firms' new plan)."""
    return any(
        (_told_now(s) or _STARTING_NOW.search(s))
        and (about is None or about.search(s) is not None)
        and not _YEAR.search(s)
        and not _RECURRING.search(s)
        and not _INTAKE.search(s)
        for s in _SENTENCE.findall(_DATELINE.sub("", text[:OPENING]))  # its dateline is not its own year
    )


NEAR = 100
"""Characters between a start and the word that makes it today's ("apresentaram hoje", "recebeu este
mês uma unidade do Balcão, o serviço lançado …"; not "reúne hoje cerca de 600 empresas de fiação, …
e apresentou a pauta", 115 apart). Chosen between those two labelled documents."""


def _told_now(sentence: str) -> bool:
    """A start told today, yesterday or this week, the two close together."""
    return any(
        abs(start.start() - now.start()) <= NEAR
        for start in _STARTS.finditer(sentence)
        for now in _NOW_WORD.finditer(sentence)
    )


def dates_of_writing(text: str) -> set[int]:
    """The years a text tells only as its date of writing (:func:`written_on`)."""
    written: dict[int, bool] = {}
    for year, at, _, decade in years_in_text(text):
        if _PLANNED.search(text[max(0, at - 60) : at]):
            continue  # a date ahead: a next meeting, a deadline
        written[year] = written.get(year, True) and not decade and written_on(text, at)
    return {year for year, only in written.items() if only}


def year_of_writing(text: str) -> int | None:
    """The year of the opening's publication line ("Publicado em 28 de julho de 2025 por …", "Posted
    on 3 May 2021"), told as the date of writing: what an anniversary counts back from where no
    dateline gives it (not a timeline's, a copyright's or a period's first year, nor a date ahead)."""
    for year, at, _, decade in years_in_text(text[:OPENING_CHARS]):
        before = text[text.rfind("\n", 0, at) + 1 : at]
        if not decade and _PUBLISHED.search(before) and not _PLANNED.search(before) and written_on(text, at):
            return year
    return None


OPENING_CHARS = 800

_MINUTES_DATE = re.compile(
    rf"(?i)\bl['’]anno\s+((?:19|20)\d\d)\s*,?\s*(?:il\s+)?giorno\b"
    rf"|\baos\s+[\w -]{{1,30}}?\s+dias?\s+do\s+m[eê]s\s+de\s+{MONTH}\s+(?:do\s+ano\s+)?de\s+((?:19|20)\d\d)\b"
    rf"|\bon\s+(?:this\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+day\s+of\s+{MONTH},?\s+((?:19|20)\d\d)\b"
)
"""Minutes' and deeds' formula for the day they record: "L'anno 2024, il giorno 27 del mese di
aprile", "Aos vinte e sete dias do mês de abril de 2024", "On the 27th day of April, 2024"."""


def minutes_year(text: str) -> int | None:
    """The year the opening's minutes formula dates the meeting: when the text was written."""
    match = _MINUTES_DATE.search(text[:1500])
    return int(next(g for g in match.groups() if g)) if match else None


def refused_years(text: str, district: re.Pattern[str] | None = None) -> set[int]:
    """The years that cannot be the practice's: those told only as the date of writing, a heading
    report's years that the text tells with no start, and a study's own dates, when the text reports
    no start as news (the cheap test of the lead first: a long report's every year is read only when
    needed); and the years told only as a renaming. A text about a district that grew reports its
    own start only in a sentence that names a district (``district``, the words that do); any other
    start it reports is its firms' new plan."""
    if reports_a_start(text, district):
        return renamed_years(text)
    return dates_of_writing(text) | reported_years(text) | studied_years(text) | renamed_years(text)


_YEARS = r"((?:19|20)\d\d)(?:[ \t]*[-–/][ \t]*((?:19|20)\d\d))?"
_REPORTS = r"rapporto|relazione|relatório|relatorio|report|bilancio|balanço|anuário|yearbook"
_REPORT = re.compile(
    rf"(?im)^[\W]*(?:[^\n]{{0,60}}?[ \t—–:-])?(?:{_REPORTS})(?:[ \t]+(?:annuale|anual|annual|di attività|"
    r"de atividades|sociale|social|di sostenibilità|de sustentabilidade|sustainability)){0,2}"
    rf"[ \t]*[-–—:,]?[ \t]*{_YEARS}[ \t*_]*(?:$|[—–|]|-[ \t]|(?<=\b\d\d\d\d)\.$)"
)
"""A report's year heading a line ("OSSERVATORIO ECONOMICO — RAPPORTO 2023", "Relatório Anual 2022",
"Annual Report 2021–2022", "ANNUAL REPORT 2022 — EXCERPT"; not "il rapporto 2020 del distretto
mostra" or "Segundo o relatório 2019 (Fiemg)"): the years it reports on, whose figures the text
then gives."""


def reported_years(text: str) -> set[int]:
    """The years a report heading the text covers, unless the text tells something founded,
    created or opened then ("Relatório Anual 2022 … o parque foi inaugurado em 2022"): its
    figures' years, not its practice's start."""
    reported = {int(y) for m in _REPORT.finditer(text[:OPENING]) if _alone(m) for y in m.groups() if y}
    return {year for year in reported if not begun_in(text, year)}


def _alone(heading: re.Match[str]) -> bool:
    """A heading ending in a full stop only when nothing but it is on its line ("Balanço Social
    2022."; not "A rede é citada no Relatório Anual 2019.")."""
    written = heading.group()
    return not written.rstrip().endswith(".") or _REPORT_WORD.match(written.lstrip("#*_ \t")) is not None


_REPORT_WORD = re.compile(rf"(?i)(?:{_REPORTS}|annual)\b")
