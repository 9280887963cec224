"""Small text helpers shared by lexical search, snippets and the hashing embedder."""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

_FUNCTION_WORDS = """
    a o as os um uma uns umas de da do das dos em na no nas nos por para pela pelo pelas pelos
    com sem e ou que se como mais mas ao aos à às é são foi ser ter há seu sua seus suas entre
    sobre também já quando onde qual quais este esta isso isto essa esse num numa muito
    il lo la i gli le un una uno di del dello della dei degli delle in nel nella nei nelle
    per con su sul sulla da dal dalla dai e ed o che come più ma al alla ai agli alle è sono
    anche non si ci questo questa quello quella tra fra quali sui sugli nell nello nella dell della
    dello dell' più come cosa quale
    the an of in on at to for from by with and or that this these those is are was were be
    been has have had as it its into how what which who why can do does their our your
    """.split()


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Internacionalização' meets 'internacionalizacao'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


STOPWORDS = frozenset(fold(w) for w in _FUNCTION_WORDS)
"""Function words of pt, it and en, dropped from lexical queries and highlighting."""


def strip_controls(text: str) -> str:
    """Terminal escape sequences and control characters (all but tab and newline) made spaces.

    A document is stored as text, never as instructions to a terminal: ANSI colour or cursor
    codes in a file must not reach whoever runs ``kb search``. Each removed character becomes
    one space, so offsets into the text (pages, passages) stay right.
    """
    text = _ANSI.sub(lambda m: " " * len(m.group()), text)
    return _CONTROL.sub(" ", text)


MAX_DETAIL_CHARS = 300
"""How much of an error message or a logged query is kept (one readable line)."""


def one_line(text: str) -> str:
    """A name made safe for a one-line report: control characters (newlines too) shown escaped."""
    return _ANY_CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


MONTH = (
    r"(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|settembre|ottobre|novembre|dicembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)"
)
"""A month's name in pt/it/en, for patterns (their case is the pattern's to set)."""


def words(text: str) -> list[str]:
    """Word tokens as written (hyphenated names such as GT-APL stay whole)."""
    return WORD.findall(text)


ELISION = r"(?i:l|d|c|s|n|dell|dall|nell|sull|all|coll|un|nessun|quell|quest|tutt)'(?=\w)"
_ELIDED = re.compile(r"\A" + ELISION)
"""An Italian article or preposition joined to the next word by an apostrophe ("d'Italia",
"dell'Emilia", "DELL'IMPRESA"; a curly one is made straight first)."""


def without_elision(word: str) -> str:
    """The word without an elided article or preposition before it: "d'Italia" is "Italia"."""
    return _ELIDED.sub("", word, count=1) if "'" in word else word


def straight_apostrophes(text: str) -> str:
    """Curly apostrophes, which phones type, made straight: "reti d’impresa" is "reti d'impresa"."""
    return text.replace("’", "'").replace("‘", "'")


def query_terms(query: str) -> list[str]:
    """The folded content words of a query, in order, without repeats or stop words."""
    terms: dict[str, None] = {}
    for token in words(query):
        folded = fold(token)
        if folded not in STOPWORDS and (len(folded) > 1 or folded.isdigit()):
            terms[folded] = None
    return list(terms)
