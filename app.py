"""Praxis web app: ``streamlit run app.py`` (or ``kb serve``)."""

import streamlit as st

st.set_page_config(page_title="Praxis", page_icon="🔎", layout="wide")

navigation = st.navigation(
    [st.Page("app_pages/search_page.py", title="Praxis", icon="🔎", url_path="search", default=True)]
)
navigation.run()
