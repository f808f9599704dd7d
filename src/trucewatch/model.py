"""The concepts of trucewatch as typed records (see docs/design.md, "Concepts").

Agreement → commitments → readings describe what was agreed, one reading per party that
worded a commitment. Document → reports → incidents → verdicts describe what happened and
how it is judged under each reading.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from trucewatch import profiles
from trucewatch.taxonomy import expand_scope, is_party_code

__all__ = [
    "Agreement",
    "Commitment",
    "CommitmentKind",
    "Condition",
    "Document",
    "ExchangeItem",
    "PartyCode",
    "Precondition",
    "PreconditionState",
    "PromisedMeeting",
    "Reading",
    "Report",
    "Source",
    "StatusEntry",
    "VerdictKind",
]

_SLUG = r"^[a-z0-9][a-z0-9._-]*$"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_party(code: str) -> str:
    if not is_party_code(code):
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 party code such as RU, UA, US, "
                         "nor a non-state party's code in a shipped profile (trucewatch profiles)")
    return code


#: A party: a state's ISO 3166-1 alpha-2 code (docs/labeling.md "Parties"), or the code a
#: shipped conflict profile gives a non-state party (:mod:`trucewatch.profiles`).
PartyCode = Annotated[str, AfterValidator(_check_party)]


def _check_profile(name: str | None) -> str | None:
    if name is not None and name not in profiles.names():
        raise ValueError(f"{name!r} is not a shipped profile; one of "
                         + ", ".join(profiles.names()))
    return name


class Source(_Record):
    """A public text an agreement, commitment or reading is taken from."""

    id: str = Field(pattern=_SLUG)
    url: str = Field(pattern=r"^https?://")
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


#: Statuses that end a commitment from their date on (under every reading, or under the
#: declaring party's reading only); ``suspended`` pauses it until a status that resumes it.
ENDING_STATUSES = ("expired", "terminated", "denounced", "collapsed")
#: Statuses that put a commitment (back) in force from their date on.
RESUMING_STATUSES = ("agreed", "in_force", "extended")


class StatusEntry(_Record):
    """The state of an agreement or commitment from a date on.

    ``declared_by`` names the one party that declared it (a party-declared expiry or
    denunciation ends that party's reading only); ``until`` is the new last day of an
    ``extended`` commitment.
    """

    date: dt.date
    status: Literal[
        "proposed", "agreed", "agreed_in_principle", "in_force", "extended", "carried_out",
        "suspended", "expired", "terminated", "denounced", "collapsed", "negotiating",
    ]
    until: dt.date | None = None
    declared_by: PartyCode | None = None
    note: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _until(self) -> StatusEntry:
        if self.status == "extended" and self.until is None:
            raise ValueError("an extension needs `until`, its new last day")
        if self.until is not None and self.status != "extended":
            raise ValueError(f"`until` belongs to an `extended` status, not {self.status!r}")
        if self.until is not None and self.until < self.date:
            raise ValueError(f"until {self.until} is before the extension's date {self.date}")
        return self


class Condition(_Record):
    """A condition one party attaches to a commitment, in its own words.

    ``reciprocity``: holds only while the other side holds; ``escape``: a violation by one side
    frees the other; ``precondition``: must be met first; ``demand``: asked for alongside;
    ``extension``: how the commitment may be prolonged.
    """

    kind: Literal["reciprocity", "escape", "precondition", "demand", "extension"]
    text: str


def _clock_time(value: object) -> object:
    if isinstance(value, int):  # YAML reads an unquoted 17:00 as sexagesimal 1020
        raise ValueError("write the time in quotes with its UTC offset, e.g. '17:00+05:30'")
    if isinstance(value, str) and not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)",
                                                   value.strip()):
        raise ValueError(f"{value!r} is not a time with a UTC offset such as 17:00+05:30 or "
                         "09:00Z")
    return value


#: A time of day with its UTC offset, written ``17:00+05:30`` (``Z`` for UTC).
ClockTime = Annotated[dt.time, BeforeValidator(_clock_time)]


def _utc(day: dt.date | None, time: dt.time | None) -> dt.datetime | None:
    if day is None or time is None:
        return None
    local = dt.datetime.combine(day, time)
    return local.astimezone(dt.UTC).replace(tzinfo=None)


class Reading(_Record):
    """One party's version of a commitment: scope, window, area and conditions."""

    party: PartyCode
    scope: list[str] = Field(default_factory=list)
    start: dt.date | None = None
    start_time: ClockTime | None = None
    end: dt.date | None = None
    end_time: ClockTime | None = None
    duration_days: int | None = Field(default=None, gt=0)
    area: list[str] = Field(default_factory=list)
    bound: list[PartyCode] | None = None
    conditions: list[Condition] = Field(default_factory=list)
    quote: str
    source: str

    @field_validator("scope")
    @classmethod
    def _known_classes(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            if not expand_scope(pattern):
                raise ValueError(
                    f"{pattern!r} is not a target class or wildcard of the taxonomy "
                    "(e.g. energy.power_grid, energy.*, infrastructure.*); "
                    "run `trucewatch taxonomy` to list them"
                )
        return patterns

    @model_validator(mode="after")
    def _window(self) -> Reading:
        if self.start_time is not None and self.start is None:
            raise ValueError("start_time needs a start date")
        if self.end_time is not None and self.last_day is None:
            raise ValueError("end_time needs an end date (end, or start and duration_days)")
        if self.end and self.start and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.end and self.duration_days and self.start:
            implied = self.start + dt.timedelta(days=self.duration_days - 1)
            if implied != self.end:
                raise ValueError(
                    f"end {self.end} disagrees with start {self.start} + {self.duration_days} "
                    f"days (last day {implied}); give one of end or duration_days"
                )
        return self

    @property
    def last_day(self) -> dt.date | None:
        """The last day in force: ``end``, or ``start + duration_days - 1``, or open."""
        if self.end:
            return self.end
        if self.start and self.duration_days:
            return self.start + dt.timedelta(days=self.duration_days - 1)
        return None

    @property
    def start_at(self) -> dt.datetime | None:
        """The start instant in UTC (naive) when a start hour is stated."""
        return _utc(self.start, self.start_time)

    @property
    def end_at(self) -> dt.datetime | None:
        """The end instant in UTC (naive, exclusive) when an end hour is stated."""
        return _utc(self.last_day, self.end_time)

    @property
    def classes(self) -> list[str]:
        """The target classes the scope covers, patterns expanded, in taxonomy order."""
        covered = {c for pattern in self.scope for c in expand_scope(pattern)}
        return [c for c in expand_scope("*") if c in covered]

    @property
    def has_escape_clause(self) -> bool:
        return any(c.kind == "escape" for c in self.conditions)


class CommitmentKind(StrEnum):
    HALT_STRIKES = "halt_strikes"
    EXCHANGE = "exchange"
    TALKS = "talks"
    OTHER = "other"


class PreconditionState(_Record):
    """What one party says of a precondition on a date: met or unmet."""

    date: dt.date
    state: Literal["met", "unmet"]
    by: PartyCode
    note: str | None = None
    source: str | None = None


class Precondition(_Record):
    """Something that must happen before a commitment is in force, with who says it has."""

    id: str = Field(pattern=_SLUG)
    text: str
    set_by: PartyCode | None = None
    source: str | None = None
    states: list[PreconditionState] = Field(default_factory=list)


class ExchangeItem(_Record):
    """How many of one item one side hands over in an exchange."""

    item: Literal["prisoners", "wounded", "bodies", "civilians"]
    side: PartyCode
    quantity: int = Field(gt=0)
    note: str | None = None


class PromisedMeeting(_Record):
    """A meeting a talks commitment promises: by when, where and between whom."""

    id: str = Field(pattern=_SLUG)
    title: str
    due: dt.date | None = None
    place: str | None = None
    parties: list[PartyCode] = Field(default_factory=list)


#: The terms each kind of commitment records, besides id, kind, title, bound, status,
#: preconditions and sources; a spec giving another kind's terms is refused.
KIND_TERMS: dict[str, tuple[str, ...]] = {
    "halt_strikes": ("readings",),
    "exchange": ("items", "due", "numbers"),
    "talks": ("meetings", "due"),
    "other": ("due", "numbers"),
}


class Commitment(_Record):
    """One promise inside an agreement. Its kind decides which terms it records
    (:data:`KIND_TERMS`): ``halt_strikes`` a reading per party, ``exchange`` the items each side
    hands over, ``talks`` the meetings promised; any kind may wait on preconditions."""

    id: str = Field(pattern=_SLUG)
    kind: CommitmentKind
    title: str
    bound: list[PartyCode] | None = None
    due: dt.date | None = None
    numbers: dict[str, int] = Field(default_factory=dict)
    status: list[StatusEntry] = Field(default_factory=list)
    preconditions: list[Precondition] = Field(default_factory=list)
    readings: list[Reading] = Field(default_factory=list)
    items: list[ExchangeItem] = Field(default_factory=list)
    meetings: list[PromisedMeeting] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class Agreement(_Record):
    """A deal between parties, with its mediators, sources, status history and commitments."""

    id: str = Field(pattern=_SLUG)
    title: str
    parties: list[PartyCode] = Field(min_length=1)
    mediators: list[PartyCode] = Field(default_factory=list)
    #: The conflict profile whose parties, places and words texts about it are read with.
    profile: Annotated[str | None, AfterValidator(_check_profile)] = None
    sources: list[Source] = Field(min_length=1)
    status: list[StatusEntry] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)

    def commitment(self, commitment_id: str) -> Commitment:
        return next(c for c in self.commitments if c.id == commitment_id)

    def source_url(self, source_id: str) -> str | None:
        return next((s.url for s in self.sources if s.id == source_id), None)


class Document(_Record):
    """One source text or dataset row as ingested."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None


class Report(BaseModel):
    """A claim, found in one document, that an attack happened (fields as docs/labeling.md)."""

    date: dt.date | None = None
    date_precision: Literal["day", "week", "month", "year"] | None = None
    country: str | None = None
    admin1: str | None = None
    place: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    target_class: str = "unknown"
    target_text: str | None = None
    weapon: str | None = None
    perpetrator: str | None = None
    claimed_by: str | None = None
    negated: bool = False
    evidence: str = ""
    confidence: float = Field(default=0.5, ge=0, le=1)
    reasons: dict[str, str] = Field(default_factory=dict)


class VerdictKind(StrEnum):
    """The judgement of one incident under one reading of one commitment, strongest first:
    the order in which summaries, legends and maps list them."""

    VIOLATION = "violation"
    POSSIBLE_VIOLATION = "possible_violation"
    DISPUTED = "disputed"
    OUTSIDE_WINDOW = "outside_window"
    OUTSIDE_AREA = "outside_area"
    OUT_OF_SCOPE = "out_of_scope"
    NOT_BOUND = "not_bound"
