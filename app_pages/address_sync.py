"""The search page's widgets and its address agree, whichever of them changed.

The address holds the whole search (query, filters): a link, a reload or the browser's Back sets
it. Streamlit keeps each widget's last value in the session, which wins over the value a page
passes; after Back, the box showed the query gone back past, and the next filter chosen brought it
back. The widgets are set from the address whenever it asks for another search than they show,
and a widget's change is written into the address.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from app_pages.state import COMPARE_PARAM
from kb.facets import SIDEBAR_FACETS
from kb.request import SearchRequest

SHOWN_LABELS = "facet_labels"
"""(facet, label shown) → value, for every label a facet's list has shown this session. The list
sends back a chosen value as the label it had when chosen ("Honduras (2)"); once chosen, its label
drops the count, and a second choice would send the stale label as if it were a value."""


def sync_url() -> None:
    """Widget callback: write the widgets' state into the URL (runs before the rerun).

    The page number is left out: a new query or filter starts at the first page.
    """
    state = st.session_state
    shown = state.get(SHOWN_LABELS, {})
    filters = {
        name: tuple(dict.fromkeys(shown.get((name, v), v) for v in state.get(f"facet_{name}", ())))
        for name in SIDEBAR_FACETS
    }
    params = SearchRequest(query=state.get("query", ""), filters=filters).to_params()
    for kept in ("ui", COMPARE_PARAM):
        if kept in st.query_params:
            params[kept] = st.query_params.get_all(kept)
    st.query_params.from_dict(params)


_SHOWN_REQUEST = "shown_request"  # the address's search the widgets were last set from


def follow_the_address(request: SearchRequest) -> None:
    """Set the query box and the filters from the address when it asks for another search than
    they were last set from (a link, Back, a reload); before the widgets are drawn."""
    state = st.session_state
    # per page: the root and /search run this script with widgets of their own
    page = ctx.page_script_hash if (ctx := get_script_run_ctx()) else ""
    asked = (
        page,
        request.query,
        tuple((name, tuple(request.filters.get(name, ()))) for name in SIDEBAR_FACETS),
    )
    if state.get(_SHOWN_REQUEST) == asked and "query" in state:  # another page drops widgets' state
        return
    state["query"] = request.query
    for name in SIDEBAR_FACETS:
        state[f"facet_{name}"] = list(request.filters.get(name, ()))
    state[_SHOWN_REQUEST] = asked
