"""Merging candidate reports of one document: one report per (date, region, target class).

A strike said twice is one report; a vaguer duplicate (no region, generic "energy facility",
"critical infrastructure", an inferred class) folds into the clearer report, handing over its
denial and, when it is the clearer statement, who says what. When the two sides name different
targets for one strike, the attacked side's account is kept (docs/labeling.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from trucewatch.geo import Entry
from trucewatch.model import Report
from trucewatch.profiles import Profile
from trucewatch.taxonomy import target_group

from .segment import Sentence

__all__ = ["Candidate", "merge", "to_report"]

_SPECIFIC_ENERGY = frozenset({
    "energy.oil_refinery", "energy.oil_gas_network", "energy.power_generation",
    "energy.power_grid", "energy.nuclear", "energy.hydro",
})


@dataclass
class Candidate:
    """A report found in one sentence, before merging."""

    sentence: Sentence
    anchor: int
    target_class: str
    target_text: str | None
    place: Entry | None
    date: dt.date | None
    precision: str | None
    weapon: str | None
    perpetrator: str | None
    claimed_by: str | None
    negated: bool
    confidence: float
    weak: bool
    reasons: dict[str, str] = field(default_factory=dict)
    generic: bool = False  # a vague "energy facility" that a specific report may absorb
    vague: bool = False  # "critical infrastructure": another report of the strike names it

    @property
    def admin1(self) -> str | None:
        return self.place.admin1 if self.place else None





def _close(a: dt.date | None, b: dt.date | None) -> bool:
    """Within a day; an unknown date (no publication date) is close to any."""
    if a is None or b is None:
        return True
    return abs((a - b).days) <= 1


def merge(candidates: list[Candidate], profile: Profile) -> list[Candidate]:
    """One report per (date, region, class); drop vaguer duplicates of a clearer report."""
    kept: list[Candidate] = []
    for c in candidates:
        same = next((k for k in kept if k.target_class == c.target_class and
                     k.admin1 == c.admin1 and (k.date == c.date or None in (k.date, c.date))),
                    None)
        if same is None and c.admin1:
            # the other side names another target for the same strike: keep the text's own
            same = next((k for k in kept if k.admin1 == c.admin1 and k.date == c.date and
                         "unknown" not in (k.target_class, c.target_class) and
                         k.perpetrator == c.perpetrator and k.claimed_by != c.claimed_by and
                         profile.is_side(k.claimed_by) and profile.is_side(c.claimed_by) and
                         (k.place == c.place or None in (k.place, c.place))), None)
            if same is not None:
                if same.claimed_by == same.perpetrator and c.claimed_by != c.perpetrator:
                    # the attacker's own version yields to the attacked side's account
                    kept[kept.index(same)] = c
                    same, c = c, same
                same.reasons["target_class"] += (
                    f"; the {c.claimed_by} side names another target ({c.target_class})")
                continue
        if same is not None:
            _absorb(same, c, keep_target=False)
            if c.place and same.place and c.place.kind == "settlement" and \
                    same.place.kind != "settlement":
                same.place = c.place
            continue
        kept.append(c)
    out = []
    for c in kept:
        others = [k for k in kept if k is not c and _close(k.date, c.date)]
        located = [k for k in others if k.target_class == c.target_class and k.admin1]
        if c.admin1 is None and located:
            _absorb(located[0], c, keep_target=True)
            continue
        summed = [k for k in others if k.admin1 and k.date == c.date and
                  k.sentence.index > c.sentence.index and k.claimed_by == c.claimed_by and
                  k.perpetrator == c.perpetrator and target_group(k.target_class) == "energy"]
        if c.admin1 is None and c.generic and summed:
            # "struck the grid three times in a day" over the strikes the text
            # then tells region by region, that day: a summary of them, not one more strike
            _absorb(summed[0], c, keep_target=True)
            continue
        if c.weak and c.target_class == "unknown" and any(
                k.admin1 == c.admin1 and k.target_class != "unknown" and
                (k.place == c.place or k.place is None or c.place is None or
                 k.place.kind != "settlement") for k in others):
            continue
        if c.weak and c.target_class != "unknown" and any(
                k.admin1 == c.admin1 and target_group(k.target_class) == "energy" and
                not k.weak for k in others):
            continue
        if c.vague and c.admin1 and c.target_class != "civilian" and any(
                k.admin1 == c.admin1 and
                k.target_class not in ("unknown", "civilian", c.target_class) and
                not k.vague for k in others):
            continue  # "critical infrastructure" beside "a substation" in that region that day
            # (homes beside it are another target: "houses and a civilian facility damaged")
        specific = [k for k in others if k.admin1 == c.admin1 and not k.weak and
                    k.target_class in _SPECIFIC_ENERGY]
        if c.target_class == "energy.other" and c.generic and c.admin1 and specific:
            _absorb(specific[0], c, keep_target=True)
            continue
        out.append(c)
    return out


def _absorb(kept: Candidate, other: Candidate, keep_target: bool) -> None:
    """Fold ``other`` (the same strike, said again) into ``kept``: a denial or date carries
    over, and the who-says-what of the clearer statement (higher confidence) wins."""
    kept.negated = kept.negated or other.negated
    kept.vague = kept.vague and other.vague  # "homes" said beside "civilian infrastructure"
    if kept.date is None:
        kept.date, kept.precision = other.date, other.precision
    if other.confidence > kept.confidence:
        kept.perpetrator, kept.claimed_by = other.perpetrator, other.claimed_by
        for key in ("perpetrator", "claimed_by", "negated"):
            if key in other.reasons:
                kept.reasons[key] = other.reasons[key]
        if not keep_target:
            kept.sentence, kept.target_text = other.sentence, other.target_text
        kept.confidence = other.confidence


def to_report(c: Candidate, profile: Profile) -> Report:
    place = c.place
    settlement = place is not None and place.kind == "settlement"
    return Report(
        date=c.date, date_precision=c.precision,
        country=place.admin1[:2] if place else profile.opposite(c.perpetrator),
        admin1=place.admin1 if place else None,
        place=place.name_en if settlement else None,
        lat=place.lat if settlement else None, lon=place.lon if settlement else None,
        target_class=c.target_class, target_text=c.target_text, weapon=c.weapon,
        perpetrator=c.perpetrator, claimed_by=c.claimed_by, negated=c.negated,
        evidence=" ".join(c.sentence.text.split()), confidence=c.confidence,
        reasons=c.reasons,
    )
