"""Curate page (password required): upload, preview, publish, edit metadata, remove, reports.

Everything that reads or embeds a document (previews, publishing, saves, restores) runs as a
background job (:class:`Jobs`); the page shows its progress and its outcome.
"""

import uuid
from functools import partial
from pathlib import Path

import streamlit as st

from app_pages.curate_reports import ingest_report, misses_report
from app_pages.curation import Desk, Job, Jobs, preview, publish, remove, removed_entries, restore, stage
from app_pages.metadata_edits import BadYear, TooManyThemes, edited_fields, save_metadata, split_names
from app_pages.proposals import proposals_tab
from app_pages.render import card_table, plain
from app_pages.sign_in import sign_in
from app_pages.state import files_dir, index_dir, require_index, t, ui_language, upload_dir, upload_types
from ingest.metadata.themes import MAX_THEMES
from ingest.reader_process import start_child
from ingest.readers.base import FILE_TYPES
from kb.config import Settings
from kb.errors import IndexLocked, KbError
from kb.facets import CARD_FIELDS, LIST_FACETS, WRITTEN, card_field
from kb.models import Document, NewDocument
from kb.taxonomy import default_taxonomy
from kb.text import fold

NAMED = ("programme", "organisation")
"""Fields of names the form takes separated by semicolons (a name may hold commas)."""
UPLOAD_TYPES = sorted({suffix.lstrip(".") for suffix in FILE_TYPES})


@st.cache_resource(show_spinner=False)
def jobs() -> Jobs:
    """One queue of background work for the app process, shared by every curator's session.

    Uploads are read in a warm child process (:mod:`ingest.reader_process`) when a time limit
    is set: it starts now, so that the first upload finds it ready."""
    queue = Jobs()
    if Settings.from_env().max_read_seconds > 0:
        queue.pool.submit(start_child)
    return queue


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
    elif kind == "publish" and result.duplicates:
        st.warning(t("duplicate_upload", name=name, doc=result.duplicates[0].doc_id))
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


def upload_tab(desk: Desk) -> None:
    """Upload, see what extraction found, publish."""
    files = st.file_uploader(
        t("upload"),
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        help=t("upload_help", types=upload_types()),
    )
    for upload in files or []:
        try:
            staged = stage(upload.getvalue(), upload.name, desk.staging)
        except KbError as error:
            st.error(t("rejected", name=upload.name, reason=str(error)))
            continue
        # the content's hash, and this upload's own id: the same file uploaded again later (after a
        # removal, under another name) is a new attempt, not the outcome of the last one replayed
        key = f"{staged.parent.name}:{getattr(upload, 'file_id', '')}"
        job = jobs().start(
            f"preview:{key}",
            upload.name,
            partial(preview, desk.kb, staged, desk.settings, uploads=upload_dir()),
        )
        if not job.done:
            desk.pending.append(job)
            continue
        try:
            found = job.future.result()
        except KbError as error:
            st.error(t("rejected", name=upload.name, reason=str(error)))
            continue
        st.subheader(plain(found.title))
        st.html(preview_card(found))
        publish_button(desk, staged, key, upload.name)


def publish_button(desk: Desk, staged: Path, key: str, name: str) -> None:
    """Publish once; then the job's progress, then how it ended."""
    publishing = jobs().get(f"publish:{key}")
    if publishing is None and st.button(t("publish"), key=f"publish-{staged.name}"):
        work = partial(publish, desk.kb, staged, upload_dir(), desk.settings)
        publishing = jobs().start(f"publish:{key}", name, work)
    if publishing is not None and publishing.done:
        show_outcome("publish", name, publishing)
    elif publishing is not None:
        desk.pending.append(publishing)


def edit_tab(desk: Desk) -> None:
    """Fix a document's metadata, remove it, or restore a removed one."""
    documents = desk.kb.store.documents(desk.kb.store.all_doc_ids())
    doc_id = st.selectbox(
        t("document"),
        sorted(documents, key=lambda d: fold(documents[d].title)),  # as the reader sees them
        format_func=lambda d: documents[d].title,
        key="edit_doc",
    )
    if doc_id:
        metadata_form(desk, documents[doc_id])
        removal(desk, doc_id)
    for folder, note in removed_entries(files_dir() / "removed"):
        left, right = st.columns([4, 1])
        left.caption(t("removed_entry", doc=note.get("doc_id", folder.name), when=folder.name[:15]))
        if right.button(t("restore"), key=f"restore_{folder.name}"):
            key = f"restore:{folder.name}"
            jobs().start(key, folder.name, partial(restore, desk.kb, folder, desk.settings))
            desk.started.append({"key": key, "kind": "restore", "name": note.get("doc_id", folder.name)})
    follow(desk.started, desk.pending)


def metadata_form(desk: Desk, doc: Document) -> None:
    """The document's fields; saving writes only what the curator changed, as a background job."""
    taxonomy = default_taxonomy()
    with st.form("metadata"):
        title = st.text_input(t("title"), doc.title)
        year = st.text_input(t("year"), str(doc.year) if doc.year else "")
        written = st.text_input(t("written"), str(doc.written) if doc.written else "", help=t("written_help"))
        countries = st.text_input(t("countries"), ", ".join(doc.values("country")))
        themes = st.multiselect(
            t("themes"),
            list(taxonomy.themes),
            doc.values("theme"),
            format_func=lambda v: taxonomy.label("theme", v, ui_language()),
            placeholder=t("choose"),
            select_all=False,
            help=t("themes_help", n=MAX_THEMES),
        )
        names = {f: st.text_input(t(f"{f}s"), "; ".join(doc.values(f)), help=t("names_help")) for f in NAMED}
        saved = st.form_submit_button(t("save"))
    if not saved:
        return
    form = {
        "title": title.strip(),
        "year": year.strip(),
        "written": written.strip(),
        "themes": themes,
        "countries": split_names(countries, ","),
        **{f"{f}s": split_names(names[f], ";") for f in NAMED},
    }
    try:
        changed = edited_fields(doc, form)
    except KbError as error:
        st.error(refusal(error))
        return
    start_saving(desk, doc.doc_id, changed)


def refusal(error: KbError) -> str:
    """Why the form was not saved, in the reader's language where the app knows the reason."""
    if isinstance(error, BadYear):
        return plain(t("bad_year", field=t(error.field_name), **error.words))
    if isinstance(error, TooManyThemes):
        return t("themes_help", n=MAX_THEMES)
    return plain(str(error))


def start_saving(desk: Desk, doc_id: str, changed: dict[str, object]) -> None:
    """The curator's changes saved as a background job (nothing changed: nothing to do)."""
    if not changed:
        st.success(t("saved"))
        return
    key = f"save:{doc_id}:{uuid.uuid4().hex}"
    jobs().start(key, doc_id, partial(save_metadata, desk.kb, doc_id, changed, desk.settings))
    desk.started.append({"key": key, "kind": "save", "name": doc_id})


def removal(desk: Desk, doc_id: str) -> None:
    """Remove asks first, naming the document; its files go to index/removed/."""
    if st.button(t("remove"), key="remove"):
        st.session_state["confirm_remove"] = doc_id  # the target is named now, not at the next click
    target = st.session_state.get("confirm_remove")
    if not target:
        return
    st.warning(t("confirm_remove", doc=target))
    yes, no = st.columns(2)
    if yes.button(t("confirm"), key="confirm_remove_yes"):
        st.session_state.pop("confirm_remove", None)
        try:
            gone = remove(desk.kb, target, files_dir() / "removed")
        except IndexLocked:
            st.warning(t("busy"))
            return
        st.session_state["flash"] = t("removed" if gone else "already_removed", doc=target)
        st.rerun()  # the form and the document list must no longer show what was removed
    if no.button(t("cancel"), key="confirm_remove_no"):
        st.session_state.pop("confirm_remove", None)
        st.rerun()


def preview_card(found: NewDocument) -> str:
    """What extraction found, as the labelled table a curator reads (not raw JSON)."""
    taxonomy = default_taxonomy()
    language = ui_language()
    rows = [
        (t("facet_language"), taxonomy.label("language", found.language, language)),
        (t("year"), str(found.year) if found.year else "—"),
        (t("written"), next((x.value for x in found.facets if x.field == WRITTEN), "—")),
        *(
            (
                t(f.label_key),
                ", ".join(
                    taxonomy.label(f.name, x.value, language) for x in found.facets if x.field == f.name
                ),
            )
            for f in LIST_FACETS
        ),
        *(
            (t(f"card_{name}"), x.value)
            for name in CARD_FIELDS
            for x in found.facets
            if x.field == card_field(name)
        ),
    ]
    return card_table(rows)


def render() -> None:
    st.title(t("nav_curate"))
    sign_in()
    kb = require_index()
    desk = Desk(
        kb=kb,
        settings=Settings.from_env(index_dir=index_dir()),
        staging=files_dir() / "staging",
        started=st.session_state.setdefault("curate_jobs", []),
    )
    if "flash" in st.session_state:
        st.success(st.session_state.pop("flash"))
    upload, edit, proposed, report, misses = st.tabs(  # the open tab survives a rerun (a removal's)
        [t("upload"), t("edit"), t("proposals"), t("report"), t("misses")],
        key="curate_tab",
        on_change="rerun",
    )
    with upload:
        upload_tab(desk)
    with edit:
        edit_tab(desk)
    with proposed:
        proposals_tab(desk)
    with report:
        ingest_report(kb.store.ingest_log())
    with misses:
        misses_report(kb.store.search_misses())
    if desk.pending:
        show_progress(desk.pending)


render()
