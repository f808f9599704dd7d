"""The halt's window: its length in days and its start date, in en/ru/uk wordings.

Durations are a number and a unit of days, weeks, months or whole days in hours ("for 30
days", "30-day", "two weeks", "72 hours", "на 2 недели", "на два тижні"), or a unit alone
("for a month", "на месяц", "місячне"), in a sentence that speaks of a halt or right after
one ("Its term is three weeks"). A start is a date ("March 18, 2025", "18 марта 2025 года",
"25 березня", "18.03.2025") right after a start cue ("starting from", "began on",
"начиная с", "з"), times of day between them allowed ("from 00:00 Kyiv time on 3 April"), or
shortly after a word of ordering ("the order issued by Putin on March 18"). A date without a
year takes the year of the reference date (publication).
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

#: Tokens between a start cue and the date it introduces, fillers and times of day not counted.
CUE_GAP = 2
#: Tokens between an order word and the date it was given.
ORDER_GAP = 8
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_NUMERIC = re.compile(r"^(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))$")
_YEAR = re.compile(r"^(19|20)\d{2}$")


_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")


@cache
def _duration_pattern(language: str) -> re.Pattern[str]:
    """One group per unit (``u0``...) and per unit that needs no number (``s0``...)."""
    dates = data("dates.yaml")
    words = dates["number_words"][language]
    number = "|".join([r"\d{1,3}", *sorted(map(re.escape, words), key=len, reverse=True)])
    units = "|".join(f"(?P<u{i}>{u})" for i, u in enumerate(dates["units"][language]))
    single = "|".join(f"(?P<s{i}>{u})" for i, u in enumerate(dates["single_units"][language]))
    later = "|".join(map(re.escape, dates["not_durations"][language]))
    return re.compile(rf"(?<![\w.])(?:(?P<n>{number})(?:\s*-\s*|\s+)?(?:{units})|{single})\b"
                      rf"(?!\s+(?:{later})\b)", re.IGNORECASE)


def _days(match: re.Match[str], language: str) -> int | None:
    dates = data("dates.yaml")
    group = next(k for k, v in match.groupdict().items() if v and k != "n")
    if group.startswith("s"):
        return list(dates["single_units"][language].values())[int(group[1:])]
    raw = match.group("n").lower()
    count = int(raw) if raw.isdigit() else dates["number_words"][language].get(raw)
    hours = (count or 0) * list(dates["units"][language].values())[int(group[1:])]
    return int(hours // 24) if hours and hours % 24 == 0 else None


def read_duration(sentences: Sequence[Sentence], language: str) -> tuple[int | None, str]:
    """Days the halt lasts, from the first sentence that gives them in or right after a halt
    sentence, and that sentence."""
    for index, sentence in enumerate(sentences):
        if not (sentence.has("halt") or (index and sentences[index - 1].has("halt"))):
            continue
        for match in _duration_pattern(language).finditer(sentence.text):
            days = _days(match, language)
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


def _gap(sentence: Sentence, start: int, end: int, language: str) -> int:
    """Tokens between ``start`` and ``end`` that are neither start fillers nor times of day."""
    fillers = set(data("dates.yaml")["start_fillers"][language])
    words = [w.lower() for w in sentence.words[start:end]]
    return sum(not (w in fillers or _TIME.match(w)) for w in words)


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
            if any(c.end <= first and _gap(sentence, c.end, first, language) <= CUE_GAP
                   for c in cues) or any(
                0 <= first - o.end <= ORDER_GAP for o in orders
            ):
                return date, sentence.text.strip()
    return None, ""
