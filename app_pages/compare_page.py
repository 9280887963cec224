"""Compare page: two to four practices side by side, a row per practice-card field.

The address lists the practices (``?doc=a&doc=b``), so a comparison can be shared; every
cell links to the passage its value came from.
"""

from datetime import date
from html import escape

import streamlit as st

from app_pages.comparison import ROWS, Cell, compare, comparison_csv
from app_pages.export import SEMICOLON_LANGUAGES
from app_pages.render import CARD_STYLE, chip_links
from app_pages.state import COMPARE_PARAM, MAX_COMPARED, link, require_index, search_context, t, ui_language
from kb.errors import DocumentNotFound
from kb.models import Document


def render() -> None:
    language = ui_language()
    context = search_context()
    st.html(CARD_STYLE + chip_links([(t("back_to_search"), link("search", **context))]))
    st.title(t("nav_compare"))
    wanted = list(dict.fromkeys(st.query_params.get_all("doc")))[:MAX_COMPARED]
    kb = require_index()
    docs = []
    for doc_id in wanted:
        try:
            docs.append(kb.document(doc_id))
        except DocumentNotFound:
            st.warning(t("unknown_document", doc=doc_id))
    if len(docs) < 2:
        st.info(t("compare_how"))
        st.stop()
    table = compare(docs, kb.passages, language)
    st.html(COMPARE_STYLE + table_html(docs, table, context))
    data = comparison_csv(
        docs, table, lambda row: t(f"compare_{row}"), ";" if language in SEMICOLON_LANGUAGES else ","
    )
    st.download_button(
        t("export_csv"),
        data,
        f"praxis-{t('compare_file')}-{date.today().isoformat()}.csv",
        "text/csv",
        key="csv",
        on_click="ignore",
    )
    ticked = {k: v for k, v in context.items() if k != COMPARE_PARAM}
    st.html(CARD_STYLE + chip_links([(t("compare_clear"), link("search", **ticked))]))


def table_html(
    docs: list[Document], table: dict[str, list[Cell]], context: dict[str, str | list[str]]
) -> str:
    """A column per practice (its title links to it), a row per field, each value linked to its passage."""
    head = "".join(
        f'<th><a href="{escape(link("practice", doc=d.doc_id, **context), quote=True)}" target="_self">'
        f"{escape(d.title)}</a> <span class='lang'>{d.language.upper()}</span></th>"
        for d in docs
    )
    body = []
    for row in ROWS:
        cells = []
        for doc, cell in zip(docs, table[row], strict=True):
            text = escape(cell.value)
            if cell.chunk_id is not None:
                href = link("practice", doc=doc.doc_id, hl=str(cell.chunk_id), **context)
                text = f'<a href="{escape(href, quote=True)}" target="_self">{text}</a>'
            cells.append(f"<td>{text}</td>")
        body.append(f"<tr><th>{escape(t(f'compare_{row}'))}</th>{''.join(cells)}</tr>")
    return f'<table class="compare"><tr><th></th>{head}</tr>{"".join(body)}</table>'


COMPARE_STYLE = """<style>
table.compare {border-collapse: collapse; width: 100%; table-layout: fixed;}
table.compare th, table.compare td {border: 1px solid #dde3ea; padding: 6px 8px; vertical-align: top; text-align: left;}
table.compare tr > th:first-child {width: 11rem; color: #555; font-weight: 500; background: #f7f9fb;}
table.compare .lang {font-size: 0.75rem; color: #666; border: 1px solid #ccd; border-radius: 4px; padding: 0 4px;}
</style>"""


render()
