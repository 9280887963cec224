"""Labelled fields of practice cards ("Contexto Geográfico: EUA") in pt, it and en."""

from __future__ import annotations

import re

from kb.text import fold

LABELS = {
    "name": [
        "nome",
        "name",
        "titulo",
        "titolo",
        "nome da pratica",
        "nome della pratica",
        "practice name",
        "nome da iniciativa",
        "nome dell'iniziativa",
        "nome dell’iniziativa",
        "initiative name",
        "name of the initiative",
    ],
    "programme": [  # where a card names the programme behind the practice (not stored on the card)
        "programa",
        "programa de apoio",
        "programa de financiamento",
        "programma",
        "programma di sostegno",
        "programma di riferimento",
        "programme",
        "program",
        "support programme",
        "support scheme",
        "funding programme",
        "funding framework",
        "scheme",
    ],
    "proponent": [
        "proponente",
        "promotore",
        "proponent",
        "promoter",
        "organizacao",
        "organizzazione",
        "organisation",
        "organization",
        "ente promotore",
    ],
    "sector": ["setor/segmento", "setor", "segmento", "settore", "sector"],
    "geography": [
        "contexto geografico",
        "contesto geografico",
        "geographic context",
        "geographical context",
        "pais",
        "paese",
        "country",
        "localizacao",
        "location",
    ],
    "partners": ["parceiros", "parceria", "parcerias", "partner", "partners", "partenariato", "partenari"],
    "funding": [
        "financiamento",
        "finanziamento",
        "funding",
        "fontes de financiamento",
        "fonti di finanziamento",
        "fonte de recursos",
    ],
    "results": ["resultados", "risultati", "results", "impacto", "impatti", "impact", "outcomes"],
    "year": [
        "referencia temporal",
        "riferimento temporale",
        "anno",
        "ano",
        "year",
        "time reference",
        "periodo",
        "period",
    ],
}
_BY_LABEL = {label: key for key, labels in LABELS.items() for label in labels}
_LINE = re.compile(r"^[ \t]*([^\n:：]{2,40}?)[ \t]*[:：][ \t]*(\S[^\n]{0,200})$", re.MULTILINE)


def labelled_fields(text: str) -> dict[str, str]:
    """The first value of every known label found at the start of a line."""
    found: dict[str, str] = {}
    for match in _LINE.finditer(text[:20000]):
        key = _BY_LABEL.get(fold(match.group(1)).strip(" *_-"))
        if key and key not in found:
            found[key] = match.group(2).strip().strip("*_ ")
    return found
