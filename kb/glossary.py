"""The field's own words: concepts with their pt/it/en terms, acronyms and plurals.

Short queries name concepts ("governança de APL", "reti di imprese"), and documents name
the same concept in another form or language ("arranjos produtivos locais", "business
networks"). The glossary lets the lexical side meet every form, and gives the app a
label to show ("APL = arranjo produtivo local").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kb.accents import ENDINGS, accented
from kb.concept_tree import with_narrower
from kb.country_words import country_words, place_at
from kb.regions import regions
from kb.stemming import ALGORITHMS, Phrase, index_phrase, stem, tokens_of
from kb.text import STOPWORDS, fold, straight_apostrophes, without_elision, words
from kb.typed_names import beside_a_name, in_capitals, looks_like_name, side_by_side
from kb.yaml_data import shipped

LANGUAGES = tuple(ALGORITHMS)
SHORT_ACRONYM = 3  # acronyms this short (IT, US, UE) only count when typed in capitals


@dataclass(frozen=True)
class Concept:
    id: str
    labels: dict[str, str]  # language → the concept's name in that language
    acronyms: tuple[str, ...]
    terms: dict[str, tuple[str, ...]]  # language → every term in that language
    marks: tuple[str, ...] = ()
    """Index tokens that count as finding the concept without naming it: a region's token, which
    the names field of a document about a country inside it holds (:mod:`kb.regions`)."""
    narrower: frozenset[Phrase] = frozenset()
    """Every form of the concepts that are kinds of this one ("enoturismo" for tourism), which a
    query naming this one also meets."""
    country: str = ""  # a country's ISO code (:mod:`kb.country_words`)
    stemmed: bool = True
    """False for a country: its forms match as words only, never by stem ("Cuba" and "cubos",
    "Francia" and Brazil's "Franca" share one); its demonyms come inflected."""
    as_written: frozenset[str] = frozenset()  # spellings that alone name it ("França", not Franca)
    surnames: frozenset[str] = frozenset()  # folded forms that are surnames typed with a capital

    @property
    def is_place(self) -> bool:
        return bool(self.marks)

    def label(self, language: str) -> str:
        return self.labels.get(language) or next(iter(self.labels.values()), self.id)

    def read_as(self, typed: str, language: str) -> str:
        """How the query's words ``typed`` were understood: "APL = arranjo produtivo local" for an
        acronym, else the words with the concept's names in the other languages ("distretti
        industriali · distrito industrial · industrial district"), so a reader sees the search
        cross languages."""
        if any(fold(typed) == fold(a) for a in self.acronyms):
            return f"{typed} = {self.label(language)}"
        names = [typed]
        for lang in dict.fromkeys([language, *LANGUAGES]):
            label = self.labels.get(lang)
            if label and all(fold(label) != fold(n) for n in names):
                names.append(label)
        return " · ".join(names)

    def phrases(self) -> frozenset[Phrase]:
        """Every form as the lexical index stores it: terms stemmed in their own language."""
        out = {index_phrase(a, lang) for a in self.acronyms for lang in LANGUAGES}
        out |= {index_phrase(t, lang) for lang, terms in self.terms.items() for t in terms}
        out |= {(mark,) for mark in self.marks}
        return frozenset(p for p in out if p) | self.narrower


@dataclass(frozen=True)
class QueryPart:
    """One thing the query asks for: a glossary concept or a plain word."""

    text: str  # as typed (a concept around a modifier: its own words, without the modifier)
    alternatives: frozenset[Phrase]  # any one of these in a passage counts as this part
    concept: Concept | None = None
    is_name: bool = False  # an acronym or a proper name, which must always find its documents


class Glossary:
    """Concept lookup by any form, comparing folded words or their stems in any language."""

    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = concepts
        self._by_form: dict[tuple[str, ...], tuple[Concept, bool]] = {}  # (is a short acronym)
        self._by_stems: dict[str, dict[Phrase, Concept]] = {lang: {} for lang in LANGUAGES}
        self._as_written: dict[tuple[str, ...], Concept] = {}
        self._only_as_written: set[tuple[str, ...]] = set()  # folded so, another thing
        forms = (words(f) for c in concepts for terms in (c.acronyms, *c.terms.values()) for f in terms)
        # words of short forms, stop words aside: a name's neighbour that is none ("Banco" of BNDES's name)
        self._words = {fold(w) for f in forms if len(f) <= 3 for w in f} - STOPWORDS
        for concept in concepts:
            for spelling in concept.as_written:
                self._as_written.setdefault(tuple(words(spelling)), concept)
                self._only_as_written.add(tuple(fold(w) for w in words(spelling)))
            for acronym in concept.acronyms:
                key = tuple(fold(w) for w in words(acronym))
                self._by_form.setdefault(key, (concept, len(acronym) <= SHORT_ACRONYM))
            for lang, terms in concept.terms.items():
                for term in terms:
                    if term in concept.as_written:
                        continue
                    self._by_form.setdefault(tuple(fold(w) for w in words(term)), (concept, False))
                    if concept.stemmed and not concept.is_place:  # "europea" is not Europe's countries
                        self._by_stems[lang].setdefault(tuple(stem(w, lang) for w in words(term)), concept)
        self.longest = max((len(k) for k in self._by_form), default=1)

    @classmethod
    def load(cls) -> Glossary:
        return _default_glossary()

    def _lookup(self, typed: list[str]) -> Concept | None:
        written = self._as_written.get(tuple(typed))
        if written is not None:
            return written
        folded = tuple(fold(w) for w in typed)
        if folded in self._only_as_written:
            return None
        found = self._by_form.get(folded)
        if found:
            concept, short = found
            return concept if not short or all(w.isupper() for w in typed) else None
        for lang in LANGUAGES:
            concept = self._by_stems[lang].get(tuple(stem(w, lang) for w in typed))
            if concept and (len(typed) > 1 or len(folded[0]) > SHORT_ACRONYM):
                return concept
        return None

    def parse(self, query: str) -> list[QueryPart]:
        """The query's parts, longest glossary match first (then a concept around one modifier,
        :meth:`_around_a_modifier`), stop words dropped."""
        query = straight_apostrophes(query)
        typed = [self._bare(w) for w in words(query)]  # "vini d'Italia": Italia, the country
        if typed and place_at(typed, 0) == len(typed) and self._lookup(typed) is None:
            return [_name_part(" ".join(typed))]  # "sao paulo": one name, not "são" the verb
        found: list[QueryPart | None] = []
        i = 0
        while i < len(typed):
            for n in range(min(self.longest, len(typed) - i), 0, -1):
                concept = self._lookup(typed[i : i + n])
                if concept is None or self._part_of_a_name(concept, typed, i, i + n, query):
                    continue
                found.append(_concept_part(" ".join(typed[i : i + n]), concept))
                i += n
                break
            else:
                around = self._around_a_modifier(typed, i, query)
                if around is not None:  # "gestione professionale dei cluster": the concept, then its modifier
                    n, concept = around
                    found.append(_concept_part(" ".join([typed[i], *typed[i + 2 : i + 2 + n]]), concept))
                    found.append(_word_part(typed, i + 1))
                    i += 2 + n
                else:
                    found.append(_word_part(typed, i))
                    i += 1
        parts: list[QueryPart] = []
        seen: set[frozenset[Phrase]] = set()
        for part in found:
            if part is not None and part.alternatives not in seen:
                seen.add(part.alternatives)
                parts.append(part)
        return parts

    def _bare(self, word: str) -> str:
        """The word without an elided article before it: always after a lower-case one ("d'Italia");
        after a capital only where the rest is a concept ("L'Italia"), not in a name ("D'Alema",
        "L'Aquila")."""
        bare = without_elision(word)
        if bare == word or word[:1].islower() or self._lookup([bare]) is not None:
            return bare
        return word

    def _around_a_modifier(self, typed: list[str], i: int, query: str) -> tuple[int, Concept] | None:
        """A concept of three words or more written with one more word inside it, after its first
        ("gestione professionale dei cluster", "redes locais de cooperação"): (how many words follow
        the modifier, the concept). Two-word forms are left alone ("social venture capital" is no
        "social capital"), and so is a modifier that is a name, a concept of its own ("reti
        innovative di imprese") or set off by punctuation."""
        if i + 3 >= len(typed) or fold(typed[i]) in STOPWORDS or fold(typed[i + 1]) in STOPWORDS:
            return None
        modifier = typed[i + 1]
        if looks_like_name([modifier], i + 1) or self._lookup([modifier]) is not None:
            return None
        if not side_by_side(query, typed[i : i + 3]):
            return None
        for n in range(min(self.longest - 1, len(typed) - i - 2), 1, -1):
            concept = self._lookup([typed[i], *typed[i + 2 : i + 2 + n]])
            if concept is not None and not concept.is_place:
                return n, concept
        return None

    def _part_of_a_name(self, concept: Concept, typed: list[str], start: int, end: int, query: str) -> bool:
        """A place, or a country typed with a capital, beside a word of a name (for a country, none
        of a short glossary form: :func:`kb.typed_names.beside_a_name`); or a surname, a lower-case
        demonym typed with a capital alone or after a word that is none ("studio di Greco", not
        "Vinhos Chilenos")."""
        word = typed[start]
        surname = word[:1].isupper() and not in_capitals(word) and fold(word) in concept.surnames
        if surname and end - start == 1:
            if len(typed) == 1 or start and fold(typed[start - 1]) not in self._words:
                return True
        if concept.is_place:  # "Enterprise Europe Network"
            return beside_a_name(typed, start, end, query, lambda w: False)
        if not (concept.country and word[:1].isupper()):
            return False
        return beside_a_name(typed, start, end, query, lambda w: fold(w) in self._words)


def _concept_part(text: str, concept: Concept) -> QueryPart:
    """A concept the query names, searched in every form of it and as written."""
    own = {index_phrase(text, lang) for lang in LANGUAGES}
    return QueryPart(
        text,
        concept.phrases() | own,
        concept,
        is_name=concept.is_place or any(fold(text) == fold(a) for a in concept.acronyms),
    )


def _spellings(text: str) -> frozenset[Phrase]:
    """Typed words as each language's passages hold them, their bare endings accented too (not a
    word whose accented stem is a short word: "nao" is "não", cut to "na", a preposition)."""
    as_typed = {index_phrase(text, lang) for lang in LANGUAGES}
    respelled = {index_phrase(accented(text, lang), lang) for lang in ENDINGS}
    kept = {p for p in respelled if len(p) > 1 or (p and len(p[0]) > 2 and p[0] not in STOPWORDS)}
    return frozenset(p for p in as_typed | kept if p)


def _name_part(text: str) -> QueryPart:
    """A region or city named in several words that is the whole query, searched as those words in
    a row. Inside a longer query its words stay apart: as one rare part, a city's name made an
    off-topic query in a grown collection about it (a held-out figure, 0.80 -> 0.70 empty)."""
    alternatives = _spellings(text) | _spellings("-".join(text.split()))  # Emilia-Romagna as written
    return QueryPart(text, alternatives | {tuple(tokens_of(fold(text)))}, None, is_name=True)


def _word_part(typed: list[str], i: int) -> QueryPart | None:
    """A word of the query outside any concept (None: a stop word or a lone letter)."""
    word = typed[i]
    folded = fold(word)
    if folded in STOPWORDS or (len(folded) < 2 and not folded.isdigit()):
        return None
    alternatives = _spellings(word) | {tuple(tokens_of(folded))}
    return QueryPart(word, alternatives, None, is_name=looks_like_name([word], i))


@cache
def _default_glossary() -> Glossary:
    raw = shipped("glossary.yaml")
    concepts = []
    for item in raw:
        terms = {lang: tuple(item.get(lang) or ()) for lang in LANGUAGES}
        acronyms = tuple(item.get("acronyms") or ())
        labels = {lang: t[0] for lang, t in terms.items() if t}
        concepts.append(Concept(str(item["id"]), labels, acronyms, {k: v for k, v in terms.items() if v}))
    concepts = with_narrower(concepts, {str(item["id"]): item.get("broader") for item in raw})
    for country in country_words(LANGUAGES):
        names = (*country.short_names, *country.demonyms)
        terms = {lang: (*filter(None, [country.names.get(lang)]), *names) for lang in LANGUAGES}
        acronyms = tuple(a for a in country.abbreviations if "." not in a)  # "U.S." is cut into letters
        labels = {lang: t[0] for lang, t in terms.items()}
        concepts.append(
            Concept(
                f"country-{country.code.lower()}",
                labels,
                acronyms,
                terms,
                country=country.code,
                stemmed=False,
                as_written=country.spellings,
                surnames=country.surnames,
            )
        )
    for region in regions(LANGUAGES):
        labels = {lang: names[0] for lang, names in region.names.items()}
        concepts.append(Concept(f"region-{region.code}", labels, (), region.names, (region.token,)))
    return Glossary(concepts)
