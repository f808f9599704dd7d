"""What the extractor reads from a written sentence, as sets of field tuples: the shared
helper of the tests of rules made from real news."""

from __future__ import annotations

from trucewatch.model import Report
from trucewatch.text import extract

#: The publication day the rule tests assume unless they give one.
PUBLISHED = "2025-04-08"


def read_reports(text: str, language: str, published: str = PUBLISHED) -> list[Report]:
    """The reports of ``text`` in ``language``, published on ``published``."""
    return extract(text, published, language)


def facts(text: str, language: str, *fields: str, published: str = PUBLISHED) -> set[tuple]:
    """The distinct values of ``fields`` over the reports of ``text``."""
    return {tuple(getattr(r, f) for f in fields) for r in read_reports(text, language, published)}
