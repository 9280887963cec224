"""What every page shares: the opened index (once per process), the UI language, links."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from app_pages.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from app_pages.render import plain
from kb.config import default_index_dir
from kb.errors import IndexNotFound, KbError
from kb.knowledge_base import KnowledgeBase


def index_dir() -> Path:
    return default_index_dir().resolve()


def upload_dir() -> Path:
    """Where curators' uploads are kept (``KB_UPLOAD_DIR``, default corpus/uploads)."""
    return Path(os.environ.get("KB_UPLOAD_DIR", "corpus/uploads")).resolve()


def corpus_dir() -> Path:
    """The collection's own folder (``KB_CORPUS_DIR``, default corpus/)."""
    return Path(os.environ.get("KB_CORPUS_DIR", "corpus")).resolve()


def servable(path: Path) -> bool:
    """Whether the app may hand this file to a visitor: a real file inside the corpus or upload folders.

    The path is resolved first, so a link placed in the corpus that points elsewhere is refused.
    """
    real = Path(os.path.realpath(path))
    return real.is_file() and any(real.is_relative_to(root) for root in (corpus_dir(), upload_dir()))


@st.cache_resource(show_spinner=False)
def open_index(path: str) -> KnowledgeBase:
    """Opened once per process; ``KnowledgeBase.search`` reloads when a newer index is written."""
    return KnowledgeBase.open(Path(path))


def require_index() -> KnowledgeBase:
    """The opened index, or (for every page alike) a message saying how to build one, and stop."""
    try:
        return open_index(str(index_dir()))
    except IndexNotFound:
        st.info(t("no_index", index=index_dir()))
        st.stop()
    except KbError as error:  # a damaged index: its one-line remedy, not a traceback
        st.error(plain(str(error)))
        st.stop()


def ui_language() -> str:
    language = st.query_params.get("ui", DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


class Markdown(str):
    """Markdown the app wrote itself (a link it built), placed into a message as it is."""


def t(key: str, **values: object) -> str:
    """A message in the UI language; every value is made inert Markdown unless it is :class:`Markdown`.

    Values come from URLs, file names and documents; in a message they must read as text,
    never as a link, an image the browser would fetch, or formatting.
    """
    safe = {name: v if isinstance(v, Markdown) else plain(str(v)) for name, v in values.items()}
    return translator(ui_language())(key, **safe)


def link(page: str, **params: str | list[str]) -> str:
    """A relative link to another page that keeps the UI language.

    The search page is the app's default page, which Streamlit serves at the root.
    """
    if ui_language() != DEFAULT_LANGUAGE:
        params["ui"] = ui_language()
    path = "./" if page == "search" else page
    return f"{path}?{urlencode(params, doseq=True)}" if params else path
