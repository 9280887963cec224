"""Turn hits into safe HTML: every piece of document text is escaped before it is marked up."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from kb.glossary import Concept
from kb.models import Hit

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """Document text made inert for Streamlit elements that read Markdown (titles, link labels)."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def highlighted(snippet: str, spans: list[tuple[int, int]]) -> str:
    """The snippet as HTML with the matched words in ``<mark>``; nothing else is live."""
    parts, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        parts += [escape(snippet[last:start]), f"<mark>{escape(snippet[start:end])}</mark>"]
        last = end
    parts.append(escape(snippet[last:]))
    return "".join(parts)


def chip_links(links: list[tuple[str, str]]) -> str:
    """(label, href) pairs as small link chips; both are escaped."""
    return " ".join(
        f'<a class="chip-link" href="{escape(href, quote=True)}" target="_self">{escape(label)}</a>'
        for label, href in links
    )


def hit_card(
    hit: Hit,
    page_label: str,
    labels: dict[str, Callable[[str], str]] | None = None,
    href: str | None = None,
    actions: list[tuple[str, str]] | None = None,
    missing_label: str = "",
) -> str:
    """One result: title, badges (language, countries, programmes, year), theme chips, snippet,
    the query's names it does not hold (``missing_label``: "Sem:"), and its actions as links
    (label, href)."""
    labels = labels or {}
    country = labels.get("country", str)
    theme = labels.get("theme", str)
    badges = [hit.language.upper(), *map(country, hit.countries), *hit.programmes]
    if hit.year:
        badges.append(str(hit.year))
    badge_html = " ".join(f'<span class="badge">{escape(b)}</span>' for b in badges)
    badge_html += " ".join(f' <span class="chip">{escape(theme(t))}</span>' for t in hit.themes)
    page = f' <span class="page">({escape(page_label)})</span>' if hit.page else ""
    title = escape(hit.title)
    if href:
        title = f'<a href="{escape(href, quote=True)}" target="_self">{title}</a>'
    return (
        '<div class="hit">'
        f'<div class="title">{title}</div>'
        f'<div class="badges">{badge_html}</div>'
        f'<div class="snippet">{highlighted(hit.snippet, hit.highlights)}{page}</div>'
        + (missing_names(hit.missing, missing_label) if hit.missing and missing_label else "")
        + (f'<div class="actions">{chip_links(actions)}</div>' if actions else "")
        + "</div>"
    )


def missing_names(names: list[str], label: str) -> str:
    """The query's names a result does not hold, struck through, so a reader sees why it ranks
    below those that hold them and that no word was silently dropped."""
    struck = ", ".join(f"<s>{escape(name)}</s>" for name in names)
    return f'<div class="missing">{escape(label)} {struck}</div>'


def card_table(rows: list[tuple[str, str]]) -> str:
    """Label and value pairs as a small two-column table (values escaped: they come from documents)."""
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v or '—')}</td></tr>" for k, v in rows)
    style = "<style>.card th{text-align:left;padding-right:1rem;color:#555;font-weight:500}</style>"
    return f'<table class="card">{cells}</table>{style}'


def concept_chip(typed: str, concept: Concept, language: str) -> str:
    """How the query's words were understood (:meth:`kb.glossary.Concept.read_as`), as page text."""
    return plain(concept.read_as(typed, language))


CARD_STYLE = """
<style>
.hit {border-bottom: 1px solid #ddd; padding: 0.6rem 0 0.8rem 0;}
.hit .title {font-size: 1.1rem; font-weight: 600;}
.hit .title a {color: inherit; text-decoration: none;}
.hit .title a:hover {text-decoration: underline;}
.hit .badges {margin: 0.2rem 0;}
.hit .badge {background: #eef2f7; border-radius: 4px; padding: 0 6px; margin-right: 4px; font-size: 0.8rem;}
.hit .chip {border: 1px solid #9ab; border-radius: 10px; padding: 0 7px; margin-right: 4px; font-size: 0.78rem; color: #345;}
.hit mark {background: #ffe58a; padding: 0;}
.hit .page {color: #666; font-size: 0.85rem;}
.hit .missing {color: #666; font-size: 0.82rem;}
.near-miss .hit {opacity: 0.75;}
a.chip-link {display: inline-block; border: 1px solid #9ab; border-radius: 12px; padding: 1px 9px;
  margin: 2px 4px 2px 0; font-size: 0.82rem; color: #234; text-decoration: none; white-space: nowrap;}
a.chip-link:hover {background: #eef2f7;}
.hit .actions {margin-top: 0.3rem;}
.active, .top-values, .compare-bar, .pager {margin: 0.3rem 0; font-size: 0.9rem;}
.top-values .facet-name {color: #555; margin-right: 4px;}
.compare-bar {background: #f4f7fb; padding: 6px 10px; border-radius: 6px;}
.pager span {color: #555; margin-left: 8px;}
</style>
"""
