"""Practice page: one document's card, its passages, the original file, and its neighbours.

Every link here is a plain link that carries the search it came from, so the address
always names the practice shown and "back to search" returns to the exact search.
"""

from html import escape
from pathlib import Path

import streamlit as st

from app_pages.i18n import LANGUAGES
from app_pages.reading import readable_blocks
from app_pages.render import CARD_STYLE, card_table, chip_links, highlighted, plain
from app_pages.state import (
    COMPARE_PARAM,
    MAX_COMPARED,
    link,
    require_index,
    search_context,
    servable,
    t,
    ui_language,
)
from kb.errors import DocumentNotFound
from kb.facets import LIST_FACETS
from kb.glossary import Glossary
from kb.models import Document
from kb.snippets import highlight_terms, match_spans
from kb.taxonomy import default_taxonomy


def download_original(source: Path) -> None:
    """The file as it was ingested, when it is still where it was read (the page does not rerun)."""
    if servable(source):
        st.download_button(
            t("download_original"), source.read_bytes(), source.name, key="original", on_click="ignore"
        )


def render() -> None:
    language = ui_language()
    doc_id = st.query_params.get("doc", "")
    context = search_context()
    st.html(CARD_STYLE + chip_links([(t("back_to_search"), link("search", **context))]))
    if not doc_id:
        st.info(t("no_document"))
        st.stop()
    kb = require_index()
    try:
        doc = kb.document(doc_id)
    except DocumentNotFound:
        st.warning(t("unknown_document", doc=doc_id))
        st.stop()
    st.title(plain(doc.title))
    compare_link(doc_id, context)
    metadata_card(doc, language)
    if doc.card:
        st.subheader(t("practice_card"))
        table([(t(f"card_{name}"), value) for name, value in doc.card.items()])
    download_original(Path(doc.path))
    versions = [
        (
            f"🌐 {t('also_in', language=LANGUAGES.get(v.language, v.language))}: {v.title}",
            practice_href(v.doc_id),
        )
        for v in kb.other_languages(doc_id)
    ]
    if versions:
        st.html(CARD_STYLE + chip_links(versions))
    st.subheader(t("passages"))
    passages(kb.passages(doc_id), context.get("q", ""), st.query_params.get("hl", ""), doc.ocr_pages)
    st.subheader(t("similar"))
    similar = [
        (f"{r.title} ({r.language.upper()})", practice_href(r.doc_id)) for r in kb.similar(doc_id, k=5)
    ]
    st.html(CARD_STYLE + "<div class='related'>" + chip_links(similar) + "</div>")


def practice_href(doc_id: str) -> str:
    """A link to another practice that keeps the search it all came from."""
    return link("practice", doc=doc_id, **search_context())


def compare_link(doc_id: str, context: dict[str, str | list[str]]) -> None:
    """Add this practice to the comparison, or open the comparison it is in."""
    ticked = [d for d in context.get(COMPARE_PARAM, []) if d != doc_id][: MAX_COMPARED - 1]
    chosen = [*ticked, doc_id]
    others = {k: v for k, v in context.items() if k != COMPARE_PARAM}
    if len(chosen) >= 2:
        action = (
            t("compare_go", n=len(chosen)),
            link("compare", doc=chosen, **{**others, COMPARE_PARAM: chosen}),
        )
    elif doc_id in context.get(COMPARE_PARAM, []):  # added: the others are picked from the search
        action = (t("compare_pick_more"), link("search", **{**others, COMPARE_PARAM: chosen}))
    else:  # the reader stays with the practice they were reading
        action = (t("compare_add"), link("practice", doc=doc_id, **{**others, COMPARE_PARAM: chosen}))
    st.html(CARD_STYLE + chip_links([action]))


def passages(
    rows: list[tuple[int, str, int | None]],
    query: object,
    matched: str,
    scanned: frozenset[int] = frozenset(),
) -> None:
    """The document's text, readable, with the query's words marked and the matched passage shown;
    a page recognised from a scan says so."""
    typed = str(query or "")
    terms = highlight_terms(typed, Glossary.load().parse(typed))
    html = []
    for chunk_id, text, page in rows:
        blocks = "".join(f"<p>{highlighted(b, match_spans(b, terms))}</p>" for b in readable_blocks(text))
        label = t("scanned_page" if page in scanned else "page_no", page=page)
        suffix = f'<span class="page">({escape(label)})</span>' if page else ""
        css = "passage matched" if str(chunk_id) == matched else "passage"
        html.append(f'<div class="{css}" id="passage-{chunk_id}">{blocks}{suffix}</div>')
    st.html(PASSAGE_STYLE + "".join(html))
    if matched.isdigit():  # bring the passage the search found into view
        st.html(
            f"<script>document.getElementById('passage-{int(matched)}')?.scrollIntoView({{block:'center'}});</script>",
            unsafe_allow_javascript=True,
        )


PASSAGE_STYLE = """<style>
.passage {padding: 2px 8px; margin-bottom: 6px;}
.passage p {margin: 0 0 0.5rem 0;}
.passage.matched {background: #fff8db; border-left: 3px solid #e0b400;}
.passage mark {background: #ffe58a; padding: 0;}
.passage .page {color: #777; font-size: 0.85rem;}
</style>"""


def metadata_card(doc: Document, language: str) -> None:
    """Facet values, year, language and file as a small table, labelled in the interface language."""
    taxonomy = default_taxonomy()
    rows = [
        *(
            (t(f.label_key), ", ".join(taxonomy.label(f.name, v, language) for v in doc.values(f.name)))
            for f in LIST_FACETS
        ),
        (t("year"), str(doc.year or "—")),
        *([(t("written"), str(doc.written))] if doc.written and doc.written != doc.year else []),
        (t("facet_language"), taxonomy.label("language", doc.language, language)),
        (t("file"), Path(doc.path).name),
    ]
    table(rows)


def table(rows: list[tuple[str, str]]) -> None:
    st.html(card_table(rows))


render()
