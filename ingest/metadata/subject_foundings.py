"""A founding told of the text's own subject without its name: "It was founded in 1927", "Fondata
nel 1919, …", "A cooperativa foi fundada em 1925", "L'associazione è nata nel 1946".

Before 1950 a year is history recalled unless it founds the practice, and a sentence that names
the practice says so. A text speaks of its subject mostly by a pronoun, by its kind with an
article, or by a participle opening the sentence; any other subject (a firm, a person, another
body by its name) founds something else.
"""

from __future__ import annotations

import re

_KIND = (
    r"(?:co-?operativ[ae]|cooperativa|associa[çc][ãa]o|associazione|association|cons[oó]rcio|consorzio|consortium|"
    r"federa[çc][ãa]o|federazione|federation|uni[ãa]o|unione|union|escola|scuola|school|centro|centre|center|"
    r"instituto|istituto|institute|rede|rete|network|distretto|distrito|district|cluster|parque|parco|park|"
    r"banco|banca|bank|caixa|cassa|funda[çc][ãa]o|fondazione|foundation|sociedade|societ[àa]|society|"
    r"organiza[çc][ãa]o|organizzazione|organi[sz]ation|zona|zone|incubadora|incubatore|incubator|polo|"
    r"programa|programma|programme|program|iniciativa|iniziativa|initiative)"
)
_SUBJECT = rf"(?:it|they|(?:(?:the|a|o|la|il|lo)[ \t]+|l['’]){_KIND})"
""""It", "they", or the practice's kind with its article ("the co-operative", "a cooperativa", "la
scuola", "The Federation"); not a person ("Ela nasceu em 1936"), a town ("A cidade foi fundada") or a
firm, whose founding is older than the practice it joins."""
_BE = r"(?:was|were|is|foi|foram|é|fu|furono|è|era|venne|sono)"
_FOUNDED = (
    r"(?:(?:formally|officially|formalmente|ufficialmente|oficialmente)[ \t]+)?"
    r"(?:founded|formed|fundad[oa]s?|fondat[oaie]|created|criad[oa]s?|creat[oaie]|established|set[ \t]+up|"
    r"istituit[oaie]|costituit[oaie]|constitu[ií]d[oa]s?|constituted|nat[oaie]|nasceu|nacque)"
)
_UNSAID = r"(?:fu|venne|foi|foram|furono|(?:è|é|e['’])[ \t]+stat[oaie])"
"""A passive whose subject Italian and Portuguese leave unsaid, as "it" ("Fu fondato nel 1945", "Foi
criada em 1998"): the subject of the sentence before."""
_SUBJECT_AFTER = re.compile(
    r"(?i)[ \t]+(?!a[ \t]+partir)(?:il|lo|la|i|gli|le|l['’]|o|a|os|as|um|uma|un|una|uno)[ \t]*\w"
)
"""A subject written after the year of a passive ("Foi fundada em 1875 a colônia …")."""
_BIRTH = re.compile(r"(?i)\b(?:nat[oaie]|nasceu|nacque)\b")
_TOLD_OF_THE_SUBJECT = re.compile(
    rf"(?i)^[\W]*(?:\w+:[ \t]*)?(?P<subject>{_SUBJECT}[ \t]+{_BE}[ \t]+|{_SUBJECT}[ \t]+|(?P<unsaid>{_UNSAID})[ \t]+)?{_FOUNDED}"
    r"(?:[ \t]+(?:in|em|nel|no|il|on|a|ad|at)[ \t]+[^,;]{0,40})?[ \t]+(?:in|em|nel|no|il|on)?[ \t]*$"
)


def told_of_the_subject(text: str, start: int, at: int, pronoun_anywhere: bool = False) -> bool:
    """Whether the sentence of ``text`` that starts at ``start`` tells, up to the year at ``at``, its own
    subject founded then, unnamed: its kind with an article ("A cooperativa foi fundada em 1925");
    "it" where the sentence opens a line or an answer ("Guest: It was founded in 1927"; in the middle
    of a paragraph, "It was founded in 1926" may be the chamber of commerce just named); or a
    participle opening it ("Fondata nel 1919, …"), unless the subject it then names is no kind of
    practice ("Founded in 1926, the chamber of commerce …"). A birth needs the kind: "nata" of
    "L'associazione è nata nel 1946", not of a person. ``pronoun_anywhere``: "it" counts wherever the
    sentence stands (the one before named the practice). "Since its founding in 1895" says so too."""
    head = text[start:at]
    if SINCE_ITS_FOUNDING.search(head):
        return True
    told = _TOLD_OF_THE_SUBJECT.match(head.strip(" \t") + " ")
    if told is None:
        return False
    subject = told["subject"]
    if subject is not None and re.search(_KIND, subject, re.IGNORECASE):
        return True
    if _BIRTH.search(head):
        return False
    if told["unsaid"] and _SUBJECT_AFTER.match(text, at + 4):
        return False  # "Fu istituito nel 1927 il comune": the subject follows, and it is another
    if subject is not None:  # "it", "they"
        return pronoun_anywhere or start == 0 or text[:start].endswith(("\n", ": "))
    named = _NAMED_AFTER.match(text, at + 4)
    return named is None or re.fullmatch(_KIND, named["kind"], re.IGNORECASE) is not None


SINCE_ITS_FOUNDING = re.compile(
    r"(?i)(?:^|\W)(?:(?:sin[ \t]+)?dalla|alla|since|from|at|desde[ \t]+a|na)[ \t]+(?:(?:sua|its|their)[ \t]+)?"
    r"(?-i:fondazione|founding|funda[çc][ãa]o|costituzione)[ \t]*,?[ \t]*(?:(?:nel|in|em|no|il)[ \t]+)?"
    r"(?:(?:lontano|distant|long[ií]nquo)[ \t]+)?$"
)
"""The subject's own founding by its noun, right before the year: "Dalla fondazione, nel lontano 1898",
"since its founding in 1895" (not "a founding member in 1925", "la fondazione della città nel 1850")."""
FOUNDS_ONE = re.compile(
    r"(?i)[^;]{0,160}?\b(?:(?:founded|formed|created|set[ \t]+up|established)[ \t]+an?|"
    r"(?:fund(?:ou|aram)|cri(?:ou|aram)|form(?:ou|aram))[ \t]+uma?|"
    r"(?:fondò|fondarono|(?:ha|hanno)[ \t]+fondato|creò|costituì|costituirono)[ \t]+un[oa]?|"
    r"dieder?o?[ \t]+vita[ \t]+(?:a|ad|al|alla|all['’]))"
    rf"[ \t]*(?:[\w-]+[ \t]+){{0,2}}(?P<kind>{_KIND})\b"
)
"""After a year, a group founding a body of some kind, unnamed: "Em dezembro de 1927, um grupo de
agricultores … fundou uma sociedade cooperativa". The practice's own when the kind is its own
(:func:`ingest.metadata.practice_sentences.names_it`)."""
_NAMED_AFTER = re.compile(
    r"[^,.;\n]{0,80},[ \t]+(?:(?:the|a|o|la|il|lo)[ \t]+|l['’])(?P<kind>[\w-]+)", re.IGNORECASE
)
"""The subject a participle's sentence names after its comma ("Founded in 1938 in Vicuña by a group of
grape growers, the cooperative …")."""
