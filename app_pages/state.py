"""What every page shares: the opened index (once per process), the UI language, links."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import streamlit as st

from app_pages.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from app_pages.render import plain
from ingest.readers.base import FILE_TYPES
from kb.config import IndexLocation, Settings, default_index_dir, index_location, redacted
from kb.errors import IndexNotFound, KbError
from kb.knowledge_base import KnowledgeBase
from kb.request import SearchRequest


def index_dir() -> IndexLocation:
    """The index the app serves: a folder (resolved) or a PostgreSQL address."""
    location = default_index_dir()
    return location.resolve() if isinstance(location, Path) else location


def files_dir() -> Path:
    """Where curators' removed files and staged uploads are kept: the index folder, or for an
    index in a database ``KB_FILES_DIR`` (default curator-files/)."""
    location = index_dir()
    return (
        location
        if isinstance(location, Path)
        else Path(os.environ.get("KB_FILES_DIR", "curator-files")).resolve()
    )


def upload_dir() -> Path:
    """Where curators' uploads are kept (``KB_UPLOAD_DIR``, default corpus/uploads)."""
    return Path(os.environ.get("KB_UPLOAD_DIR", "corpus/uploads")).resolve()


def corpus_dir() -> Path:
    """The collection's own folder (``KB_CORPUS_DIR``, default corpus/)."""
    return Path(os.environ.get("KB_CORPUS_DIR", "corpus")).resolve()


def public_base_url() -> str:
    """The app's address as readers reach it: ``KB_PUBLIC_URL`` (behind a proxy), else the
    scheme and host of this request plus the configured base path; links in exports use it."""
    configured = os.environ.get("KB_PUBLIC_URL", "").strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(st.context.url or "")
    if not parts.netloc:
        return ""
    base_path = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{parts.scheme}://{parts.netloc}" + (f"/{base_path}" if base_path else "")


def servable(path: Path) -> bool:
    """Whether the app may hand this file to a visitor: a real file inside the corpus or upload folders.

    The path is resolved first, so a link placed in the corpus that points elsewhere is refused.
    """
    real = Path(os.path.realpath(path))
    return real.is_file() and any(real.is_relative_to(root) for root in (corpus_dir(), upload_dir()))


@st.cache_resource(show_spinner=False)
def open_index(path: str) -> KnowledgeBase:
    """Opened once per process; ``KnowledgeBase.search`` reloads when a newer index is written."""
    return KnowledgeBase.open(index_location(path))


def require_index() -> KnowledgeBase:
    """The opened index, or (for every page alike) a message saying how to build one, and stop."""
    try:
        return open_index(str(index_dir()))
    except IndexNotFound:
        st.info(t("no_index", index=redacted(str(index_dir()))))
        st.stop()
    except KbError as error:  # a damaged index: its one-line remedy, not a traceback
        st.error(plain(str(error)))
        st.stop()


def ui_language() -> str:
    """The interface language: the URL's ``ui`` first, else this session's last choice.

    Moving between pages with the navigation drops the URL's parameters; the session
    remembers the language, and :func:`keep_language` writes it back into the address.
    """
    asked = st.query_params.get("ui")
    if asked in LANGUAGES:
        st.session_state["ui_lang"] = asked
        return asked
    remembered = st.session_state.get("ui_lang", DEFAULT_LANGUAGE)
    return remembered if remembered in LANGUAGES else DEFAULT_LANGUAGE


def keep_language() -> None:
    """Every page's address names its interface language, so reload and share keep it."""
    _address_language(ui_language())


def _address_language(language: str) -> None:
    """The address names ``language``, unless it is the default (then it names none)."""
    if language != DEFAULT_LANGUAGE and st.query_params.get("ui") != language:
        st.query_params["ui"] = language
    elif language == DEFAULT_LANGUAGE and "ui" in st.query_params:
        del st.query_params["ui"]


def upload_types() -> str:
    """The kinds of file an upload takes, as people name them ("DOCX, HTML, MD, ODP, …")."""
    return ", ".join(
        sorted({suffix.lstrip(".").upper() for suffix in FILE_TYPES} - {"HTM", "MARKDOWN", "TEXT"})
    )


def interface_style() -> str:
    """CSS that puts Streamlit's own fixed English strings into the interface language.

    The uploader's button and limit line are relabelled; "Press Enter to apply" is hidden
    (every text box here applies on Enter, which its help text says).
    """
    button = json.dumps(t("upload_button"), ensure_ascii=False)  # a CSS string: quotes escaped
    limit = t("upload_limit", mb=Settings().max_file_bytes // 2**20, types=upload_types())
    limit = json.dumps(limit, ensure_ascii=False)
    return f"""<style>
[data-testid="InputInstructions"] {{display: none;}}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p {{font-size: 0; visibility: hidden;}}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {{
  content: {button}; font-size: 0.9rem; visibility: visible;}}
[data-testid="stFileUploaderDropzone"] [data-testid="stIconMaterial"] {{display: none;}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0; visibility: hidden;}}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{content: {limit}; font-size: 0.85rem; visibility: visible;}}
</style>"""


def choose_language() -> None:
    """Widget callback of the language selector shown on every page: the choice goes into the
    address, which :func:`ui_language` reads first (the old ``ui`` there would win otherwise)."""
    st.session_state["ui_lang"] = st.session_state["ui_select"]
    _address_language(st.session_state["ui_select"])


def language_selector() -> None:
    """The interface language, in the sidebar of every page."""
    language = ui_language()
    st.session_state["ui_select"] = language  # follow the URL when a link changed it
    st.sidebar.selectbox(
        t("ui_language"),
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        key="ui_select",
        on_change=choose_language,
    )


class Markdown(str):
    """Markdown the app wrote itself (a link it built), placed into a message as it is."""


def t(key: str, **values: object) -> str:
    """A message in the UI language; every value is made inert Markdown unless it is :class:`Markdown`.

    Values come from URLs, file names and documents; in a message they must read as text,
    never as a link, an image the browser would fetch, or formatting.
    """
    safe = {name: v if isinstance(v, Markdown) else plain(str(v)) for name, v in values.items()}
    return translator(ui_language())(key, **safe)


def link(target: str, /, **params: str | list[str]) -> str:
    """A relative link to another page that keeps the UI language.

    The search page is the app's default page, which Streamlit serves at the root.
    """
    params = link_params(params)
    path = "./" if target == "search" else target
    return f"{path}?{urlencode(params, doseq=True)}" if params else path


def link_params(params: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
    """A link's parameters: those with a value, and the UI language unless it is the default."""
    kept = {name: value for name, value in params.items() if value}
    return kept | {"ui": ui_language()} if ui_language() != DEFAULT_LANGUAGE else kept


def ticked() -> dict[str, list[str]]:
    """The practices ticked for comparison in the address, as a link's parameter."""
    return {COMPARE_PARAM: list(search_context().get(COMPARE_PARAM, []))}


def url_params() -> dict[str, list[str]]:
    """The address's query parameters, each with every value it has."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def search_context() -> dict[str, str | list[str]]:
    """The search a page was reached from (query, filters, page, compare list), from the URL.

    Links between Search, Practice and Compare carry it, so "back to search" returns to
    the exact search, on its page, with its ticked practices.
    """
    params = url_params()
    context: dict[str, str | list[str]] = dict(SearchRequest.from_params(params).to_params())
    if params.get(COMPARE_PARAM):
        context[COMPARE_PARAM] = params[COMPARE_PARAM][:MAX_COMPARED]
    return context


COMPARE_PARAM = "cmp"
"""URL parameter holding the practices ticked for comparison (their document ids)."""
MAX_COMPARED = 4
