"""``kb copy``: a collection moved between an index folder and a PostgreSQL database, in either
direction, with its vectors (nothing is embedded again)."""

from __future__ import annotations

from collections.abc import Callable

from kb.config import IndexLocation
from kb.errors import KbError
from kb.knowledge_base import KnowledgeBase


def copy_index(
    source: IndexLocation, destination: IndexLocation, progress: Callable[[int, int], None] | None = None
) -> int:
    """Copy every document of ``source`` into a new index at ``destination``; how many.

    The destination must hold no index yet. Documents keep their ids, metadata (curated
    fields and proposed values included) and passage vectors; the logs stay behind.
    """
    origin = KnowledgeBase.open(source)
    if KnowledgeBase.exists(destination):
        raise KbError(f"{destination} already holds an index; copy into a new folder or an empty database")
    copy = KnowledgeBase.create_like(destination, origin.manifest)
    doc_ids = origin.store.all_doc_ids()
    with copy.writing():
        for n, doc_id in enumerate(doc_ids, 1):
            stored = origin.store.stored_document(doc_id)
            if stored is not None:  # removed meanwhile
                copy.store.upsert(doc_id, *stored)
            if progress:
                progress(n, len(doc_ids))
    origin.close()
    copy.close()
    return len(doc_ids)
