"""The Curate page's tab of programme names that extraction proposed (see :mod:`ingest.proposals`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.curation import Desk
from app_pages.state import t
from ingest.proposals import confirm_programme
from kb.errors import IndexLocked, KbError


def proposals_tab(desk: Desk) -> None:
    """The proposed names with how many documents hold each; confirm one into the registry."""
    proposed = desk.kb.store.proposed_values("programme")
    if not proposed:
        st.info(t("no_proposals"))
        return
    table = pd.DataFrame([{t("programmes"): n, t("documents"): c} for n, c in proposed.items()])
    st.dataframe(table, use_container_width=True, hide_index=True)
    with st.form("confirm_programme"):
        name = st.selectbox(t("proposed_name"), list(proposed), key="proposed_name")
        country = st.text_input(t("proposed_country"), key="proposed_country")
        confirmed = st.form_submit_button(t("confirm_programme"))
    if confirmed and name:
        try:
            changed = confirm_programme(desk.kb, name, country)
        except IndexLocked:
            st.warning(t("busy"))
            return
        except KbError as error:
            st.error(t("rejected", name=name, reason=str(error)))
            return
        st.session_state["flash"] = t("programme_confirmed", name=name, n=changed)
        st.rerun()
