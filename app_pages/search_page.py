"""Search page: one box, language filter, result cards; the state lives in the URL."""

import streamlit as st

from app_pages.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from app_pages.render import CARD_STYLE, hit_card
from app_pages.state import index_dir, open_index
from kb.errors import KbError
from kb.request import SearchRequest

params = st.query_params
ui_language = params.get("ui", DEFAULT_LANGUAGE)
if ui_language not in LANGUAGES:
    ui_language = DEFAULT_LANGUAGE
t = translator(ui_language)
request = SearchRequest.from_params({key: params.get_all(key) for key in params})

with st.sidebar:
    chosen_ui = st.selectbox(
        t("ui_language"),
        list(LANGUAGES),
        index=list(LANGUAGES).index(ui_language),
        format_func=LANGUAGES.get,
        key="ui_language",
    )
    languages = st.multiselect(
        t("language_filter"),
        list(LANGUAGES),
        default=[lang for lang in request.filters.get("language", ()) if lang in LANGUAGES],
        format_func=LANGUAGES.get,
        placeholder=t("choose"),
        key="language_filter",
    )

st.title("Praxis")
st.caption(t("tagline"))
query = st.text_input(t("query"), value=request.query, help=t("query_help"), key="query")

filters = {**request.filters, "language": tuple(languages)}
page = request.page if query == request.query and filters == request.filters else 1
request = SearchRequest(query=query, filters=filters, k=request.k, page=page)
new_params = request.to_params()
if chosen_ui != DEFAULT_LANGUAGE:
    new_params["ui"] = chosen_ui
if new_params != {
    key: (params.get_all(key) if len(params.get_all(key)) > 1 else params[key]) for key in params
}:
    st.query_params.from_dict(new_params)

try:
    kb = open_index(str(index_dir()))
    result = kb.search(request)
except KbError as error:
    st.info(t("no_index", index=index_dir()) if "no index" in str(error) else str(error))
    st.stop()

if not result.hits:
    st.warning(t("no_results"))
    st.stop()

st.write(t("results" if request.query else "browse", total=result.total))
st.html(CARD_STYLE + "".join(hit_card(hit, t("page_no", page=hit.page)) for hit in result.hits))

pages = max(1, -(-result.total // request.k))
if pages > 1:
    chosen = st.number_input(
        t("page"), min_value=1, max_value=pages, value=min(request.page, pages), key="page"
    )
    if chosen != request.page:
        st.query_params["page"] = str(chosen)
        st.rerun()
