"""Input formats: one module per format, each with ``read(path, **options)`` of plain records.

>>> from trucewatch.sources import read
>>> for record in read("acled", "export.csv"):  # doctest: +SKIP
...     print(record["line"], record["reports"][0]["target_class"])
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from trucewatch.sources.pipeline import FileResult, ingest_file
from trucewatch.sources.registry import FORMATS, reader

__all__ = ["FORMATS", "FileResult", "ingest_file", "read", "reader"]


def read(source_format: str, path: str | Path, **options: Any) -> Iterator[dict[str, Any]]:
    """Records of ``path`` read as ``source_format`` (see :mod:`trucewatch.sources.base`)."""
    return reader(source_format)(path, **options)
