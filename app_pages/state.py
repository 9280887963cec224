"""Shared resources of the app: the opened index, loaded once per process."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from kb.config import default_index_dir
from kb.knowledge_base import KnowledgeBase


def index_dir() -> Path:
    return default_index_dir().resolve()


@st.cache_resource(show_spinner=False)
def open_index(path: str) -> KnowledgeBase:
    """Opened once per process; ``KnowledgeBase.search`` reloads when a newer index is written."""
    return KnowledgeBase.open(Path(path))
