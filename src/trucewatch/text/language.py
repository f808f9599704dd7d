"""Language detection with lingua, restricted to the languages news about the war comes in.

The detector is built once per process (building it is the slow part).
"""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["detect"]

_LANGUAGES = (
    Language.ENGLISH, Language.UKRAINIAN, Language.RUSSIAN, Language.BELARUSIAN,
    Language.POLISH, Language.GERMAN, Language.FRENCH, Language.BULGARIAN,
)
_SAMPLE = 1500


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).build()


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language (``en``, ``uk``, ``ru``, ...), or None."""
    sample = text[:_SAMPLE]
    if not sample.strip():
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None
