"""Any CSV or JSON table, with a mapping from trucewatch fields to its columns.

``mapping`` is ``{field: column}``; fields are the report fields (``event_date`` or ``date``,
``country``, ``admin1``, ``place``, ``lat``, ``lon``, ``target_class``, ``perpetrator``,
``claimed_by``, ``negated``, ...), the document fields (``url``, ``outlet``, ``published``,
``language``, ``text``), ``id`` (the row's own key) and ``time``: the hour of the attack with
its UTC offset (``17:40+05:30``, ``17:40Z``) or an ISO date-time with one, kept as the
report's instant in UTC and its offset. A date is required. When no
``target_class`` column is mapped, the class, perpetrator and claimant are read from ``text``.
JSON is an array of objects (``.json``) or one object per line (``.jsonl``/``.ndjson``).
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
    csv_rows,
    new_report,
    open_text,
    parse_coordinate,
    parse_date,
    read_header,
)
from trucewatch.sources.notes import LOCAL, normalise, read_note
from trucewatch.sources.regions import admin1_code, country_code
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


def read(path: str | Path, *, mapping: dict[str, str], on_bad: BadRowHandler | None = None
         ) -> Iterator[dict[str, Any]]:
    """One record per row of a CSV or JSON table, fields taken from the mapped columns."""
    path = Path(path)
    mapping = _check_mapping(mapping)
    for line, row, raw in _rows(path, mapping, on_bad):
        try:
            yield _record(row, raw, line, path, mapping)
        except InputError as error:
            if on_bad is None:
                raise
            on_bad(error, raw)


def _rows(path: Path, mapping: dict[str, str], on_bad: BadRowHandler | None
          ) -> Iterator[tuple[int, dict[str, Any], Any]]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with open_text(path) as stream:
            for line, text in enumerate(stream, 1):
                if text.strip():
                    yield line, _json_object(text, path, line), text.rstrip("\n")
    elif suffix == ".json":
        with open_text(path) as stream:
            data = _json_object(stream.read(), path, 1, array=True)
        for n, item in enumerate(data, 1):
            if not isinstance(item, dict):
                raise InputError(f"item {n} is not an object", path=path)
            yield n, item, json.dumps(item, ensure_ascii=False)
    else:
        header = read_header(path)
        missing = sorted({c for c in mapping.values() if c not in header})
        if missing:
            raise InputError(f"column(s) {', '.join(missing)} not in the header", path=path,
                             line=1, hint="check --map against the header: " + ", ".join(header))
        with open_text(path) as stream:
            for line, raw in csv_rows(stream, path=path, width=len(header), on_bad=on_bad):
                yield line, dict(zip(header, raw, strict=True)), raw


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


def _record(row: dict[str, Any], raw: Any, line: int, path: Path, mapping: dict[str, str]
            ) -> dict[str, Any]:
    def get(name: str) -> str:
        value = row.get(mapping[name]) if name in mapping else None
        return "" if value is None else str(value).strip()

    event_date = parse_date(get("event_date"), path=path, line=line, field=mapping["event_date"])
    values: dict[str, Any] = {"event_date": event_date, "date_precision": get("date_precision")
                              or "day"}
    if get("time"):
        values["event_at"], values["event_offset"] = _instant(
            get("time"), event_date, path=path, line=line, field=mapping["time"])
    for name in ("lat", "lon"):
        if name in mapping:
            values[name] = parse_coordinate(get(name), limit=90 if name == "lat" else 180,
                                            path=path, line=line, field=mapping[name])
    country = country_code(get("country")) if get("country") else None
    values["country"] = country
    admin1 = get("admin1")
    values["admin1"] = admin1 if admin1[:3] == f"{country}-" else admin1_code(country, admin1)
    for name in ("place", "geo_precision", "target_text", "weapon", "evidence"):
        values[name] = get(name) or None
    text = get("text")
    reasons: dict[str, str] = {}
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
        reasons = json.loads(note_reasons)
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
        "content": json.dumps(raw, ensure_ascii=False) if not isinstance(raw, str) else raw,
        "source_key": f"table:{get('id')}" if get("id") else None,
        "source_version": None,
        "document": {
            "url": get("url") or None, "outlet": get("outlet") or None,
            "published": parse_date(published, path=path, line=line, field=mapping["published"])
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
