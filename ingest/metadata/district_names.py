"""A cluster named in lower case, the way the field names its districts: "il distretto ceramico di
Sassuolo", "o polo calçadista de Franca", "il distretto del mobile imbottito della Murgia".

Such a name has no capital to start it, so the name finder never sees it, yet it is the practice of
a text that keeps writing it: a teaching case, a parliamentary question, a report on the district.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from kb.taxonomy import default_taxonomy
from kb.text import STOPWORDS, fold

_KIND = r"[dD]istretto|[dD]istrito|[pP]olo|[aA]rranjo\s+produtivo\s+local|APL|cluster"
"""One district, in the singular: "i distretti industriali del Nord" are many."""
_LINK = r"(?:d[aeiou]s?|del|dell[aoe]|dell['’]|dei|degli)"
_WORD = r"[a-zà-ÿ][a-zà-ÿ-]{2,}"
_SECTOR = rf"(?:(?:(?:e|ed|and|in)[ \t]+)?(?:{_LINK}[ \t]*)?{_WORD}[ \t]+){{0,4}}"
"""Up to four words of a trade, joined as trades are ("della maglieria e dell'abbigliamento",
"dell'orticoltura in serra")."""
_ONE_PLACE = (
    r"[A-ZÀ-Ý][\w'’-]+(?:[ \t]+(?:d[aeio]s?|del|della|nad|pod|am|an[ \t]+der|upon)[ \t]+[A-ZÀ-Ý][\w'’-]+"
    r"|[ \t]+(?:d|dell)['’][A-ZÀ-Ý][\w'’-]+|[ \t]+[A-ZÀ-Ý][\w'’-]+){0,3}"
)
_PLACE = rf"{_ONE_PLACE}(?:[ \t]+(?:e|ed|and|y)[ \t]+{_ONE_PLACE})?"
"""A place of up to four capitalised words, linked as places are ("Castel Goffredo", "Val d'Elsa",
"Jablonec nad Nisou", "Lauf an der Pegnitz", "Newcastle upon Tyne"), or
two joined ("Calangianus e Tempio Pausania", "Armstrong e Las Parejas")."""
_TRADE = rf"{_LINK}[ \t]*{_WORD}[ \t]+(?:(?:(?:e|ed|and)[ \t]+)?(?:{_LINK}[ \t]*)?{_WORD}[ \t]+){{0,3}}"
"""A trade introduced by a link and running straight into the place ("della rubinetteria e del
valvolame Cusio-Valsesia"; not a verb, "il distretto ospita Brembo")."""
DISTRICT = re.compile(rf"(?<![\w-])({_KIND})[ \t]+(?:{_SECTOR}{_LINK}[ \t]*|{_TRADE})({_PLACE})")
"""A cluster word, up to four words of its trade in lower case ("della maglieria e
dell'abbigliamento"), then "di/de/della …" and the capitalised place."""

_OF_THE = r"(?:dell['’]|del|della|dei|delle)"
_ADJECTIVE_ENDS = "ese|esi|asco|asca|aschi|asche|ano|ana|ani|ane|ino|ina|ini|ine|ense"
BY_ADJECTIVE = re.compile(
    rf"(?<![\w-])([dD]istretto|[pP]olo)[ \t]+(?:{_OF_THE}[ \t]*)?"
    rf"(?:(?:(?:e|ed)[ \t]+(?:{_OF_THE}[ \t]*)?)?[a-zà-ÿ]{{4,}}[ \t]+){{0,3}}?"
    rf"([a-zà-ÿ]{{3,}}(?:{_ADJECTIVE_ENDS})(?:-[a-zà-ÿ]{{3,}}(?:{_ADJECTIVE_ENDS}))?)"
    r"(?![\w-])"
)
"""A district named after its place's adjective, the Italian way: "il distretto tessile biellese",
"il distretto serico comasco", "il distretto dell'occhialeria bellunese", "il distretto calzaturiero
fermano-maceratese", "il Distretto del porfido e delle pietre trentine"."""
_NOT_A_PLACE = frozenset(
    "urbano urbana montano montana umano umana cittadino cittadina marino marina vicino vicina sovrano "
    "quotidiano quotidiana mondano mondana piano fino fina divino divina latino latina meridiano "
    "americano americana africano africana artigiano artigiana artigiani artigiane".split()
)
"""Adjectives of that form that name no place (or a continent)."""


CLUSTER_AFTER = re.compile(
    r"(?<=\b[Tt]he[ \t])(?:(?:[A-ZÀ-Ý][\w'’-]+[ \t]+){2,4}cluster"
    r"|(?:[A-ZÀ-Ý][\w'’-]+[ \t]+){1,4}(?:(?:and|&)[ \t]+)?(?:[a-z][a-z-]{2,}[ \t]+){1,3}(?:cluster|district))\b"
)
"""A cluster named the English way, its place first and its trade in lower case: "the Nnewi auto
parts cluster", "the Kamukunji Jua Kali cluster", "the Livenza furniture district" (not "the
European cluster", "the V-shaped cluster"; a district needs its trade, "the Musanze District" is a
country's division and "the Austin school district" no trade's, :data:`_NOT_A_TRADE`)."""


def english_clusters(text: str) -> list[re.Match[str]]:
    """:data:`CLUSTER_AFTER`'s names whose words in lower case name a trade ("pump and motor"), not a
    clause ("the Government has supported the cluster", "the World Bank team visited the cluster",
    "the Ministry funds training and cluster managers": "and" joins two trades, not a trade and the
    cluster)."""
    return [
        m
        for m in CLUSTER_AFTER.finditer(text)
        if not any(
            (fold(w) in STOPWORDS and w != "and") or w.endswith("ed")
            for w in re.findall(r"\b[a-z][a-z-]+\b", m.group())
        )
        and not re.search(r"\band[ \t]+cluster\b", m.group())  # "funds training and cluster managers"
        and not (m.group().endswith("district") and _NOT_A_TRADE & set(m.group().casefold().split()))
    ]


def an_english_cluster_name(name: str, text: str) -> bool:
    """A card's name written as the field writes an English cluster, a place and a trade: "Gallura
    granite district", "Marikina shoe cluster" (:func:`english_clusters`); not a description whose
    first word the text also writes in lower case ("Regional innovation cluster", "Women
    entrepreneurs cluster")."""
    capitalised = re.findall(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*", name)
    return any(m.group() == name for m in english_clusters(f"the {name}")) and not any(
        re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", text) for w in capitalised
    )


_NOT_A_TRADE = frozenset(
    "school business financial congressional electoral health water fire police historic central residential "
    "shopping entertainment sewer judicial administrative metropolitan census postal library park lake hill".split()
)
"""Words that make "the X … district" a school's, a city's or an election's district, not a trade's
("the Austin school district", "the Kigali central business district")."""


MIN_USES = 2
"""How often the text must name the district: once is a passing mention."""


def district_subject(text: str, title: str) -> str | None:
    """The district the title and text name most often in lower case (at least :data:`MIN_USES`
    times, and more often than any other), by its longest form, capitalised ("Distretto della
    maglieria e dell'abbigliamento di Carpi": "il distretto di Carpi" is the same district); else
    the one named once that the text goes on calling "il distretto" (:func:`_spoken_of`)."""
    counts: Counter[str] = Counter()
    longest: dict[str, str] = {}
    for match in districts(f"{title}\n{text}"):
        if capitalised_whole(match):  # "Distretto di Carpi" is a name the finder sees already
            continue
        written, place = re.sub(r"\s+", " ", match.group(0)), fold(match.group(2))
        counts[place] += 1
        if len(written) > len(longest.get(place, "")):
            longest[place] = written
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= MIN_USES and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return _capitalised(longest[ranked[0][0]])
    spoken = _spoken_of(text, title, counts)
    return _capitalised(longest[spoken]) if spoken else None


_SPOKEN_OF = re.compile(
    r"(?i)(?<![\w-])(?:il|nel|del|al|dal|sul|questo|o|do|no|ao|pelo|este|esse|the|this)[ \t]+"
    r"(distretto|polo)(?![\w-])(?![ \t]+(?:d[aeiou]s?|del|dell[aoe]?|dei|degli|of|in)\b)"
)
"""The district spoken of without its place: "il distretto si è evoluto", "o polo cresce" (not "il
distretto di Varanasi", another one; not "o distrito", as often Portugal's administrative district,
nor "the cluster", whatever an English text is about)."""


def _spoken_of(text: str, title: str, counts: Counter[str]) -> str | None:
    """The place of the one district the title names (or, when the title names none, the only one
    the text names), introduced by an article, when the text speaks of the district at least
    :data:`MIN_USES` times more (once more after a title naming it): a parliamentary question names
    "il distretto della carta di Fabriano" once and then "il distretto" throughout (not "reti di
    cluster di altri Paesi")."""
    in_title = {fold(m.group(2)) for m in districts(title) if introduced(m)} & set(counts)
    if any(_NOT_A_TRADE_IT & set(fold(m.group()).split()) for m in districts(f"{title}\n{text}")):
        return None  # "nel distretto sanitario di Ostuni": a health district
    places = in_title or {fold(m.group(2)) for m in districts(text) if introduced(m)}
    if len(places) != 1 or places - set(counts):
        return None
    named = [m.span() for m in DISTRICT.finditer(text)]
    spoken = [m for m in _SPOKEN_OF.finditer(text) if not any(a <= m.start(1) < b for a, b in named)]
    return next(iter(places)) if len(spoken) >= (1 if in_title else MIN_USES) else None


_NOT_A_TRADE_IT = frozenset(
    "sanitario socio-sanitario scolastico militare elettorale idrografico forestale".split()
)
_SERVICES = _NOT_A_TRADE_IT | frozenset(
    "sociosanitario notarile giudiziario ospedaliero museale vaccinale universitario sanitaria policial rural "
    "vacinacao apoio presencial educacao infantil turistico federal escolar saude "
    "school primary secondary galaxy slum red-light supercomputing computing server hospital outbreak covid "
    "factory plant".split()
)
"""A district or a cluster of a service, a body or an outbreak, not of a trade ("distretto notarile",
"polo de vacinação", "the Coma galaxy cluster", "the Gütersloh meat plant cluster")."""


def not_a_trade(words: list[str]) -> bool:
    """Whether a district's words (folded) name a service, a school or an outbreak, not a trade."""
    return bool(_SERVICES & set(words) or _NOT_A_TRADE & set(words))


def introduced(match: re.Match[str]) -> bool:
    """A district in lower case after an article ("il distretto dei tappeti di Bhadohi")."""
    before = match.string[max(0, match.start() - 12) : match.start()]
    return not capitalised_whole(match) and bool(_ARTICLE.search(before))


_ARTICLE = re.compile(r"(?i)(?:^|[\s(])(?:il|nel|del|al|dal|sul|o|do|no|ao|pelo|the)[ \t]+$|^$")


def _capitalised(name: str) -> str:
    return name[0].upper() + name[1:]


def titled_district(text: str, title: str) -> str | None:
    """The one district or English cluster the text names in lower case whose place and trade the
    title names, however seldom ("Marikina shoemakers bet on school shoes …" and, once, "the
    Marikina shoe cluster"): a news item names its cluster once and then its town. A title naming
    the town for something else ("Nairobi small firms get cheap loans" beside "the Nairobi garment
    cluster" in a list) is about that."""
    folded_title = fold(title)
    named = {
        re.sub(r"\s+", " ", m.group()): m.group(2) if m.re is DISTRICT else m.group()
        for m in [*districts(text), *english_clusters(text)]
        if m.re is not DISTRICT or not capitalised_whole(m)
    }
    titled = {
        name
        for name, place in named.items()
        if (words := re.findall(r"[A-ZÀ-Ý][\w'’-]+", place))
        and all(re.search(rf"(?<!\w){re.escape(fold(w))}(?!\w)", folded_title) for w in words)
        and _trade_in(name, folded_title)
    }
    if len(titled) != 1:
        return None
    name = titled.pop()
    return name[0].upper() + name[1:]


def _trade_in(name: str, folded_title: str) -> bool:
    """Whether the title names the district's trade: a word of it in lower case, by its first four
    letters ("shoe" of "shoemakers", "vidro")."""
    trade = [w for w in re.findall(r"(?<![\w'’])[a-zà-ÿ]{4,}", name) if fold(w) not in _NOT_TRADE_WORDS]
    return any(re.search(rf"(?<!\w){re.escape(fold(w)[:4])}", folded_title) for w in trade)


_NOT_TRADE_WORDS = frozenset(
    {"cluster", "district", "distretto", "distrito", "polo", "della", "dello", "delle"}
)


def districts(text: str) -> list[re.Match[str]]:
    """:data:`DISTRICT`'s names whose words between the kind and the place name a trade ("distretto
    della rubinetteria e del valvolame Cusio-Valsesia"), not a clause ("il distretto tra Cusio"); when
    there are none, :data:`BY_ADJECTIVE`'s whose adjective is a place's (a text that names its district
    by its place, "il distretto cartario di Lucca", means the same one by "il distretto lucchese")."""
    named = [m for m in DISTRICT.finditer(text) if not any(fold(w) in STOPWORDS for w in trade_words(m))]
    return named or [m for m in BY_ADJECTIVE.finditer(text) if a_place_adjective(m)]


def a_place_adjective(match: re.Match[str]) -> bool:
    """The adjective is a place's (not "urbano", not a country's, "italiano") and the words before
    it name a trade; one ending like a verb ("nel distretto operano 300 imprese") needs a trade
    before it ("il distretto orafo aretino")."""
    adjective, trade = match.group(2).casefold(), trade_words(match)
    after_a_link = re.search(rf"(?:^|\s)(?:{_LINK})[ \t]*$", match.string[match.start(1) : match.start(2)])
    return (
        not after_a_link  # "il distretto della meccanica e delle macchine": a noun, not an adjective
        and adjective not in _NOT_A_PLACE
        and adjective not in country_adjectives()
        and not any(fold(w) in STOPWORDS for w in trade)
        and (bool(trade) or not adjective.endswith(("ano", "ana", "ani", "ane", "ino", "ina", "ini", "ine")))
    )


@cache
def country_adjectives() -> frozenset[str]:
    demonyms = default_taxonomy().country_extras.get("demonyms", {})
    return frozenset(d.casefold() for found in demonyms.values() for d in found)


def trade_words(match: re.Match[str]) -> list[str]:
    """The lower-case words between a district's kind and its place, without links ("della", "e")."""
    between = match.string[match.end(1) : match.start(2)]
    return [
        w for w in re.findall(r"[a-zà-ÿ'’-]{3,}", between) if not re.fullmatch(_LINK, w) and w not in ("and",)
    ]


def capitalised_whole(match: re.Match[str]) -> bool:
    """ "Distretto di Carpi", "Polo Tecnologico di Navacchio": a capitalised kind with no trade in
    lower case, which the name finder sees whole (not "Distretto del coltello di Maniago")."""
    kind = match.group(1)
    return kind[0].isupper() and not kind.isupper() and not trade_words(match)
