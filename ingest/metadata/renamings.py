"""Years a text tells only as a renaming: "adopted Sunkist Growers as its corporate name in 1952",
"em 1998 passou a se chamar …", "nel 1975 assunse il nome di …". A body renamed that year had
begun before it, so the year is no start (a launch or a founding told in the same clause still is:
"It began in 1996 under the name …", "launched in 2018 under … (now rebranded as …)")."""

from __future__ import annotations

import re

from ingest.metadata.years import EVENT_VERBS

_RENAMING = re.compile(
    r"(?i)\b(?:renamed|rebranded|changed\s+its\s+name|adopted\s+[^.;\n]{0,60}?\bname|took\s+(?:on\s+)?the\s+name|"
    r"became\s+known\s+as|passou\s+a\s+(?:se\s+)?chamar|mud(?:ou|aram)\s+(?:de|o|seu)\s+nome|"
    r"adotou\s+(?:o\s+nome|a\s+denomina[çc][ãa]o)|renomead[oa]|rebatizad[oa]|trocou\s+de\s+nome|"
    r"ganhou\s+o\s+nome|cambi(?:ò|ato)\s+(?:il\s+)?(?:proprio\s+)?nome|(?:assunse|ha\s+assunto|prese)\s+"
    r"(?:il\s+nome|la\s+denominazione)|rinominat[oa]|ribattezzat[oa]|denominat[oa]\s+poi)\b"
    r"|(?-i:\b(?:became|tornou-se|divenne|diventò)\s+(?:the\s+|a\s+|o\s+|la\s+|il\s+|l['’])?[A-Z])"
)
_CLAUSE = re.compile(r"[^.!?\n,;:()]+?(?=[.!?\n,;:()]|\s(?:and|e|ed)\s|$)")
_START = re.compile(rf"(?i)\b(?:{EVENT_VERBS}|opened|abriu|aprì|apert[oa])\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def renamed_years(text: str) -> set[int]:
    """The years every clause of which tells a renaming, and none a launch, a founding or an opening."""
    renamed: dict[int, bool] = {}
    for clause in _CLAUSE.findall(text):
        renaming = _RENAMING.search(clause) is not None and _START.search(clause) is None
        for year in {int(y) for y in _YEAR.findall(clause)}:
            renamed[year] = renamed.get(year, True) and renaming
    return {year for year, only in renamed.items() if only}
