"""The language layer every reader of text shares.

    languages.py  LANGUAGES: the supported languages, one data file each
    detect.py     language detection with lingua
    lemmas.py     one Lemmatizer per language (pymorphy3 for uk/ru, light English rules)
    sentences.py  sentence bounds over spaCy tokens
    phrases.py    blank spaCy pipelines and PhraseMatchers built from phrase lists
    dates.py      month, weekday and number words; the calendar-date finder

It imports only the standard library, third-party packages, :mod:`trucewatch.errors` and its
own data files (``data/``); ``trucewatch.text``, ``trucewatch.readouts`` and
``trucewatch.geo`` build on it.

>>> from trucewatch.lang import LANGUAGES
>>> LANGUAGES
('en', 'uk', 'ru')
"""

from .detect import detect
from .languages import LANGUAGES, require

__all__ = ["LANGUAGES", "detect", "require"]
