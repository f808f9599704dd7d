"""Rows of a table file, CSV in any encoding or an Excel workbook, with its header.

:func:`open_table` gives the header (names stripped; a BOM or an empty first name kept as
``""``) and an iterator of ``(line, fields)``. A second header row of HXL hashtags
(``#date+year``, as HDX files carry) is skipped. Workbooks are read with openpyxl in read-only
mode (damaged drawings and wrong sheet dimensions are ignored); cells become text: dates
``2020-05-24`` (with the time when it is not midnight), whole numbers without ``.0``, empty
cells ``""``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError
from trucewatch.sources.encoding import detect_encoding

__all__ = ["WORKBOOK_SUFFIXES", "Table", "csv_records", "is_workbook", "open_table"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_FIX = "fix the row or pass --skip-bad"


@dataclass
class Table:
    """An open table: its header, its rows as ``(line, fields)`` and how it was read."""

    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    encoding: str | None  # None for a workbook


def is_workbook(path: Path) -> bool:
    """Whether ``path`` is an Excel workbook (by suffix, or a zip holding ``xl/``)."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return True
    try:
        with path.open("rb") as stream:
            if stream.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as archive:
            return any(name.startswith("xl/") for name in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


@contextmanager
def open_table(path: Path, *, encoding: str | None = None, delimiter: str = ",",
               header: bool = True) -> Iterator[Table]:
    """The table in ``path``: a workbook's first sheet, or a CSV file (``encoding`` detected
    unless given). Without ``header`` every row is data and the header is empty."""
    if is_workbook(path):
        with _workbook(path) as rows:
            yield _with_header(path, rows, header, None)
        return
    name = encoding or detect_encoding(path)
    try:
        stream = open(path, encoding=name, newline="")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", path=path) from exc
    with stream:
        yield _with_header(path, csv_records(stream, path, name, delimiter), header, name)


def _with_header(path: Path, rows: Iterator[tuple[int, list[str]]], header: bool,
                 encoding: str | None) -> Table:
    if not header:
        return Table([], rows, encoding)
    first = next(rows, None)
    if first is None:
        raise InputError("the file is empty; expected a header row", path=path, line=1)
    names = [name.strip().lstrip("\ufeff").strip() for name in first[1]]
    return Table(names, _skip_tags(rows), encoding)


def _skip_tags(rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    """The rows, less a first row of HXL hashtags."""
    first = next(rows, None)
    if first is not None:
        filled = [field.strip() for field in first[1] if field.strip()]
        if not (filled and all(field.startswith("#") for field in filled)):
            yield first
    yield from rows


def csv_records(stream: io.TextIOBase, path: Path, encoding: str, delimiter: str
              ) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)`` of each non-blank CSV record; a byte the encoding cannot read or a
    NUL byte is an InputError naming the line."""
    reader = csv.reader(_no_nul(stream), delimiter=delimiter,
                        quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL)
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise InputError(f"bytes that are not {encoding} (at byte {exc.start} of a block)",
                             path=path, line=reader.line_num + 1,
                             hint="pass --encoding with the file's encoding") from exc
        except csv.Error as exc:
            raise InputError(f"unreadable CSV: {exc}", path=path, line=reader.line_num,
                             hint=_FIX) from exc
        line, start = start, reader.line_num + 1
        if fields and any(field.strip() for field in fields):
            yield line, fields


def _no_nul(stream: io.TextIOBase) -> Iterator[str]:
    """The stream's lines, with NUL characters (which csv refuses) dropped."""
    for text in stream:
        yield text.replace("\x00", "") if "\x00" in text else text


@contextmanager
def _workbook(path: Path) -> Iterator[Iterator[tuple[int, list[str]]]]:
    from openpyxl import load_workbook  # imported here: only workbooks need it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise InputError(f"not a readable Excel workbook ({type(exc).__name__}: {exc})",
                         path=path, hint="save it again as .xlsx or export it as CSV") from exc
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InputError("the workbook has no sheet", path=path)
        sheet.reset_dimensions()
        yield _sheet_rows(sheet, path)
    finally:
        book.close()


def _sheet_rows(sheet: Any, path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            fields = [_cell_text(value) for value in values]
            while fields and not fields[-1]:
                fields.pop()
            if fields:
                yield number, fields
    except InputError:
        raise
    except Exception as exc:  # a damaged sheet part
        raise InputError(f"unreadable sheet ({type(exc).__name__}: {exc})", path=path,
                         hint="save it again as .xlsx or export it as CSV") from exc


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
