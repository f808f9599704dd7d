"""What the event readers take from the language layers: sentences with words and the parties
named in them, dates, and the language of a text.

The readers use only these functions, built on :mod:`trucewatch.lang` (supported languages,
detection), :mod:`trucewatch.readouts.nlp` (sentences, lemmas, tagged actors) and
:mod:`trucewatch.text.dates` (dates resolved against the publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from trucewatch.lang import LANGUAGES, detect
from trucewatch.readouts.nlp import analyse
from trucewatch.text.dates import find_dates, year_hint

__all__ = ["LANGUAGES", "Words", "data", "dates_in", "language_of", "sentences"]

_NUMBER = re.compile(r"^\d{1,3}(?:[,\u00a0 ]\d{3})+$|^\d+$")


@dataclass(frozen=True)
class Words:
    """One sentence as the readers see it: its text, lowercased words (with each word's
    character offset) and the parties named at word positions."""

    text: str
    words: tuple[str, ...]
    offsets: tuple[int, ...]
    parties: tuple[tuple[int, str], ...]
    editorial: bool

    def party_between(self, start: int, end: int) -> str | None:
        return next((p for i, p in self.parties if start <= i < end), None)

    def party_before(self, index: int, reach: int) -> str | None:
        found = [p for i, p in self.parties if index - reach <= i < index]
        return found[-1] if found else None

    @staticmethod
    def number(word: str) -> int | None:
        if not _NUMBER.match(word):
            return None
        return int(re.sub(r"\D", "", word))


def language_of(text: str, given: str | None) -> str | None:
    """The text's language: the one given, else detected; None if the readers lack it."""
    language = given or detect(text)
    return language if language in LANGUAGES else None


def sentences(text: str, language: str) -> list[Words]:
    """The sentences of ``text`` with their words and the parties they name."""
    found = []
    for sentence in analyse(text, language):
        parties = tuple((span.start, span.value) for span in sentence.tagged("actor"))
        found.append(Words(text=sentence.text,
                           words=tuple(w.lower() for w in sentence.words),
                           offsets=tuple(sentence.offsets), parties=parties,
                           editorial=sentence.editorial))
    return found


def dates_in(sentence: str, language: str, published: dt.date | None, *,
             ahead: bool = False) -> list[dt.date]:
    """The days a sentence names, resolved against ``published``; days after it only when
    looking ``ahead`` (a meeting announced for a later day)."""
    cues = find_dates(sentence, language, published, year_hint(sentence, published))
    days = [c.date for c in cues if c.date is not None]
    return [d for d in days if ahead or published is None or d <= published]


@cache
def data(name: str) -> Any:
    """The readers' word lists ``data/<name>``."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
