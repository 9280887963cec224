"""A proposed name as the text writes it in full: "Bioindustry Park Silvano Fumero" where the text
mostly says "Bioindustry Park", "Arranjo Produtivo Local (APL) de Bordados de Ibitinga" where a
pattern stopped at the acronym.

A text shortens its practice's name once it has given it, and the name finder counts each form
apart, so the short one wins on count. The full form says which practice it is (which country's
"Orange Corners", which "APL"), which is what a curator files the document under.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.metadata.emphasised_names import emphasised_in_full
from ingest.metadata.everyday_terms import an_everyday_term
from ingest.metadata.name_candidates import COMPANY
from ingest.metadata.owners import without_owner
from kb.taxonomy import Taxonomy
from kb.text import STOPWORDS, fold

_PROPER = r"[A-ZÀ-Ý][\w'’.-]*[\w]|[A-Z]"
_LINK = r"(?:de|do|da|dos|das|di|del|della|dello|dei|degli|delle|of|e|and|&)"
_TAIL = rf"(?:[ \t]+(?:{_LINK}[ \t]+)?(?:{_PROPER})){{1,4}}"
"""Up to four more capitalised words, small words allowed between them ("de Bordados de Ibitinga")."""
_ACRONYM = r"[ \t]*\([A-Z][A-Za-z0-9&+-]{1,11}\)"
_ACRONYM_AT_END = re.compile(r"[ \t]*\([^()]+\)$")
_BODY_AT_END = re.compile(
    r"(?i)\b(?:board|authority|cent(?:er|re|ro)|agency|agenzia|ag[eê]ncia|council|foundation|association|group|"
    r"corporation|company|ministry|department|office|commission|institute|istituto|instituto)$"
)
_INSIDE_A_LINE = re.compile(r"[a-zà-ÿ,][ \t]+$")
"""A name written after a word in lower case or a comma: inside a sentence, not a heading's start."""
_NOT_A_NAME = frozenset({"Ltda", "Annual", "Report", "Relatório", "Rapporto", "Newsletter", "FAQ"})


def written_in_full(name: str, text: str) -> str:
    """The form the text writes of ``name`` with capitalised words after it, else ``name``.

    A kind of practice with its acronym ("Arranjo Produtivo Local (APL)") is no practice's name: the
    words after it are, from "de", "di" or "of" on, in the form the text writes most (the first, on
    a tie). Any other name takes its longer form only where the text writes that form twice, once
    at least inside a line (a title and the heading that repeats it are one name written once), not
    when the words after it are a body's ("… Development Authority", "… Board"), and not past an
    acronym in brackets ("Fondo … Regional (FIC-R) do Chile" is whole)."""
    short = _ACRONYM_AT_END.sub("", name)
    generic = an_everyday_term(short)
    if short != name and not generic:
        return name
    after = rf"(?P<acronym>{_ACRONYM})?(?=[ \t]+{_LINK}[ \t])" if generic else "(?P<acronym>)"
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}{after}(?P<tail>{_TAIL})")
    lower = set(re.findall(r"(?<![\w-])[a-zà-ÿ][\w'’-]+", text))
    counts: Counter[str] = Counter()
    inside: set[str] = set()
    for match in pattern.finditer(text):
        tail = _proper_tail(match.group("tail"), lower)
        if tail and not _BODY_AT_END.search(tail):
            form = f"{name}{match.group('acronym') or ''}{tail}"
            counts[form] += 1
            if _INSIDE_A_LINE.search(text[max(0, match.start() - 40) : match.start()]):
                inside.add(form)
    if generic:
        return max(counts, key=counts.__getitem__, default=name)  # the commonest; the first on a tie
    written = [form for form, n in counts.items() if n >= 2 and form in inside]
    return max(written, key=len, default=name)


def _proper_tail(tail: str, lower: set[str]) -> str:
    """``tail`` up to its last word that only names a proper thing (a word the text also writes in
    lower case may come before it: "de Bordados de Ibitinga"), and never past a report's word, a
    company's form or a small word capitalised ("Park In …")."""
    words = [re.sub(r"['’]s$", "", w) for w in tail.split()]  # "Foodvalley NL's"
    end = 0
    for i, word in enumerate(words):
        if word[:1].isupper() and (word in _NOT_A_NAME or word in COMPANY or fold(word) in STOPWORDS):
            break
        if word[:1].isupper() and word.lower() not in lower:
            end = i + 1
    return "".join(f" {w}" for w in words[:end])


def headed_in_full(name: str, text: str) -> str:
    """The English form with capitalised words before ``name`` that the text gives first: "the University
    City Science Center", then "the Science Center" throughout."""
    if len(name.split()) < 2:
        return name
    longer = [
        *re.finditer(rf"\b[Tt]he[ \t]+((?:(?:{_PROPER})[ \t]+){{1,3}}){re.escape(name)}(?![\w-])", text)
    ]
    shorter = re.search(rf"\b[Tt]he[ \t]+{re.escape(name)}(?![\w-])", text)
    # two heads: the practice and the one it is compared with ("the Ballymaloe Food Hub", "the Mallow …")
    if (
        not longer
        or len({m.group(1) for m in longer}) > 1
        or not shorter
        or shorter.start() < longer[0].start()
    ):
        return name
    head = longer[0].group(1).split()
    if any(
        w in COMPANY or fold(w) in STOPWORDS or w in _NOT_A_NAME or w.endswith(("'s", "’s")) for w in head
    ):
        return name
    return f"{' '.join(head)} {name}"


def in_full(names: list[str], text: str, taxonomy: Taxonomy, emphasis: tuple[str, ...] = ()) -> list[str]:
    """Each name without its owner's, and as the text writes (or bolds) it in full unless registered."""
    owned = dict.fromkeys(without_owner(name, taxonomy) for name in names)
    full = (
        n
        if taxonomy.programme(n)
        else emphasised_in_full(headed_in_full(written_in_full(n, text), text), text, emphasis)
        for n in owned
    )
    return list(dict.fromkeys(full))
