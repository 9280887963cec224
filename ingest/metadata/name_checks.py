"""Whether words a pattern caught are a programme's name: not a body's, not a qualifier's,
not the tail of a longer name that began before the match."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.metadata.headings import a_heading
from ingest.metadata.non_names import only_a_legal_form, only_what_it_is
from ingest.metadata.people import a_person_or_an_amount
from ingest.metadata.place_names import a_place, a_road, a_town_by_its_state
from ingest.metadata.programme_keys import GENERIC_WORDS
from ingest.metadata.programme_patterns import BODIES, LEADING, PUBLIC_BODIES
from kb.taxonomy import default_taxonomy
from kb.text import fold

OWNERS = re.compile(
    r"(?:Minist[eé]r|Ministry|Ag[eê]nc|Agenzi|Agency|Banco|Banca|Bank|Funda[cç]|Fundaci|Fondazion|Foundation|"
    r"Na[cç][oõ]es Unidas|Nazioni Unite|Naciones Unidas|United Nations|Regione|Regi[aã]o|Comune|Governo|"
    r"Government|Prefeitura|Camera di Commercio|C[aâ]mara)"
)
"""Bodies that own calls and systems rather than being their subject."""


def its_owner_not_its_name(match: re.Match[str]) -> bool:
    """The words after a programme word *of* name who owns or started it, not the programme: a body
    ("o edital do Ministério da Saúde", "il sistema delle Nazioni Unite"; a cluster, park or district
    programme is named so: "il programma dei Distretti Tecnologici"), or whoever a thing was started
    "on the initiative of" ("per iniziativa di Alberto Bombassei")."""
    gap = match.string[match.start() : match.start("name")]
    a_body = bool(OWNERS.match(match.group("name"))) and bool(_OF_AT_END.search(gap))
    before = match.string[max(0, match.start() - 10) : match.start("name")]
    return a_body or _ON_THE_INITIATIVE.search(before) is not None


_ON_THE_INITIATIVE = re.compile(
    r"(?i)\b(?:per|por|on the|at the|su|by)[ \t]+(?:iniziativa|iniciativa|initiative)[ \t]+(?:di|de|da|do|of)[ \t]+$"
)


_OF_AT_END = re.compile(r"(?i)\b(?:de|di|da|do|dos|das|del|della|dello|delle|dei|degli|of)[ \t]+$")


def a_public_body(name: str) -> bool:
    """ "Ministry for Primary Industries", "Atlantic Canada Opportunities Agency": a public body's
    name, which opens or closes with what it is."""
    words = name.split()
    return bool(words) and any(re.fullmatch(rf"(?:{PUBLIC_BODIES})", w) for w in (words[0], words[-1]))


_QUALIFIERS = frozenset(
    "nacional nazionale national federal regional regionale estadual statale state municipal comunale europeu "
    "europeo europea european operacional operativo operational social sociale comum comune common geral "
    "generale general especial speciale special integrado integrato integrated piloto pilota pilot "
    "manager director diretor direttore coordinator coordenador coordinatore officer leader team equipe "
    "staff office unit committee comitato comite".split()
)
"""Second words that qualify a programme word or make it a role ("Project Manager"), not a name."""


_ADJECTIVE_ENDINGS = ("ico", "icos", "ica", "icas", "ici", "iche", "ivo", "ivos", "iva", "ivas", "ivi", "ive")


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Countries' names in pt/it/en, folded."""
    return frozenset(fold(n) for found in default_taxonomy().country_names().values() for n in found)


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Countries' one-word names ("Programa Brasil" says where, not which)."""
    return frozenset(n for n in _country_names() if " " not in n)


@lru_cache(maxsize=1)
def _peoples() -> frozenset[str]:
    """Countries' peoples, folded, singular and plural: "New Zealanders", "Brasileiros"."""
    demonyms = default_taxonomy().country_extras.get("demonyms", {}).values()
    return frozenset(f for found in demonyms for d in found for f in (fold(d), fold(d) + "s"))


def a_country_or_its_people(name: str) -> bool:
    """ "New Zealand", "Kenya", "Brazilian": a country's name or its people's, no body's."""
    return fold(name) in _peoples() or fold(name) in _country_names()


def one_word_named(name: str | None) -> bool:
    """ "Projet Arganier", "Programa Centelha", "Fundo Amazônia": a programme word and one word
    of a name (not a qualifier such as "Nacional" or "Regional") name a programme plainly."""
    words = (name or "").split()
    return (
        len(words) == 2
        and fold(words[0]) in GENERIC_WORDS
        and words[1][:1].isupper()
        and len(words[1]) >= 4
        and fold(words[1]) not in GENERIC_WORDS | _QUALIFIERS | _country_words()
        and not fold(words[1]).endswith(_ADJECTIVE_ENDINGS)  # "Programas Estratégicos", "Piano Operativo"
        and not BODIES.search(words[1])
    )


def inside_a_name(text: str, start: int) -> bool:
    """ "International Fund for Agricultural Development": a capitalised word right before the
    match (not an article, nor the first word of a sentence, a line or the text: "Pelo Programa
    …") means the name began earlier."""
    window = text[max(0, start - 40) : start]
    before = re.search(r"(^|[.!?:;\n]?)[ \t]*\b([A-ZÀ-Ý][\w'’-]*)[ \t]+$", window)
    first = before is not None and (before.group(1) != "" or before.start(2) == 0 and start <= 40)
    return bool(before) and not first and not LEADING.fullmatch(before.group(2) + " ")


OPENERS = frozenset(
    "since according after before like unlike despite following overall besides ultimately similarly however "
    "moreover therefore today now then finally also instead meanwhile later here there still yet indeed "
    "furthermore nevertheless thus nowadays last earlier together alongside "
    "segundo conforme desde apos antes depois durante alem finalmente ontem hoje assim portanto entretanto "
    "contudo todavia agora ainda tambem entao aqui ali neste nesse nesta nessa dessa desta deste desse junto "
    "secondo dopo comunque ieri oggi inoltre quindi cosi tuttavia infatti poi infine ancora qui ora pertanto "
    "insieme nello allo ad mesmo porem".split()
)
"""Words that open a sentence's adverbial ("Segundo o Sebrae", "Since 2015", "Ad oggi"), besides
adverbs in -ly and -mente. Not the prepositions that introduce a programme ("Con Resto al Sud, la
misura …", "La Nuova Sabatini, la misura …"): :func:`_apposed` cuts the name after those."""
PREPOSITIONS = frozenset(
    "in on at by with without for from through within under via during to "
    "em no na nos nas com sem para por pelo pela ao aos "
    "nel nella negli nei con senza per da dal dalla tramite attraverso sotto grazie oltre".split()
)
"""Words that open a sentence's fronted phrase ("In the region of Emilia-Romagna, the project funded
by …"), where a name before the comma is the phrase's, not the programme's."""
_ADVERB = re.compile(r"(?:ally|ently|antly|ously|ively|ately|edly|arly|mente)$")


def an_adverbial_opening(text: str, end: int, fronted: bool = False) -> bool:
    """The words from the sentence's start to ``end`` (a comma) are an adverbial, not a name:
    "Segundo o Sebrae, o programa …", "Recently, the programme …" (five words at most); with
    ``fronted``, any phrase that opens with a preposition ("In 2015, with the support of the EU,
    the programme funded by …")."""
    start = max(text.rfind(mark, 0, end) for mark in ".!?:;\n") + 1
    words = text[start:end].split()
    if not words:
        return False
    first = fold(words[0])
    if fronted and _only_fronted_phrases(text[start:end]):
        return True
    return len(words) <= 5 and (first in OPENERS or len(first) > 5 and bool(_ADVERB.search(first)))


def _only_fronted_phrases(run_up: str) -> bool:
    """Each comma-separated part opens with a preposition or an adverbial and no verb in the past
    follows ("In 2015, with the support of the EU"); "Nel 2016 la Regione ha lanciato X" is a
    clause, and "Nel 2016 dodici aziende, …, hanno aderito a X" too."""
    parts = [part.split() for part in run_up.split(",")]
    opened = all(part and fold(part[0]) in PREPOSITIONS | OPENERS for part in parts)
    return opened and not any(_PAST.search(w) for part in parts for w in part if w.islower() and len(w) > 4)


_PAST = re.compile(r"(?:at[oa]|it[oa]|ut[oa]|ad[oa]|id[oa]|ed|ou|eu|iu)$")


def a_verb_before_a_name(words: list[str], i: int) -> bool:
    """ "… Trento ha istituito Lombardia Export": a verb in the past before a capitalised word ends
    the sentence's run-up to the name; other small words between capitals link them ("Portugal nos
    Mercados", "Empresas que Inovam", "Donne che Fanno Impresa")."""
    word = words[i]
    past = _PAST.search(word)
    return word.isalpha() and word.islower() and len(word) > 4 and bool(past) and words[i + 1][:1].isupper()


def a_common_word(name: str | None, text: str) -> bool:
    """One word the text also writes in lower case ("What is the programme …" and "what")."""
    return bool(name) and " " not in name and re.search(rf"\b{re.escape(name.lower())}\b", text) is not None  # type: ignore[union-attr]


def no_name_of_a_scheme(name: str, text: str) -> bool:
    """A person or a sum (:func:`a_person_or_an_amount`), a label (:func:`a_label`), a state's code
    (:func:`a_state_code`) or a town written with it ("Jaú (SP)"), a road ("BR-116"), a heading, what a
    document or a plan is (:func:`only_what_it_is`), a legal form, a country's people or a sentence (:func:`a_sentence`): whatever the
    ranker makes of them, no programme."""
    return (
        a_sentence(name)
        or a_person_or_an_amount(name, text)
        or a_label(name, text)
        or a_state_code(name, text)
        or a_town_by_its_state(name, text)
        or a_road(name)
        or a_heading(name, text)
        or only_what_it_is(name)
        or only_a_legal_form(name)
        or fold(name) in _peoples()
    )


_VERBS = frozenset(
    "é è is are was were foi era sono são has have ha há tem têm temos abbiamo hanno siamo somos não".split()
)
"""Verbs that make a clause of a run of words, never part of a scheme's name."""
_RELATIVES = frozenset("que che that which who".split())
"""Words that open a clause inside a long run ("… a algo que já existia"); a short name may hold
one ("L'Italia che investe")."""
_LEADING_PREPOSITIONS = frozenset(
    "and e ed y during after before since until among between tra fra entre durante dopo prima dal dalla após apos antes depois desde".split()
)
"""Words that open a phrase of time or place, capitalised at a sentence's start ("During COVID-19")."""
_BYLINE = frozenset(
    "posted published updated pubblicato pubblicata aggiornato publicado publicada atualizado atualizada".split()
)
"""Words that open a byline or a date line ("Posted 14 November 2021 on Cluster Practitioners' Blog")."""


def a_sentence(name: str) -> bool:
    """A quoted sentence or a headline's claim, read as a name for its capitals ("A estratégia deu
    nome a algo que já existia", "Qui la tradizione è facile"), or a phrase opening a sentence
    ("During COVID-19"; not the acronym "PRIMA Programme") or a byline ("Posted in Food & Drink")."""
    words = name.split()
    opening = words[0].casefold() if len(words) > 1 and not words[0].isupper() else ""
    if opening in _LEADING_PREPOSITIONS or opening in _BYLINE:
        return True
    clause = _VERBS | (_RELATIVES if len(words) >= 6 else frozenset())
    return any(w in clause for w in words[1:]) or _a_quoted_clause(name, words)  # "São Francisco" is a place


def _a_quoted_clause(name: str, words: list[str]) -> bool:
    """A quoted remark, seven words or more mostly in lower case with a comma ("Then the imports came,
    and the young people went to the call centres"): a name's commas part capitalised words ("Ministry
    of Trade, Industry and Energy"), or a few words in sentence case («Filiera corta, qualità e
    territorio»); or a quoted sentence of six words or more, none capitalised after an opening
    article or pronoun ("“A cooperativa pequena precisa de uma voz própria”", an interview's headline)."""
    lower = sum(w[0].islower() for w in words)
    return ("," in name and len(words) >= 7 and 2 * lower > len(words)) or (
        len(words) >= 6 and lower == len(words) - 1 and words[0].casefold() in _SENTENCE_OPENING
    )


_SENTENCE_OPENING = frozenset(
    "a o as os um uma il la lo i le gli un una the we our nós noi questo este this".split()
)
"""A quoted sentence opens with an article or a pronoun; a programme written in sentence case does
not ("Programa nacional de fortalecimento da agricultura familiar")."""


def a_state_code(name: str, text: str) -> bool:
    """Two or three capitals that the text only writes in brackets after a town's or a region's whole
    name: "Petrolina (PE)" (not "Enterprise Estonia (EE)", whose name merely ends in a place); a body's
    branch in that state ("Sebrae-SP", "Sebrae/SP") is no use of the code alone."""
    if not (2 <= len(name) <= 3 and name.isupper()):
        return False
    uses = re.findall(rf"(?<![\w/–-]){re.escape(name)}(?![\w-])", text)
    if not uses:
        return False
    runs = re.findall(rf"({_CAPITALISED_RUN})[ \t]*\([ \t]*{re.escape(name)}[ \t]*\)", text)
    return len(uses) == len(runs) and all(a_place(run) for run in runs)


_CAPITALISED_RUN = r"(?:[A-ZÀ-Ý][\w'’-]*[ \t]+(?:(?:de|da|do|di|del|della)[ \t]+)?){0,5}[A-ZÀ-Ý][\w'’-]*"


def a_label(name: str, text: str) -> bool:
    """A speaker's or a field's label: every time the text writes it, it opens a line before a colon
    ("Guest: a branch manager …", "HOST:", "HOST (Aroha):"), as a transcript or a card does; or a heading in capitals
    of more than three words ("RINNOVO DEL PARCO MACCHINE IN UNA PICCOLA IMPRESA")."""
    if len(name.split()) > 3 and name.isupper():
        return True
    written = list(
        re.finditer(rf"(?im)^[ \t*_#>-]*{re.escape(name)}(?:[ \t]*\([^()\d\n]{{1,30}}\))?[ \t*_]*:", text)
    )
    if not written:
        return False
    case = 0 if name.isupper() else re.IGNORECASE  # "HOST (Aroha):" is a label, "to host" a word
    if len(written) >= len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text, case)):
        return True
    # a speaker in capitals ("FELIPE:") whose name the text also writes as a name ("Felipe Moura"),
    # or introduces once in its list of speakers before the transcript ("APRESENTADORA (AP)", "CONDUTTRICE")
    labels = {m.start() for m in written}
    others = [m for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text) if not _in_label(m, labels)]
    listed = len(others) == 1 and others[0].start() < min(labels) and _a_cast_entry(text, others[0])
    return name.isupper() and len(written) >= 2 and (not others or listed)


def _in_label(match: re.Match[str], labels: set[int]) -> bool:
    """Whether the use is the name inside one of its labels (they start at the line, before any markup)."""
    return any(start <= match.start() <= start + 6 for start in labels)


def _a_cast_entry(text: str, match: re.Match[str]) -> bool:
    """ "APRESENTADORA (AP)", a line "CONDUTTRICE" or "OSPITE – agronoma": a speakers' list."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    bracketed = text[match.start() - 1 : match.start()] == "(" and text[match.end() : match.end() + 1] == ")"
    return bracketed or not text[line_start : match.start()].strip(" \t*_#>-")
