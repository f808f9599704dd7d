"""The language layer every reader of text shares: supported languages, detection, lemmas,
sentences, phrase matching on lemmas, and dates as written.

    languages.py  LANGUAGES (one data file each), the unsupported-language policy
    detect.py     language detection with lingua
    lemmas.py     one Lemmatizer per language (pymorphy3 for uk/ru, light English rules)
    sentences.py  sentence bounds over spaCy tokens
    phrases.py    blank spaCy pipelines and PhraseMatchers built from phrase lists
    dates.py      month, weekday and number words; the calendar-date finder

It imports only the standard library, third-party packages, :mod:`trucewatch.errors` and its
own data files (``data/``); ``trucewatch.text``, ``trucewatch.readouts`` and
``trucewatch.geo`` build on it.

>>> from trucewatch.lang import LANGUAGES, unsupported
>>> LANGUAGES
('en', 'uk', 'ru')
>>> unsupported("de")
"language 'de' is not supported; trucewatch reads English (en), Ukrainian (uk), Russian (ru)"
"""

from .detect import detect
from .languages import LANGUAGES, require, unsupported

__all__ = ["LANGUAGES", "detect", "require", "unsupported"]
