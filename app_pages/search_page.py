"""Search page: one box, facet filters with counts, result cards; the whole state lives in the URL."""

import streamlit as st

from app_pages.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from app_pages.render import CARD_STYLE, hit_card
from app_pages.state import index_dir, open_index
from kb.errors import IndexNotFound, KbError
from kb.request import SearchRequest
from kb.taxonomy import default_taxonomy

SIDEBAR_FACETS = ("theme", "country", "programme", "language", "year")


def current_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def sync_url() -> None:
    """Widget callback: write the widgets' state into the URL (runs before the rerun)."""
    state = st.session_state
    filters = {name: tuple(state.get(f"facet_{name}", ())) for name in SIDEBAR_FACETS}
    request = SearchRequest(query=state.get("query", ""), filters=filters)
    params = request.to_params()
    if state.get("ui_language", DEFAULT_LANGUAGE) != DEFAULT_LANGUAGE:
        params["ui"] = state["ui_language"]
    st.query_params.from_dict(params)


params = current_params()
ui_language = (params.get("ui") or [DEFAULT_LANGUAGE])[0]
ui_language = ui_language if ui_language in LANGUAGES else DEFAULT_LANGUAGE
t = translator(ui_language)
request = SearchRequest.from_params(params)
taxonomy = default_taxonomy()

st.title("Praxis")
st.caption(t("tagline"))
st.text_input(t("query"), value=request.query, help=t("query_help"), key="query", on_change=sync_url)

try:
    kb = open_index(str(index_dir()))
    result = kb.search(request)
except IndexNotFound:
    st.info(t("no_index", index=index_dir()))
    st.stop()
except KbError as error:
    st.error(str(error))
    st.stop()

with st.sidebar:
    st.selectbox(
        t("ui_language"),
        list(LANGUAGES),
        index=list(LANGUAGES).index(ui_language),
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
            t(f"facet_{name}"),
            options,
            default=selected,
            key=f"facet_{name}",
            on_change=sync_url,
            format_func=lambda v, n=name, c=counts: f"{taxonomy.label(n, v, ui_language)} ({c.get(v, 0)})",
            placeholder=t("choose"),
        )

if not result.hits:
    st.warning(t("no_results"))
    st.stop()

st.write(t("results" if request.query else "browse", total=result.total))
labels = {name: (lambda v, n=name: taxonomy.label(n, v, ui_language)) for name in ("country", "theme")}
st.html(CARD_STYLE + "".join(hit_card(hit, t("page_no", page=hit.page), labels) for hit in result.hits))

pages = max(1, -(-result.total // request.k))
if pages > 1:
    chosen = st.number_input(
        t("page"), min_value=1, max_value=pages, value=min(request.page, pages), key="page"
    )
    if chosen != request.page:
        st.query_params["page"] = str(chosen)
        st.rerun()
