"""Language identification with langdetect, made deterministic."""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

UNDETERMINED = "und"
_SAMPLE_CHARS = 6000


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


def passage_language(text: str, document_language: str) -> str:
    """A passage's own language, trusting the document's for short passages."""
    if len(text) < 200:
        return document_language
    return detect_language(text, fallback=document_language)
