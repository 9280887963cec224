"""Every name a text might give a programme: its capitalised runs of words and its quoted phrases.

The programme patterns (:mod:`ingest.metadata.programme_names`) find names that a text
introduces as programmes. When they find nothing, :mod:`ingest.metadata.name_ranker` scores
these candidates instead, so the spans are generous: a run of capitalised words with the
small words that join them ("Programa de Apoio aos Polos Tecnológicos", "Sostegno
all'Export"), its parts either side of a dash, the name before a body it belongs to
("Programa de Grupos Exportadores" of "… della Fundación Export.Ar"), and quoted phrases.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ingest.metadata.programme_patterns import BODIES, KEYWORDS

JOINING = frozenset(
    "de da do das dos di del della dello delle dei degli per for of the and e & + para em in na no "
    "nas nos a ao aos à às al alla alle com con la le il lo du des y el los las on to und für der die "
    "sul sulla".split()
)
"""Lower-case words that may sit inside a name."""
OPENING = frozenset(
    "o a os as il la lo le gli i l the this these that este esta estes estas esse essa questo questa "
    "questi un una uno um uma an da do di del nel na no em in per for com con with by su sul sulla sta "
    "stands è is e and".split()
)
"""Capitalised at a sentence's start, but not part of the name that follows ("O Programa …")."""
OPENING |= frozenset("venti trenta quaranta cinquanta sessanta settanta ottanta novanta duemila".split())
"""…and an Italian decade, capitalised after "anni" ("negli anni Duemila Huaqiangbei divenne …")."""
MAX_WORDS = 14

_TOKEN = re.compile(r"\w[\w'’.&+:/-]*[\w+]|\w|&|\+|[–—]")
_QUOTED = re.compile(r"[“\"«‘]([^“”\"«»‘’\n]{2,80})[”\"»’]")
_ELIDED = re.compile(r"(?i)^(?:[dl]|all|dell|nell|sull|dall|un)['’](?-i:[A-ZÀ-Ý])")
_ELIDED_ARTICLE = re.compile(r"^(?:[LlDd]|[Dd]all|[Dd]ell|[Aa]ll|[Nn]ell|[Ss]ull|[Uu]n)['’](?=[A-ZÀ-Ý])")
_BREAKS = re.compile(r"[\n,;:()\[\]!?\"“”«»|•·]|\.\s")
DASHES = ("–", "—")
AND = frozenset({"e", "and", "y", "und"})
COMPANY = frozenset(
    {"Limited", "Ltd", "Ltda", "Lda", "Inc", "LLC", "GmbH", "S.p.A", "Srl", "S.r.l", "S.A", "SA"}
)
"""A company's legal form ends the name it closes ("Australian Made Campaign Limited")."""


@dataclass
class Candidate:
    """A name as written, where it occurs and whether it was ever quoted."""

    name: str
    starts: list[int] = field(default_factory=list)
    quoted: bool = False


def name_candidates(text: str) -> list[Candidate]:
    """Each distinct candidate name once, with every place the text writes it."""
    found: dict[str, Candidate] = defaultdict(lambda: Candidate(""))
    for name, start, quoted in _spans(text):
        name = _ELIDED_ARTICLE.sub("", name.strip(" .'’-"))  # "L'INAES" is INAES
        if len(name) < 2 or all(w.lower() in OPENING or w.isdigit() for w in name.split()):  # not "Em 2013"
            continue
        entry = found[name]
        entry.name, entry.quoted = name, entry.quoted or quoted
        entry.starts.append(start)
    for entry in found.values():  # a shorter name counts wherever a longer one holds it
        written = re.finditer(rf"(?<!\w){re.escape(entry.name)}(?!\w)", text)  # not "AI" in "TRAINING"
        entry.starts = [m.start() for m in written] or entry.starts
    return list(found.values())


def _spans(text: str) -> list[tuple[str, int, bool]]:
    words = list(_TOKEN.finditer(text))
    lower = {w.group() for w in words if w.group().islower()}  # once: a long text has thousands of runs
    out: list[tuple[str, int, bool]] = []
    i = 0
    while i < len(words):
        if not _capitalised(words[i].group()):
            i += 1
            continue
        last = _run_end(text, words, i)
        run = words[i : last + 1]
        past = _past_an_opening_word(text, run, lower)
        cuts = {
            (a, b) for a, b in _cuts(run) if not (past and a == 0 and b > 0)
        } | past  # not "Parliamo della X"
        out += [(text[run[a].start() : run[b].end()], run[a].start(), False) for a, b in cuts]
        i = last + 1
    out += [(m.group(1).strip(), m.start(), True) for m in _QUOTED.finditer(text)]
    return out


def _run_end(text: str, words: list[re.Match[str]], i: int) -> int:
    """The last capitalised word (or number) of the run that starts at word ``i``."""
    j = last = i
    while (
        j + 1 < len(words)
        and j - i < MAX_WORDS
        and not _BREAKS.search(text, words[j].end(), words[j + 1].start())
    ):
        following = words[j + 1].group()
        if _capitalised(following) or (
            following[0].isdigit() and last == j
        ):  # "Industria 4.0", not "em 2015"
            last = j + 1
        elif following.lower() not in JOINING and following not in DASHES:
            break
        j += 1
    return last


def _cuts(run: list[re.Match[str]]) -> set[tuple[int, int]]:
    """(first, last) word of each name in a run: whole, without an opening word, either side of
    a dash or an "and", and ending before small words that lead to another capitalised name."""
    words = [w.group() for w in run]
    named = [k for k, w in enumerate(words) if _capitalised(w) and w.lower() not in OPENING]
    opened = words[0].lower() in OPENING and named  # "O Programa …", "The Mentoria …": not from the article
    starts = {*named[:1], *([] if opened else [0])} | {k + 1 for k, w in enumerate(words) if w in DASHES}
    starts |= {_past_joining(words, k) for k, w in enumerate(words) if w in AND}
    starts |= {k + 1 for k, w in enumerate(words) if w.endswith(("'s", "’s"))}  # "Israel's Yozma"
    ends = {len(words) - 1} | {k - 1 for k, w in enumerate(words) if w in DASHES or w in COMPANY}
    ends |= {k - 1 for k in range(1, len(words)) if words[k] in JOINING and words[k - 1] not in JOINING}
    return {
        (a, b)
        for a in starts
        for b in ends
        if a <= b < len(words)
        and b - a < MAX_WORDS
        and words[a] not in DASHES
        and _capitalised(words[a])
        and words[b] not in DASHES
        and words[b] not in JOINING
    }


def _past_an_opening_word(text: str, run: list[re.Match[str]], lower: set[str]) -> set[tuple[int, int]]:
    """ "OSPITE: Parliamo della Oromia Coffee Farmers Cooperative Union": an everyday word that opens
    the sentence (``lower``: the text writes it in lower case too) and its small words are no part of
    the name; a programme's or a body's word is ("Ministero dello Sviluppo Economico", "Programa de …")."""
    words = [w.group() for w in run]
    if len(words) < 3 or words[1] not in JOINING or not _opens_a_sentence(text, run[0].start()):
        return set()
    if words[0].lower() not in lower or _KIND.match(words[0]) or BODIES.match(words[0]):
        return set()
    first = _past_joining(words, 1)
    return {(first, len(words) - 1)} if first < len(words) and _capitalised(words[first]) else set()


_KIND = re.compile(rf"(?i)(?:{KEYWORDS})$")  # the programme words among them


def _opens_a_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t*_#>")
    return not before or before[-1] in ".!?:\n"


def _past_joining(words: list[str], k: int) -> int:
    """The first word after the small words from ``k`` on ("e il Progetto" → "Progetto")."""
    while k < len(words) and words[k] in JOINING:
        k += 1
    return k


def _capitalised(word: str) -> bool:
    """ "Programa", "3I", "all'Export", a coined "kLab" or "iHub"; not "programa", "2014" or a dash."""
    return (
        word[0].isupper()
        or (word[0].isdigit() and any(c.isupper() for c in word))
        or (len(word) > 3 and word[0].islower() and word[1].isupper() and word[2:4].islower())  # not kWh
        or bool(_ELIDED.match(word))
    )
