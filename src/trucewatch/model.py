"""The concepts of trucewatch as typed records (see DESIGN.md, "Concepts").

Agreement → commitments → readings describe what was agreed, one reading per party that
worded a commitment. Document → reports → incidents → verdicts describe what happened and
how it is judged under each reading.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from trucewatch.taxonomy import expand_scope, is_party_code

__all__ = [
    "Agreement",
    "Commitment",
    "CommitmentKind",
    "Condition",
    "Document",
    "PartyCode",
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
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 party code such as RU, UA, US")
    return code


#: A party: an ISO 3166-1 alpha-2 code (LABELING.md "Party codes").
PartyCode = Annotated[str, AfterValidator(_check_party)]


class Source(_Record):
    """A public text an agreement, commitment or reading is taken from."""

    id: str = Field(pattern=_SLUG)
    url: str = Field(pattern=r"^https?://")
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


class StatusEntry(_Record):
    """The state of an agreement or commitment from a date on."""

    date: dt.date
    status: Literal[
        "proposed", "agreed", "agreed_in_principle", "in_force", "carried_out",
        "suspended", "expired", "collapsed", "negotiating",
    ]
    note: str | None = None
    source: str | None = None


class Condition(_Record):
    """A condition one party attaches to a commitment, in its own words.

    ``reciprocity``: holds only while the other side holds; ``escape``: a violation by one side
    frees the other; ``precondition``: must be met first; ``demand``: asked for alongside;
    ``extension``: how the commitment may be prolonged.
    """

    kind: Literal["reciprocity", "escape", "precondition", "demand", "extension"]
    text: str


class Reading(_Record):
    """One party's version of a commitment: scope, window, area and conditions."""

    party: PartyCode
    scope: list[str] = Field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
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


class Commitment(_Record):
    """One promise inside an agreement; ``halt_strikes`` ones carry a reading per party."""

    id: str = Field(pattern=_SLUG)
    kind: CommitmentKind
    title: str
    bound: list[PartyCode] | None = None
    due: dt.date | None = None
    numbers: dict[str, int] = Field(default_factory=dict)
    status: list[StatusEntry] = Field(default_factory=list)
    readings: list[Reading] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class Agreement(_Record):
    """A deal between parties, with its mediators, sources, status history and commitments."""

    id: str = Field(pattern=_SLUG)
    title: str
    parties: list[PartyCode] = Field(min_length=1)
    mediators: list[PartyCode] = Field(default_factory=list)
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
    """A claim, found in one document, that an attack happened (fields as LABELING.md)."""

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
