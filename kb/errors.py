"""Domain errors, turned into messages only at the edges (CLI exit 2, st.error in the app).

Every message is written for the person who hit it: it says what went wrong and,
where there is one, what to do next.
"""

from typing import Literal


class KbError(Exception):
    """A problem the user can act on; front ends show ``str(error)``."""


class IndexNotFound(KbError):
    """The index folder does not exist or holds no catalogue."""


class EmbedderMismatch(KbError):
    """The index was built with another embedder than the one asked for."""


class ChunkingMismatch(KbError):
    """An ingest would cut passages differently from the ones already in the index."""


class IndexLocked(KbError):
    """Another process is already writing to the index."""


class DocumentNotFound(KbError):
    """No document with that id is in the catalogue."""


class UnknownEmbedder(KbError):
    """The embedder spec names no known backend."""


FailureReason = Literal[
    "corrupt",
    "encrypted",
    "no-text",
    "empty",
    "unsupported",
    "too-large",
    "too-slow",
    "binary",
    "bad-metadata",
    "outside",
    "unreadable",
    "internal-error",
]
"""Why a file was not indexed; stable, so reports and tests can count them (README lists them)."""


class UnreadableFile(KbError):
    """A file could not be turned into text; ``reason`` is one of :data:`FailureReason`."""

    def __init__(self, reason: FailureReason, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # crosses process boundaries (readers in a child)
        return (type(self), (self.reason, self.detail))


class IndexReplaced(KbError):
    """A restore swapped the index folder while this process was about to write to it."""


class IndexDamaged(KbError):
    """An index folder whose catalogue or manifest cannot be read."""
