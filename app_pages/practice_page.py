"""Practice page: one document's card, its passages, the original file, and its neighbours."""

from html import escape
from pathlib import Path

import streamlit as st

from app_pages.i18n import LANGUAGES
from app_pages.render import plain
from app_pages.state import require_index, servable, t, ui_language
from kb.errors import DocumentNotFound
from kb.facets import LIST_FACETS
from kb.models import Document
from kb.taxonomy import default_taxonomy


def render() -> None:
    language = ui_language()
    doc_id = st.query_params.get("doc", "")
    st.page_link("app_pages/search_page.py", label=t("back_to_search"), query_params={"ui": language})
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
    metadata_card(doc, language)
    if doc.card:
        st.subheader(t("practice_card"))
        table([(t(f"card_{name}"), value) for name, value in doc.card.items()])
    source = Path(doc.path)
    if servable(source):
        st.download_button(t("download_original"), source.read_bytes(), source.name, key="original")
    for version in kb.other_languages(doc_id):
        also_in = t("also_in", language=LANGUAGES.get(version.language, version.language))
        practice_link(f"🌐 {also_in}: {plain(version.title)}", version.doc_id, language)
    st.subheader(t("passages"))
    for _, text, page in kb.passages(doc_id):
        suffix = f' <span style="color:#777">({escape(t("page_no", page=page))})</span>' if page else ""
        st.html(f'<p style="white-space:pre-wrap">{escape(text)}{suffix}</p>')
    st.subheader(t("similar"))
    for related in kb.similar(doc_id, k=5):
        practice_link(f"{plain(related.title)} ({related.language.upper()})", related.doc_id, language)


def metadata_card(doc: Document, language: str) -> None:
    """Facet values, year, language and file as a small table, labelled in the interface language."""
    taxonomy = default_taxonomy()
    rows = [
        *(
            (t(f.label_key), ", ".join(taxonomy.label(f.name, v, language) for v in doc.values(f.name)))
            for f in LIST_FACETS
        ),
        (t("year"), str(doc.year or "—")),
        (t("facet_language"), taxonomy.label("language", doc.language, language)),
        (t("file"), Path(doc.path).name),
    ]
    table(rows)


def table(rows: list[tuple[str, str]]) -> None:
    """Label and value pairs as a small two-column table (values escaped: they come from documents)."""
    st.html(
        '<table class="card">'
        + "".join(f"<tr><th>{escape(k)}</th><td>{escape(v or '—')}</td></tr>" for k, v in rows)
        + "</table><style>.card th{text-align:left;padding-right:1rem;color:#555;font-weight:500}</style>"
    )


def practice_link(label: str, doc_id: str, language: str) -> None:
    st.page_link("app_pages/practice_page.py", label=label, query_params={"doc": doc_id, "ui": language})


render()
