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
        "name of initiative",
        "designacao",
        "denominazione",
        "designation",
        "project name",
        "nome do projeto",
        "nome del progetto",
        "titulo da pratica",
        "titolo della pratica",
        "practice title",
        "title of the practice",
    ],
    "cluster": [  # the cluster or district a card's practice belongs to ("Cluster: Moratuwa furniture cluster")
        "cluster",
        "distretto",
        "distretto industriale",
        "distrito",
        "district",
        "industrial district",
        "polo",
        "arranjo",
        "arranjo produtivo local",
        "apl",
        "cluster name",
        "nome do cluster",
        "nome del cluster",
        "nome del distretto",
        "nome do apl",
        "nome do arranjo",
        "nome do polo",
    ],
    "programme": [  # where a card names the programme behind the practice (not stored on the card)
        "programa",
        "nome do programa",
        "nome del programma",
        "programme name",
        "program name",
        "name of the programme",
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
        "soggetto promotore",
        "soggetti promotori",
        "promoting body",
        "entidade promotora",
        "entidades promotoras",
        "entidade responsavel",
        "ente responsabile",
        "responsible body",
        "enti promotori",
        "promoted by",
        "lead body",
        "lead organisation",
        "lead organization",
        "ente capofila",
        "capofila",
        "entidade gestora",
        "ente gestore",
        "managing body",
        "managed by",
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
        "area geografica",
        "geographic area",
        "localizzazione",
    ],
    "partners": ["parceiros", "parceria", "parcerias", "partner", "partners", "partenariato", "partenari"],
    "funding": [
        "financiamento",
        "finanziamento",
        "funding",
        "fontes de financiamento",
        "fonti di finanziamento",
        "fonte de recursos",
        "fonte de financiamento",
        "fonte di finanziamento",
        "source of funding",
        "funding source",
    ],
    "dated": ["data", "date", "data da reuniao", "data della riunione", "meeting date", "data do evento"],
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
_FALLBACK_LABELS = {
    "name": [
        "initiative",
        "iniciativa",
        "iniziativa",
        "practice",
        "pratica",
    ],
    "geography": ["territorio", "regiao", "regione", "region"],
}
"""Labels that give a field only where no label of :data:`LABELS` does ("Initiative: …" beside
"Name: …" is a kind, "Region: Veneto" beside "Country: Italy" a part): a profile's, a call's."""
_BY_LABEL = {label: key for key, labels in LABELS.items() for label in labels}
_BY_FALLBACK = {label: key for key, labels in _FALLBACK_LABELS.items() for label in labels}
_ANSWER = re.compile(
    r"(?:yes|no|sim|nao|si|none|nenhum[ao]?|nessun[ao]?|n/a|public|private|publica|privada|pubblica|privata|"
    r"ongoing|online|bottom-up|top-down)\b"
)
"""A form's answer, folded, not a value to keep ("Initiative: Yes", "Iniziativa: pubblica")."""
_YEAR_LABEL = re.compile(
    r"(?:ano|anno|year|data|date) (?:de |di |of )?(?:criacao|creazione|creation|inicio|avvio|start|lancamento|"
    r"lancio|launch|fundacao|fondazione|foundation|constituicao|costituzione|constitution)|inicio|inizio|avvio|"
    r"start(?:ed| year| date)?|launch(?:ed)?|criacao|creazione|fundacao|fondazione|founded|established|"
    r"opened$"
)
"""Labels that date the practice's start ("Ano de criação da rede", "Anno di avvio", "Started",
"Opened")."""
_LINE = re.compile(
    r"^[ \t]*([^\s:：|][^\n:：|]{1,39}?)[ \t]*(?:[:：]|(?<=\w)[ \t]*(?:\.{4,}|…{2,}|(?:\.[ \t]){3,}))[ \t]*(\S[^\n]{0,200})([^\n]*)$",
    re.MULTILINE,
)
"""A label and the first 200 characters of its value; a longer line counts only under one of the
exact labels ("Referência temporal: a lei de 1994 …" dates the card; a paragraph that opens
"Fondazione Cariplo: nata nel 1991 …" is prose, not a founding year). The label starts with a
non-space, so a line of spaces (PDF text) is read in linear time. A card may lead from label to
value with dots ("Sector .......... ceramics"); a value that is a page's number is a table of contents
line ("Programme ........ 9"), no field's."""
_ROW = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?([^\s:：|][^\n:：|]{1,39}?)[ \t]*(?:[:：][ \t]*)?\|[ \t]*([^\n|]*[^\s|])[ \t]*(?:\||$)",
    re.MULTILINE,
)
"""A table row "| Início: | 2003 |" or "Referência Temporal | 2011" (a card laid out as a table in
HTML, Markdown, Word or OpenDocument); only known labels count."""


HEAD_CHARS = 20000
"""A card's fields are in its opening: a long report is read this far for them."""


def labelled_fields(text: str) -> dict[str, str]:
    """The first value of every known label found at the start of a line."""
    found: dict[str, str] = {}
    fallback: dict[str, str] = {}
    head = text[:HEAD_CHARS]
    for match in sorted([*_LINE.finditer(head), *_ROW.finditer(head)], key=lambda m: m.start()):
        label = fold(match.group(1)).strip(" *_-")
        value = match.group(2).strip().strip("*_ ")
        if _PAGE_NUMBER.fullmatch(value):
            continue
        longer = match.re is _LINE and bool(match.group(3))
        key = _known(label) or ("year" if _YEAR_LABEL.match(label) and not longer else None)
        if key and key not in found:
            found[key] = value
        elif (weak := _BY_FALLBACK.get(label)) and weak not in fallback and _a_value(value):
            fallback[weak] = value
    return found | {key: value for key, value in fallback.items() if key not in found}


_PAGE_NUMBER = re.compile(r"\d{1,3}")


def _a_value(value: str) -> bool:
    """A weak label's value worth keeping: no form's answer ("Initiative: Yes"), no sentence
    ("Practice: sharing one laboratory cut each firm's testing costs by a third.")."""
    return not _ANSWER.match(fold(value)) and not value.endswith(".") and len(value.split()) <= MAX_WEAK_WORDS


MAX_WEAK_WORDS = 12


def _known(label: str) -> str | None:
    """A known label, or one of two written as alternatives ("Proponent / lead body")."""
    return _BY_LABEL.get(label) or next(
        (_BY_LABEL[part] for part in map(str.strip, label.split("/")) if part in _BY_LABEL), None
    )
