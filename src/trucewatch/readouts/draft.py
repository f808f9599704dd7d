"""Draft an agreement spec from statements: one reading per speaker, each quoting its source.

The draft is a starting point for an analyst: every reading carries the sentence its scope
was read from and the source it came from, and the YAML says to review it before
``trucewatch agreement add``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trucewatch import profiles
from trucewatch.agreements import dump_spec
from trucewatch.errors import InputError
from trucewatch.model import Agreement, Commitment, CommitmentKind, Reading, Source

from .compare import Comparison, compare, merge_terms
from .terms import Statement, StatementTerms

__all__ = ["draft_agreement", "draft_spec"]

#: Follow-on steps that are not negotiations of their own.
_NOT_TALKS = ("extension", "extension_by_mutual_agreement", "prisoner_exchange")
_HEADER = (
    "# Draft agreement spec written by `trucewatch agreement from-statements`.\n"
    "# Review every reading against its quote and source, fill in status, then run\n"
    "# `trucewatch agreement check` and `trucewatch agreement add`.\n"
)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return slug or "statement"


def _sources(statements: Sequence[Statement]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for statement in statements:
        if not statement.url:
            raise InputError(
                f"statement {statement.id!r} has no url; a spec cites every source by url",
                field="url", hint="add `url: https://...` to its front matter or JSONL record",
            )
        sources[statement.id] = Source(
            id=_slug(statement.id), url=statement.url, outlet=statement.outlet,
            published=statement.published,
        )
    return sources


def _talks(read: Sequence[StatementTerms], sources: dict[str, Source]) -> list[Commitment]:
    named: dict[str, list[str]] = {}
    for item in read:
        for step in item.terms.follow_on:
            if step not in _NOT_TALKS:
                named.setdefault(step, []).append(sources[item.id].id)
    return [
        Commitment(id=f"talks-{_slug(step)}", kind=CommitmentKind.TALKS,
                   title=f"Talks on {step.replace('_', ' ')}",
                   sources=list(dict.fromkeys(refs)))
        for step, refs in named.items()
    ]


def _exchange(read: Sequence[StatementTerms], sources: dict[str, Source]) -> list[Commitment]:
    naming = [i for i in read if i.terms.numbers or "prisoner_exchange" in i.terms.follow_on]
    if not naming:
        return []
    numbers = merge_terms(naming).numbers
    return [Commitment(
        id="prisoner-exchange", kind=CommitmentKind.EXCHANGE, title="Prisoner exchange",
        numbers=numbers, sources=list(dict.fromkeys(sources[i.id].id for i in naming)),
    )]


def draft_agreement(
    statements: Sequence[Statement],
    *,
    agreement_id: str | None = None,
    title: str | None = None,
    sides: Sequence[str] | None = None,
    comparison: Comparison | None = None,
    profile: str | None = None,
) -> Agreement:
    """An agreement with a halt_strikes commitment read by every speaker of ``statements``
    under conflict ``profile`` (by default the one its speakers are sides of,
    :func:`trucewatch.profiles.for_speakers`), which the agreement names."""
    sources = _sources(statements)
    conflict = profiles.get(profile) if profile else \
        profiles.for_speakers(s.speaker for s in statements)
    comparison = comparison or compare(statements, sides=sides, profile=conflict.name)
    by_url = {s.url: sources[s.id].id for s in statements}
    readings = [
        Reading.model_validate({**r.model_dump(), "source": by_url.get(r.source, r.source)})
        for r in comparison.readings
    ]
    sides = list(sides) if sides is not None else list(conflict.sides)
    bound = {code for r in readings for code in r.bound or []}
    parties = sorted(set(sides) | bound)
    speakers = list(dict.fromkeys(r.party for r in readings))
    events = {s.event for s in statements if s.event}
    halt = Commitment(
        id="halt-strikes", kind=CommitmentKind.HALT_STRIKES,
        title="Halt on strikes, as each party worded it", readings=readings,
        sources=list(dict.fromkeys(s.id for s in sources.values())),
    )
    return Agreement(
        id=agreement_id or _slug("draft-" + (events.pop() if len(events) == 1 else "agreement")),
        title=title or f"Draft from statements by {', '.join(speakers)}",
        parties=parties,
        mediators=[p for p in speakers if p not in parties],
        sources=list(sources.values()),
        commitments=[halt, *_exchange(comparison.statements, sources),
                     *_talks(comparison.statements, sources)],
    )


def draft_spec(
    statements: Sequence[Statement],
    *,
    agreement_id: str | None = None,
    title: str | None = None,
    sides: Sequence[str] | None = None,
    profile: str | None = None,
) -> str:
    """The drafted agreement as spec YAML, with a header saying it needs review."""
    agreement = draft_agreement(statements, agreement_id=agreement_id, title=title, sides=sides,
                                profile=profile)
    return _HEADER + dump_spec(agreement)
