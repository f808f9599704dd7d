"""Language detection with lingua: the supported languages and the few others
``data/detection.yaml`` names, so that a text in one of those is not taken for a supported one.

The detector is built once per process (building it is the slow part).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from .languages import LANGUAGES

__all__ = ["detect"]

#: Characters of a text the detector looks at.
SAMPLE = 1500


@cache
def _detector() -> LanguageDetector:
    path = resources.files(__package__).joinpath("data", "detection.yaml")
    others = yaml.safe_load(path.read_text(encoding="utf-8"))["also_detected"]
    codes = dict.fromkeys([*LANGUAGES, *others])
    languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(c)) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language (``en``, ``uk``, ``ru``, or another the
    detector knows, such as ``pl``), or None for a text with nothing to go by."""
    sample = text[:SAMPLE]
    if not sample.strip():
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None
