"""What every reader yields, and the parsing helpers they share.

A reader is ``read(path, *, on_bad=None, **options) -> Iterator[dict]``. Each record is one
source row or document as a plain dict::

    {"line": 12,                        # where it starts in the file
     "content": "...",                  # the text its content hash is taken from
     "source_key": "acled:UKR123",      # the row's own id in its dataset, or None
     "source_version": 1747000000,      # a newer version supersedes an older one, or None
     "document": {"url", "outlet", "published", "language", "text"},
     "reports": [{field: value for field in REPORT_FIELDS}, ...]}

A bad row raises :class:`~trucewatch.errors.InputError` naming the file, line and reason; when
``on_bad`` is given it is called with that error and the raw row instead, and reading goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError
from trucewatch.sources.encoding import detect_encoding
from trucewatch.sources.tabular import open_table

__all__ = [
    "DOCUMENT_FIELDS",
    "REPORT_FIELDS",
    "BadRowHandler",
    "ReadNotes",
    "csv_rows",
    "date_from_text",
    "new_report",
    "open_text",
    "parse_coordinate",
    "parse_date",
    "read_header",
    "reject",
]

DOCUMENT_FIELDS = ("url", "outlet", "published", "language", "text")
REPORT_FIELDS = (
    "event_date", "date_precision", "country", "admin1", "place", "lat", "lon", "geo_precision",
    "target_class", "target_text", "weapon", "perpetrator", "claimed_by", "negated", "evidence",
    "confidence", "reasons", "event_at", "event_offset",
)

#: Called with the error and the raw row (list of fields or text) of a row that is skipped.
BadRowHandler = Callable[[InputError, Any], None]

_FIX = "fix the row or pass --skip-bad"


@dataclass
class ReadNotes:
    """What a reader found out about a file, for its summary: the encoding and date format
    it read, the header (for the rejects file), and the rows it skipped, by reason."""

    encoding: str | None = None
    date_format: str | None = None
    header: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        """Count a row that is read but deliberately not stored (e.g. not an attack)."""
        self.skipped[reason] += 1
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y", "%Y%m%d")


def new_report(**fields: Any) -> dict[str, Any]:
    """A report dict with every field of REPORT_FIELDS, defaults filled in."""
    report = dict.fromkeys(REPORT_FIELDS)
    report.update(target_class="unknown", negated=False, confidence=0.5, reasons={})
    report.update(fields)
    return report


@lru_cache(maxsize=65536)
def date_from_text(text: str) -> dt.date | None:
    """A date in any of the accepted forms, or None."""
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_date(value: str, *, path: Path, line: int, field: str) -> dt.date:
    """A date in ISO (``2025-05-16``) or ACLED's long form (``16 May 2025``)."""
    parsed = date_from_text(value.strip())
    if parsed is None:
        raise InputError(f"{value!r} is not a date (use 2025-05-16 or 16 May 2025)",
                         path=path, line=line, field=field, hint=_FIX)
    return parsed


def parse_coordinate(value: str, *, limit: float, path: Path, line: int, field: str
                     ) -> float | None:
    """A latitude (``limit`` 90) or longitude (180); empty means unknown."""
    if not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"{value!r} is not a number", path=path, line=line, field=field,
                         hint=_FIX) from None
    if not -limit <= number <= limit:
        raise InputError(f"{number} is outside -{limit:g}..{limit:g}", path=path, line=line,
                         field=field, hint=_FIX)
    return number


def reject(on_bad: BadRowHandler | None, error: InputError, raw: Any) -> None:
    """Hand a bad row (its ``error`` and ``raw`` content) to ``on_bad``, which keeps it for
    the rejects file; without a handler, raise ``error``: the file stops there."""
    if on_bad is None:
        raise error
    on_bad(error, raw)


def csv_rows(
    stream: io.TextIOBase, *, path: Path, width: int | None, on_bad: BadRowHandler | None,
    delimiter: str = ",", header: bool = True,
) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)`` of each data row (the header row, if any, is skipped); rows whose
    field count is not ``width`` are bad. Blank lines are ignored."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(stream, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t"
                        else csv.QUOTE_MINIMAL)
    start = 1
    for fields in reader:
        line, start = start, reader.line_num + 1
        if header and line == 1:
            continue
        if not fields:
            continue
        if width is not None and len(fields) != width:
            error = InputError(f"expected {width} columns, found {len(fields)}", path=path,
                               line=line, hint=_FIX)
            reject(on_bad, error, fields)
            continue
        yield line, fields


def read_header(path: Path, *, delimiter: str = ",", encoding: str | None = None) -> list[str]:
    """The first row of a CSV file or workbook, stripped (a BOM is ignored)."""
    with open_table(path, encoding=encoding, delimiter=delimiter) as table:
        return table.header


def open_text(path: Path, encoding: str | None = None) -> io.TextIOWrapper:
    """Open a text file in its encoding (detected unless given), keeping newlines for the
    csv module; a UTF-8 BOM is dropped."""
    name = encoding or detect_encoding(path)
    try:
        return open(path, encoding="utf-8-sig" if name == "utf-8" else name, newline="")
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", path=path) from exc


