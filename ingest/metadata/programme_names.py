"""Programmes the registry does not know yet, found by how texts introduce them.

A programme is usually named next to a word that says what it is ("o programa Rota 2030",
"il Piano Nazionale Industria 4.0", "the Regional Innovation Engines programme", "PROSOFT,
un programma"), with its acronym in parentheses, as a law ("Lei nº 13.755", "Legge n.
317/1991"), or in quotes after such a word. Names found this way become programme facet
values at once, marked ``proposed`` so curators can confirm them into the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.text import fold

KEYWORDS = (
    "programa|programas|programma|programmi|programme|programmes|program|programs|"
    "iniciativa|iniziativa|initiative|estratégia|estrategia|strategia|strategy|"
    "plano|piano|plan|projeto|progetto|project|fundo|fondo|fund|challenge|"
    "sistema|system|rede|rete|red|scheme|pacto|patto|pact|projet"
)
_WORD = r"(?:(?:[dl]['’])?[A-ZÀ-Ý][\w'’.-]*[\w]|[A-ZÀ-Ý]|\d[\d.]*\d|\d)"
_LINK = r"(?:de|da|do|dos|das|di|del|della|dei|per|for|of|and|e|y|la|a|à|ao|al|alla|to)"
_NAME = rf"{_WORD}(?:(?:[ \t]+(?:{_LINK}[ \t]+)?|[ \t]+[–—][ \t]+){_WORD}){{0,7}}"
_KEYWORD = rf"(?:{KEYWORDS})"

PLANS = r"Plano|Piano|Plan"
_SCOPE = r"(?:Nacional|Nazionale|National|Federal|Regional|Regionale|Estadual|\d)"
PATTERNS = (
    # "o programa Rota 2030", "il programma PROSOFT", "the programme COSME", "o projeto setorial
    # Brazilian Furniture" (one lowercase word may qualify the keyword; a plan is not enough)
    re.compile(
        rf"\b(?:{KEYWORDS.replace('plano|piano|plan|', '')})[ \t]+(?:[a-zà-ÿ]{{4,12}}[ \t]+)?"
        rf"(?:(?:de|di|da|do|del|della|for|of)[ \t]+)?(?P<name>{_NAME})"
    ),
    # "Fondo di garanzia per le PMI", "Fundo de Aval às MPEs": lowercase words up to an acronym
    re.compile(
        rf"\b(?P<name>(?:{KEYWORDS.replace('plano|piano|plan|', '').title()})(?:[ \t]+[a-zà-ÿ]{{1,15}}){{1,4}}[ \t]+[A-Z]{{2,}}[\w-]*)"
    ),
    # "POR FESR Marche 2014-2020": an operational programme named by acronyms and its period
    re.compile(
        r"\b(?P<name>(?:[A-Z]{2,}[ \t]+){1,3}(?:[A-ZÀ-Ý][\w'-]+[ \t]+)?(?:19|20)\d\d[-–/](?:19|20)?\d\d)\b"
    ),
    # "Programas Estratégicos de Especialização Inteligente", "Fundo Amazônia"
    re.compile(
        rf"\b(?P<name>(?:{KEYWORDS.replace('plano|piano|plan|', '').title()})[ \t]+(?:{_LINK}[ \t]+)?{_NAME})"
    ),
    # "Piano Nazionale Industria 4.0", "Plano Brasil Maior 2011": a national or numbered plan;
    # "Plan d'Accélération Industrielle": a plan named in two capitalised words or more
    re.compile(rf"\b(?P<name>(?:{PLANS})[ \t]+(?:{_LINK}[ \t]+)?(?=[^\n]{{0,40}}{_SCOPE}){_NAME})"),
    re.compile(
        rf"\b(?P<name>(?:{PLANS})[ \t]+{_WORD}[ \t]+(?:{_LINK}[ \t]+)?{_WORD}(?:[ \t]+{_WORD}){{0,4}})"
    ),
    # "NSF Regional Innovation Engines programme", "Industrial Cluster Project"
    re.compile(
        rf"(?P<name>{_NAME})[ \t]+(?P<kind>(?i:programme|program|initiative|project|challenge|strategy))\b"
    ),
    # "PROSOFT, un programma per …" (an indefinite article: "Em Honduras, o projeto" is no name)
    re.compile(rf"(?P<name>{_NAME}),[ \t]+(?:un|una|a|an|uma)[ \t]+(?i:{_KEYWORD})\b"),
    # "O Portugal Sou Eu é um programa", "ELAN is a programme", "Brasil Mais Produtivo, programa federal"
    re.compile(
        rf"(?P<name>{_NAME})[ \t]+(?:é|è|is|was|era|foi|fu)[ \t]+(?:un|una|a|an|um|uma|o|il|the)[ \t]+"
        rf"(?:[a-zà-ÿ]{{4,12}}[ \t]+)?(?:{KEYWORDS})\b"
    ),
    re.compile(
        rf"(?P<name>{_NAME}),[ \t]+(?:{KEYWORDS})[ \t]+(?:federal|nacional|nazionale|national|regional|regionale|pubblico|público|public|europeu|europeo|european)\b"
    ),
    # "Lei nº 13.755", "Legge n. 317/1991", "Decreto 8.086",
    # "Legge regionale n. 13/2014", "Lei Complementar nº 123"
    re.compile(
        r"\b(?P<name>(?:Lei|Legge|Law|Decreto|Decree)[ \t]+(?:(?i:regionale?|provinciale|nazionale|federal|"
        r"estadual|complementar|state)[ \t]+)?(?:n(?:º|°|o|\.)?[ \t]*)?\d[\d./]*\d)"
    ),
    # "Legge 5 ottobre 1991, n. 317": an Italian law cited with its date
    re.compile(r"\b(?P<name>Legge[ \t]+\d{1,2}[ \t]+[a-z]+[ \t]+\d{4},?[ \t]+n\.[ \t]*\d+)"),
    # a name in quotes after a keyword: programa “Mais Inovação”
    re.compile(rf"(?i:{_KEYWORD})[ \t]+[\"“«](?P<name>[^\"”»\n]{{3,60}})[\"”»]"),
)
# "do Crediamigo, o programa de microcrédito", "la Nuova politica regionale, il programma con cui":
# a name in apposition to a programme described right after it (lowercase words allowed)
APPOSITION = re.compile(
    r"(?P<name>[A-ZÀ-Ý][\w'’@.-]*(?:[ \t]+[\w'’@.-]+){0,4}),[ \t]+(?:o|il|lo|the|a|la)[ \t]+"
    rf"(?:{KEYWORDS})[ \t]+(?:de|di|da|do|del|della|of|for|con|com|with|che|que|that|which|per|para|to|"
    r"che|cui|nacional|nazionale|national|federal|regional|regionale|europeu|europeo|european)\b"
)
# "CHIPS and Science Act of 2022", "Small Business Act": a law named as such
ACT = re.compile(rf"(?P<name>{_NAME}[ \t]+Act)\b")
_INTRODUCING = re.compile(
    r"(?i:dalla|della|dal|del|dello|do|da|dos|das|pelo|pela|nella|nel|no|na|attraverso|through|by|from|"
    r"with|com|con|la|il|lo|o|a|the|per|para|for|of|di|de)"
)
_LOCATIVE = re.compile(r"^(?:Em|Na|No|Nas|Nos|In|Nel|Nella|Negli|At|En)\b")
_ACRONYM_TEXT = r"[A-Z][A-Za-z0-9+&-]{1,15}"  # B+P, R&D
_ACRONYM = re.compile(rf"(?P<long>{_NAME})[ \t]*\((?P<acronym>{_ACRONYM_TEXT})\)")
_SPELLED_AFTER = re.compile(rf"\b(?P<acronym>{_ACRONYM_TEXT})[ \t]*\((?P<long>[A-ZÀ-Ý][^()\n]{{8,100}})\)")
""""PAMPAT (Projet d'Accès aux Marchés …)", "MozLink (Programa de Desenvolvimento …)": the
acronym first, the long name after it."""
_LEADING = re.compile(
    r"^(?:(?:Cap[ií]tolo|Cap[ií]tulo|Chapter|Section|Sezione|Se[cç][aã]o|Parte|Part)[ \t]+\d+[ \t]*[–—:.-][ \t]*)?"
    r"(?:(?:The|O|A|Os|As|Il|Lo|La|Le|Gli|I|Un|Una|Um|Uma|An|This|Este|Esta|Questo"
    r"|Em|Na|No|Nos|Nas|In|Nel|Nella|At|On|Under|Com|Con|With)[ \t]+)*"
)
MAX_NAMES = 3
_GENERIC = frozenset(fold(KEYWORDS).split("|")) | {
    "the",
    "o",
    "a",
    "il",
    "la",
    "de",
    "di",
    "da",
    "do",
    "of",
    "nacional",
}
"""Words a programme's name may carry or not ("programa Rota 2030" is "Rota 2030")."""


def programme_key(name: str) -> str:
    """A name without case, accents, articles and words such as "programme", for comparing names.

    "Long Name (ACR)" compares as its long name (:func:`name_keys` gives both forms).
    """
    name = written_forms(name)[0]
    words = re.sub(r"[-–—]", " ", fold(name)).split()
    return " ".join(w for w in words if w not in _GENERIC) or fold(name)


def written_forms(name: str) -> list[str]:
    """The forms a programme's name may be written in: "Long Name (ACR)" is either."""
    written = _WITH_ACRONYM.fullmatch(name.strip())
    return [written.group(1), written.group(2)] if written else [name]


def name_keys(name: str) -> set[str]:
    """The comparison keys of every written form of a name."""
    return {programme_key(form) for form in written_forms(name)}


_WITH_ACRONYM = re.compile(rf"(.+?)[ \t]*\(({_ACRONYM_TEXT})\)")


_POSSESSOR = re.compile(r"^(?:[A-ZÀ-Ý][\w-]*[ \t]+){0,3}[A-ZÀ-Ý][\w-]*['’]s[ \t]+")
""""Vietnam's One Commune One Product", "the European Union's SWITCH-Asia": the owner is not
part of the programme's name."""


def _clean(name: str, kind: str = "") -> str | None:
    name = _POSSESSOR.sub("", _LEADING.sub("", " ".join(name.split()))).strip(" .,;:")
    if kind and kind[0].isupper():  # "Industrial Cluster Project": the word is part of the name
        name = f"{name} {kind}"
    if not name or len(name) > 80 or not any(ch.isupper() for ch in name):  # "20", "2019": no name
        return None
    if len(name.split()) == 1 and name.isalpha() and (len(name) < 2 or name[1:].islower() and len(name) < 4):
        return None
    return name


@dataclass
class _Found:
    """Names found so far: key → (mentions, first position, name as written)."""

    names: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # an acronym's or long name's key → the long one's
    strong: set[str] = field(default_factory=set)  # named so plainly as programmes that one word is enough

    def key(self, name: str) -> str:
        return self.aliases.get(programme_key(name), programme_key(name))

    def add(self, name: str | None, at: int, strong: bool = False) -> None:
        if name is None:
            return
        count, first, kept = self.names.get(self.key(name), (0, at, name))
        self.names[self.key(name)] = (count + 1, min(first, at), kept)
        if strong:
            self.strong.add(self.key(name))

    def add_pair(self, long: str, acronym: str, at: int, strong: bool = False) -> None:
        """ "Long Name (ACR)": both forms are one programme."""
        self.aliases[programme_key(acronym)] = self.aliases[programme_key(long)] = programme_key(long)
        self.names.pop(programme_key(acronym), None)
        self.add(f"{long} ({acronym})", at, strong)

    def ranked(self) -> list[str]:
        ranked = sorted(self.names.items(), key=lambda item: (-item[1][0], item[1][1]))
        return [name for key, (_, _, name) in ranked if key in self.strong or _distinctive(name)]


def programme_names(text: str) -> list[str]:
    """Names introduced as programmes, strategies, laws or plans; most mentioned first."""
    found = _Found()
    for match in _ACRONYM.finditer(text):  # "Fundo … do Nordeste (FNE)": both forms, one programme
        long, acronym = _clean(match.group("long")), match.group("acronym")
        if long and not re.search(rf"(?i)\b(?:{KEYWORDS})\b", long):
            long = _spelled_out(long, acronym)
        if long:
            found.add_pair(long, acronym, match.start())
    for match in _SPELLED_AFTER.finditer(text):
        long, acronym = _clean(match.group("long")), match.group("acronym")
        before = text[max(0, match.start() - 30) : match.start()].split()[-1:]
        spelled = (
            long and "," not in long and not _BODIES.search(" ".join(before)) and _spelled_out(long, acronym)
        )
        if long and (_keyword_led(long) or spelled == long):
            found.add_pair(long, acronym, match.start(), strong=True)
    for match in APPOSITION.finditer(text):
        found.add(_apposed(match.group("name")), match.start(), strong=True)
    for pattern in (*PATTERNS, ACT):
        for match in pattern.finditer(text):
            kind = match.groupdict().get("kind") or ""
            # "Vanguard Initiative": a capitalised kind belongs to the name
            found.add(_clean(match.group("name"), kind), match.start(), strong=kind[:1].isupper())
    return found.ranked()[:MAX_NAMES]


def _apposed(written: str) -> str | None:
    """The name before ", o programa de …", without the words that lead to it ("Fondi dalla
    Nuova politica montana" → "Nuova politica montana"); no place ("Em Honduras, o projeto")."""
    words = written.split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if _INTRODUCING.fullmatch(w)), default=0)
    name = " ".join(words[cut:])
    return _clean(name) if words[cut][:1].isupper() and not _LOCATIVE.match(name) else None


def _keyword_led(name: str) -> bool:
    """A long name that says what it is ("Programa de …", "Projet d'…") and is no body."""
    return bool(re.match(rf"(?i)(?:{KEYWORDS})\b", name)) and not _BODIES.search(name)


def _distinctive(name: str) -> bool:
    """Two words besides "programme" and the like, or an acronym or a number: "Programas
    Estratégicos" or "Kyushu" alone say too little to be a programme's name."""
    acronym = any(sum(ch.isupper() for ch in word) >= 2 for word in name.split())
    return len(programme_key(name).split()) >= 2 or acronym or any(ch.isdigit() for ch in name)


_BODIES = re.compile(
    r"(?i)\b(?:agen[cz]|ag[eê]ncia|minist|institut|istitut|univers|associa|bank|banco|banca|council|"
    r"conselho|consiglio|cent(?:re|er|ro)|chamber|c[aâ]mara|camera|federa|foundation|funda[cç]|"
    r"fondazion|servi[cç]|organi[sz]|office|department|commission|company|corpora|consor|s\.?p\.?a|"
    r"ltd|inc|authority|autorit|board|societ|empresa|impresa|enterprise|group|gruppo|grupo|union|uni[aã]o|"
    r"distrett|distrito|district|cluster|park|parque|parco|polo|hub|lab|school|scuola|escola|unit|vehicle)"
)


def _spelled_out(long: str, acronym: str) -> str | None:
    """ "One Tambon One Product (OTOP)": the words an acronym is made of (their initials), for a
    name that is not a body (an agency, ministry, institute, cluster or company)."""
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    words = long.split()
    capitals = [i for i, w in enumerate(words) if w[0].isupper()]
    if len(letters) < 3 or len(capitals) < len(letters):
        return None
    start = capitals[-len(letters)]
    if [words[i][0].upper() for i in capitals[-len(letters) :]] != letters:
        return None
    name = " ".join(words[start:])
    return None if _BODIES.search(name) else name
