"""Praxis web app: ``streamlit run app.py`` (or ``kb serve``)."""

import streamlit as st

from kb.threads import configure

configure("search")  # before the pages load FAISS and the embedder: one thread per search

from app_pages.state import interface_style, keep_language, language_selector, t  # noqa: E402

st.set_page_config(page_title="Praxis", page_icon="🔎", layout="wide")

pages = [
    st.Page("app_pages/search_page.py", title=t("nav_search"), icon="🔎", url_path="start", default=True),
    # The search page is served at the root; "/search", the address people type or keep, opens it too.
    st.Page(
        "app_pages/search_page.py", title=t("nav_search"), icon="🔎", url_path="search", visibility="hidden"
    ),
    st.Page("app_pages/practice_page.py", title=t("nav_practice"), icon="📄", url_path="practice"),
    st.Page("app_pages/compare_page.py", title=t("nav_compare"), icon="⚖️", url_path="compare"),
    st.Page("app_pages/explore_page.py", title=t("nav_explore"), icon="🗺️", url_path="explore"),
    st.Page("app_pages/curate_page.py", title=t("nav_curate"), icon="🔐", url_path="curate"),
]
page = st.navigation(pages)
keep_language()
language_selector()
st.html(interface_style())
page.run()
