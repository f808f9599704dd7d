"""Any CSV or JSON table, with a mapping from trucewatch fields to its columns.

``mapping`` is ``{field: column}``; fields are the report fields (``event_date`` or ``date``,
``country``, ``admin1``, ``place``, ``lat``, ``lon``, ``target_class``, ``perpetrator``,
``claimed_by``, ``negated``, ...), the document fields (``url``, ``outlet``, ``published``,
``language``, ``text``), ``id`` (the row's own key) and ``time``: the hour of the attack with
its UTC offset (``17:40+05:30``, ``17:40Z``) or an ISO date-time with one, kept as the
report's instant in UTC and its offset. A date is required; its format is decided per file
(``--date-format`` overrides). When no ``target_class`` column is mapped, the class,
perpetrator and claimant are read from ``text``. Columns are matched by name whatever their
case. The country and region come from every clue the row gives: the mapped columns (region
names in any spelling), then the coordinates, then the ``place`` text.

CSV files in any encoding, Excel workbooks (``.xlsx``), JSON arrays of objects (``.json``)
and JSON lines (``.jsonl``/``.ndjson``) are read; a JSON value that is a list is joined with
``; ``, and numbers and booleans become text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError, UsageError
from trucewatch.sources.base import (
    DOCUMENT_FIELDS,
    REPORT_FIELDS,
    BadRowHandler,
    ReadNotes,
    new_report,
    open_text,
    parse_coordinate,
    reject,
)
from trucewatch.sources.columns import header_key
from trucewatch.sources.dates import DateReader, decide_while_reading
from trucewatch.sources.encoding import detect_encoding
from trucewatch.sources.notes import LOCAL, normalise, read_note
from trucewatch.sources.regions import country_code, place_of
from trucewatch.sources.tabular import open_table
from trucewatch.taxonomy import is_party_code, target_classes

__all__ = ["FIELDS", "read"]

FIELDS = ("id", "time", *(f for f in REPORT_FIELDS if f not in ("event_at", "event_offset")),
          *DOCUMENT_FIELDS)
_FIX = "fix the row or pass --skip-bad"
_TRUE = {"1", "true", "yes", "y", "denied"}


def _check_mapping(mapping: dict[str, str]) -> dict[str, str]:
    mapping = dict(mapping)
    if "date" in mapping:
        mapping["event_date"] = mapping.pop("date")
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise UsageError(f"unknown field(s) in --map: {', '.join(unknown)}",
                         hint="map any of " + ", ".join(FIELDS))
    if "event_date" not in mapping:
        raise UsageError("--map needs the date column, e.g. --map date=Date")
    return mapping


def read(path: str | Path, *, mapping: dict[str, str], on_bad: BadRowHandler | None = None,
         notes: ReadNotes | None = None, encoding: str | None = None,
         date_format: str | None = None) -> Iterator[dict[str, Any]]:
    """One record per row of a CSV, workbook or JSON table, fields from the mapped columns."""
    path = Path(path)
    mapping = _check_mapping(mapping)
    notes = notes if notes is not None else ReadNotes()
    dates = DateReader(date_format)
    rows = _rows(path, mapping, on_bad, notes, encoding)
    try:
        for line, row, raw in decide_while_reading(
                rows, lambda item: _text(item[1].get(mapping["event_date"])), dates):
            try:
                record = _record(row, raw, line, path, mapping, dates)
            except InputError as error:
                reject(on_bad, error, raw)
                continue
            yield record
    finally:
        notes.date_format = dates.label


def _text(value: Any) -> str:
    """A cell as text: lists joined with ``; ``, numbers and booleans as JSON writes them."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_text(item) for item in value)
    if isinstance(value, bool | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()


def _rows(path: Path, mapping: dict[str, str], on_bad: BadRowHandler | None, notes: ReadNotes,
          encoding: str | None) -> Iterator[tuple[int, dict[str, Any], Any]]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from _json_rows(path, suffix, on_bad, notes, encoding)
        return
    with open_table(path, encoding=encoding) as table:
        header = table.header
        notes.encoding, notes.header = table.encoding, header
        by_key = {header_key(name): name for name in reversed(header)}
        missing = sorted({c for c in mapping.values()
                          if c not in header and header_key(c) not in by_key})
        if missing:
            raise InputError(f"column(s) {', '.join(missing)} not in the header", path=path,
                             line=1, hint="check --map against the header: " + ", ".join(header))
        for column in mapping.values():
            if column not in header:
                mapping_name = by_key[header_key(column)]
                for field, named in list(mapping.items()):
                    if named == column:
                        mapping[field] = mapping_name
        for line, raw in table.rows:
            if len(raw) != len(header):
                error = InputError(f"expected {len(header)} columns, found {len(raw)}",
                                   path=path, line=line, hint=_FIX)
                reject(on_bad, error, raw)
                continue
            yield line, dict(zip(header, raw, strict=True)), raw


def _json_rows(path: Path, suffix: str, on_bad: BadRowHandler | None, notes: ReadNotes,
               encoding: str | None) -> Iterator[tuple[int, dict[str, Any], Any]]:
    notes.encoding = encoding or detect_encoding(path)
    with open_text(path, notes.encoding) as stream:
        try:
            if suffix != ".json":
                for line, text in enumerate(stream, 1):
                    if not text.strip():
                        continue
                    try:
                        item = _json_object(text, path, line)
                    except InputError as error:
                        reject(on_bad, error, text.rstrip("\n"))
                        continue
                    yield line, item, item
                return
            data = _json_object(stream.read(), path, 1, array=True)
        except UnicodeDecodeError as exc:
            raise InputError(f"bytes that are not {stream.encoding}", path=path,
                             hint="pass --encoding with the file's encoding") from exc
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict):
            error = InputError(f"item {n} is not an object", path=path, line=n,
                               hint="give an array of objects, one per row")
            reject(on_bad, error, json.dumps(item, ensure_ascii=False, default=str))
            continue
        yield n, item, item


def _json_object(text: str, path: Path, line: int, *, array: bool = False) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path=path, line=line + exc.lineno - 1,
                         hint="fix the JSON") from exc
    if array and not isinstance(value, list):
        raise InputError("expected a JSON array of objects", path=path, line=1)
    if not array and not isinstance(value, dict):
        raise InputError("expected one JSON object per line", path=path, line=line)
    return value


def _date(text: str, dates: DateReader, path: Path, line: int, field: str) -> Any:
    day = dates.parse(text)
    if day is None:
        raise InputError(f"{text!r} is not a date in the file's format ({dates.expected()})",
                         path=path, line=line, field=field,
                         hint="fix the row, pass --date-format or --skip-bad")
    return day


def _record(row: dict[str, Any], raw: Any, line: int, path: Path, mapping: dict[str, str],
            dates: DateReader) -> dict[str, Any]:
    def get(name: str) -> str:
        return _text(row.get(mapping[name])) if name in mapping else ""

    event_date = _date(get("event_date"), dates, path, line, mapping["event_date"])
    values: dict[str, Any] = {"event_date": event_date, "date_precision": get("date_precision")
                              or "day", "lat": None, "lon": None}
    if get("time"):
        values["event_at"], values["event_offset"] = _instant(
            get("time"), event_date, path=path, line=line, field=mapping["time"])
    for name in ("lat", "lon"):
        if name in mapping:
            values[name] = parse_coordinate(get(name), limit=90 if name == "lat" else 180,
                                            path=path, line=line, field=mapping[name])
    country = country_code(get("country")) if get("country") else None
    admin1 = get("admin1")
    reasons: dict[str, str] = {}
    if country and admin1[:3] == f"{country}-":
        values.update(country=country, admin1=admin1)
    else:
        place = place_of(country, admin1, values["lat"], values["lon"], (get("place"),))
        values.update(country=place.country, admin1=place.admin1)
        if place.reason:
            reasons["admin1"] = place.reason
    for name in ("place", "geo_precision", "target_text", "weapon", "evidence"):
        values[name] = get(name) or None
    text = get("text")
    if "target_class" in mapping:
        target = get("target_class") or "unknown"
        if target not in target_classes():
            raise InputError(f"{target!r} is not a target class", path=path, line=line,
                             field=mapping["target_class"],
                             hint="use a code of `trucewatch taxonomy` or pass --skip-bad")
        values["target_class"] = target
    elif text:
        target, target_text, perp, claimant, negated, note_reasons = read_note(
            normalise(text), "", None)
        values.update(target_class=target, target_text=values["target_text"] or target_text)
        values.update(perpetrator=perp, negated=negated,
                      claimed_by=values.get("country") if claimant == LOCAL else claimant)
        reasons.update(json.loads(note_reasons))
    for name in ("perpetrator", "claimed_by"):
        value = get(name)
        if value:
            if not (is_party_code(value) or (name == "claimed_by" and value == "media")):
                raise InputError(f"{value!r} is not a party code such as RU or UA", path=path,
                                 line=line, field=mapping[name], hint=_FIX)
            values[name] = value
    if "negated" in mapping:
        values["negated"] = get("negated").lower() in _TRUE
    published = get("published")
    return {
        "line": line,
        "content": (raw if isinstance(raw, str)
                    else json.dumps(raw, ensure_ascii=False, default=str)),
        "source_key": f"table:{get('id')}" if get("id") else None,
        "source_version": None,
        "document": {
            "url": get("url") or None, "outlet": get("outlet") or None,
            "published": _date(published, dates, path, line, mapping["published"])
            if published else event_date,
            "language": get("language") or None, "text": text or None},
        "reports": [new_report(**values, confidence=0.6, reasons=reasons)],
    }


def _instant(value: str, day: dt.date, *, path: Path, line: int, field: str
             ) -> tuple[dt.datetime, str]:
    """The UTC instant (naive) and the offset (``+05:30``) of a time on ``day``, or of an ISO
    date-time; a time without an offset is refused, since its zone cannot be known."""
    text = value.replace("Z", "+00:00")
    try:
        moment = (dt.datetime.fromisoformat(text) if "T" in text or " " in text.strip()
                  else dt.datetime.combine(day, dt.time.fromisoformat(text)))
    except ValueError:
        moment = None
    if moment is None or moment.utcoffset() is None:
        raise InputError(f"{value!r} is not a time with a UTC offset, such as 17:40+05:30",
                         path=path, line=line, field=field, hint=_FIX)
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return (moment.astimezone(dt.UTC).replace(tzinfo=None),
            f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")
