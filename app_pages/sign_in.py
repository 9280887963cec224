"""The curator's sign-in as the Curate page draws it: the password form, the per-client
throttle, and the signed token cookie that lets a reload keep the session."""

import streamlit as st

from app_pages.auth import (
    SESSION_SECONDS,
    TOKEN_COOKIE,
    CuratorSession,
    Door,
    configured_hash,
    issue_token,
    token_valid,
)
from app_pages.state import t


@st.cache_resource
def curator_door() -> Door:
    """One door per app process, so failed attempts count across sessions."""
    return Door()


def client_id() -> str:
    """Who is knocking, for the per-client throttle: the browser's address as the server sees it."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "unknown"


def remember(token: str | None) -> None:
    """Keep (or, with None, drop) the signed session token in a cookie, so a reload stays signed in."""
    secure = "; Secure" if (st.context.url or "").startswith("https:") else ""
    value = f"{TOKEN_COOKIE}={token}; max-age={SESSION_SECONDS}" if token else f"{TOKEN_COOKIE}=; max-age=0"
    st.html(
        f'<script>document.cookie = "{value}; path=/; SameSite=Strict{secure}";</script>',
        unsafe_allow_javascript=True,
    )


def sign_in() -> None:
    """The password form; stops the page until this session is signed in."""
    stored = configured_hash()
    if not stored:
        st.info(t("curate_no_password"))
        st.stop()
    door = curator_door()
    session: CuratorSession = st.session_state.setdefault("curator", CuratorSession())
    if st.session_state.pop("signed_out", False):
        remember(None)  # the browser's cookie still holds the token until this script runs
    cookie = st.context.cookies.get(TOKEN_COOKIE)
    if not session.active() and cookie not in door.revoked and token_valid(cookie, stored):
        session.sign_in()  # a reload: the browser still holds this session's signed token
    if not session.active():
        with st.form("sign_in"):
            password = st.text_input(t("password"), type="password", key="password")
            submitted = st.form_submit_button(t("sign_in"))
        if submitted:
            if door.try_password(password, stored, client_id()):
                session.sign_in()
                st.rerun()
            elif door.locked_for(client_id()):
                st.error(t("locked", seconds=door.locked_for(client_id())))
            else:
                st.error(t("wrong_password"))
        st.stop()
    if st.button(t("sign_out"), key="sign_out"):
        session.sign_out()
        door.revoked.update({cookie or "", st.session_state.get("curator_token", "")})
        st.session_state["signed_out"] = True
        st.rerun()
    token = st.session_state["curator_token"] = issue_token(stored)
    remember(token)  # renewed while the curator works: good for an hour after the last page
