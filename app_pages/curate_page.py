"""Curate page (password required): upload, preview, publish, edit metadata, remove, reports.

Everything that reads or embeds a document (previews, publishing, saves, restores) runs as a
background job (:class:`Jobs`); the page shows its progress and its outcome.
"""

import uuid
from functools import partial

import pandas as pd
import streamlit as st

from app_pages.auth import CuratorSession, Door, configured_hash
from app_pages.curation import (
    Job,
    Jobs,
    edited_fields,
    preview,
    publish,
    remove,
    removed_entries,
    restore,
    save_metadata,
    stage,
)
from app_pages.render import plain
from app_pages.state import index_dir, require_index, t, upload_dir
from kb.config import Settings
from kb.errors import IndexLocked, KbError
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

kb = require_index()
settings = Settings(index_dir=index_dir())
staging = index_dir() / "staging"
taxonomy = default_taxonomy()


@st.cache_resource(show_spinner=False)
def jobs() -> Jobs:
    """One queue of background work for the app process, shared by every curator's session."""
    return Jobs()


@st.fragment(run_every=1.0)
def show_progress(pending: list[Job]) -> None:
    """Progress bars of the jobs still running; the whole page reruns once they are done."""
    if all(job.done for job in pending):
        st.rerun()
    for job in pending:
        st.progress(min(1.0, job.share[0]), text=t("working", name=job.label))


def show_outcome(kind: str, name: str, job: Job) -> None:
    """How a finished job ended, as a message."""
    try:
        result = job.future.result()
    except IndexLocked:
        st.warning(t("busy"))
        return
    except KbError as error:
        st.error(t("rejected", name=name, reason=str(error)))
        return
    if kind == "publish" and result.failures:
        st.error(t("rejected", name=name, reason=result.failures[0].detail))
    elif kind == "publish":
        st.success(t("published", doc=result.outcomes[0].doc_id))
    elif kind == "save":
        st.success(t("saved"))
    else:
        st.success(t("restored", doc=name))


def follow(started: list[dict[str, str]], pending: list[Job]) -> None:
    """Outcomes of this session's saves and restores (each shown once), or their progress."""
    for entry in list(started):
        job = jobs().get(entry["key"])
        if job is None:
            started.remove(entry)
        elif job.done:
            show_outcome(entry["kind"], entry["name"], job)
            started.remove(entry)
        else:
            pending.append(job)


started: list[dict[str, str]] = st.session_state.setdefault("curate_jobs", [])
pending: list[Job] = []
upload_tab, edit_tab, report_tab, misses_tab = st.tabs([t("upload"), t("edit"), t("report"), t("misses")])

with upload_tab:
    files = st.file_uploader(
        t("upload"),
        type=["pdf", "txt", "md", "html", "htm"],
        accept_multiple_files=True,
        help=t("upload_help"),
    )
    for upload in files or []:
        try:
            staged = stage(upload.getvalue(), upload.name, staging)
        except KbError as error:
            st.error(t("rejected", name=upload.name, reason=str(error)))
            continue
        key = staged.parent.name  # the content's hash
        job = jobs().start(f"preview:{key}", upload.name, partial(preview, kb, staged, settings))
        if not job.done:
            pending.append(job)
            continue
        try:
            found = job.future.result()
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
        publishing = jobs().get(f"publish:{key}")
        if publishing is None and st.button(t("publish"), key=f"publish-{staged.name}"):
            publishing = jobs().start(
                f"publish:{key}",
                upload.name,
                partial(publish, kb, staged, upload_dir(), settings),
            )
        if publishing is not None and publishing.done:
            show_outcome("publish", upload.name, publishing)
        elif publishing is not None:
            pending.append(publishing)

with edit_tab:
    documents = kb.store.documents(kb.store.all_doc_ids())
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
            except KbError as error:
                st.error(plain(str(error)))
            else:
                if changed:
                    key = f"save:{doc_id}:{uuid.uuid4().hex}"
                    jobs().start(key, doc_id, partial(save_metadata, kb, doc_id, changed, settings))
                    started.append({"key": key, "kind": "save", "name": doc_id})
                else:
                    st.success(t("saved"))
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
            key = f"restore:{folder.name}"
            jobs().start(key, folder.name, partial(restore, kb, folder, settings))
            started.append({"key": key, "kind": "restore", "name": note.get("doc_id", folder.name)})
    follow(started, pending)

with report_tab:
    st.dataframe(pd.DataFrame(kb.store.ingest_log()), use_container_width=True, hide_index=True)

with misses_tab:
    st.dataframe(pd.DataFrame(kb.store.search_misses()), use_container_width=True, hide_index=True)

if pending:
    show_progress(pending)
