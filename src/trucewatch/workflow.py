"""The flow of trucewatch end to end: sources into the store, reports merged into incidents,
incidents judged under every reading.

Each step lives in its own layer (:mod:`trucewatch.sources`, :mod:`trucewatch.incidents`,
:mod:`trucewatch.assess`); this module is the one place that chains them, so that the CLI,
the Python API and the dashboard run the same sequence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trucewatch.assess import assess
from trucewatch.assess.costs import reading_costs
from trucewatch.incidents import merge_incidents
from trucewatch.model import Reading
from trucewatch.readouts import Comparison, Statement, compare
from trucewatch.sources import FileResult
from trucewatch.sources.ingest import ingest_files
from trucewatch.store import Store

__all__ = ["IngestSummary", "compare_statements", "ingest", "statement_costs"]


@dataclass
class IngestSummary:
    """What an ingest run did: per file, then the incidents and verdicts rebuilt."""

    files: list[FileResult] = field(default_factory=list)
    incidents: int | None = None
    verdicts: int | None = None


def ingest(
    store: Store, source_format: str, paths: Sequence[str | Path], *, skip_bad: bool = False,
    rejects_path: str | Path | None = None, merge: bool = True,
    progress: Callable[[Path, int, int], None] | None = None, timeout: float = 30.0,
    step: Callable[[str], None] | None = None, **options: Any,
) -> IngestSummary:
    """Ingest ``paths`` as ``source_format`` (see :func:`trucewatch.sources.ingest.ingest_files`);
    then, when anything changed and ``merge`` is set, rebuild incidents and verdicts.
    ``step(text)`` is told when each of those two begins (they take seconds on big stores)."""
    summary = IngestSummary(files=ingest_files(
        store, source_format, paths, skip_bad=skip_bad, rejects_path=rejects_path,
        progress=progress, timeout=timeout, **options))
    if merge and any(not f.skipped_unchanged for f in summary.files):
        announce = step or (lambda text: None)
        announce("merging reports into incidents")
        summary.incidents = merge_incidents(store)
        announce("judging incidents under every reading")
        summary.verdicts = assess(store)
    return summary


def compare_statements(
    statements: Sequence[Statement], *, sides: Sequence[str] | None = None,
    store: Store | None = None,
) -> Comparison:
    """Compare the statements' terms (:func:`trucewatch.readouts.compare`); when ``store``
    holds incidents, also count those that are violations under one speaker's reading and
    not under another's (``costs``)."""
    comparison = compare(statements, sides=sides)
    if store is not None:
        comparison.costs = statement_costs(store, comparison.dated_readings)
    return comparison


def statement_costs(store: Store, readings: Sequence[Reading]) -> list[dict[str, Any]] | None:
    """What the differences between ``readings`` cost: the stored incidents that are
    violations under one and not another (:func:`trucewatch.assess.costs.reading_costs`);
    None when the store holds no incidents."""
    if not store.conn.execute("SELECT count(*) FROM incidents").fetchall()[0][0]:
        return None
    return [cost.as_dict() for cost in reading_costs(store.conn, readings)]
