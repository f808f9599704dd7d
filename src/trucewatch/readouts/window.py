"""The halt's window: its length in days and its start date, in en/ru/uk wordings.

Durations are a number of days ("for 30 days", "30-day", "30 суток", "на 30 днів") in a
sentence that speaks of a halt. A start is a date ("March 18, 2025", "18 марта 2025 года",
"25 березня", "18.03.2025") right after a start cue ("starting from", "began on",
"начиная с", "з") or shortly after a word of ordering ("the order issued by Putin on
March 18"). A date without a year takes the year of the reference date (publication).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from .lexicon import data
from .nlp import Sentence

__all__ = ["find_dates", "read_duration", "read_start"]

#: Tokens between a start cue and the date it introduces.
CUE_GAP = 2
#: Tokens between an order word and the date it was given.
ORDER_GAP = 8
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_NUMERIC = re.compile(r"^(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))$")
_YEAR = re.compile(r"^(19|20)\d{2}$")


@cache
def _duration_pattern(language: str) -> re.Pattern[str]:
    words = data("dates.yaml")["number_words"][language]
    units = "|".join(data("dates.yaml")["day_units"][language])
    number = "|".join([r"\d{1,3}", *sorted(map(re.escape, words), key=len, reverse=True)])
    return re.compile(rf"(?<![\w.])({number})(?:\s*-\s*|\s+)?(?:{units})\b", re.IGNORECASE)


def read_duration(sentences: Sequence[Sentence], language: str) -> tuple[int | None, str]:
    """Days the halt lasts, from the first halt sentence that gives them, and that sentence."""
    words = data("dates.yaml")["number_words"][language]
    for sentence in sentences:
        if not sentence.has("halt"):
            continue
        match = _duration_pattern(language).search(sentence.text)
        if match:
            raw = match.group(1).lower()
            days = int(raw) if raw.isdigit() else words.get(raw)
            if days:
                return days, sentence.text.strip()
    return None, ""


def find_dates(
    sentence: Sentence, language: str, reference: dt.date | None
) -> list[tuple[int, int, dt.date]]:
    """Dates in a sentence as (first token, end token, date); yearless ones need a reference."""
    months = data("dates.yaml")["months"][language]
    words = [w.lower().strip(".,") for w in sentence.words]
    found = []
    for index, word in enumerate(words):
        numeric = _NUMERIC.match(word)
        if numeric:
            day, month, year = (numeric.group(1, 2, 3) if numeric.group(1)
                                else numeric.group(6, 5, 4))
            with contextlib.suppress(ValueError):
                found.append((index, index + 1, dt.date(int(year), int(month), int(day))))
            continue
        month = months.get(word)
        if not month:
            continue
        day_at = None
        if index > 0 and _DAY.match(words[index - 1]):
            day_at, first, end = index - 1, index - 1, index + 1
        elif index + 1 < len(words) and _DAY.match(words[index + 1]):
            day_at, first, end = index + 1, index, index + 2
        if day_at is None:
            continue
        day = int(_DAY.match(words[day_at]).group(1))
        year = None
        for ahead in range(end, min(end + 2, len(words))):
            if _YEAR.match(words[ahead]):
                year, end = int(words[ahead]), ahead + 1
                break
        year = year or (reference.year if reference else None)
        if year is None:
            continue
        with contextlib.suppress(ValueError):
            found.append((first, end, dt.date(year, month, day)))
    return found


def read_start(
    sentences: Sequence[Sentence], language: str, reference: dt.date | None
) -> tuple[dt.date | None, str]:
    """The date the halt starts, and the sentence it was read from."""
    for sentence in sentences:
        if not sentence.has("halt"):
            continue
        cues = sentence.tagged("start")
        orders = sentence.tagged("order")
        for first, _end, date in find_dates(sentence, language, reference):
            if any(0 <= first - c.end <= CUE_GAP for c in cues) or any(
                0 <= first - o.end <= ORDER_GAP for o in orders
            ):
                return date, sentence.text.strip()
    return None, ""
