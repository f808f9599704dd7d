"""Durations as people write them in configuration files: ``90s``, ``15m``, ``2h``, ``1d``."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator

__all__ = ["Duration", "format_duration", "parse_duration"]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_FORM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_duration(value: object) -> float:
    """Seconds in ``value``: a number of seconds, or a number with s, m, h or d."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration such as 30s, 15m, 2h or 1d")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _FORM.match(str(value))
        if not match:
            raise ValueError(f"{value!r} is not a duration such as 30s, 15m, 2h or 1d")
        seconds = float(match[1]) * _UNITS[match[2] or "s"]
    if seconds < 0:
        raise ValueError(f"{value!r} is negative; a duration is 0 or more")
    return seconds


def format_duration(seconds: float) -> str:
    """``seconds`` the way a person says it: ``45s``, ``12m``, ``3h 5m``, ``2d 4h``."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, _ = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h {minutes}m" if minutes else f"{hours}h"
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h" if hours else f"{days}d"


#: A pydantic field type: seconds, written as a number or with a unit.
Duration = Annotated[float, BeforeValidator(parse_duration)]
