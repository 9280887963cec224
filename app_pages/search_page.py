"""Search page: one box, facet filters with counts, result cards; the whole state lives in the URL."""

import json

import streamlit as st

from app_pages.export import reference_list, results_csv
from app_pages.i18n import DEFAULT_LANGUAGE, LANGUAGES
from app_pages.render import CARD_STYLE, concept_chip, hit_card, plain
from app_pages.state import Markdown, link, require_index, t, ui_language
from kb.errors import KbError
from kb.facets import SIDEBAR_FACETS, facet
from kb.request import MAX_RESULTS, SearchRequest
from kb.taxonomy import default_taxonomy


def sync_url() -> None:
    """Widget callback: write the widgets' state into the URL (runs before the rerun)."""
    state = st.session_state
    filters = {name: tuple(state.get(f"facet_{name}", ())) for name in SIDEBAR_FACETS}
    params = SearchRequest(query=state.get("query", ""), filters=filters).to_params()
    if state.get("ui_language", DEFAULT_LANGUAGE) != DEFAULT_LANGUAGE:
        params["ui"] = state["ui_language"]
    st.query_params.from_dict(params)


language = ui_language()
request = SearchRequest.from_params({key: st.query_params.get_all(key) for key in st.query_params})
taxonomy = default_taxonomy()

st.title("Praxis")
st.caption(t("tagline"))
st.text_input(t("query"), value=request.query, help=t("query_help"), key="query", on_change=sync_url)

kb = require_index()
try:
    result = kb.search(request)
except KbError as error:
    st.error(plain(str(error)))
    st.stop()

with st.sidebar:
    st.selectbox(
        t("ui_language"),
        list(LANGUAGES),
        index=list(LANGUAGES).index(language),
        format_func=LANGUAGES.get,
        key="ui_language",
        on_change=sync_url,
    )
    st.subheader(t("filters"))
    for name in SIDEBAR_FACETS:
        counts = {c.value: c.count for c in result.facets.get(name, [])}
        selected = list(request.filters.get(name, ()))
        options = selected + [value for value in counts if value not in selected]
        st.multiselect(
            t(facet(name).label_key),
            options,
            default=selected,
            key=f"facet_{name}",
            on_change=sync_url,
            format_func=lambda v, n=name, c=counts: f"{taxonomy.label(n, v, language)} ({c.get(v, 0)})",
            placeholder=t("choose"),
        )

if result.concepts:
    st.caption(
        t("concepts") + " " + " · ".join(concept_chip(typed, c, language) for typed, c in result.concepts)
    )

if result.total == 0 and request.query:
    kb.store.log_search_miss(request.query, json.dumps(request.filters, ensure_ascii=False))
    st.warning(t("no_results"))
    if request.filters:
        unfiltered = kb.search(SearchRequest(request.query, k=1))
        if unfiltered.total:
            st.markdown(
                t("without_filters", total=unfiltered.total, url=Markdown(link("search", q=request.query)))
            )
    if result.near_misses:
        st.markdown(t("near_misses"))
        near = [
            hit_card(h, t("page_no", page=h.page), {}, link("practice", doc=h.doc_id))
            for h in result.near_misses
        ]
        st.html(CARD_STYLE + "<div class='near-miss'>" + "".join(near) + "</div>")
    st.stop()
if not result.hits:
    st.warning(t("no_results"))
    st.stop()

st.write(t("results" if request.query else "browse", total=result.total))
labels = {name: (lambda v, n=name: taxonomy.label(n, v, language)) for name in ("country", "theme")}
cards = [hit_card(h, t("page_no", page=h.page), labels, link("practice", doc=h.doc_id)) for h in result.hits]
st.html(CARD_STYLE + "".join(cards))

pages = max(1, -(-result.total // request.k))
if pages > 1:
    chosen = st.number_input(
        t("page"), min_value=1, max_value=pages, value=min(request.page, pages), key="page"
    )
    if chosen != request.page:
        st.query_params["page"] = str(chosen)
        st.rerun()

base_url = st.context.url.rsplit("/", 1)[0] if st.context.url else ""


def all_hits() -> list:
    """Every result of this search, computed only when an export is clicked."""
    return kb.search(SearchRequest(request.query, request.filters, k=min(result.total, MAX_RESULTS))).hits


left, middle, right = st.columns(3)
left.download_button(t("export_csv"), lambda: results_csv(all_hits()), "praxis.csv", "text/csv", key="csv")
middle.download_button(
    t("export_abnt"), lambda: reference_list(all_hits(), "abnt", base_url), "praxis-abnt.txt", key="abnt"
)
right.download_button(
    t("export_apa"), lambda: reference_list(all_hits(), "apa", base_url), "praxis-apa.txt", key="apa"
)
