"""Result lists as CSV for spreadsheets and as reference lists in ABNT (NBR 6023) and APA styles."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from urllib.parse import urlencode

from app_pages.i18n import DEFAULT_LANGUAGE, translator
from kb.facets import CARD_FIELDS, LIST_FACETS
from kb.knowledge_base import slugify
from kb.models import Hit
from kb.taxonomy import default_taxonomy
from kb.text import fold

MONTHS_PT = "jan. fev. mar. abr. maio jun. jul. ago. set. out. nov. dez.".split()
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SEMICOLON_LANGUAGES = ("pt", "it")
"""Spreadsheets set to these languages read ',' as the decimal comma and expect ';' between cells."""


def cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text that starts like a formula gets a leading quote.

    This is OWASP's advice against CSV injection (``=HYPERLINK(...)`` in a document title).
    """
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def practice_url(base_url: str, doc_id: str, language: str = DEFAULT_LANGUAGE) -> str:
    params = {"doc": doc_id, **({"ui": language} if language != DEFAULT_LANGUAGE else {})}
    return f"{base_url}/practice?{urlencode(params)}"


def results_csv(hits: list[Hit], language: str = "en", base_url: str = "") -> str:
    """One row per result with labels in the reader's language, its snippet and its link.

    Starts with a byte-order mark so that spreadsheets read the accents as UTF-8; pt and it
    use ';' between cells, as their spreadsheets expect.
    """
    t = translator(language)
    taxonomy = default_taxonomy()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if language in SEMICOLON_LANGUAGES else ",")
    writer.writerow(
        [
            t("title"),
            t("facet_language"),
            t("year"),
            *(t(f.label_key) for f in LIST_FACETS),
            *(t(f"card_{name}") for name in CARD_FIELDS),
            t("snippet"),
            t("link"),
            "doc_id",
        ]
    )
    for h in hits:
        lists = [
            "; ".join(taxonomy.label(f.name, v, language) for v in getattr(h, f.key)) for f in LIST_FACETS
        ]
        card = [h.card.get(name, "") for name in CARD_FIELDS]
        language_name = taxonomy.label("language", h.language, language)
        link = practice_url(base_url, h.doc_id, language) if base_url else ""
        row = [h.title, language_name, h.year or "", *lists, *card, h.snippet, link, h.doc_id]
        writer.writerow(cell(value) for value in row)
    return "\ufeff" + buffer.getvalue()


def export_file_name(query: str, today: date, kind: str = "") -> str:
    """praxis-<query words>[-<kind>]-<date>.<csv or txt>, so several exports can sit in one folder;
    ``kind``: a reference style ("abnt", "apa"), a text file, or none for the CSV."""
    words = slugify(query)[:60].strip("-") if re.search(r"[a-z0-9]", fold(query)) else ""  # no Latin words
    lead = "-".join(part for part in ("praxis", words, kind, today.isoformat()) if part)
    return f"{lead}.{'txt' if kind else 'csv'}"


_SUPPORTERS = re.compile(
    r"(?i)(?:[,;(–—-]\s*|\s+)(?:com (?:o )?apoio|com a (?:colaboração|parceria)|em parceria|apoiad[oa] (?:por|pel[oa])|"
    r"con (?:il )?(?:supporto|sostegno|contributo)|in collaborazione|in partenariato|"
    r"with (?:the )?(?:support|help) of|supported by|in partnership with)\b.*",
    re.S,
)
"""Where a card's promoter goes on to name who supported it ("…do Vale do Jaguaribe, com apoio do
Sebrae"): the author of the reference is the promoter alone."""


def author(hit: Hit) -> str:
    """The practice's promoter when its card names one, without its supporters; else none (the
    norms then start with the title)."""
    promoter = " ".join(hit.card.get("proponent", "").split())
    return _SUPPORTERS.sub("", promoter).strip(" ,;:-–—") or promoter  # "Com apoio do Sebrae, …": all of it


def abnt(hit: Hit, base_url: str, today: date | None = None) -> str:
    """ABNT: AUTHOR. Title. Year. Available at: <url>. Accessed on: day month year.

    Without an author, the entry starts with the title, its first word in capitals. The year is
    the text's own (when it was written or published), never the practice's, which may be decades
    older; unknown, it is "[s.d.]".
    """
    today = today or date.today()
    year = hit.written or "[s.d.]"
    accessed = f"{today.day} {MONTHS_PT[today.month - 1]} {today.year}"
    url = practice_url(base_url, hit.doc_id)
    name = author(hit)
    if name:
        lead = f"{name.upper()}. {hit.title}"
    else:
        first, _, rest = hit.title.partition(" ")
        lead = f"{first.upper()} {rest}".strip()
    return f"{lead}. {year}. Disponível em: <{url}>. Acesso em: {accessed}."


def apa(hit: Hit, base_url: str) -> str:
    """APA 7: Author. (Year). Title. URL — without an author, the title takes its place; the year is
    the text's own, as in :func:`abnt`."""
    year = hit.written or "n.d."
    url = practice_url(base_url, hit.doc_id)
    name = author(hit)
    if name:
        return f"{name}. ({year}). {hit.title}. {url}"
    return f"{hit.title}. ({year}). {url}"


def reference_list(hits: list[Hit], style: str, base_url: str) -> str:
    lines = [abnt(h, base_url) if style == "abnt" else apa(h, base_url) for h in hits]
    return "\n\n".join(sorted(lines, key=str.casefold)) + "\n"
