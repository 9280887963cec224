"""The sidebar's links to the app's pages, which keep where the reader was.

Streamlit's own page list opens a page with an empty address: going to Explore and back to Search
lost the search, its filters and the practices ticked for comparison. Search, Practice and Compare
write that context into their addresses; every run records what the address says, and the links
carry it. A search the reader cleared is recorded as cleared, so the link does not bring it back.
"""

from __future__ import annotations

import streamlit as st

from app_pages.state import COMPARE_PARAM, MAX_COMPARED, link_params, search_context, url_params

SEARCH_PATHS = frozenset({"", "start", "search"})
_CONTEXT = "nav_context"  # the last search context: query, filters, page, ticked practices
_PRACTICE = "nav_practice"  # the last practice read


def remember(url_path: str) -> None:
    """Record the context the address of Search, Practice or Compare holds (other pages hold none)."""
    if url_path in SEARCH_PATHS or url_path == "practice":
        st.session_state[_CONTEXT] = search_context()
    if url_path == "practice" and (doc := url_params().get("doc")):
        st.session_state[_PRACTICE] = doc[0]
    if url_path == "compare":  # the practices compared are its "doc" list, ticked in the search
        compared = list(dict.fromkeys(url_params().get("doc", [])))[:MAX_COMPARED]
        st.session_state[_CONTEXT] = {**search_context(), COMPARE_PARAM: compared}


def page_links(pages: dict[str, st.Page]) -> None:
    """A link to each page (search, practice, compare, explore, curate) with its context."""
    context = dict(st.session_state.get(_CONTEXT, {}))
    ticked = context.pop(COMPARE_PARAM, [])
    carried: dict[str, dict[str, str | list[str]]] = {
        "search": {**context, COMPARE_PARAM: ticked},
        "practice": {**context, COMPARE_PARAM: ticked, "doc": st.session_state.get(_PRACTICE, "")},
        "compare": {**context, COMPARE_PARAM: ticked, "doc": ticked},
        "explore": {COMPARE_PARAM: ticked},
    }
    for name, page in pages.items():
        st.sidebar.page_link(page, query_params=link_params(carried.get(name, {})))
