"""The input formats by name, and the reader of each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from types import ModuleType
from typing import Any

from trucewatch.errors import UsageError

__all__ = ["FORMATS", "TEXT_FORMATS", "format_module", "reader"]

#: Format name -> (module under trucewatch.sources, one-line description).
FORMATS: dict[str, tuple[str, str]] = {
    "acled": ("acled", "ACLED export CSV (31 columns)"),
    "ucdp": ("ucdp", "UCDP GED CSV (header-driven)"),
    "gdelt": ("gdelt", "GDELT 2.0 event export (61 tab-separated columns, plain or .zip)"),
    "table": ("table", "any CSV or JSON table, with --map FIELD=COLUMN"),
    "text": ("text", "text documents (.txt, .md, .html) or a .jsonl of documents, via the "
                     "extractor; or a web page by URL"),
    "rss": ("rss", "RSS or Atom feed, each entry via the extractor; a file or a URL"),
}


#: Formats whose documents go through the extractor: their readers take a conflict ``profile``.
TEXT_FORMATS = frozenset({"text", "rss"})


def reader(name: str) -> Callable[..., Iterator[dict[str, Any]]]:
    """The ``read(path, *, on_bad=None, **options)`` function of a format."""
    return format_module(name).read


def format_module(name: str) -> ModuleType:
    """The module of a format: ``read``, and for some ``stage`` (bulk staging, see
    :class:`trucewatch.sources.pipeline.Staged`)."""
    if name not in FORMATS:
        raise UsageError(f"unknown input format {name!r}",
                         hint="use one of " + ", ".join(FORMATS))
    return import_module(f"trucewatch.sources.{FORMATS[name][0]}")
