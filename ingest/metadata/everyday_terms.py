"""The field's own words and everyday acronyms, which name no practice however a text uses them ("PMI",
"Cluster", "VAT", "PROGRAMMA" alone)."""

from __future__ import annotations

import re

from ingest.metadata.name_candidates import JOINING, OPENING
from ingest.metadata.programme_keys import initials
from ingest.metadata.programme_patterns import APPOSITION_KINDS, KEYWORDS
from kb.glossary import Glossary

EVERYDAY_ACRONYMS = frozenset(
    "COVID COVID-19 SARS-COV-2 IVA VAT GDP PIL PIB AI IA ICT TIC IT ERP CRM CEO CFO CTO COO HR RH R&D P&D "
    "B2B B2C NGO ONG ONLUS NPO PDF CSV XML URL USB GPS SMS PC TV USD EUR BRL GBP CHF UN ONU OECD OCSE "
    "OCDE WTO OMC IMF FMI ISO FAO ILO OIT OIL WHO OMS UNESCO DOP DOC DOCG IGP PDO PGI KPI ROI SEO FAQ "
    "CV PHD MBA".split()
)
"""Acronyms of economics, administration and everyday life that name no programme."""
KINDS = rf"{KEYWORDS}|{APPOSITION_KINDS}|campanha|campagna|campaign|lei|legge|law|ley|selo|label|marchio|bando|edital|call|voucher|prémio|premio|award|prize"
KIND = re.compile(rf"(?i)\b(?:{KINDS})\b")
"""A word of a kind of programme or scheme ("programa", "bando", "voucher")."""


def _spelled_everyday(name: str) -> bool:
    """ "Key Performance Indicators" (KPI) spelled out, three words or more, every one capitalised
    ("Fundo Mineiro de Inovação" is no FMI, "Inova Talentos" no IT)."""
    words = name.split()
    return len(words) > 2 and all(w[:1].isupper() for w in words) and initials(name) in EVERYDAY_ACRONYMS


def an_everyday_term(name: str) -> bool:
    """One of the field's own words (PMI, Cluster, Export) or an everyday acronym (VAT, COVID-19),
    or a programme word alone ("PROGRAMMA", "Fundo")."""
    if name.upper() in EVERYDAY_ACRONYMS or _spelled_everyday(name):
        return True
    if all(KIND.fullmatch(w) or w.lower() in JOINING for w in name.split()):
        return True
    parts = Glossary.load().parse(name)
    return len(parts) == 1 and parts[0].concept is not None and name.lower() not in OPENING
