"""Date cues in a sentence and their resolution against the publication date.

Absolute dates ("19 березня", "в ночь на 19 марта", "on the night of March 18-19",
"28.03.2025") are those :func:`trucewatch.lang.dates.find_dates` finds; a night range resolves
to its second day, and "з 18 березня" is a date since which, not of an attack. Relative cues
follow docs/labeling.md: "overnight", "last night", "in the past 24 hours" -> the publication day
D; "yesterday" -> D-1; a weekday -> its last occurrence on or before D; "three days ago" ->
D-3. A time that fixes no day ("last week", "early March", "на початку березня") is a cue
with no date and a coarser precision (``week``, ``month``), so the report gets no date rather
than D.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from trucewatch.lang.dates import DateMention, tables
from trucewatch.lang.dates import find_dates as find_written_dates

from .lexicon import load

__all__ = ["DateCue", "find_dates", "year_hint"]


@dataclass(frozen=True, slots=True)
class DateCue:
    """A date found in a sentence, at character ``offset`` of the sentence text."""

    date: dt.date | None
    precision: str
    offset: int
    text: str
    multi_day: bool = False


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    lex = load(language)
    month = _alternation(list(tables(language).months))
    weekday = _alternation(list(tables(language).weekdays))
    number = _alternation(list(tables(language).numbers))
    return {
        "weekday": re.compile(rf"\b({weekday})\b", re.IGNORECASE),
        "coarse_week": re.compile(
            rf"(?<!\w)(?:{_alternation(list(lex.cues.get('coarse_week', ())))})(?!\w)",
            re.IGNORECASE),
        "coarse_month": re.compile(
            rf"(?<!\w)(?:{_alternation(list(lex.cues.get('coarse_part', ())))})\s*"
            rf"(?:of\s+)?({month})\b", re.IGNORECASE),
        "ago": re.compile(
            rf"\b(\d{{1,2}}|{number})\s+(?:days?|дн[іяей]\w*|день|дня|дней)\s+"
            r"(?:ago|тому|назад)\b",
            re.IGNORECASE,
        ),
        "earlier": re.compile(
            rf"\b(\d{{1,2}}|{number}|a)\s+(?:days?|дн[іяей]\w*|день|дня|дней)\s+"
            r"(?:earlier|before|раніше|ранее|раньше)\b",
            re.IGNORECASE,
        ),
        # a year a date writes: "26 March 2025", "March 26, 2025", "березня 2025"
        "written_year": re.compile(rf"(?:\b\d{{1,2}},?|\b(?:{month}))\s+(20[12]\d)\b",
                                   re.IGNORECASE),
    }


#: The words an "ago" or "earlier" cue ends with: looked for first, because the full patterns
#: try every number word at every word of the sentence.
_AGO = re.compile(r"(?i)(?:ago|тому|назад)\b")
_EARLIER = re.compile(r"(?i)(?:earlier|before|раніше|ранее|раньше)\b")
_SINCE = re.compile(
    r"(?i)(since|until|till|after|before|from|з моменту|з|після|від|с момента|с|после|до|"
    r"starting|починаючи з|начиная с)\s*(?:the\s+)?(?:night\s+of\s+|ночі\s+|ночи\s+)?$"
)
_WHEN = re.compile(r"(?i)\s*,\s*(when|коли|когда)\b")
_NIGHT = re.compile(r"(?i)(night|ніч|ноч)\w*\s+(?:of\s+|на\s+|з\s+|с\s+|проти\s+)?$")


def year_hint(text: str, published: dt.date | None, language: str | None = None) -> int | None:
    """The year to give dates without one: the publication year, else the first 20xx that
    a date writes ("26 March 2025", "березня 2025"), else (with no ``language``) the first
    20xx at all; a bare year ("annexed in 2014") dates nothing else."""
    if published:
        return published.year
    if language is not None:
        found = _patterns(language)["written_year"].search(text)
        return int(found.group(1)) if found else None
    found = re.search(r"\b(202\d|201\d)\b", text)
    return int(found.group(1)) if found else None


def _make(year: int | None, month: int, day: int, published: dt.date | None) -> dt.date | None:
    if year is None:
        return None
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    if published and value > published + dt.timedelta(days=2):
        try:
            value = dt.date(year - 1, month, day)
        except ValueError:
            return None
    return value


def _cue(sentence: str, mention: DateMention, published: dt.date | None,
         year: int | None) -> DateCue:
    """The date a written date gives: a pair of days its second day when they are a night or
    consecutive ("18-19 March"), else its first, marked as several days; a date without a
    year in ``year``, moved a year back when it would be after publication."""
    if mention.kind in ("iso", "dotted"):
        value = _make(mention.year, mention.month, mention.day, None)
        return DateCue(value, "day", mention.start, mention.text)
    first, second = mention.day, mention.last_day
    night = bool(_NIGHT.search(sentence[max(0, mention.start - 20):mention.start]))
    day = second if second and (night or second - first == 1) else first
    value = _make(mention.year or year, mention.month, day,
                  None if mention.year else published)
    return DateCue(value, "day", mention.start, mention.text, bool(second and second - first > 1))


def find_dates(
    sentence: str, language: str, published: dt.date | None, year: int | None
) -> tuple[DateCue, ...]:
    """Absolute, weekday and "N days ago" dates in ``sentence`` (today/yesterday words are
    lexicon cues handled by the extractor). Dates after "since", "until", ... are skipped."""
    numbers = tables(language).numbers
    pats = _patterns(language)
    cues: list[DateCue] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    told: list[DateCue] = []  # every date written, "since" ones too: anchors for "N days earlier"

    def add(cue: DateCue, start: int, end: int, since: bool = False) -> None:
        taken.append((start, end))
        told.append(cue)
        if since:
            return
        if not _SINCE.search(sentence[max(0, start - 25):start]) or \
                _WHEN.match(sentence, end):  # "after 11 April, when missiles destroyed ..."
            cues.append(cue)

    for mention in find_written_dates(sentence, language):
        add(_cue(sentence, mention, published, year), mention.start, mention.end,
            mention.kind == "day_month" and not mention.last_day and mention.opened_by_from)
    if published:
        for m in pats["weekday"].finditer(sentence):
            if free(m.start(), m.end()):
                wanted = tables(language).weekdays[m.group(1).lower()]
                back = (published.weekday() - wanted) % 7
                value = published - dt.timedelta(days=back)
                add(DateCue(value, "day", m.start(), m.group(0)), m.start(), m.end())
        for m in pats["ago"].finditer(sentence) if _AGO.search(sentence) else ():
            if free(m.start(), m.end()):
                raw = m.group(1).lower()
                days = int(raw) if raw.isdigit() else numbers.get(raw, 0)
                value = published - dt.timedelta(days=days)
                add(DateCue(value, "day", m.start(), m.group(0)), m.start(), m.end())
    for m in pats["earlier"].finditer(sentence) if _EARLIER.search(sentence) else ():
        # "images from 23 September show tanks hit two days earlier": before the sentence's date
        anchor = max((c for c in told if c.date is not None and c.precision == "day"
                      and c.offset < m.start()), key=lambda c: c.offset, default=None)
        if anchor is not None and free(m.start(), m.end()):
            raw = m.group(1).lower()
            days = 1 if raw == "a" else int(raw) if raw.isdigit() else numbers.get(raw, 0)
            cues.append(DateCue(anchor.date - dt.timedelta(days=days), "day", m.start(),
                                m.group(0)))
            taken.append((m.start(), m.end()))
    for kind, precision in (("coarse_month", "month"), ("coarse_week", "week")):
        for m in pats[kind].finditer(sentence):
            if free(m.start(), m.end()):
                add(DateCue(None, precision, m.start(), m.group(0)), m.start(), m.end())
    return tuple(sorted(cues, key=lambda c: c.offset))
