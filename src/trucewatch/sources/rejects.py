"""The rejects file: every row refused, with its line, the reason, and its fields one column
per field of the file's header (cells a spreadsheet would run as formulas neutralised)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError
from trucewatch.safe_text import csv_cell

__all__ = ["write_rejects"]


def _fields(raw: Any) -> list[str] | dict[str, Any]:
    if isinstance(raw, list | tuple):
        return [str(value) for value in raw]
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str) and raw.lstrip().startswith("{"):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            return [raw]
        return value if isinstance(value, dict) else [raw]
    return [str(raw)]


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    return "" if value is None else str(value)


def write_rejects(path: Path, rejects: list[tuple[int | None, str, Any]], header: list[str]
                  ) -> Path:
    """Write ``rejects`` ((line, reason, raw row)) to ``path``: columns ``line``, ``reason``,
    then the header's fields (JSON objects: their keys); fields past the header follow
    unnamed."""
    rows = [(line, reason, _fields(raw)) for line, reason, raw in rejects]
    names = list(header)
    for _, _, fields in rows:
        if isinstance(fields, dict):
            names += [key for key in fields if key not in names]
    width = max([len(names)] + [len(f) for _, _, f in rows if isinstance(f, list)])
    columns = names + [""] * (width - len(names))
    try:
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(["line", "reason", *columns])
            for line, reason, fields in rows:
                cells = ([_text(fields.get(name)) for name in names]
                         if isinstance(fields, dict) else fields)
                writer.writerow([line, csv_cell(reason), *map(csv_cell, cells)])
    except OSError as exc:
        raise InputError(f"cannot write the rejects file: {exc.strerror}", path=path) from exc
    return path
