"""Readouts: the terms of official statements about an agreement, and how they differ.

>>> from trucewatch.readouts import statement_terms
>>> statement_terms("Russia and Ukraine will halt strikes on energy infrastructure "
...                 "for 30 days.").duration_days
30
"""

from .compare import Comparison, compare, merge_terms, to_reading
from .draft import draft_agreement, draft_spec
from .extract import read_statement, statement_terms
from .markdown import to_markdown
from .statements import parse_argument, read_statements
from .terms import Statement, StatementTerms, Terms

__all__ = [
    "Comparison",
    "Statement",
    "StatementTerms",
    "Terms",
    "compare",
    "draft_agreement",
    "draft_spec",
    "merge_terms",
    "parse_argument",
    "read_statement",
    "read_statements",
    "statement_terms",
    "to_markdown",
    "to_reading",
]
