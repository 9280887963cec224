"""Curate page (password required): upload, preview, publish, edit metadata, remove, reports."""

from concurrent.futures import Future

import pandas as pd
import streamlit as st

from app_pages.auth import CuratorSession, Door, configured_hash
from app_pages.curation import (
    Previews,
    edited_fields,
    publish,
    remove,
    removed_entries,
    restore,
    save_metadata,
    stage,
)
from app_pages.render import plain
from app_pages.state import index_dir, open_index, t, upload_dir
from kb.config import Settings
from kb.errors import IndexLocked, IndexNotFound, KbError
from kb.taxonomy import default_taxonomy


@st.cache_resource
def curator_door() -> Door:
    """One door per app process, so failed attempts count across sessions."""
    return Door()


st.title(t("nav_curate"))
stored = configured_hash()
if not stored:
    st.info(t("curate_no_password"))
    st.stop()

door = curator_door()
session: CuratorSession = st.session_state.setdefault("curator", CuratorSession())
if not session.active():
    with st.form("sign_in"):
        password = st.text_input(t("password"), type="password", key="password")
        submitted = st.form_submit_button(t("sign_in"))
    if submitted:
        if door.try_password(password, stored):
            session.sign_in()
            st.rerun()
        elif door.locked_for():
            st.error(t("locked", seconds=door.locked_for()))
        else:
            st.error(t("wrong_password"))
    st.stop()

if st.button(t("sign_out"), key="sign_out"):
    session.sign_out()
    st.rerun()

try:
    kb = open_index(str(index_dir()))
except IndexNotFound:
    st.info(t("no_index", index=index_dir()))
    st.stop()
settings = Settings(index_dir=index_dir())
staging = index_dir() / "staging"
taxonomy = default_taxonomy()


@st.cache_resource(show_spinner=False)
def previews() -> Previews:
    """One queue of previews for the app process, shared by every curator's session."""
    return Previews()


@st.fragment(run_every=1.0)
def show_progress(pending: list[tuple[str, Future, list[float]]]) -> None:
    """Progress bars of the previews still running; the whole page reruns once they are done."""
    if all(future.done() for _, future, _ in pending):
        st.rerun()
    for name, _, share in pending:
        st.progress(min(1.0, share[0]), text=t("reading", name=name))


upload_tab, edit_tab, report_tab, misses_tab = st.tabs([t("upload"), t("edit"), t("report"), t("misses")])

with upload_tab:
    files = st.file_uploader(
        t("upload"),
        type=["pdf", "txt", "md", "html", "htm"],
        accept_multiple_files=True,
        help=t("upload_help"),
    )
    pending = []
    for upload in files or []:
        try:
            staged = stage(upload.getvalue(), upload.name, staging)
        except KbError as error:
            st.error(t("rejected", name=upload.name, reason=str(error)))
            continue
        future, share = previews().start(staged.parent.name, kb, staged, settings)
        if not future.done():
            pending.append((upload.name, future, share))
            continue
        try:
            found = future.result()
        except KbError as error:
            st.error(t("rejected", name=upload.name, reason=str(error)))
            continue
        st.subheader(plain(found.title))
        st.json(
            {
                "language": found.language,
                "year": found.year,
                **{f.field: [x.value for x in found.facets if x.field == f.field] for f in found.facets},
            }
        )
        if st.button(t("publish"), key=f"publish-{staged.name}"):
            try:
                report = publish(kb, staged, upload_dir(), settings)
            except IndexLocked:
                st.warning(t("busy"))
                continue
            if report.failures:
                st.error(t("rejected", name=upload.name, reason=report.failures[0].detail))
            else:
                st.success(t("published", doc=report.outcomes[0].doc_id))
    if pending:
        show_progress(pending)

with edit_tab:
    documents = kb.catalogue.documents(kb.catalogue.all_doc_ids())
    doc_id = st.selectbox(
        t("document"), sorted(documents), format_func=lambda d: documents[d].title, key="edit_doc"
    )
    if doc_id:
        doc = documents[doc_id]
        with st.form("metadata"):
            title = st.text_input(t("title"), doc.title)
            year = st.text_input(t("year"), str(doc.year) if doc.year else "")
            countries = st.text_input(t("countries"), ", ".join(doc.values("country")))
            themes = st.multiselect(
                t("themes"),
                list(taxonomy.themes),
                doc.values("theme"),
                format_func=lambda v: taxonomy.label("theme", v, "en"),
            )
            programmes = st.text_input(t("programmes"), "; ".join(doc.values("programme")))
            organisations = st.text_input(t("organisations"), "; ".join(doc.values("organisation")))
            saved = st.form_submit_button(t("save"))
        if saved:
            form = {
                "title": title.strip(),
                "year": year.strip(),
                "themes": themes,
                "countries": [c.strip() for c in countries.split(",") if c.strip()],
                "programmes": [p.strip() for p in programmes.split(";") if p.strip()],
                "organisations": [o.strip() for o in organisations.split(";") if o.strip()],
            }
            try:
                changed = edited_fields(doc, form)
                if changed:
                    save_metadata(kb, doc_id, changed, settings)
                st.success(t("saved"))
            except IndexLocked:
                st.warning(t("busy"))
            except KbError as error:
                st.error(plain(str(error)))
        if st.button(t("remove"), key="remove"):
            st.session_state["confirm_remove"] = doc_id  # the target is named now, not at the next click
        target = st.session_state.get("confirm_remove")
        if target:
            st.warning(t("confirm_remove", doc=target))
            yes, no = st.columns(2)
            if yes.button(t("confirm"), key="confirm_remove_yes"):
                st.session_state.pop("confirm_remove", None)
                try:
                    gone = remove(kb, target, index_dir() / "removed")
                    st.success(t("removed" if gone else "already_removed", doc=target))
                except IndexLocked:
                    st.warning(t("busy"))
            if no.button(t("cancel"), key="confirm_remove_no"):
                st.session_state.pop("confirm_remove", None)
                st.rerun()
    for folder, note in removed_entries(index_dir() / "removed"):
        left, right = st.columns([4, 1])
        left.caption(t("removed_entry", doc=note.get("doc_id", folder.name), when=folder.name[:15]))
        if right.button(t("restore"), key=f"restore_{folder.name}"):
            try:
                restore(kb, folder, settings)
                st.success(t("restored", doc=note.get("doc_id", folder.name)))
            except IndexLocked:
                st.warning(t("busy"))
            except KbError as error:
                st.error(plain(str(error)))

with report_tab:
    st.dataframe(pd.DataFrame(kb.catalogue.ingest_log()), use_container_width=True, hide_index=True)

with misses_tab:
    st.dataframe(pd.DataFrame(kb.catalogue.search_misses()), use_container_width=True, hide_index=True)
