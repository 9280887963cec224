"""The years a study or an evaluation of the practice was done or looked at: when the text was
researched ("A avaliação foi feita entre julho e outubro de 2019", "Período avaliado: 2019–2023"),
not when its practice began."""

from __future__ import annotations

import re

from ingest.metadata.years import begun_in

_STUDY = (
    r"avalia[çc][ãa]o|pesquisa|levantamento|estudo|entrevistas|visitas|trabalho de campo|evaluation|assessment|"
    r"survey|fieldwork|field work|study|interviews|field visits|valutazione|indagine|rilevazione|studio|interviste"
)
_DONE = (
    r"(?:foi|foram|was|were|(?:è|sono) stat[oaie]|fu|furono)[ \t]+(?:feit[oa]s?|realizad[oa]s?|conduzid[oa]s?|"
    r"carried out|conducted|done|performed|svolt[oaie]|realizzat[oaie]|condott[oaie]|effettuat[oaie])"
)
_STUDIED = re.compile(
    rf"(?im)(?<!first )(?<!primeira )(?<!primeiro )(?<!prima )(?<!primo )\b(?-i:{_STUDY})\b[^.!?\n]{{0,40}}\b{_DONE}\b[^.!?\n]{{0,60}}?(?<!\d)((?:19|20)\d\d)(?!\d)"
    rf"|^[\W]*(?:{_STUDY})[ \t]*:[^\n]{{0,60}}?(?<!\d)((?:19|20)\d\d)(?!\d)"
)
"""A study's own dates: "A avaliação foi feita entre julho e outubro de 2019", "Fieldwork: March–May
2021", "L'indagine è stata svolta nel 2022": when the text was researched, not when its practice began.
A first survey ("La prima indagine fu realizzata nel 2006") may be the start of an observatory, and one
named in capitals ("The Export Readiness Survey was conducted in 2017") may be the practice itself."""
_OPENED = re.compile(
    r"(?i)\b(?:opened|launched|abert[oa]|lançad[oa]|lancad[oa]|apert[oa]|lanciat[oa]|avviat[oa]|inaugur\w+)\b"
)


_WINDOW = re.compile(
    r"(?im)^[\W_]*(?:per[ií]odo[ \t]+(?:avaliado|abrangido|coberto|analisado|em an[aá]lise|de avalia[çc][ãa]o|"
    r"valutato|coperto|esaminato|in esame|di valutazione|de observa[çc][ãa]o|di osservazione|de estudo|"
    r"di studio|da pesquisa)|(?:evaluation|review|reporting|observation|study|fieldwork)[ \t]+period|"
    r"period[ \t]+(?:covered|under[ \t]+review|evaluated|assessed|of[ \t]+(?:observation|study)))[ \t*_]*:([^\n]{0,120})"
)
"""A review's window, labelled ("Período avaliado: janeiro de 2021 a junho de 2023", "**Evaluation
period:** 2019–2023", "Periodo coperto: 2019–2022", "Período de observação: visitas de campo em abril de 2022"): the
years an evaluation looked at, every one of
them, not when the practice began (a card's own "Periodo di riferimento: dal 1997 a oggi" is not one)."""


def studied_years(text: str) -> set[int]:
    """The years a study or an evaluation of the practice was done or looked at, unless the text tells
    something founded, created, opened, launched or started then."""
    studied = {int(y) for m in _STUDIED.finditer(text) for y in m.groups() if y}
    studied |= {
        int(y[1])
        for m in _WINDOW.finditer(text)
        if not _OPEN_ENDED.search(m[1])  # "Período coberto: 2014 – atual" is a card's own span
        for y in _YEAR.finditer(m[1])
        if not _begun_at(m[1], y.start())  # "desde a criação do APL, em 2006, até 2018": 2018 only
    }
    return {
        year
        for year in studied
        if not begun_in(text, year)
        and not begun_in(text, year, _OPENED)
        and not begun_in(text, year, _STARTED)
    }


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_BEGINNING = re.compile(
    r"(?i)\b(?:cria[çc][ãa]o|funda[çc][ãa]o|lan[çc]amento|in[íi]cio|nascimento|creazione|fondazione|nascita|"
    r"costituzione|avvio|lancio|creation|founding|launch|start|establishment|birth)\b"
)
"""A window that opens at the practice's own beginning ("Período de estudo: desde a criação do APL, em 2006,
até 2018"): that year is the practice's."""


def _begun_at(window: str, at: int) -> bool:
    """Whether the year at ``at`` is the first one after a word of the practice's beginning."""
    told = [*_BEGINNING.finditer(window, 0, at)]
    return bool(told) and not _YEAR.search(window, told[-1].end(), at)


_OPEN_ENDED = re.compile(
    r"(?i)\b(?:atual|atualidade|hoje|presente|present|oggi|today|now|in corso|em curso|ongoing)\b"
)
_STARTED = re.compile(
    r"(?i)\b(?:started|starts|began|begun|come[çc]ou|come[çc]aram|inici(?:ou|aram|ad[oa]s?)|partit[oaie]|"
    r"iniziat[oaie]|cominciat[oaie]|kick-?off)\b"
)
"""A start in other words than a founding: a window's first year that the text tells the practice
"started", "começou" or "è partito" in stays a candidate."""
