"""The date format of a file's date column, decided per file as its rows are read.

Every candidate format (``data/date_formats.yaml``) is tried on the first values; the format
that reads the most of them wins, in the file's order of preference (ISO first). Day-first
and month-first forms (``03/04/2022``) stay undecided, and the rows wait, until a value reads
in only one of them (``21/03/2022``); a file where every day is 12 or less is read day-first,
and its summary says so. ``--date-format`` (a strptime pattern such as ``%m/%d/%Y``) skips the
decision. A value in another unambiguous form (``2025-05-16``, ``16 May 2025``) still reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TypeVar

import yaml

from trucewatch.errors import UsageError

__all__ = ["DateFormat", "DateReader", "check_date_format", "decide_while_reading",
           "unambiguous_date"]

T = TypeVar("T")
#: Rows held back, at most, while the order of day and month is not known.
HOLD = 100_000


@dataclass(frozen=True)
class DateFormat:
    """A strptime pattern, how to show it, and whether it puts the day or month first."""

    pattern: str
    label: str
    order: str = "fixed"  # "dmy", "mdy" or "fixed" (no partner with the other order)


@cache
def _formats() -> tuple[DateFormat, ...]:
    text = resources.files(__package__).joinpath("data/date_formats.yaml").read_text("utf-8")
    return tuple(DateFormat(**entry) for entry in yaml.safe_load(text)["formats"])


@lru_cache(maxsize=262144)
def _parse(value: str, pattern: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value, pattern).date()
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def _unambiguous(value: str) -> tuple[dt.date, DateFormat] | None:
    for fmt in _formats():
        if fmt.order == "fixed" and (day := _parse(value, fmt.pattern)) is not None:
            return day, fmt
    return None


def unambiguous_date(value: str) -> dt.date | None:
    """A date in a form that reads one way only (ISO, a month name, ``20250516``), or None."""
    found = _unambiguous(value)
    return found[0] if found else None


def check_date_format(pattern: str) -> str:
    """``pattern`` if it is a strptime pattern with a day, month and year; UsageError if not."""
    if not all(code in pattern for code in ("%d", "%Y")) or not any(
            code in pattern for code in ("%m", "%b", "%B")):
        raise UsageError(f"--date-format {pattern!r} is not a strptime pattern with %d, a month "
                         "(%m, %b or %B) and %Y", hint="e.g. --date-format %d/%m/%Y")
    try:
        dt.datetime(2025, 3, 21, 14, 5, 6).strftime(pattern)
    except ValueError as exc:
        raise UsageError(f"--date-format {pattern!r}: {exc}",
                         hint="e.g. --date-format %d/%m/%Y") from None
    return pattern


class DateReader:
    """Reads the dates of one file once its format is decided (or given)."""

    def __init__(self, given: str | None = None) -> None:
        self.format: DateFormat | None = (
            DateFormat(given, f"{given} (given by --date-format)") if given else None)
        self.ambiguous = False
        self.also: set[str] = set()  # other forms some values were in
        self._counts = dict.fromkeys(_formats(), 0)

    @property
    def decided(self) -> bool:
        return self.format is not None

    @property
    def label(self) -> str | None:
        """The format as the summary shows it."""
        if self.format is None:
            return None
        label = self.format.label
        if self.ambiguous:
            label += " (day first assumed: no day in the file is above 12)"
        if self.also:
            label += " and " + ", ".join(sorted(self.also))
        return label

    def observe(self, value: str) -> None:
        """Count which formats read ``value``; decide once the best ones agree."""
        value = value.strip()
        if self.decided or not value:
            return
        for fmt in self._counts:
            if _parse(value, fmt.pattern) is not None:
                self._counts[fmt] += 1
        best = self._best()
        if best and not {"dmy", "mdy"} <= {fmt.order for fmt in best}:
            self.format = best[0]

    def finish(self) -> None:
        """Decide with what has been seen (at the end of the file, or after HOLD rows)."""
        if self.decided:
            return
        best = self._best()
        if best:
            self.format = best[0]
            self.ambiguous = {"dmy", "mdy"} <= {fmt.order for fmt in best}

    def _best(self) -> list[DateFormat]:
        top = max(self._counts.values())
        return [fmt for fmt, count in self._counts.items() if count == top] if top else []

    def parse(self, value: str) -> dt.date | None:
        """The date ``value`` stands for in the file's format (or an unambiguous form)."""
        value = value.strip()
        if not value:
            return None
        if self.format is not None and (day := _parse(value, self.format.pattern)) is not None:
            return day
        found = _unambiguous(value)
        if found is None:
            return None
        self.also.add(found[1].label)
        return found[0]

    def expected(self) -> str:
        """What a date should look like, for an error message."""
        return self.format.label if self.format else "a date such as 2025-05-16"


def decide_while_reading(rows: Iterator[T], date_of: Callable[[T], str], reader: DateReader
                         ) -> Iterator[T]:
    """``rows`` unchanged, each yielded once ``reader`` has decided its format: rows are held
    back (at most HOLD) while day-first and month-first both still fit."""
    held: list[T] = []
    for row in rows:
        if reader.decided:
            yield from held
            held.clear()
            yield row
            continue
        reader.observe(date_of(row))
        held.append(row)
        if len(held) >= HOLD:
            reader.finish()
    reader.finish()
    yield from held
