"""Programmes the registry does not know yet, found by how texts introduce them.

A programme is usually named next to a word that says what it is ("o programa Rota 2030",
"il Piano Nazionale Industria 4.0", "the Regional Innovation Engines programme", "PROSOFT,
un programma"), with its acronym in parentheses, as a law ("Lei nº 13.755", "Legge n.
317/1991"), or in quotes after such a word. Names found this way become programme facet
values at once, marked ``proposed`` so curators can confirm them into the registry.
"""

from __future__ import annotations

import re

from kb.text import fold

KEYWORDS = (
    "programa|programas|programma|programmi|programme|programmes|program|programs|"
    "iniciativa|iniziativa|initiative|estratégia|estrategia|strategia|strategy|"
    "plano|piano|plan|projeto|progetto|project|fundo|fondo|fund|challenge|"
    "sistema|system|rede|rete|red|scheme|pacto|patto|pact"
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
_ACRONYM_TEXT = r"[A-Z][A-Za-z0-9-]{1,15}"
_ACRONYM = re.compile(rf"(?P<long>{_NAME})[ \t]*\((?P<acronym>{_ACRONYM_TEXT})\)")
_LEADING = re.compile(
    r"^(?:(?:The|O|A|Os|As|Il|Lo|La|Le|Gli|I|Un|Una|Um|Uma|An|This|Este|Esta|Questo"
    r"|Em|Na|No|Nos|Nas|In|Nel|Nella|At|On|Under|Com|Con|With)[ \t]+)+"
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
    if not name or len(name) > 80 or not any(ch.isupper() or ch.isdigit() for ch in name):
        return None
    if len(name.split()) == 1 and name.isalpha() and (len(name) < 2 or name[1:].islower() and len(name) < 4):
        return None
    return name


def programme_names(text: str) -> list[str]:
    """Names introduced as programmes, strategies, laws or plans; most mentioned first."""
    found: dict[str, tuple[int, int, str]] = {}  # key → (mentions, first position, name)
    aliases: dict[str, str] = {}  # a long name's key → its acronym's key

    def add(name: str | None, at: int) -> None:
        if name is None:
            return
        key = aliases.get(programme_key(name), programme_key(name))
        count, first, kept = found.get(key, (0, at, name))
        found[key] = (count + 1, min(first, at), kept)

    for match in _ACRONYM.finditer(text):  # "Fundo … do Nordeste (FNE)": both forms, one programme
        long, acronym = _clean(match.group("long")), match.group("acronym")
        if long and not re.search(rf"(?i)\b(?:{KEYWORDS})\b", long):
            long = _spelled_out(long, acronym)
        if long:
            aliases[programme_key(acronym)] = aliases[programme_key(long)] = programme_key(long)
            found.pop(programme_key(acronym), None)
            add(f"{long} ({acronym})", match.start())
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            kind = match.groupdict().get("kind") or ""
            add(_clean(match.group("name"), kind), match.start())
    ranked = sorted(found.values(), key=lambda entry: (-entry[0], entry[1]))
    return [name for _, _, name in ranked if _distinctive(name)][:MAX_NAMES]


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
    r"distrett|distrito|district|cluster|park|parque|parco|polo|hub|lab|school|scuola|escola)"
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
