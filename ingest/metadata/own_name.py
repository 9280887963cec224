"""A practice card's own name as its programme.

A card that names no programme (no "Programa:" / "Programme:" line) is about an initiative of its
own: a park, a fund, an agency's scheme ("Area Science Park", "GAPI – Sociedade de
Investimentos"). Its name is what a user would look the practice up by, when it is written as a
proper name (or as the field names a district, its trade in lower case: "Distretto delle forbici e
dei coltelli di Premana") and heads the card, and does not merely lengthen a name found already.
"""

from __future__ import annotations

import re

from ingest.metadata.district_names import (
    BY_ADJECTIVE,
    DISTRICT,
    a_place_adjective,
    an_english_cluster_name,
    not_a_trade,
)
from ingest.metadata.everyday_terms import an_everyday_term
from ingest.metadata.matching import times_as_written
from ingest.metadata.name_checks import a_common_word, a_place
from ingest.metadata.programme_keys import before_a_dash, bracketed_forms, name_keys
from ingest.metadata.registry import by_key
from kb.taxonomy import default_taxonomy
from kb.text import STOPWORDS, fold

OPENING_CHARS = 1000
"""A card's name heads it; a "Nome:" further down belongs to a contact or an interviewee."""
MAX_NAME_CHARS = 80
_ROLE = re.compile(
    r"(?i)\n\W*(?:cargo|fun[cç][aã]o|ruolo|qualifica|role|position|job title)\W*:"
)  # the line after a person's name ("Cargo: presidente da cooperativa")
_ELIDED = re.compile(r"(?i)^(?:dell|dall|nell|sull|all|l|d|un)['’]")
_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")


_QUOTES = "\"“”«»'"
_QUOTE = re.compile(r"[\"“”«»]|(?<![^\W\d_])'|'(?![^\W\d_])")
"""A quotation mark; an apostrophe between two letters ("dell'Adriatico", "d'Água") is none."""


def _unquoted(name: str) -> str:
    """ "\"Rede X\"", "“Distretto dell'Occhiale”" and a lone quote's "\"Rede X" lose their
    quotes; "Polo … \"Andrea Galvani\"" and "\"Made in Carpi\" e \"Carpi Fashion\"" keep them."""
    marks = _QUOTE.findall(name)
    if len(name) > 2 and name[0] in _QUOTES and name[-1] in _QUOTES and len(marks) == 2:
        return name[1:-1].strip()
    if len(marks) == 1 and (name[0] in _QUOTES or name[-1] in _QUOTES):  # one, unpaired, at an end
        return name.strip(_QUOTES).strip()
    return name


def own_name(named: list[str], fields: dict[str, str], found: list[str], text: str) -> list[str]:
    """The card's name as the practice's programme, or nothing (see the module's docstring)."""
    if "programme" in fields or not named:
        return []
    name = _unquoted(named[0].strip())
    at = text.find(named[0])
    if not 0 <= at <= OPENING_CHARS or _ROLE.search(text[at : at + len(named[0]) + 60]):
        return []
    named_so = (
        written_as_a_name(name)
        or _short_name_used(name, text)
        or _a_name_before_a_dash(name, text)
        or an_english_cluster_name(name, text)
        or _a_district_name(name)
    )
    if not named_so or _lengthens(name, found):
        return []
    one_word = " " not in name
    if one_word and (a_place(name) or an_everyday_term(name) or a_common_word(name, text)):
        return []
    return [name]


def cluster_named(fields: dict[str, str]) -> str | None:
    """A card's cluster line ("Cluster: Moratuwa furniture cluster", "Distretto: Distretto del mobile di
    Pesaro"), when it names a cluster by its trade: the practice is that cluster's, as a labeller files
    it, whatever the card's own title ("Practice title: Shared design studio"). Not a division of a
    country ("Distrito: Distrito de Braga", "District: Gampaha District"), a kind spelled out ("APL:
    Arranjo Produtivo Local") or a form's answer ("Cluster: N/A")."""
    value = fields.get("cluster", "").strip()
    core = _TRAILING_BRACKETS.sub("", value)
    if len(value) > MAX_CLUSTER_CHARS or not (
        _a_district_name(core, with_trade=True)
        or an_english_cluster_name(core, "")
        or _APL_NAMED.fullmatch(core)
    ):
        return None
    bracket = value[len(core) :].strip(" ()")
    return value if bracket[:1].isupper() else core  # "(APL de Ubá)" stays, "(ospite)" goes


MAX_CLUSTER_CHARS = 120  # a long name with its short one in brackets ("… de Divinópolis (APL de …)")
_APL_NAMED = re.compile(
    r"(?:Arranjo Produtivo Local|APL)[ \t]+(?:d[aeo]s?[ \t]+)?\w[\w'’ -]*?[ \t](?:de|do|da|dos|das)[ \t]+[A-ZÀ-Ý][\w'’ -]*"
)
"""An APL by its trade and its place ("Arranjo Produtivo Local de Confecções de Divinópolis")."""


def _a_district_name(name: str, with_trade: bool = False) -> bool:
    """ "Distretto delle forbici e dei coltelli di Premana": a district as the field names it, its trade
    in lower case before its place; not a practice described in words ("Polo calçadista de uma cidade
    do interior de São Paulo", "Polo tessile della provincia di Prato"), nor, ``with_trade``, one
    without a trade ("Distrito de Braga") or of a service ("Distretto sanitario di Lecco")."""
    district = DISTRICT.fullmatch(name)
    if district is None:  # or named by its place's adjective ("distretto del bottone bergamasco")
        by_adjective = BY_ADJECTIVE.fullmatch(name)
        return by_adjective is not None and a_place_adjective(by_adjective)
    trade = [
        w
        for w in re.findall(r"[^\W\d_]+", fold(name[district.end(1) : district.start(2)]))
        if w not in _LINKS
    ]
    if with_trade and (not trade or not_a_trade(trade)):
        return False
    return not any(w in STOPWORDS or w in _SETTING for w in trade)


_LINKS = frozenset("de do da dos das di del della dello delle dei degli dell e ed and of".split())
_SETTING = frozenset(
    "cidade citta city town provincia province regione regiao region comune municipio interior paese pais area zona".split()
)
"""Words that place a practice described in words ("de uma cidade do interior"), not a trade."""


def written_as_a_name(value: str) -> bool:
    """Written as a proper name ("Area Science Park", "iHub Nairobi", "1 Million Cups", "ComoNExT –
    Innovation Hub"), not a practice described in words ("Rinnovo del parco macchine in una piccola
    impresa", "Group certification of software SMEs"): at least half of its words after the first
    are capitalised, the small joining words and places ("Val d'Orcia") aside."""
    core = _TRAILING_BRACKETS.sub("", value).strip()
    first = core[:1]
    if not core or len(core) > MAX_NAME_CHARS or not (first.isupper() or first.isdigit() or _camel(core)):
        return False
    words = re.findall(r"[^\W_][\w'’&.+-]*", core)
    letters = [ch for ch in core if ch.isalpha()]
    if len(words) > 12 or len(words) > 3 and all(ch.isupper() for ch in letters):  # an upper-case heading
        return False
    content = [w for w in words[1:] if fold(_ELIDED.sub("", w)) not in STOPWORDS and len(w) > 1]
    content = [w for w in content if not a_place(_ELIDED.sub("", w))]
    named = sum(1 for w in content if _ELIDED.sub("", w)[:1].isupper() or any(ch.isdigit() for ch in w))
    return not content or 2 * named >= len(content)


_SHORT_NAME = re.compile(r"\(([A-ZÀ-Ý][\w’'&+-]{3,30})\)\s*$")


def _short_name_used(value: str, text: str) -> bool:
    """A name described in words, then the one word it goes by in brackets, which the text goes on
    to use: "Cassa per il credito alle imprese artigiane (Artigiancassa)"; not a place ("(Toscana)")
    or a registered body, which says who runs the practice ("… do agreste (Sebrae)")."""
    short = _SHORT_NAME.search(value)
    return bool(short) and _a_coined_word(short.group(1), text)


def _a_name_before_a_dash(value: str, text: str) -> bool:
    """ "Fondimpresa – Fondo paritetico interprofessionale …": a coined word the text goes on to
    use, then what it is (not a card's "Progetto – rete di imprese …" or "Sintesi – …"; a card's
    "Aerospace Valley – polo …" names a local project)."""
    heads = before_a_dash(bracketed_forms(value)[0]) if " – " in value else []
    return bool(heads) and " " not in heads[0] and _a_coined_word(heads[0], text)


def _a_coined_word(word: str, text: str) -> bool:
    """A capitalised word, no place, registered body or word the text also writes in lower case,
    that the text writes three times or more."""
    if not word[:1].isupper() or a_place(word) or a_common_word(word, text):
        return False
    registered = by_key(default_taxonomy().organisations, word)
    return not registered and times_as_written(word, text) >= 3


def _camel(text: str) -> bool:
    """ "iHub", "eBay": a coined name that opens in lower case."""
    word = text.split()[0]
    return word[:1].islower() and any(ch.isupper() for ch in word[1:])


def _lengthens(name: str, found: list[str]) -> bool:
    """Whether the card's name only adds words to a name found already ("Rete dei Caseifici di
    Comunità" → "… dell'Alta Irpinia"): a found name's words, in order, inside it."""
    own = [f" {_plain(key)} " for key in name_keys(name)]
    return any(
        plain and f" {plain} " in key for n in found for plain in map(_plain, name_keys(n)) for key in own
    )


def _plain(key: str) -> str:
    return " ".join(re.findall(r"\w+", key))
