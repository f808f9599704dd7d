"""Dates as written: the month, weekday and number words of each language (stored once, in
``data/languages/<code>.yaml``) and the one finder of calendar dates every reader uses.

:func:`find_dates` finds ISO dates ("2025-03-28"), dotted ones ("28.03.2025") and dates with a
month name, day first or month first, with an ordinal ending, a second day ("18-19 March",
"в ночь с 19 на 20 марта", "з 1 по 30 листопада") and a year: "19 березня", "March 18, 2025",
"18th of March". What a date means in context (a night, a range, "since", a year to assume) is
each reader's business: ``trucewatch.text.dates`` for news, ``trucewatch.readouts.window`` for
statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .languages import table

__all__ = ["DateMention", "DateTables", "find_dates", "tables"]


@dataclass(frozen=True, slots=True)
class DateTables:
    """The date words of one language, each lower-cased form with its value."""

    months: dict[str, int]  # month word -> 1..12
    weekdays: dict[str, int]  # the forms naming a day ("в среду") -> 0 (Monday) .. 6
    weekdays_oblique: dict[str, int]  # its other case forms ("со среды") -> 0 .. 6
    numbers: dict[str, float]  # number word -> value ("полтора": 1.5)


def _word_map(data: dict | None) -> dict[str, int]:
    return {str(w).lower(): int(key) for key, words in (data or {}).items() for w in words}


@cache
def tables(language: str) -> DateTables:
    """The date words of a supported ``language``, loaded once per process."""
    data = table(language)
    numbers = {str(w).lower(): v for w, v in (data.get("numbers") or {}).items()}
    return DateTables(months=_word_map(data.get("months")),
                      weekdays=_word_map(data.get("weekdays")),
                      weekdays_oblique=_word_map(data.get("weekdays_oblique")),
                      numbers=numbers)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date written in a text, at characters ``start``..``end`` (``text``), an
    opening "from"/"з"/"с" and a closing full stop included; a part's span is its
    (start, end) in the text."""

    start: int
    end: int
    text: str
    kind: str  # iso, dotted, day_month or month_day
    day: int
    month: int
    year: int | None  # as written; None when the text gives none
    last_day: int | None = None  # the second day of "18-19 March", "з 1 на 2 березня"
    opened_by_from: bool = False  # "з 18 березня", "from 18 March"
    day_span: tuple[int, int] = (0, 0)
    last_day_span: tuple[int, int] | None = None
    month_span: tuple[int, int] = (0, 0)
    year_span: tuple[int, int] | None = None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    month = _alternation(list(tables(language).months))
    dash = r"\s*(?:-|–|—|/|and|to|і|и|та|до|по)\s*"
    return {
        "iso": re.compile(r"\b(?P<year>20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
        "dotted": re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>20\d\d)\b"),
        "day_month": re.compile(
            rf"(?<![\d.:])(?P<from>(?:з|с|from)\s+)?(?P<day>\d{{1,2}})(?:(?:{dash}|\s+(?:на|проти)"
            rf"\s+)(?P<last>\d{{1,2}}))?(?:-?(?:го|е|th|st|nd|rd))?\s+(?:of\s+)?"
            rf"(?P<month>{month})\b\.?(?:,?\s+(?P<year>20\d\d))?",
            re.IGNORECASE,
        ),
        "month_day": re.compile(
            rf"\b(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:{dash}(?P<last>\d{{1,2}}))?\b(?!\s*(?:%|:|\d))(?:,?\s+(?P<year>20\d\d))?",
            re.IGNORECASE,
        ),
    }


def _mention(match: re.Match[str], kind: str, months: dict[str, int]) -> DateMention:
    month = match.group("month")
    last, year = match.group("last") if "last" in match.re.groupindex else None, match["year"]
    return DateMention(
        start=match.start(), end=match.end(), text=match.group(0), kind=kind,
        day=int(match["day"]), month=months[month.lower()] if not month.isdigit() else int(month),
        year=int(year) if year else None, last_day=int(last) if last else None,
        opened_by_from=bool(match.groupdict().get("from")),
        day_span=match.span("day"), last_day_span=match.span("last") if last else None,
        month_span=match.span("month"), year_span=match.span("year") if year else None,
    )


def find_dates(text: str, language: str) -> list[DateMention]:
    """Every calendar date written in ``text``: ISO dates, then dotted ones, then those with a
    month name (English: month first, then day first; other languages the other way round),
    each skipped where it overlaps one found before; in that order."""
    patterns = _patterns(language)
    months = tables(language).months
    found: list[DateMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in found)

    order = ("month_day", "day_month") if language == "en" else ("day_month", "month_day")
    for kind in ("iso", "dotted", *order):
        for match in patterns[kind].finditer(text):
            if kind == "iso" or free(*match.span()):
                found.append(_mention(match, kind, months))
    return found
