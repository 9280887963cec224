"""Programme names that extraction proposed, and the curator's confirmation into the registry.

A name found by how a text introduces it ("o programa Rota 2030") is a programme facet at
once, marked *proposed*. Confirming it appends it to the registry (``kb/data/programmes.yaml``
or ``KB_PROGRAMME_REGISTRY``), so later documents are matched by name, and makes the value an
ordinary one in every document that holds it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.curation import Desk
from app_pages.state import t
from kb.errors import IndexLocked, KbError
from kb.knowledge_base import KnowledgeBase
from kb.taxonomy import add_programme, default_taxonomy

MAX_NAME_CHARS = 80


def confirm_programme(kb: KnowledgeBase, name: str, country: str = "") -> int:
    """Register a proposed programme (with its country, if given); returns the documents updated."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_CHARS:
        raise KbError(f"a programme name has 1 to {MAX_NAME_CHARS} characters")
    code = default_taxonomy().canonical("country", country) if country.strip() else None
    if code is not None and not (code == "EU" or (len(code) == 2 and code.isupper())):
        raise KbError(f"unknown country {country!r}: give an ISO code such as BR, IT or EU")
    if default_taxonomy().programme(name) is None:
        add_programme(name, code)
    with kb.writing():
        return kb.store.confirm_value("programme", name)


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
