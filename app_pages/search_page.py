"""Search page: one box, facet filters with counts, result cards; the whole state lives in the URL."""

import json

import streamlit as st

from app_pages.export import reference_list, results_csv
from app_pages.i18n import DEFAULT_LANGUAGE, LANGUAGES
from app_pages.render import CARD_STYLE, concept_chip, hit_card, plain
from app_pages.state import Markdown, link, require_index, t, ui_language
from kb.errors import KbError
from kb.facets import SIDEBAR_FACETS, facet
from kb.knowledge_base import KnowledgeBase
from kb.models import Hit, SearchResult
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


def render() -> None:
    language = ui_language()
    request = SearchRequest.from_params({key: st.query_params.get_all(key) for key in st.query_params})
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
        sidebar(request, result, language)
    if result.concepts:
        chips = " · ".join(concept_chip(typed, c, language) for typed, c in result.concepts)
        st.caption(t("concepts") + " " + chips)
    if result.total == 0 and request.query:
        no_match(kb, request, result)
        st.stop()
    if not result.hits:
        st.warning(t("no_results"))
        st.stop()
    st.write(t("results" if request.query else "browse", total=result.total))
    taxonomy = default_taxonomy()
    labels = {name: (lambda v, n=name: taxonomy.label(n, v, language)) for name in ("country", "theme")}
    cards = [
        hit_card(h, t("page_no", page=h.page), labels, link("practice", doc=h.doc_id)) for h in result.hits
    ]
    st.html(CARD_STYLE + "".join(cards))
    pager(request, result.total)
    exports(kb, request, result.total)


def sidebar(request: SearchRequest, result: SearchResult, language: str) -> None:
    """The interface language and a filter per facet, each value with its count in this result."""
    taxonomy = default_taxonomy()
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


def no_match(kb: KnowledgeBase, request: SearchRequest, result: SearchResult) -> None:
    """Say so, log it for the curators, and offer what is near: without filters, closest practices."""
    kb.store.log_search_miss(request.query, json.dumps(request.filters, ensure_ascii=False))
    st.warning(t("no_results"))
    if request.filters:
        unfiltered = kb.search(SearchRequest(request.query, k=1))
        if unfiltered.total:
            url = Markdown(link("search", q=request.query))
            st.markdown(t("without_filters", total=unfiltered.total, url=url))
    if result.near_misses:
        st.markdown(t("near_misses"))
        near = [
            hit_card(h, t("page_no", page=h.page), {}, link("practice", doc=h.doc_id))
            for h in result.near_misses
        ]
        st.html(CARD_STYLE + "<div class='near-miss'>" + "".join(near) + "</div>")


def pager(request: SearchRequest, total: int) -> None:
    pages = max(1, -(-total // request.k))
    if pages > 1:
        chosen = st.number_input(
            t("page"), min_value=1, max_value=pages, value=min(request.page, pages), key="page"
        )
        if chosen != request.page:
            st.query_params["page"] = str(chosen)
            st.rerun()


def exports(kb: KnowledgeBase, request: SearchRequest, total: int) -> None:
    """CSV and reference lists of the whole result list, computed only when a button is clicked."""
    base_url = st.context.url.rsplit("/", 1)[0] if st.context.url else ""

    def all_hits() -> list[Hit]:
        return kb.search(SearchRequest(request.query, request.filters, k=min(total, MAX_RESULTS))).hits

    left, middle, right = st.columns(3)
    left.download_button(
        t("export_csv"), lambda: results_csv(all_hits()), "praxis.csv", "text/csv", key="csv"
    )
    middle.download_button(
        t("export_abnt"), lambda: reference_list(all_hits(), "abnt", base_url), "praxis-abnt.txt", key="abnt"
    )
    right.download_button(
        t("export_apa"), lambda: reference_list(all_hits(), "apa", base_url), "praxis-apa.txt", key="apa"
    )


render()
