"""What travels between a trucewatch command and the server that owns its database: results
as plain JSON values, and errors as their kind and fields, so that a command prints the same
output and exits with the same code whether it ran on the file or through the server."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from enum import Enum
from pathlib import Path
from typing import Any

import pydantic

from trucewatch import errors
from trucewatch.errors import TrucewatchError

__all__ = ["error_from_wire", "error_to_wire", "plain"]


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    raise TypeError(f"{type(value).__name__} is not JSON data")


def plain(value: Any) -> Any:
    """``value`` as JSON types only: dates as ISO strings, records as objects, enums as their
    values: what a result looks like after travelling from the server."""
    return json.loads(json.dumps(value, default=_default, ensure_ascii=False))


def error_to_wire(error: TrucewatchError) -> dict[str, Any]:
    """A trucewatch error as JSON: its class name and fields."""
    return {"kind": type(error).__name__, "message": error.message, "path": error.path,
            "line": error.line, "field": error.field, "hint": error.hint}


def error_from_wire(data: dict[str, Any]) -> TrucewatchError:
    """The error :func:`error_to_wire` described (the base class for a kind not known here)."""
    kind = getattr(errors, str(data.get("kind")), TrucewatchError)
    if not (isinstance(kind, type) and issubclass(kind, TrucewatchError)):
        kind = TrucewatchError
    return kind(str(data.get("message", "the server failed")), path=data.get("path"),
                line=data.get("line"), field=data.get("field"), hint=data.get("hint"))
