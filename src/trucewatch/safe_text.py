"""Source values made safe to write into files that other programs open.

A CSV cell that begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) is a
formula to a spreadsheet: :func:`csv_cell` prefixes it with ``'`` so it is shown as text.
Numbers keep their sign. :func:`markdown_text` escapes the characters Markdown reads as markup
(emphasis, links, code, headings, table pipes, and HTML tags, which most renderers pass
through), and folds line breaks, so a source's text stays text in a table cell or a heading.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["csv_cell", "markdown_text"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_MARKDOWN = re.compile(r"([\\`*_\[\]()#!|~])")
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell no spreadsheet runs as a formula (numbers pass unchanged)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def markdown_text(text: Any) -> str:
    """``text`` with Markdown and HTML markup escaped and line breaks folded to spaces."""
    plain = " ".join(str(text).split())
    for raw, entity in _ENTITIES:
        plain = plain.replace(raw, entity)
    return _MARKDOWN.sub(r"\\\1", plain)
