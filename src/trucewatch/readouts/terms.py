"""The terms of one statement (docs/labeling.md, "Statements") and the statement they come from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

__all__ = ["Statement", "StatementTerms", "Terms"]


class Terms(BaseModel):
    """What a statement says was agreed, field by field as docs/labeling.md defines them;
    ``start_time`` is the hour the halt starts, ``HH:MM+hh:mm`` when the statement names the
    time zone, ``HH:MM`` when it does not."""

    model_config = ConfigDict(extra="forbid")

    scope: list[str] = Field(default_factory=list)
    scope_text: list[str] = Field(default_factory=list)
    duration_days: int | float | None = None
    start: dt.date | None = None
    start_time: str | None = None
    bound_parties: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    follow_on: list[str] = Field(default_factory=list)
    numbers: dict[str, int] = Field(default_factory=dict)


class Statement(BaseModel):
    """One official statement as read: who speaks, when, where from, and its text."""

    id: str
    speaker: str | None = None
    text: str
    language: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    event: str | None = None


class StatementTerms(BaseModel):
    """A statement's terms with, per term, the sentence each was read from (``evidence``),
    and the kind of each condition (``escape``, ``reciprocity``, ``precondition``, ``demand``).
    ``skipped`` says why a statement was not read (its language is not supported or cannot
    be detected); it is left out of the serialised form when the statement was read."""

    id: str
    speaker: str | None = None
    language: str | None
    published: dt.date | None = None
    url: str | None = None
    terms: Terms
    condition_kinds: dict[str, str] = Field(default_factory=dict)
    evidence: dict[str, str] = Field(default_factory=dict)
    skipped: str | None = None

    @model_serializer(mode="wrap")
    def _serialise(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        if data.get("skipped") is None:
            data.pop("skipped", None)
        return data
