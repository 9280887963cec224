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

from ingest.metadata.name_checks import (
    a_common_word,
    a_public_body,
    a_verb_before_a_name,
    an_adverbial_opening,
    inside_a_name,
    its_owner_not_its_name,
    one_word_named,
)
from ingest.metadata.non_names import only_what_it_is
from ingest.metadata.place_names import a_town_by_its_state
from ingest.metadata.practice_kinds import TRADE_BLOCS, ZONE
from ingest.metadata.programme_keys import country_names, programme_key
from ingest.metadata.programme_patterns import (
    ACRONYM,
    ACT,
    ADMINISTRATIONS,
    APPOSITION,
    BETWEEN_DASHES,
    BODIES,
    DASHED,
    DASHED_ASIDE,
    DESCRIBED_ACRONYM,
    HAS_KEYWORD,
    INTRODUCING,
    KEYWORDS,
    KIND_AFTER,
    KNOWN_AS,
    KNOWN_BY,
    LEADING,
    LISTED_ACRONYM,
    LOCATIVE,
    ORGANISATION,
    PATTERNS,
    SHORT_FOR,
    SPELLED_AFTER,
)
from kb.text import fold
from kb.typed_names import is_acronym_or_code

MAX_NAMES = 3
MAX_APPOSED_WORDS = 5
"""The words before ", o programa de …" read as a name, unless a programme word opens them."""
_POSSESSOR = re.compile(
    r"^(?:[A-ZÀ-Ý][\w-]*[ \t]+(?:(?:of|and|for|the)[ \t]+)?){0,4}[A-ZÀ-Ý][\w-]*['’]s[ \t]+"
)
""""Vietnam's One Commune One Product", "the European Union's SWITCH-Asia", "the Department of
Trade and Industry's Cluster Development Programme": the owner is not part of the name."""


_ACRONYM_AFTER = re.compile(r"[ \t]+\([^()]+\)$")


def _clean(name: str, kind: str = "", longest: int = 100) -> str | None:
    name = _POSSESSOR.sub("", LEADING.sub("", " ".join(name.split()) + " ")).strip(" .,;:")
    if kind and kind[0].isupper():  # "Industrial Cluster Project": the word is part of the name
        name = f"{name} {kind}" if name else ""  # "The Fund" alone names none
    if not name or len(name) > longest or not any(ch.isupper() for ch in name):  # "20", "2019": no name
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

    @staticmethod
    def _a_part(name: str, written: list[str], text: str) -> bool:
        """Part of a longer name found, never written on its own: "Rede de Perceção …" of "Empreende
        Já – Rede de Perceção …", "Iniciativa Local" of "Orçamento de Investimento de Iniciativa Local
        (OIIL)"."""
        inside = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])")
        longer = {
            long for n in written if (long := _ACRONYM_AFTER.sub("", n)) != name and inside.search(long)
        }
        return bool(longer) and text.count(name) <= sum(text.count(n) for n in longer)

    def ranked(self, text: str) -> list[str]:
        ranked = sorted(self.names.items(), key=lambda item: (-item[1][0], item[1][1]))
        longs = set(self.aliases.values())  # names given with an acronym
        written = [name for _, _, name in self.names.values()]
        return [
            name
            for key, (_, _, name) in ranked
            if (key in self.strong or _distinctive(name))
            and not only_what_it_is(name)
            and not _cut_short(key, longs if " " in key else set(self.names))  # one word: of any name
            and not self._a_part(name, written, text)
        ]


def _cut_short(key: str, longs: set[str]) -> bool:
    """ "Programa de Apoio à Produção" is the start of a longer name given with its acronym."""
    return any(long != key and long.startswith(key) and not long[len(key)].isalnum() for long in longs)


def programme_names(text: str) -> list[str]:
    """Names introduced as programmes, strategies, laws or plans; most mentioned first."""
    found = _Found()
    for match in ACRONYM.finditer(text):  # "Fundo … do Nordeste (FNE)": both forms, one programme
        long, acronym = _clean(match.group("long")), match.group("acronym")
        if long and a_town_by_its_state(f"{long} ({acronym})", text):
            continue  # "Passo Fundo (RS)": a town and its state, though "fundo" is a fund
        if long and (kind := KIND_AFTER.match(text, match.end())) and not ORGANISATION.search(long):
            written = kind.group("kind")  # "… (SSF) Project" names it; "… (REGI) program" says what it is
            found.add_pair(
                f"{long} {written}" if written[:1].isupper() else long, acronym, match.start(), strong=True
            )
            continue
        if long and not HAS_KEYWORD.search(long):
            # no programme word: a name its acronym spells out, unless a public body's
            long = None if re.search(rf"\b{ADMINISTRATIONS}\b", long) else _spelled_out(long, acronym)
        if long:
            found.add_pair(long, acronym, match.start())
    for match in SPELLED_AFTER.finditer(text):
        long, acronym = _clean(match.group("long")), match.group("acronym")
        before = text[max(0, match.start() - 30) : match.start()].split()[-1:]
        spelled = (  # "Deutschland (Iniziativa …)" is no acronym, "Horizon 2020 (…)" is one
            long and "," not in long and not BODIES.search(" ".join(before)) and _spelled_out(long, acronym)
        )
        if long and is_acronym_or_code(acronym) and (_keyword_led(long) or spelled == long):
            found.add_pair(long, acronym, match.start(), strong=True)
    for pattern in (LISTED_ACRONYM, BETWEEN_DASHES, DASHED, DASHED_ASIDE):
        for match in pattern.finditer(text):
            long = _listed_name(match.group("long"))
            whole = pattern in (DASHED, DASHED_ASIDE) or long == _clean(match.group("long"), longest=140)
            if (
                long
                and whole
                and _distinctive(long)
                and len(re.findall(r"[A-Z]", match.group("acronym"))) >= 2
            ):
                found.add_pair(long, match.group("acronym"), match.start(), strong=True)
    _add_introduced(found, text)
    return found.ranked(text)[:MAX_NAMES]


def _add_introduced(found: _Found, text: str) -> None:
    """Names in apposition to a described programme ("…, o programa de …"; "…, o PNI,") and
    names a pattern of :mod:`ingest.metadata.programme_patterns` introduces."""
    for match in [
        *APPOSITION.finditer(text),
        *DESCRIBED_ACRONYM.finditer(text),
        *KNOWN_AS.finditer(text),
        *KNOWN_BY.finditer(text),
        *SHORT_FOR.finditer(text),
    ]:
        fronted = match.re is APPOSITION and match.group("launched") is not None
        if match.re is APPOSITION and an_adverbial_opening(text, match.end("name"), fronted):
            continue  # "Segundo o Sebrae, o programa de …", "In 2015, …, the programme funded by …"
        if match.re is SHORT_FOR:
            _add_short_for(found, match)
            continue
        name = _apposed(match.group("name")) if match.re is APPOSITION else _clean(match.group("name"))
        found.add(name, match.start(), strong=True)
    for pattern in (*PATTERNS, ACT, ZONE):
        for match in pattern.finditer(text):
            if inside_a_name(text, match.start("name")) or its_owner_not_its_name(match):
                continue
            if pattern is ZONE and fold(match.group("place")) in country_names() | TRADE_BLOCS:
                continue  # a free-trade area between countries, not a zone
            kind = match.groupdict().get("kind") or ""
            if not kind[:1].isupper() and a_public_body(match.group("name")):
                continue  # "the Ministry for Primary Industries fund": a body's fund, not its name
            # "Vanguard Initiative": a capitalised kind belongs to the name
            written = re.sub(r"^legge\b", "Legge", match.group("name"))  # "la legge 28 febbraio 1986, n. 44"
            name = _clean(written, kind)
            # a word the text also writes in lower case is no name ("What is the programme …")
            plainly = match.groupdict().get("plainly") is not None and not a_common_word(name, text)
            found.add(name, match.start(), strong=kind[:1].isupper() or plainly or one_word_named(name))


def _add_short_for(found: _Found, match: re.Match[str]) -> None:
    """ "X, sigla de <long name>": a programme when the long name says so ("PRONAMPE, sigla de
    Programa Nacional de Apoio …", one programme in two forms), or when X is written as a name rather
    than a plain acronym ("o PM SVANidhi, sigla de …"); "APL, sigla de Arranjo Produtivo Local", a
    person's nickname and bodies' acronyms are none."""
    name, long = _clean(match.group("name")), _clean(match.group("long"), longest=120)
    if not name or not long or BODIES.search(long):
        return
    if HAS_KEYWORD.search(long):
        found.add_pair(long, name, match.start(), strong=True)
    elif re.search(r"[A-Z]{2,}[a-z]", name):  # "SVANidhi", not "APL" nor "Bob Smith"
        found.add(name, match.start(), strong=True)


def _listed_name(written: str) -> str | None:
    """A keyword-led name up to where the sentence goes on in lowercase (", ação …", ", che …")."""
    name = re.split(r",[ \t]+(?=[^A-ZÀ-Ý])", written.strip(), maxsplit=1)[0]
    return _clean(name, longest=140) if not BODIES.search(name) else None


def _apposed(written: str) -> str | None:
    """The name before ", o programa de …", without the words that lead to it ("Fondi dalla
    Nuova politica montana" → "Nuova politica montana"), unless a programme word opens it and
    lower-case words may go on ("Fondo a sostegno dell'impresa femminile"); no place ("Em
    Honduras, o projeto")."""
    words = _ELIDED.sub(r"\1 ", written).split()  # "dall'OCM Vino": the article is a word of its own
    if words[0][:1].isupper() and re.fullmatch(rf"(?:{KEYWORDS})", words[0], re.IGNORECASE):
        cut = 0  # "Programma italo-egiziano di conversione del debito", "Fondo a sostegno dell'…"
    else:
        words = words[-MAX_APPOSED_WORDS:]  # a longer run is a sentence, not a name…
        while words and not words[0][:1].isupper():  # …whose name begins with a capital
            words = words[1:]
        if not words:
            return None
        cut = max(
            (
                i + 1
                for i, w in enumerate(words[:-1])
                if INTRODUCING.fullmatch(w)
                and not _linking(words, i)
                or w[-1] in ".!?"
                or a_verb_before_a_name(words, i)
            ),
            default=0,
        )
    name = re.sub(r"(['’]) ", r"\1", " ".join(words[cut:]))  # "all'Export" as written
    placed = LOCATIVE.match(name) or cut and LOCATIVE.fullmatch(words[cut - 1])  # "No Brasil, o regime …"
    return _clean(name) if words[cut][:1].isupper() and not placed else None


_ELIDED = re.compile(r"\b((?:d|l|dall|dell|nell|all|sull)['’])(?=[A-ZÀ-Ý])")


def _linking(words: list[str], i: int) -> bool:
    """ "Agentes Locais de Inovação": a word between capitalised words inside a name (past its
    first word, which may be capitalised only as a sentence's first) links, it does not lead."""
    elided = words[i][-1:] in "'’" and i >= 1  # "Sostegno all'Export dell'Italia"
    return (i >= 2 or elided) and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()


def _keyword_led(name: str) -> bool:
    """A long name that says what it is ("Programa de …", "Projet d'…") and is no body."""
    return bool(re.match(rf"(?i)(?:{KEYWORDS})\b", name)) and not BODIES.search(name)


def _distinctive(name: str) -> bool:
    """Two words besides "programme" and the like, or an acronym or a number: "Programas
    Estratégicos" or "Kyushu" alone say too little to be a programme's name."""
    acronym = any(sum(ch.isupper() for ch in word) >= 2 for word in name.split())
    return len(programme_key(name).split()) >= 2 or acronym or any(ch.isdigit() for ch in name)


def _spelled_out(long: str, acronym: str) -> str | None:
    """ "One Tambon One Product (OTOP)": the words an acronym is made of (their initials), for a
    name that is not a body (an agency, ministry, institute, cluster or company)."""
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    words = long.split()
    capitals = [i for i, w in enumerate(words) if w[0].isupper()]
    if len(letters) < 3 or len(capitals) < len(letters):
        return None
    start = capitals[-len(letters)]
    initials = [words[i][0].upper() for i in capitals[-len(letters) :]]
    # "Balcão Único do Empreendedor (BUE)": a later word's accent does not count; the first letter
    # must be as written ("Índice de Desenvolvimento Humano (IDH)" is an index, no programme)
    if [initials[0], *(fold(ch).upper() for ch in initials[1:])] != letters:
        return None
    name = " ".join(words[start:])
    return None if BODIES.search(name) else name
