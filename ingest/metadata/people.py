"""Whether a run of capitalised words is a person or a sum of money: someone quoted or named with a
role beside the name, or by title, is never a programme however often a text writes them."""

from __future__ import annotations

import re

from ingest.metadata.programme_patterns import BODIES

_SPEECH = (
    "|".join(
        "says said told explains explained recalls recalled adds added noted argues argued insists insisted comments "
        "commented diz disse afirma afirmou explica explicou lembra lembrou lamenta lamentou sublinha sublinhou "
        "acrescenta acrescentou recorda recordou salienta salientou comenta comentou dice spiega racconta commenta "
        "aggiunge sottolinea ricorda afferma dichiara".split()
    )
    + r"|ha (?:detto|raccontato|commentato|aggiunto|sottolineato|dichiarato)"
)
"""Verbs that quote someone, and only those: not "conta", "garante", "admite", "observa", "resume" or
"notes" ("As the OECD notes, Silicon Valley …"), which as often have a programme as their subject ("o Porto Digital conta com 350 empresas")."""
_ROLE = (
    r"founder|fondatore|fundador|fundadora|president|presidente|ceo|director|diretor|diretora|direttore|"
    r"direttrice|mayor|sindaco|prefeito|prefeita|minister|ministro|ministra|professor|professore|professora|"
    r"secretary|segretario|segretaria|secretário|secretária"
)
_SPOKEN_BEFORE = re.compile(rf"(?i)\b(?:{_SPEECH}|{_ROLE})[ \t]*,?[ \t]*$")
"""Right before the name: "says Grace Wanjiru", "il presidente Mario Rossi" (not "il presidente di
Banca Etica"; not "segundo" or "secondo", which also mean "second")."""
_SPOKEN_AFTER = re.compile(
    rf"(?i)^[ \t]*,?[ \t]*(?:(?:who|que|che)[ \t]+)?(?:{_SPEECH})\b|^,[ \t]+(?:{_ROLE})\b"
    r"|^[ \t]*\n[ \t*_-]*(?:cargo|fun[çc][ãa]o|ruolo|job title)[ \t*_]*:"  # a card's next field
)
_AMOUNT = re.compile(r"(?:R|US|A|C|NZ)?[$€£¥₹]|\b(?:EUR|USD|BRL|GBP)\b")
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Dra|Prof|Profa|Sr|Sra|Srta|Dott|Dott\.ssa|Sig|Sig\.ra|Avv)\.?"
_TITLED = re.compile(rf"{_TITLE}[ \t]+[A-ZÀ-Ý]")
_TITLED_BEFORE = re.compile(rf"(?<!\w){_TITLE}[ \t]*$")
"""A person by title: "Ms Hanna Lindqvist", "Dott.ssa Rossi", "Sra. Ana Lima" (the finder splits
"Sra." from the name, so the title is looked for before it too)."""


def a_person_or_an_amount(name: str, text: str) -> bool:
    """Someone quoted or named with a role right beside the name ("says Grace Wanjiru", "il
    segretario Renato Mason", "Alberto Bombassei, fondatore di Brembo"), named by title ("Ms Hanna
    Lindqvist") or a sum ("R$ 40"): never a
    programme, however often a text writes them. Only a name of two or three words, each
    capitalised, can be a person's."""
    if _AMOUNT.search(name) or (
        _TITLED.match(name) and not BODIES.search(name)
    ):  # not "Dr Oetker Foundation"
        return True
    words = name.split()
    if not 2 <= len(words) <= 3 or name.isupper() or not all(w[:1].isupper() for w in words):
        return False
    for found in re.finditer(re.escape(name), text):
        before, after = text[max(0, found.start() - 40) : found.start()], text[found.end() : found.end() + 30]
        if _SPOKEN_BEFORE.search(before) or _TITLED_BEFORE.search(before) or _SPOKEN_AFTER.search(after):
            return True
    return False
