"""How programme names compare: one key per name, however it is written ("Programa Rota 2030" and
"Rota 2030"; "Lei nº 13.755" and "Lei 13.755/2018"; "POR FESR Marche" spelled out or not)."""

from __future__ import annotations

import re
from functools import cache

from ingest.metadata.programme_patterns import ACRONYM_TEXT, KEYWORDS
from kb.taxonomy import default_taxonomy
from kb.text import fold

GENERIC_WORDS = frozenset(fold(KEYWORDS).split("|")) | {
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
    *("del", "della", "dello", "dei", "degli", "delle", "dos", "das", "du", "des"),
    *("nacional", "nazionale", "national"),
}
"""Words a programme's name may carry or not ("programa Rota 2030" is "Rota 2030")."""


def programme_key(name: str) -> str:
    """A name without case, accents, articles and words such as "programme", for comparing names.

    "Long Name (ACR)" compares as its long name (:func:`name_keys` gives both forms).
    """
    folded = fold(_TITLED_LAW.sub(r"\1", written_forms(name)[0]))
    if law := _cited(_LAW, folded.strip()):
        kind, number, year, dated = law.groups()
        return _law_key(kind, number, year or dated)
    if law := _cited(_LAW_DATED_FIRST, folded.strip()):
        kind, year, number = law.groups()
        return _law_key(kind, number, year)
    named = _ACT_OF_YEAR.sub(r"\1", _CREDIT_LINE.sub("", _without_legal_form(folded.strip())))
    named = _CAMPAIGN.sub("", named)
    words = [w.rstrip(".") or w for w in re.sub(r"[-–—]", " ", named).split()]  # "Co." is "Co"
    words = [part for w in words for part in OPERATIONAL.get(w, w).split()]
    return " ".join(w for w in words if w not in GENERIC_WORDS) or folded


_CREDIT_LINE = re.compile(
    r"^(?:(?:linhas?|line[ae])[ \t]+(?:(?:de|di)[ \t]+)?credito|lines?[ \t]+of[ \t]+credit|credit[ \t]+lines?)[ \t]+"
    r"(?!(?:do|da|dos|das|di|del|della|of|the|for|para|per)\b)(?=\S)"
)
""""Linha de Crédito PME Investe" is "PME Investe": what kind of programme it is, as "Programa" says
("Linha de Crédito do BNDES" names a bank's line, not the bank: kept)."""


_CAMPAIGN = re.compile(r"(?<=\S)[ \t]+(?:campaign|campanha|campagna)$")
""""Buy Fijian Campaign" is the text's "Buy Fijian" ("Campagna Amica", led by the word, keeps it)."""


_LEGAL_FORM = re.compile(
    r"^(?:fondazione|fundacao|fundacion|foundation|stiftung|sihtasutus)[ \t]+(?=\S)"
    r"|(?<=\S)[ \t]+(?:foundation|stiftung|limited|ltd\.?|inc\.?|s\.p\.a\.|spa|gmbh|r\.l\.?|ltda\.?|s\.a\.?|"
    r"s\.r\.l\.?|s\.c\.a\.?[ \t]?r\.l\.?|scarl|soc\.?[ \t]+coop\.?)$"
)
""""Fondazione Steinbeis", "KredEx Foundation", "Khula Enterprise Finance Limited", "Cooperativa … R.L.":
a body's legal form, which texts write or leave out (or cut at its last stop), as "Programa" of a
programme."""


def _without_legal_form(folded: str) -> str:
    """Unless what is left is a word of three letters ("SME Foundation" is not "SME")."""
    rest = _LEGAL_FORM.sub("", folded).rstrip(" ,")
    return rest if len(rest) > 3 else folded


_ACT_OF_YEAR = re.compile(r"^(.*\bact)[ \t]+of[ \t]+(?:19|20)\d\d$")
""""Small Business Investment Act of 1958" is the "Small Business Investment Act": a year after
"of" is how it is cited. "Companies Act 1956" and "Companies Act, 2013" are two acts, and so are
South Africa's "Companies Act 71 of 2008" and "Companies Act 61 of 1973": their keys differ (as
written forms, :func:`written_forms`, each is also the "Companies Act")."""


def _cited(pattern: re.Pattern[str], folded: str) -> re.Match[str] | None:
    """A law's citation, alone or followed by its date and title after a comma ("Ley 5/2011, de 29
    de marzo, de Economía Social")."""
    law = pattern.match(folded)
    return law if law and (law.end() == len(folded) or folded[law.end() :].startswith(",")) else None


OPERATIONAL = {
    "por": "programma operativo regionale",
    "pon": "programma operativo nazionale",
    "psr": "programma sviluppo rurale",
    "pdr": "programa desenvolvimento rural",
    "rop": "regional operational programme",
}
"""The acronyms EU funds' programmes are named by, spelled out: "POR FESR Marche 2014-2020" is
the "Programma Operativo Regionale FESR Marche 2014-2020"."""


_KIND = r"(lei|legge|law|ley|decreto(?:[ \t-]+(?:legislativo|legge|lei))?|decree|republic act)[ \t]+"
_DAY_MONTH = r"\d{1,2}[ \t]+(?:de[ \t]+)?[a-z]+[ \t]+(?:de[ \t]+)?"
_LAW = re.compile(
    _KIND
    + r"(?:n[.º°o]*[ \t]*)?(\d[\d.]*\d|\d)"
    + r"(?:[ \t]*/[ \t]*(\d{2,4})|,?[ \t]+(?:del|of|de)[ \t]+(?:"
    + _DAY_MONTH
    + r")?(\d{4}))?"
)
"""A law named by its number, with or without "nº", perhaps with its year after a slash or its
date after it ("Lei nº 8.248, de 23 de outubro de 1991", "Legge n. 49 del 27 febbraio 1985")."""
_LAW_DATED_FIRST = re.compile(
    _KIND + r"(?:del[ \t]+)?" + _DAY_MONTH + r"(\d{4}),?[ \t]+n[.º°o]*[ \t]*(\d[\d.]*\d|\d)"
)
"""A law named by its date, then its number ("Legge 27 febbraio 1985, n. 49")."""


_TITLED_LAW = re.compile(r"^((?i:lei|legge|law|ley|decreto|decree)\b[^–—]{3,60}?\d)[ \t]+[–—][ \t]+\D.*$")
""""Legge 25 febbraio 1992, n. 215 – Azioni positive per …": a law cited with its title after a dash
compares as the law."""


def _law_key(kind: str, number: str, year: str | None) -> str:
    """A law by its number: with its year when numbers restart every year ("Legge 266/1997" is
    not "Legge 266/2005"); without it when they run on for decades (Brazil's "Lei nº 13.755" is
    "Lei 13.755/2018"), as numbers of four digits or more do."""
    kind = re.sub(r"[ \t-]+", " ", kind)  # "Decreto-legge 34/2020" is "Decreto legge 34/2020"
    digits = number.replace(".", "")
    return f"{kind} {digits}" if len(digits) >= 4 or not year else f"{kind} {digits} {year}"


def written_forms(name: str) -> list[str]:
    """The forms a programme's name may be written in: "Long Name (ACR)" is either, and so is
    "ACR (Long Name)" (the long name first); "Name – what it is" is the whole or the name; an act
    with its year is also the act; a second name after the dash is one more."""
    forms = bracketed_forms(name)
    heads = before_a_dash(forms[0])
    others = [*heads, *_a_name_after_a_dash(forms[0], heads), *_act_alone(forms[0]), *_coined_head(forms[0])]
    return forms + [other for other in dict.fromkeys(others) if other not in forms]


_COINED_HEAD = re.compile(
    r"(?!(?:Ma?c|D[ei]|L[ae]|Van|Von|Ph|Gmb|You|Linked|Whats|Pay)[A-Z])(?=\w{4})(?:[A-Z][a-z]+[A-Z]|[a-z]+[A-Z])\w*"
)
"""A coined word: "MaRS", "KredEx", "eTwinning"; not a surname ("McDonald", "DeLuca", "LaSalle"), a
degree or legal form ("PhD", "GmbH") or a platform ("YouTube", "LinkedIn", "PayPal")."""


def _coined_head(name: str) -> list[str]:
    """ "MaRS Discovery District", "KredEx Fund": a coined word of small and capital letters that
    heads a name is the name it goes by (not "SEBRAE Delas": a body's acronym heads its scheme)."""
    head, _, rest = name.strip().partition(" ")
    return [head] if rest and _COINED_HEAD.fullmatch(head) else []


def _a_name_after_a_dash(name: str, heads: list[str]) -> list[str]:
    """ "Fijian Made – Buy Fijian Campaign": a second name after the dash, every word of it
    capitalised but its links, is a form too (not "Agroamigo – Programa de microfinança …"); so is
    the long name an acronym spells ("ATP – Associação Têxtil e Vestuário de Portugal")."""
    tail = name.split(" – " if " – " in name else " — ", 1)[-1].strip() if heads else ""
    if heads and _acronym_of(heads[0], tail):
        return [tail]
    content = [w for w in tail.split() if fold(w) not in GENERIC_WORDS or w[:1].isupper()]
    if len(content) < 2 or len(tail.split()) > 6 or not all(w[:1].isupper() for w in content):
        return []
    if any(fold(w) in DOCUMENT_WORDS or fold(w) in country_names() for w in content):
        return []  # "… – Relatório Final", "… – Case Study", "… – Fase II", "… – Portugal 2020"
    return [tail] if any(fold(w) not in GENERIC_WORDS for w in content) else []


DOCUMENT_WORDS = frozenset(
    "relatorio relazione report study studio estudo case caso final finale fase phase summary sintese "
    "sintesi avaliacao valutazione evaluation nota note notes faq newsletter operacional operativo "
    "operational overview introducao introduzione introduction edition edicao edizione annex anexo "
    "allegato ii iii iv serie numero issue bulletin boletim bollettino dossier speciale special primo "
    "transcricao trascrizione transcript entrevista intervista interview verbale ata minutes descricao "
    "descrizione description contesto contexto context obiettivi objetivos objectives attivita atividades "
    "activities".split()
)
"""Words that say what a document, an issue or a stage is: never part of a second name after a
dash, and never a name alone ("NEWSLETTER", "SÉRIE", "PRIMO PIANO")."""
ROLE_WORDS = frozenset(
    "officer manager director coordinator coordinatore coordinatrice coordenador coordenadora diretor diretora "
    "direttore direttrice responsabile secretary segretario secretario chair chairman chairwoman "
    "president presidente adviser advisor consulente consultor consultora consultant specialist especialista "
    "analyst analista assistant assistente executive vice-chair vice-president vicepresidente deputy chief "
    "treasurer tesoureiro tesoriere ceo cfo coo".split()
)
"""A post: with a programme's word, a sender's signature or a byline ("Programme Officer", "Project
Manager", "Coordenador de Programa"), or in minutes ("Executive Director", "Vice-Chair"), never a
programme."""


_ACT_OF_A_YEAR = re.compile(r"(.*\bAct),?[ \t]+(?:(?:No\.?[ \t]*)?\d{1,4}[ \t]+of[ \t]+)?(?:19|20)\d\d")


def _act_alone(name: str) -> list[str]:
    """ "Co-operatives and Community Benefit Societies Act 2014" and "National Small Business Act 102
    of 1996" are the text's "… Act" (their keys keep the year and number: two acts of one name
    differ)."""
    act = _ACT_OF_A_YEAR.fullmatch(name.strip())
    return [act.group(1)] if act else []


def bracketed_forms(name: str) -> list[str]:
    """The forms of a name with a short one in brackets ("Long Name (ACR)", "ACR (Long Name)")."""
    written = _WITH_ACRONYM.fullmatch(name.strip())
    if not written:
        first = _ACRONYM_FIRST.fullmatch(name.strip())
        if first and _spells(first.group(1), first.group(2)):
            return [first.group(2), first.group(1)]
        return [name]
    if fold(written.group(2)) in country_names():  # "Incubation Support Programme (South Africa)"
        return [written.group(1)]
    return [written.group(1), written.group(2)]


_SUBTITLED = re.compile(r"([A-ZÀ-Ý0-9][^–—]{0,40}?)[ \t]+[–—][ \t]+\S[^–—]*")


def before_a_dash(name: str) -> list[str]:
    """ "Agroamigo – Programa de Microfinança Rural do Banco do Nordeste": the name it goes by, of
    three words at most ("Micro and Small Enterprises – Cluster Development Programme" is one
    name); a law cited with its title compares as the law."""
    parts = _SUBTITLED.fullmatch(name.strip())
    if not parts or len(parts.group(1).split()) > 3 or _TITLED_LAW.match(fold(name.strip())):
        return []
    if fold(parts.group(1)) in OPERATIONAL:  # "PON – Imprese e Competitività" is one of many PONs
        return []
    return [parts.group(1)]


@cache
def country_names() -> frozenset[str]:
    """Countries' names in pt/it/en: a country in brackets says where, it is no short name."""
    return frozenset(fold(n) for names in default_taxonomy().country_names().values() for n in names)


def name_keys(name: str) -> set[str]:
    """The comparison keys of every written form of a name."""
    return {programme_key(form) for form in written_forms(name)}


_WITH_ACRONYM = re.compile(
    rf"(.+?)[ \t]*\(({ACRONYM_TEXT}|[A-ZÀ-Ý][\w+&'’-]*(?:[ \t][A-ZÀ-Ý0-9][\w+&'’.-]*){{1,2}})\)"
    r"(?:[ \t]+(?i:programme|program|project|initiative|scheme|fund))?"
)
"""A long name and its short one in brackets: an acronym, or a short name of two or three
capitalised words ("Innóvate Perú", "PHAMA Plus"); a programme word after the brackets is
the name's ("… Business Zone (HUBZone) program")."""


_ACRONYM_FIRST = re.compile(rf"({ACRONYM_TEXT})[ \t]*\(([A-ZÀ-Ý][^()]*[ \t][^()]+)\)")
""""ACCORD (Action concertée de coopération régionale de développement)": an acronym, then its
long name of two words or more in brackets."""


def _spells(acronym: str, long: str) -> bool:
    """An acronym (two capitals or more) whose long name starts with its first letter and is no
    country: "SEBRAE (Rio Grande do Sul)" and "ADEPME (Bosnia and Herzegovina)" say where."""
    capitals = sum(ch.isupper() for ch in acronym) >= 2
    return capitals and fold(long[0]) == fold(acronym[0]) and fold(long) not in country_names()


def written_otherwise(name: str, found: list[str]) -> bool:
    """One of the found programmes under another of its names: the acronym it was given ("PMD" of
    "Programa Mentoria Delas (PMD)") or the initials of its words ("PID", "Punti Impresa Digitale")."""
    keys, letters = name_keys(name), "".join(ch for ch in fold(name) if ch.isalpha()).upper()
    spelled = name.isupper() and len(letters) >= 2
    return any(keys & name_keys(other) or (spelled and initials(other) == letters) for other in found)


def _acronym_of(acronym: str, long: str) -> bool:
    """The acronym's letters are, in order, initials of the long name's capitalised words, the first
    the first ("ATP" of "Associação Têxtil e Vestuário de Portugal")."""
    letters, words = acronym.replace(".", ""), initials(long)
    if not (letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 8) or not words.startswith(
        letters[0]
    ):
        return False
    rest = iter(words[1:])
    return all(letter in rest for letter in letters[1:])


def initials(name: str) -> str:
    """The first letters of a name's capitalised words ("Punti Impresa Digitale": PID)."""
    return "".join(fold(word[0]).upper() for word in re.findall(r"[\w'’-]+", name) if word[0].isupper())
