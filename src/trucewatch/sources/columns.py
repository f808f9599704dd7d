"""Columns found by their header names, whatever their order, case or extra columns.

A name matches when it is the same after case, spaces, dashes and slashes are folded
(``EVENT_DATE``, ``event date``, ``Event-Date``), or when it is one of the field's older
names (ACLED's ``ally_actor_1`` for ``assoc_actor_1``).

>>> find_columns(["", "EVENT_DATE", "ally_actor_1"], ("event_date", "assoc_actor_1"),
...              {"assoc_actor_1": ["ally_actor_1"]}, ("event_date",), path=None, what="x")
{'event_date': 1, 'assoc_actor_1': 2}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from trucewatch.errors import InputError

__all__ = ["find_columns", "header_key"]

_FOLD = re.compile(r"[\s/\-.]+")


def header_key(name: str) -> str:
    """A header name folded for matching (``"Town/City "`` -> ``"town_city"``)."""
    return _FOLD.sub("_", name.strip().lstrip("\ufeff").casefold()).strip("_")


def find_columns(header: Sequence[str], fields: Sequence[str],
                 aliases: Mapping[str, Sequence[str]], required: Sequence[str | tuple[str, ...]],
                 *, path: Path | None, what: str) -> dict[str, int | None]:
    """Position of each of ``fields`` in ``header`` (None when absent); InputError naming the
    ``required`` ones that are missing (a tuple is satisfied by any one of its fields)."""
    positions: dict[str, int] = {}
    for i, name in enumerate(header):
        positions.setdefault(header_key(name), i)
    found: dict[str, int | None] = {}
    for name in fields:
        keys = [header_key(name), *(header_key(alias) for alias in aliases.get(name, ()))]
        found[name] = next((positions[key] for key in keys if key in positions), None)
    missing = [" or ".join(need) if isinstance(need, tuple) else need for need in required
               if all(found.get(name) is None
                      for name in (need if isinstance(need, tuple) else (need,)))]
    if missing:
        raise InputError(f"the header has no {what} column {', '.join(missing)}",
                         path=path, line=1,
                         hint="the header has: " + ", ".join(header[:40]) if header else None)
    return found
