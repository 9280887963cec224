"""The body or scheme a text is about, when its title names it and the text keeps naming it.

A practice is often a public body itself: an agency, a development bank, a training fund ("Domande
frequenti sull'ICE-Agenzia", "Síntese de avaliação: o apoio da Financiadora de Estudos e Projetos
(FINEP) …"). The programme patterns look for programmes and the name ranker learnt that a body runs
programmes rather than being one, so such a text got no programme, or only the ones it mentions.
The name its title gives, written more often than any other name of the text, is its subject.
"""

from __future__ import annotations

import re

from ingest.genre_titles import a_genre_label
from ingest.metadata.everyday_terms import an_everyday_term
from ingest.metadata.firms import about_firms
from ingest.metadata.name_candidates import name_candidates
from ingest.metadata.name_checks import a_common_word, a_place
from ingest.metadata.name_ranker import ranked_text
from ingest.metadata.people import a_person_or_an_amount
from ingest.metadata.place_names import a_town_by_its_state
from ingest.metadata.programme_keys import name_keys, programme_key
from ingest.metadata.registry import is_entry
from kb.taxonomy import default_taxonomy
from kb.text import STOPWORDS, fold

MIN_USES = 3
"""How often the text must write the name: a title's passing mention is not its subject."""


def title_subject(text: str, title: str) -> str | None:
    """The name the title gives that the text writes most, counting its short forms (at least
    :data:`MIN_USES` times, and as often as any other name; the only such name the title gives),
    unless it is a place, one of the field's words, a word the text also writes in lower case
    ("Cooperativas"), a person or a sum."""
    whole = ranked_text(text, title)
    if not title.strip() or not about_firms(whole):
        return None
    found = {c.name: c.starts for c in name_candidates(whole)}
    if not found:
        return None
    # a place the title names ("… de Ubá", "Jaú (SP)") is where the practice is, never the subject: it does not compete
    counted = {
        n: _with_short_forms(n, found)
        for n in found
        if in_title(n, title) and not a_place(n) and not a_town_by_its_state(n, whole)
    }
    others = [len(s) for name, s in found.items() if not any(_inside(name, long) for long in counted)]
    most = max([*counted.values(), *others])
    titled = [name for name, n in counted.items() if n == most and n >= MIN_USES]
    titled = [name for name in titled if not any(_inside(name, o) for o in titled if o != name)]
    if len(titled) != 1:
        return None
    name = titled[0]
    if (
        a_place(name)
        or an_everyday_term(name)
        or a_common_word(name, whole)
        or a_person_or_an_amount(name, whole)
    ):
        return None
    return name if _goes_by_it(name, whole) else None


def _with_short_forms(name: str, found: dict[str, list[int]]) -> int:
    """How many times the text names ``name``, whole or by names inside it ("Consorzio", "Parmigiano
    Reggiano" for the "Consorzio del Formaggio Parmigiano Reggiano"; not a place it holds, nor the
    words of its own mentions counted again)."""
    spans = [(start, start + len(name)) for start in found[name]]
    mentions = set(found[name])
    for other, starts in found.items():
        if other != name and _inside(other, name) and not a_place(other) and not an_everyday_term(other):
            mentions |= {s for s in starts if not any(a <= s < b for a, b in spans)}
    return len(mentions)


def _inside(short: str, name: str) -> bool:
    """``short`` is ``name`` or whole words of it."""
    return short == name or re.search(rf"(?<!\w){re.escape(short)}(?!\w)", name) is not None


def _goes_by_it(name: str, text: str) -> bool:
    """A name a body or scheme goes by: one word of three letters or more, two of them capitals
    ("FINEP", "KredEx"; not a state's "PI" or "3D"), a short name the text gives in brackets ("…
    d'investissement (Bpifrance)"), or a registered body's ("Enterprise Ireland"); not the town,
    region or heading a title also names."""
    if len(name) < 3:  # "Picos (PI)": a state's code
        return False
    one_word = " " not in name and sum(ch.isupper() for ch in name) >= 2
    bracketed = re.search(rf"\(\s*{re.escape(name)}\s*\)", text) is not None
    shortened = (
        re.search(rf"(?<!\w){re.escape(name)}\s*\(\s*[A-ZÀ-Ý][\w.-]*[A-Z][\w.-]*\s*\)", text) is not None
    )
    collective = " " in name and _COLLECTIVE.match(name) is not None
    called = re.search(rf"\b(?:{_COLLECTIVE_NOUNS})\s+{re.escape(name)}(?!\w)", text) is not None
    formerly = (
        re.search(rf"(?<!\w){re.escape(name)},?\s+{_FORMERLY}\s+{_COLLECTIVE.pattern}", text) is not None
    )
    return (
        one_word
        or bracketed
        or shortened
        or collective
        or called
        or formerly
        or is_entry(default_taxonomy().organisations, name)
    )


_COLLECTIVE = re.compile(
    r"(?:Cons[oó]rzi?o|Cons[oó]rcio|Consortium|Cooperativ[ae]s?|Alleanza|Aliança|Alliance|Associazione|"
    r"Associação|Association|Federazione|Federação|Federation|Confedera\w+|Distretto|Distrito|District|"
    r"Cluster|Rete|Rede|Network|Polo|Arranjo|APL|F[óo]rum)\b"
)
"""What heads the name of firms acting together, the practices of this field ("Consorzio del
Formaggio Parmigiano Reggiano", "Alleanza delle Cooperative Italiane")."""
_COLLECTIVE_NOUNS = (
    "cons[oó]rzio|cons[oó]rcio|consortium|cooperativ[ae]|alleanza|aliança|alliance|associazione|associação|"
    "association|federazione|federação|federation|distretto|distrito|district|cluster|rete|rede|network|polo"
)
"""The same words in lower case, written before a name to say what it is ("o cluster Portugal Foods")."""
_FORMERLY = (
    r"(?:então|entao|antes|originalmente|inicialmente|formerly|originally|then|allora|già|inizialmente|ex)"
)
"""Said between a name and the collective's first name ("a Copersucar, então Cooperativa Central …")."""


def in_title(name: str, title: str) -> bool:
    """The name, as whole words, in the title (case and accents aside)."""
    return re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", fold(title)) is not None


def titled(name: str, title: str) -> bool:
    """A found programme that the title names in one of its forms ("Programa Inovar-Auto" in "… o
    programa Inovar Auto"), compared as keys."""
    keys = {f" {key} " for key in name_keys(name) if len(key) > 2}
    # the key of a title leaves its brackets out: "… e Região (APL Saúde RP)" names "APL Saúde RP"
    written = [title, *re.findall(r"\(([^()]+)\)", title)]
    return any(key in f" {programme_key(part)} " for key in keys for part in written)


_HEAD = re.compile(r"(?P<head>[^:]{3,60}?)[ \t]*:[ \t]+\S")
_GOVERNMENT = re.compile(
    r"(?i)(?:minist[ée]r[io]o?|ministry|governo|government|c[âa]mara|comune|prefeitura|regi[ãa]o|regione|"
    r"region|universit[yàa]|universidade|universidad|provincia|county|city of|munic[íi]pio|confedera)"
)


def title_head(text: str, title: str) -> str | None:
    """The name heading a news title before its colon, when the text writes it too ("Interporto Bologna:
    al via il nuovo impianto …"): what the news is about; not a place, a kind of document ("Comunicato
    stampa: …"), a section's one-word label, a government's or a university's name, one of the field's
    words or a person."""
    head = _HEAD.match(title.strip())
    if not head:
        return None
    name = head.group("head").strip()
    words = name.split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() or fold(w) in STOPWORDS for w in words):
        return None  # one word is a section's label as often ("Opinião:", "Focus:", "Dossier:")
    if _GOVERNMENT.match(name):
        return None  # "Câmara de Óbidos: …", "University of Limerick: …" announce another's news
    rest = text.replace(title, "", 1)
    if not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", rest):
        return None
    whole = ranked_text(text, title)
    if a_place(name) or an_everyday_term(name) or a_genre_label(name) or a_person_or_an_amount(name, whole):
        return None
    return name
