"""Praxis web app: ``streamlit run app.py`` (or ``kb serve``)."""

import streamlit as st

from kb.threads import configure

configure("search")  # before the pages load FAISS and the embedder: one thread per search

from app_pages.navigation import page_links, remember  # noqa: E402
from app_pages.state import interface_style, keep_language, language_selector, t  # noqa: E402

st.set_page_config(page_title="Praxis", page_icon="🔎", layout="wide")

# The search page is served at the root; "/search", the address people type or keep, opens it too,
# and is the one the sidebar links to (the root's link would be relative to the page it is on).
start = st.Page("app_pages/search_page.py", title=t("nav_search"), icon="🔎", url_path="start", default=True)
linked = {
    "search": st.Page("app_pages/search_page.py", title=t("nav_search"), icon="🔎", url_path="search"),
    "practice": st.Page(
        "app_pages/practice_page.py", title=t("nav_practice"), icon="📄", url_path="practice"
    ),
    "compare": st.Page("app_pages/compare_page.py", title=t("nav_compare"), icon="⚖️", url_path="compare"),
    "explore": st.Page("app_pages/explore_page.py", title=t("nav_explore"), icon="🗺️", url_path="explore"),
    "curate": st.Page("app_pages/curate_page.py", title=t("nav_curate"), icon="🔐", url_path="curate"),
}
# the sidebar's links are the app's own, which keep the search a reader leaves (app_pages.navigation)
page = st.navigation([start, *linked.values()], position="hidden")
keep_language()
remember(page.url_path)
page_links(linked)
language_selector()
st.html(interface_style())
page.run()
