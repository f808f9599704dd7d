"""From a statement's text to its terms (docs/labeling.md, "Statements")."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence

from trucewatch import profiles
from trucewatch.lang import detect, unsupported
from trucewatch.lang.dates import find_dates

from .attribution import own_sentences, undisputed
from .clauses import read_conditions, read_follow_on, read_numbers
from .clock import start_time
from .nlp import analyse
from .parties import read_bound
from .scope import read_scope
from .terms import Statement, StatementTerms, Terms
from .window import read_duration, read_start

__all__ = ["read_statement", "statement_terms"]


def read_statement(
    statement: Statement,
    *,
    reference: dt.date | None = None,
    sides: Sequence[str] | None = None,
    profile: str | None = None,
) -> StatementTerms:
    """The terms of one statement, each with the sentence it was read from.

    Sentences that report another party's version ("The Kremlin stated that ...") are left
    out of every term except scope, which falls back to them when the speaker's own
    sentences give none, unless the statement disputes them ("Це неправда."). ``reference``
    dates yearless dates when the statement has no publication date (with neither, the latest
    full date the statement writes does); ``profile`` is the
    conflict whose parties the statement names (by default the one its speaker is a side of,
    :func:`trucewatch.profiles.for_speakers`)
    and ``sides`` the parties "both sides" means (by default the profile's, unless a third
    party speaks of sides it never names). A statement in a
    language trucewatch does not read (:mod:`trucewatch.lang`), or whose language cannot be
    detected, has no terms and says why in ``skipped``.
    """
    language = statement.language or detect(statement.text)
    why = unsupported(language)
    if why:
        return StatementTerms(id=statement.id, speaker=statement.speaker, language=language,
                              published=statement.published, url=statement.url, terms=Terms(),
                              skipped=why)
    conflict = profiles.get(profile) if profile else profiles.for_speakers([statement.speaker])
    sentences = analyse(statement.text, language, conflict.name)
    own = (own_sentences(sentences, statement.speaker,
                         list(sides) if sides is not None else list(conflict.sides))
           if statement.speaker else sentences)
    reference = statement.published or reference or _latest_written_date(statement.text,
                                                                          language)
    scope = read_scope(own, undisputed(sentences, own))
    duration, duration_quote = read_duration(own, language, reference)
    start, start_sentence = read_start(own, language, reference)
    start_quote = start_sentence.text.strip() if start_sentence else ""
    speaker = conflict.parties.get(statement.speaker or "")
    clock = (start_time(start_sentence, language, start, sentences,
                        speaker.timezone if speaker else None)
             if start and start_sentence else None)
    own_ids = {id(s) for s in own}
    reported = [s for s in sentences if id(s) not in own_ids and not s.editorial]
    bound, bound_quote = read_bound(own, sides, reported, statement.speaker)
    conditions = read_conditions(own)
    follow_on, follow_quotes = read_follow_on(own)
    numbers, numbers_quote = read_numbers(own, language)
    terms = Terms(
        scope=scope.patterns, scope_text=scope.texts, duration_days=duration, start=start,
        start_time=clock,
        bound_parties=bound, conditions=[text for _, text in conditions],
        follow_on=follow_on, numbers=numbers,
    )
    evidence = {
        "scope": scope.sentences[0] if scope.sentences else "",
        "duration_days": duration_quote, "start": start_quote, "bound_parties": bound_quote,
        "numbers": numbers_quote,
        **{f"follow_on.{label}": quote for label, quote in follow_quotes.items()},
    }
    return StatementTerms(
        id=statement.id, speaker=statement.speaker, language=language,
        published=statement.published, url=statement.url, terms=terms,
        condition_kinds={text: kind for kind, text in conditions},
        evidence={k: v for k, v in evidence.items() if v},
    )


def _latest_written_date(text: str, language: str) -> dt.date | None:
    """The latest full date (day, month and year) a statement writes, to date its yearless
    dates by when nothing else does ("... met in Warsaw on 4 June 2026 ... from Monday,
    8 June"); None when it writes none."""
    found = []
    for mention in find_dates(text, language):
        if mention.year is not None:
            with contextlib.suppress(ValueError):
                found.append(dt.date(mention.year, mention.month, mention.day))
    return max(found, default=None)


def statement_terms(
    text: str,
    language: str | None = None,
    published: dt.date | None = None,
    speaker: str | None = None,
) -> Terms:
    """The terms of a statement's ``text``; with ``speaker`` other parties' quotes are left out.

    >>> statement_terms("Both sides agreed to a 30-day halt on strikes on energy "
    ...                 "and infrastructure.").scope
    ['energy.*', 'infrastructure.*']
    """
    statement = Statement(id="statement", speaker=speaker, text=text,
                          language=language, published=published)
    return read_statement(statement).terms
