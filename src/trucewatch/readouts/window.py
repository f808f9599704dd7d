"""The halt's window: its length in days and its start date, in en/ru/uk wordings.

Durations are a number and a unit of days, weeks, months or whole days in hours ("for 30
days", "30-day", "two weeks", "72 hours", "на 2 недели", "на два тижні"), or a unit alone
("for a month", "на месяц", "місячне"), in a sentence that speaks of a halt or right after
one ("Its term is three weeks"). A start is a date ("March 18, 2025", "18 марта 2025 года",
"25 березня", "18.03.2025") right after a start cue ("starting from", "began on",
"начиная с", "з"), times of day between them allowed ("from 00:00 Kyiv time on 3 April"), or
shortly after a word of ordering ("the order issued by Putin on March 18"), in a halt sentence
or, after a word of coming into force ("takes effect on June 20"), in the sentence after one.
Without such a date, a start relative to publication ("from today", "with immediate effect",
"с завтрашнего дня", "діє від сьогодні") counts, and so does a day of the week after a start cue
("starting Monday", "с 00:00 мск понедельника"): the next such day after publication. A date
without a year takes the year of the reference date (publication). A sentence that says when
the agreement comes into force ("Договорённость действует с 8 декабря, срок – 60 суток", "The
arrangement takes effect on 8 December") gives the window too, after the halt sentences.
Written dates are those :func:`trucewatch.lang.dates.find_dates` finds, placed on the
sentence's tokens; number, month and weekday words are the shared ones of that module.

With no unit of time, a range of dates gives the duration, both ends counted ("from April 1
through April 20" is 20 days), except an end at 00:00 ("до 00:00 13 апреля"), which is the
first day after the halt.

A day of the month without a month ("on the 14th", "з 00:00 24-го числа поточного місяця") is
in the publication month, or the next one when it has passed or "next month" follows; a night
between two days ("в ночь с 1 на 2 марта") starts on its second day after 00:00, else on its
first. Time already passed is no length ("Fifteen days have passed since ...", "за перші три
дні"). When no halt sentence gives the window, a sentence of a statement that states a halt
giving both a cued start and a length about no other step does ("It begins on the 14th and
runs for thirty days", the answer "— С 18 сентября, на 30 суток."); "until further notice"
gives no length.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from functools import cache

from trucewatch.lang.dates import DateMention, tables
from trucewatch.lang.dates import find_dates as find_written_dates

from .conditional import conditional_range
from .lexicon import data, fired_values
from .nlp import Sentence

__all__ = ["find_dates", "find_ranges", "gives_length", "read_duration", "read_start"]

#: Tokens between a start cue and the date it introduces, fillers and times of day not counted.
CUE_GAP = 2
#: Tokens between an order word and the date it was given.
ORDER_GAP = 8
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")
_MIDNIGHT = re.compile(r"^0?0[:.]00$")
#: A year to read day-and-month dates by when only their distance matters (a leap year, so
#: that 29 February exists): "с 2 на 3 июня до 5 на 6 июня" lasts three days in any year.
_ANY_YEAR = dt.date(2000, 1, 1)
_END_OF_DAY = re.compile(r"^24[:.]00$")
#: Families whose words make a sentence about another step than the halt ("talks begin on").
_OTHER_TOPICS = ("prisoner", "bodies")


@cache
def _duration_pattern(language: str) -> re.Pattern[str]:
    """One group per unit (``u0``...) and per unit that needs no number (``s0``...)."""
    dates = data("dates.yaml")
    words = tables(language).numbers
    number = "|".join([r"\d{1,3}", *sorted(map(re.escape, words), key=len, reverse=True)])
    units = "|".join(f"(?P<u{i}>{u})" for i, u in enumerate(dates["units"][language]))
    single = "|".join(f"(?P<s{i}>{u})" for i, u in enumerate(dates["single_units"][language]))
    later = "|".join(map(re.escape, dates["not_durations"][language]))
    return re.compile(rf"(?<![\w.])(?:(?P<n>{number})(?:\s*-\s*|\s+)?(?:{units})|{single})\b"
                      rf"(?!\s+(?:{later})\b)", re.IGNORECASE)


@cache
def _elapsed(language: str) -> re.Pattern[str]:
    """Words right before a span of time that make it time already passed ("over the past 15
    days", "за перші три дні", "прошло 15 дней")."""
    words = "|".join(map(re.escape, data("dates.yaml")["elapsed_before"][language]))
    return re.compile(rf"(?:^|\W)(?:{words})\s+$", re.IGNORECASE)


def _zero(word: str, language: str) -> bool:
    """Whether a word is the hour zero: "00:00", "0.00", or in words ("нуля")."""
    return bool(_MIDNIGHT.match(word)) or word.lower() in data("dates.yaml")["zero_hours"][language]


def gives_length(sentence: Sentence) -> bool:
    """Whether a sentence gives a length of time ("на 30 днів", "for another month"), not a
    point or time already passed."""
    return bool(_durations(sentence, sentence.language))


def _durations(sentence: Sentence, language: str) -> list[int | float]:
    """Days of every span of time in a sentence that is a length, not a point or time passed
    (a fraction for hours that make no whole days: "30 hours" is 1.25)."""
    found = []
    for match in _duration_pattern(language).finditer(sentence.text):
        if _elapsed(language).search(sentence.text[:match.start()]):
            continue
        days = _days(match, language)
        if days:
            found.append(days)
    return found


_DAY_HOURS = 24


def _in_days(hours: float) -> int | float:
    """Hours as days: whole days as an integer, else a fraction to two places (30 h: 1.25)."""
    days = hours / _DAY_HOURS
    return int(days) if days.is_integer() else round(days, 2)


def _days(match: re.Match[str], language: str) -> int | float | None:
    dates = data("dates.yaml")
    group = next(k for k, v in match.groupdict().items() if v and k != "n")
    if group.startswith("s"):
        return list(dates["single_units"][language].values())[int(group[1:])]
    raw = match.group("n").lower()
    count = int(raw) if raw.isdigit() else tables(language).numbers.get(raw)
    hours = (count or 0) * list(dates["units"][language].values())[int(group[1:])]
    return _in_days(hours) if hours >= _DAY_HOURS else None  # "within two hours": no length


def _in_force(sentence: Sentence) -> bool:
    """Whether a sentence says when the agreement or decision comes into force ("The
    arrangement takes effect on ...", "Договорённость действует с ...", "Решение вступает в
    силу с ...")."""
    return sentence.has("in_force") and (sentence.has("agreement") or sentence.has("decision"))


def read_duration(
    sentences: Sequence[Sentence], language: str, reference: dt.date | None = None
) -> tuple[int | float | None, str]:
    """Days the halt lasts, from the first sentence that gives them in or right after a halt
    sentence (then in one saying when the agreement comes into force), else from a range of
    dates in a halt sentence, and that sentence. A range's length does not depend on the
    year, so yearless dates are read in any year when there is no ``reference``; a range
    whose two ends both give an hour lasts the hours between them, in days, a fraction when
    they are not whole ("from 20:00 on 5 June to 08:00 on 7 June": 1.5), and is preferred
    to a range in days."""
    halt = [s for i, s in enumerate(sentences)
            if s.has("halt") or (i and sentences[i - 1].has("halt"))]
    taken = {id(s) for s in halt}
    for sentence in halt + [s for s in sentences if _in_force(s) and id(s) not in taken]:
        days = _durations(sentence, language)
        if days:
            return days[0], sentence.text.strip()
    ranged = [(s, r) for s in sentences if s.has("halt")
              and (r := find_ranges(s, language, reference or _ANY_YEAR))]
    # a range told with its hours says more than one told in days ("from the evening of 5
    # June until 7 June", then "from 18:00 on 5 June to 00:00 on 7 June")
    for sentence, _ in ranged:
        hours = _range_hours(sentence, language, reference or _ANY_YEAR)
        if hours:
            return _in_days(hours), sentence.text.strip()
    for sentence, ranges in ranged[:1]:
        first, last = ranges[0]
        return (last - first).days + 1, sentence.text.strip()
    for sentence in _window_sentences(sentences, language, reference):
        return _durations(sentence, language)[0], sentence.text.strip()
    return None, ""


def _window_sentences(
    sentences: Sequence[Sentence], language: str, reference: dt.date | None
) -> list[Sentence]:
    """Sentences of a statement that states a halt which give a window of their own: a cued
    start date and a length, about no other step ("It begins on the 14th and runs for thirty
    days", "— С 18 сентября, на 30 суток", "Ограничение действует 30 суток начиная с ...")."""
    if not any(s.has("halt") for s in sentences):
        return []
    return [s for s in sentences
            if not fired_values({x.label for x in s.spans}, "follow")
            and not any(s.has(family) for family in _OTHER_TOPICS)
            and _durations(s, language) and _cued_date(s, language, reference, False)]


def find_dates(
    sentence: Sentence, language: str, reference: dt.date | None
) -> list[tuple[int, int, dt.date]]:
    """Dates in a sentence as (first token, end token, date); yearless ones need a reference.

    A date written with two days ("18-19 March", "с 1 по 30 ноября") is its second day, over
    that day's tokens to the month's; the first day is a date of its own when a range word
    joins them (:func:`_range_days`)."""
    words = [w.lower().strip(".,") for w in sentence.words]
    found = []
    for mention in find_written_dates(sentence.text, language):
        year = mention.year or (reference.year if reference else None)
        if year is None:
            continue
        first, end = _token_span(sentence, mention)
        day = mention.last_day if mention.last_day and mention.kind == "day_month" else mention.day
        with contextlib.suppress(ValueError):
            found.append((first, end, dt.date(year, mention.month, day)))
    nights = _night_days(words, found, language)
    found = [d for d in found + _range_days(words, found, language)
             if not any(n[0] <= d[0] < n[1] for n in nights)]
    return sorted(found + nights + _days_of_month(words, language, reference))


def _token_span(sentence: Sentence, mention: DateMention) -> tuple[int, int]:
    """The tokens of a written date: from its (last) day or month to its year, or to the part
    written last; an opening "from" and a closing full stop left out."""
    if mention.kind in ("iso", "dotted"):
        first, last = mention.start, mention.end
    elif mention.kind == "day_month":
        first = (mention.last_day_span or mention.day_span)[0]
        last = (mention.year_span or mention.month_span)[1]
    else:
        first, last = mention.month_span[0], (mention.year_span or mention.day_span)[1]
    at = sentence.offsets
    return bisect.bisect_right(at, first) - 1, bisect.bisect_right(at, last - 1)


def _days_of_month(
    words: list[str], language: str, reference: dt.date | None
) -> list[tuple[int, int, dt.date]]:
    """A day of the month without a month ("on the 14th", "24-го числа", "24 числа поточного
    місяця"): in the reference month, or the next one when the day has passed or "next month"
    follows."""
    if reference is None:
        return []
    spec = data("dates.yaml")["days_of_month"][language]
    months = tables(language).months
    found = []
    for index, word in enumerate(words):
        match = re.fullmatch(spec["day"], word)
        after = words[index + 1:index + 3]
        if match is None and _DAY.match(word) and after[:1] == [spec["noun"]]:
            match = _DAY.match(word)
        if match is None or any(w in months for w in after):
            continue
        if spec["before"] and (index == 0 or words[index - 1] not in spec["before"]):
            continue
        day = int(match.group(1))
        following = " ".join(words[index + 1:index + 5])
        ahead = any(w in following for w in spec["next_month"]) or day < reference.day
        month = reference.replace(day=1) + dt.timedelta(days=31) if ahead else reference
        with contextlib.suppress(ValueError):
            found.append((index, index + 1, month.replace(day=day)))
    return found


def _night_days(
    words: list[str], found: list[tuple[int, int, dt.date]], language: str
) -> list[tuple[int, int, dt.date]]:
    """The night between two days ("в ночь с 1 на 2 марта", "у ніч з 1 на 2 березня", "on the
    night of 1 to 2 March") as one date over both days' tokens (no range): its second day when
    a time of midnight comes before it (the halt starts at 00:00 of that day), else its
    first."""
    spec = data("dates.yaml")["nights"][language]
    nights = []
    for first, end, date in found:
        if first < 3 or words[first - 1] not in spec["join"] or not _DAY.match(words[first - 2]):
            continue
        if not any(w in spec["night"] or _zero(w, language)
                   for w in words[max(0, first - 5):first - 2]):
            continue  # "в ночь с 1 на 2 марта", "с нуля часов с 2 на 3 июня"
        midnight = any(_zero(w, language) or w in spec["midnight"] for w in words[:first - 2])
        with contextlib.suppress(ValueError):
            day = date if midnight else date.replace(day=int(_DAY.match(words[first - 2])[1]))
            nights.append((first - 2, end, day))
    return nights


def _range_days(
    words: list[str], found: list[tuple[int, int, dt.date]], language: str
) -> list[tuple[int, int, dt.date]]:
    """A bare day that opens a range sharing the next date's month ("с 1 по 30 ноября")."""
    joins = set(data("dates.yaml")["range_words"][language])
    days = []
    for first, _end, date in found:
        if first >= 2 and words[first - 1] in joins and _DAY.match(words[first - 2]):
            with contextlib.suppress(ValueError):
                day = int(_DAY.match(words[first - 2]).group(1))
                days.append((first - 2, first - 1, date.replace(day=day)))
    return days


def find_ranges(
    sentence: Sentence, language: str, reference: dt.date | None
) -> list[tuple[dt.date, dt.date]]:
    """Ranges of dates in a sentence as (first day, last day), both days of the halt: two
    dates joined by a range word ("through", "по", "до"), times of day allowed between; an
    end at 00:00 is the day after the last."""
    ranges = []
    for _, first, between, last in _joined_dates(sentence, language, reference):
        exclusive = any(_zero(w, language) for w in between)
        ranges.append((first, last - dt.timedelta(days=1) if exclusive else last))
    return ranges


def _joined_dates(
    sentence: Sentence, language: str, reference: dt.date | None
) -> Iterator[tuple[int, dt.date, list[str], dt.date]]:
    """Each two dates of a sentence that a range word joins, in order: the first date's
    token, the first date, the (lower-cased) words between them, and the last date."""
    joins = set(data("dates.yaml")["range_words"][language])
    words = [w.lower() for w in sentence.words]
    dates = find_dates(sentence, language, reference)
    for (first_token, after_first, first), (before_last, _, last) in itertools.pairwise(dates):
        between = words[after_first:before_last]
        if (set(between) & joins and last > first
                and _gap(sentence, after_first, before_last, language) <= 1):
            yield first_token, first, between, last


def _range_hours(sentence: Sentence, language: str, reference: dt.date) -> float | None:
    """Hours between the two ends of the sentence's first range of dates when both give an
    hour ("с 20:00 5 июня до 08:00 7 июня", "з нуля годин з 2 на 3 червня до нуля годин з 5
    на 6 червня"), else None."""
    words = [w.lower() for w in sentence.words]
    for first_token, first, between, last in _joined_dates(sentence, language, reference):
        opening = _clock_in(words[max(0, first_token - CUE_GAP - 1):first_token], language)
        closing = _clock_in(between, language)
        if opening is None or closing is None:
            return None
        span = dt.datetime.combine(last, closing) - dt.datetime.combine(first, opening)
        return span.total_seconds() / 3600
    return None


def _clock_in(words: list[str], language: str) -> dt.time | None:
    """The first time of day among ``words`` ("18:00", "18.00", "00:00", "нуля"), or None."""
    for word in words:
        if _zero(word, language):
            return dt.time(0)
        if _TIME.match(word):
            hour, minute = (int(part) for part in re.split(r"[:.]", word))
            if hour < 24 and minute < 60:
                return dt.time(hour, minute)
    return None


def _gap(sentence: Sentence, start: int, end: int, language: str) -> int:
    """Tokens between ``start`` and ``end`` that are neither start fillers nor times of day."""
    fillers = set(data("dates.yaml")["start_fillers"][language])
    words = [w.lower() for w in sentence.words[start:end]]
    return sum(not (w in fillers or _TIME.match(w)) for w in words)


def _cued_date(
    sentence: Sentence, language: str, reference: dt.date | None, halt: bool
) -> dt.date | None:
    """The first date right after a start cue, or (in a halt sentence) after an order word or
    opening a sentence that gives an order ("On 18 March Putin ... gave the order"); the day
    after it when the halt starts at its end ("from 24:00 on 28 July", "по закінченню доби 20
    квітня")."""
    cues = sentence.tagged("start") + sentence.tagged("in_force")
    orders = sentence.tagged("order") if halt else []
    for first, _end, date in find_dates(sentence, language, reference):
        cue = next((c for c in cues
                    if c.end <= first and _gap(sentence, c.end, first, language) <= CUE_GAP),
                   None)
        if cue and any(_END_OF_DAY.match(w) for w in sentence.words[cue.end:first]):
            return date + dt.timedelta(days=1)
        if _after_end(sentence, first, language):
            return date + dt.timedelta(days=1)
        if (cue or any(0 <= first - o.end <= ORDER_GAP for o in orders)
                or (first <= 1 and any(o.start > first for o in orders))):
            return date
    return None


def _after_end(sentence: Sentence, first: int, language: str) -> bool:
    """Whether a date follows a wording of its end ("after the end of", "по закінченню") with
    at most :data:`CUE_GAP` words between: the halt starts the day after it."""
    words = "|".join(map(re.escape, data("dates.yaml")["day_after"][language]))
    before = sentence.text[:sentence.offsets[first]]
    return bool(re.search(rf"(?:^|\W)(?:{words})(?:\s+\S+){{0,{CUE_GAP}}}\s+$", before,
                          re.IGNORECASE))


def _relative_start(sentence: Sentence, language: str, reference: dt.date) -> dt.date | None:
    """Publication date plus the offset of a relative start wording outside a condition."""
    clause = conditional_range(sentence)
    for pattern, days in data("dates.yaml")["relative_starts"][language].items():
        for match in re.finditer(pattern, sentence.text, re.IGNORECASE):
            token = sum(offset <= match.start() for offset in sentence.offsets) - 1
            if token not in clause:
                return reference + dt.timedelta(days=days)
    return None


def _weekday_start(sentence: Sentence, language: str, reference: dt.date) -> dt.date | None:
    """The first day from ``reference`` on that is the weekday named right after a start cue
    ("starting Monday", "с 00:00 мск понедельника", "з понеділка"): a report published on a
    Friday that the truce holds "from Friday noon" means that day."""
    cues = sentence.tagged("start") + sentence.tagged("in_force")
    days = _weekdays(language)
    for index, word in enumerate(sentence.words):
        weekday = days.get(word.lower())
        if weekday is None:
            continue
        if any(c.end <= index and _gap(sentence, c.end, index, language) <= CUE_GAP
               for c in cues):
            ahead = (weekday - reference.weekday()) % 7
            return reference + dt.timedelta(days=ahead)
    return None


@cache
def _weekdays(language: str) -> dict[str, int]:
    """Every form of a weekday name, the oblique ones too ("с понедельника"): read only
    right after a start cue."""
    words = tables(language)
    return {**words.weekdays_oblique, **words.weekdays}


def _start_sentences(sentences: Sequence[Sentence]) -> list[tuple[Sentence, bool]]:
    """Sentences that may give the start: halt sentences, and a sentence right after one that
    says when something comes into force ("The commitment takes effect on June 20"); then
    sentences saying when the agreement comes into force."""
    chosen = []
    for index, sentence in enumerate(sentences):
        halt = sentence.has("halt")
        if halt or (index and sentences[index - 1].has("halt") and sentence.has("in_force")):
            chosen.append((sentence, halt))
    taken = {id(s) for s, _ in chosen}
    return chosen + [(s, False) for s in sentences if _in_force(s) and id(s) not in taken]


def read_start(
    sentences: Sequence[Sentence], language: str, reference: dt.date | None
) -> tuple[dt.date | None, Sentence | None]:
    """The date the halt starts, and the sentence it was read from: a cued date, else a start
    relative to the reference (publication) date."""
    candidates = _start_sentences(sentences)
    for sentence, halt in candidates:
        date = _cued_date(sentence, language, reference, halt)
        if date:
            return date, sentence
    if reference is None:
        return None, None
    for sentence, _ in candidates:
        date = (_relative_start(sentence, language, reference)
                or _weekday_start(sentence, language, reference))
        if date:
            return date, sentence
    for sentence in _window_sentences(sentences, language, reference):
        return _cued_date(sentence, language, reference, False), sentence
    for sentence, halt in candidates:
        if halt and _cued_hour(sentence, language):
            return _halt_day(sentences, language, reference), sentence
    return None, None


def _cued_hour(sentence: Sentence, language: str) -> bool:
    """Whether a start cue introduces an hour and no day ("from 1500 hours PKT", "з
    18:00")."""
    spec = data("clock.yaml")
    marks = {*spec["meridiem"]["am"], *spec["meridiem"]["pm"]}
    words = [w.lower() for w in sentence.words]
    for cue in sentence.tagged("start") + sentence.tagged("in_force"):
        for k in range(cue.end, min(cue.end + CUE_GAP + 1, len(words))):
            after = words[k + 1] if k + 1 < len(words) else ""
            if (_TIME.match(words[k]) or (words[k].isdigit() and len(words[k]) <= 2 and after
                                          in marks) or
                    (len(words[k]) == 4 and words[k].isdigit()
                     and after in spec["hours_after_digits"])):
                return True
    return False


def _halt_day(sentences: Sequence[Sentence], language: str,
              reference: dt.date) -> dt.date:
    """The day a start hour given with no day falls on: the first date a halt sentence of the
    statement gives ("agreed on Tuesday, 3 June, to hold fire"), else the reference
    (publication) day."""
    for sentence in sentences:
        if sentence.has("halt"):
            dates = find_dates(sentence, language, reference)
            if dates:
                return dates[0][2]
    return reference
