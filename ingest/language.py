"""Language identification with langdetect, made deterministic."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from langdetect import DetectorFactory, LangDetectException, detect_langs, detector_factory

UNDETERMINED = "und"
_SAMPLE_CHARS = 6000


def load_profiles() -> None:
    """Read langdetect's language profiles (0.7 s), with any reader's time limit held meanwhile.

    langdetect reads them on first use and swallows every exception while doing so, so an
    alarm that interrupted that read left a factory knowing only some languages for the rest
    of the process (Italian became "ro", Portuguese "ca"). A factory cut short is read again.
    They are read only when a text needs langdetect: function words tell most texts' language.
    """
    global loading_seconds
    factory = detector_factory._factory
    if factory is not None and len(factory.get_lang_list()) >= _profile_count():
        return
    started = time.monotonic()
    with _alarm_held():
        detector_factory._factory = None
        detector_factory.init_factory()
    loading_seconds += time.monotonic() - started


loading_seconds = 0.0
"""Time this process spent reading the profiles: no file's time (a reader's clock leaves it out)."""


@cache
def _profile_count() -> int:
    return len(os.listdir(detector_factory.PROFILES_DIRECTORY))


@contextmanager
def _alarm_held() -> Iterator[None]:
    """Stop a running time limit's clock, and start it again with what was left."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    left, interval = signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        yield
    finally:
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left, interval)


def detect_language(text: str, fallback: str = UNDETERMINED) -> str:
    """ISO 639-1 code of the text's language; ``fallback`` when it is too short to tell."""
    sample = " ".join(text[:_SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < 20:
        return fallback
    load_profiles()
    DetectorFactory.seed = 0  # langdetect is random unless seeded before each detection
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return fallback
    return best.lang if best.prob >= 0.5 else fallback


def document_language(text: str) -> str:
    """A document's language: the one its function words plainly show (most documents; langdetect
    costs ~8 ms a document, on the cores the embedder needs), else langdetect's."""
    votes = _votes(text[:_SAMPLE_CHARS])
    plain = next((lang for lang in _FUNCTION_WORDS if _wins(votes, lang)), None)
    return plain or detect_language(text)


def passage_language(text: str, document_language: str) -> str:
    """A passage's own language, trusting the document's for short passages and for passages
    whose function words are plainly the document's (most of them: langdetect costs ~2 ms a
    passage, on the cores the embedder needs)."""
    if len(text) < 200 or _plainly(text, document_language):
        return document_language
    return detect_language(text, fallback=document_language)


_FUNCTION_WORDS = {
    "pt": frozenset(
        "não uma os dos das em na no nos nas para pelo pela com são também ao aos à às foi seu sua muito".split()
    ),
    "it": frozenset(
        "il lo gli della delle dei degli nel nella nei nelle per con sono anche non che del alla ai".split()
    ),
    "en": frozenset(
        "the of and to is are was were for with that this by from on which been has have".split()
    ),
}
"""Frequent words that belong to one of the three languages only."""

_OTHER_WORDS = frozenset(
    "el los las y pero sus les des une est pour dans avec qui amb els dels més und der die ist "
    "mit für nicht și cu pentru care het een zijn niet voor ook og det er som ikke til på och att inte".split()
)
"""Frequent words of neighbouring languages (es, fr, ca, de, ro, nl and the Scandinavian ones)
that none of the three uses (not "una", Italian too, nor "das", Portuguese too)."""


def _plainly(text: str, language: str) -> bool:
    """A passage plainly in its document's language: fewer of its function words suffice, since
    the document already showed it (most passages are a few hundred characters)."""
    return language in _FUNCTION_WORDS and _wins(_votes(text), language, least=3)


def _votes(text: str) -> dict[str, int]:
    """How many of each language's function words the text holds ("other": the neighbours')."""
    words = text.lower().split()
    votes = {lang: sum(w in own for w in words) for lang, own in _FUNCTION_WORDS.items()}
    votes["other"] = sum(w in _OTHER_WORDS for w in words)
    return votes


def _wins(votes: dict[str, int], language: str, least: int = 8) -> bool:
    """At least ``least`` of the language's own function words, and 4 times those of any other."""
    rivals = max(v for lang, v in votes.items() if lang != language)
    return votes[language] >= least and votes[language] >= 4 * rivals
