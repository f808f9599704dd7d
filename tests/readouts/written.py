"""The terms the reader finds in one written statement: the shared helper of the tests of
statement rules."""

from __future__ import annotations

import datetime as dt

from trucewatch.readouts import Statement, read_statement
from trucewatch.readouts.terms import Terms


def terms_of(text: str, language: str, speaker: str | None,
             published: dt.date | None) -> Terms:
    """The terms of ``text`` in ``language`` said by ``speaker`` and published on
    ``published``."""
    statement = Statement(id="s", speaker=speaker, text=text, language=language,
                          published=published)
    return read_statement(statement).terms
