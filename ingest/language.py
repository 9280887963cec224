"""Language identification with langdetect, made deterministic."""

from __future__ import annotations

import os

from langdetect import DetectorFactory, LangDetectException, detect_langs, detector_factory

UNDETERMINED = "und"
_SAMPLE_CHARS = 6000


def load_profiles() -> None:
    """Read langdetect's language profiles now, before any reader's time limit starts.

    langdetect reads them on first use and swallows every exception while doing so, so an
    alarm that interrupted that read left a factory knowing only some languages for the rest
    of the process (Italian became "ro", Portuguese "ca"). A factory cut short is read again.
    """
    factory = detector_factory._factory
    expected = len(os.listdir(detector_factory.PROFILES_DIRECTORY))
    if factory is None or len(factory.get_lang_list()) < expected:
        detector_factory._factory = None
        detector_factory.init_factory()


def detect_language(text: str, fallback: str = UNDETERMINED) -> str:
    """ISO 639-1 code of the text's language; ``fallback`` when it is too short to tell."""
    sample = " ".join(text[:_SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < 20:
        return fallback
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
    "el los las y una pero sus les des une est pour dans avec qui amb els dels més und der die das ist "
    "mit für nicht și cu pentru care het een zijn niet voor ook og det er som ikke til på och att inte".split()
)
"""Frequent words of neighbouring languages (es, fr, ca, de, ro, nl and the Scandinavian ones)
that none of the three uses."""


def _plainly(text: str, language: str) -> bool:
    return language in _FUNCTION_WORDS and _wins(_votes(text), language)


def _votes(text: str) -> dict[str, int]:
    """How many of each language's function words the text holds ("other": the neighbours')."""
    words = text.lower().split()
    votes = {lang: sum(w in own for w in words) for lang, own in _FUNCTION_WORDS.items()}
    votes["other"] = sum(w in _OTHER_WORDS for w in words)
    return votes


def _wins(votes: dict[str, int], language: str) -> bool:
    """At least 8 of the language's own function words, and 4 times those of any other."""
    rivals = max(v for lang, v in votes.items() if lang != language)
    return votes[language] >= 8 and votes[language] >= 4 * rivals
