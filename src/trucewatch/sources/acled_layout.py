"""What an ACLED export looks like: its columns, its conventions (``data/acled.yaml``) and
the URL inside its ``source`` field. Shared by the row reader and the bulk stager."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["COLUMNS", "conventions", "split_source"]

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
_URL = re.compile(r"https?://\S+?(?=[\s);,]|$)")


@cache
def conventions() -> dict[str, Any]:
    """The attack event types, time precisions and admin1 overrides of ``data/acled.yaml``."""
    text = resources.files(__package__).joinpath("data/acled.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    data["admin1_overrides"] = {
        country: tuple(names.items()) for country, names in data["admin1_overrides"].items()
    }
    data["attack_event_types"] = frozenset(data["attack_event_types"])
    return data


def split_source(source: str) -> tuple[str | None, str | None]:
    """The URL inside ACLED's ``source`` field, if any, and the outlet names around it."""
    url = _URL.search(source)
    outlet = _URL.sub("", source).replace("()", "").strip(" ;") if url else source
    return (url[0] if url else None), (outlet or None)
