"""The hour a halt starts, with its UTC offset when the statement names a time zone.

The hour is the first time of day in the sentence the start date was read from ("from 18:00
on 19 April", "с 00:00 8 мая", "starting at approximately 7:00 a.m. on Tuesday", "from Friday
noon") that does not end a range ("until midnight", "до 00:00"), else in another sentence that
names that date; "24:00" is 00:00 of the next day (the date reader has already moved the
date). A zone wording (``data/clock.yaml``: "Moscow time", "по московскому времени", "мск", "за
київським часом", "GMT") within :data:`ZONE_REACH` tokens of it gives the offset that zone had
on the start date, summer time included; else one next to a time of day elsewhere in the
statement ("The truce ends at 00:00 Moscow time"); else the zone of the speaking party's own
statements (its profile's ``timezone``: "from 18:00" in a Kremlin order is Moscow time); "local
time", or no zone at all, gives the hour alone (``18:00``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from zoneinfo import ZoneInfo

from .lexicon import data
from .nlp import Sentence
from .window import find_dates

__all__ = ["start_time"]

#: Tokens between a time of day and the zone wording that qualifies it.
ZONE_REACH = 6
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_HOUR = re.compile(r"^(\d{1,2})$")
_DIGITS = re.compile(r"^([01]\d|2[0-4])([0-5]\d)$")  # "1700 hours"


def _hour(words: list[str], index: int, language: str) -> dt.time | None:
    """The time of day written at token ``index``, or None."""
    word = words[index].lower()
    spec = data("clock.yaml")
    named = spec["hours"][language].get(word)
    if named is not None:
        return dt.time(named)
    after = words[index + 1].lower() if index + 1 < len(words) else ""
    match = (_CLOCK.match(word) or (_HOUR.match(word) if after in _meridiem() else None)
             or (_DIGITS.match(word) if after in spec["hours_after_digits"] else None))
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2)) if match.lastindex == 2 else 0
    if after in spec["meridiem"]["pm"] and hour < 12:
        hour += 12
    elif after in spec["meridiem"]["am"] and hour == 12:
        hour = 0
    if hour == 24 and minute == 0:
        return dt.time(0)
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


@cache
def _meridiem() -> frozenset[str]:
    marks = data("clock.yaml")["meridiem"]
    return frozenset(marks["am"] + marks["pm"])


def _zone(words: list[str], index: int, language: str) -> ZoneInfo | None:
    """The zone named nearest to token ``index``, within :data:`ZONE_REACH` tokens."""
    lowered = [w.lower() for w in words]
    found = []
    for phrase, name in data("clock.yaml")["zones"][language].items():
        parts = phrase.split()
        for start in range(len(lowered) - len(parts) + 1):
            if lowered[start:start + len(parts)] == parts:
                distance = start - index if start > index else index - start - len(parts) + 1
                if distance <= ZONE_REACH:
                    found.append((distance, start, name))
    return ZoneInfo(min(found)[2]) if found else None


def _local(words: list[str], index: int, language: str) -> bool:
    """Whether "local time" ("местному времени", "місцевим часом") qualifies the time at
    ``index``: the hour of wherever it happens, not the speaker's."""
    near = " ".join(w.lower() for w in words[index:index + ZONE_REACH + 1])
    return any(word in near for word in data("clock.yaml")["local"][language])


def _times(words: list[str], language: str) -> list[tuple[int, dt.time]]:
    """Times of day in a sentence's words that do not end a range ("until midnight")."""
    ends = set(data("dates.yaml")["range_words"][language])
    found = []
    for index in range(len(words)):
        time = _hour(words, index, language)
        if time is not None and not ends & {w.lower() for w in words[max(0, index - 2):index]}:
            found.append((index, time))
    return found


def _stated_zone(sentences: Sequence[Sentence], language: str) -> ZoneInfo | None:
    """The first zone the statement names next to a time of day."""
    for sentence in sentences:
        for index in range(len(sentence.words)):
            if _hour(sentence.words, index, language) is not None:
                zone = _zone(sentence.words, index, language)
                if zone is not None:
                    return zone
    return None


def start_time(
    sentence: Sentence, language: str, day: dt.date, statement: Sequence[Sentence] = (),
    speaker_zone: str | None = None,
) -> str | None:
    """``HH:MM+hh:mm`` (``HH:MM`` with no zone known) of the first time of day in the
    sentence that gave the start ``day``, else in another sentence of the ``statement`` that
    names that day, or None when none gives an hour; a zone named next to a time elsewhere in
    the statement counts when none is named next to it, and the speaker's own zone
    (``speaker_zone``, IANA) when the statement names none; "local time" names no zone."""
    dated = [s for s in statement if s is not sentence
             and any(d == day for _, _, d in find_dates(s, language, day))]
    for words in [sentence.words, *(s.words for s in dated)]:
        times = _times(words, language)
        if not times:
            continue
        index, time = times[0]
        zone = _zone(words, index, language) or _stated_zone(statement, language)
        if zone is None and speaker_zone and not _local(words, index, language):
            zone = ZoneInfo(speaker_zone)
        clock = time.strftime("%H:%M")
        if zone is None:
            return clock
        offset = dt.datetime.combine(day, time, zone).strftime("%z")
        return f"{clock}{offset[:3]}:{offset[3:]}"
    return None
