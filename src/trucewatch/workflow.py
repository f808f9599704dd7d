"""The flow of trucewatch end to end, and every write that verdicts depend on.

Each step lives in its own layer (:mod:`trucewatch.sources`, :mod:`trucewatch.incidents`,
:mod:`trucewatch.assess`, :mod:`trucewatch.commitments`); this module is the one place that
chains them, so that the CLI, the Python API and the dashboard run the same sequence. Every
change verdicts depend on goes through here and leaves them current in the same transaction:

* :func:`ingest`: each file's reports, the incidents merged from them, the commitment events
  read from its documents, and the verdicts, in the file's transaction;
* :func:`add_agreement`: a new agreement or version and its verdicts;
* :func:`set_status`: a status entry (or a precondition's state) as a new version, and its
  verdicts;
* :func:`review`: an analyst's review and the verdicts it changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trucewatch import profiles
from trucewatch.agreements import AddOutcome, AddResult, get_agreement, stored_profile
from trucewatch.agreements import add_agreement as store_agreement
from trucewatch.assess import assess
from trucewatch.assess.costs import reading_costs
from trucewatch.assess.reviews import add_review
from trucewatch.commitments import read_events
from trucewatch.errors import NotFoundError
from trucewatch.incidents import merge_incidents
from trucewatch.model import Agreement, PreconditionState, Reading, StatusEntry
from trucewatch.readouts import Comparison, Statement, compare
from trucewatch.sources import FileResult
from trucewatch.sources.ingest import ingest_files
from trucewatch.sources.registry import TEXT_FORMATS
from trucewatch.store import Store

__all__ = ["IngestSummary", "add_agreement", "compare_statements", "ingest", "review",
           "set_precondition", "set_status", "statement_costs", "update_verdicts",
           "verdicts_stale"]


@dataclass
class IngestSummary:
    """What an ingest run did: per file, then the incidents and verdicts rebuilt."""

    files: list[FileResult] = field(default_factory=list)
    incidents: int | None = None
    verdicts: int | None = None
    events: int | None = None


def ingest(
    store: Store, source_format: str, paths: Sequence[str | Path], *, skip_bad: bool = False,
    rejects_path: str | Path | None = None, merge: bool = True,
    progress: Callable[[Path, int, int], None] | None = None, timeout: float = 30.0,
    step: Callable[[str], None] | None = None, **options: Any,
) -> IngestSummary:
    """Ingest ``paths`` as ``source_format`` (see :func:`trucewatch.sources.ingest.ingest_files`).
    Texts and feeds are read under ``options["profile"]`` when given, else under the profile of
    the stored agreements (:func:`~trucewatch.agreements.stored_profile`), else the default.

    With ``merge`` (the default), each file that changes anything is followed, in its own
    transaction, by reading commitment events from its documents, merging incidents and
    judging them: when the call returns, or fails on a later file, nothing stored is stale.
    ``merge=False`` leaves that to a later call (a batch of files then judged once).
    ``step(text)`` is told when each of those steps begins (they take seconds on big stores).
    """
    summary = IngestSummary()
    if source_format in TEXT_FORMATS:
        profile = options.pop("profile", None) or stored_profile(store) or profiles.DEFAULT
        if profile != profiles.DEFAULT:  # the default is no option: the same identity as ever
            options["profile"] = profile

    def bring_up_to_date(_: FileResult) -> None:
        summary.events, summary.incidents, summary.verdicts = _judge(store, step)

    summary.files = ingest_files(
        store, source_format, paths, skip_bad=skip_bad, rejects_path=rejects_path,
        progress=progress, timeout=timeout, after_file=bring_up_to_date if merge else None,
        **options)
    return summary


def update_verdicts(store: Store) -> tuple[int, int]:
    """Read commitment events from the stored documents, rebuild incidents from the stored
    reports and judge them under every stored agreement, in one transaction; return
    (incidents, verdicts). For writers that ingest with ``merge=False`` and judge once after a
    batch (the watcher)."""
    with store.transaction():
        _, incidents, verdicts = _judge(store)
    return incidents, verdicts


def verdicts_stale(store: Store) -> bool:
    """Whether a file was ingested or an agreement added since every agreement was last judged
    (read from the audit log, so a process killed between ingesting and judging still knows
    on its next start that it has to judge)."""
    changed, judged = store.conn.execute(
        "SELECT max(id) FILTER (WHERE (action = 'ingest' AND entity = 'file') "
        "    OR (action IN ('add', 'new_version') AND entity = 'agreement')), "
        "  max(id) FILTER (WHERE action = 'assess' AND entity_id IS NULL) "
        "FROM audit_log").fetchone()
    return changed is not None and (judged is None or changed > judged)


def _judge(store: Store, step: Callable[[str], None] | None = None) -> tuple[int, int, int]:
    """Events read, incidents and verdicts after reading events, merging and judging;
    ``step(text)`` is told when each step begins."""
    announce = step or (lambda text: None)
    announce("reading commitment events")
    events = read_events(store)
    announce("merging reports into incidents")
    incidents = merge_incidents(store)
    announce("judging incidents under every reading")
    return events, incidents, assess(store)


def add_agreement(store: Store, agreement: Agreement,
                  source_path: str | Path | None = None) -> AddResult:
    """Store ``agreement`` (a no-op when the latest version is the same) and judge every
    incident under its readings, in one transaction."""
    with store.transaction():
        result = store_agreement(store, agreement, source_path)
        if result.outcome is not AddOutcome.UNCHANGED:
            assess(store, agreement.id)
    return result


def set_status(store: Store, agreement_id: str, entry: StatusEntry, *,
               commitment_id: str | None = None) -> AddResult:
    """Add a status entry to the agreement (or to one commitment) as a new version, and judge
    again under it."""
    agreement = get_agreement(store, agreement_id)
    if commitment_id is None:
        changed = agreement.model_copy(update={"status": [*agreement.status, entry]})
    else:
        commitment = _commitment(agreement, commitment_id)
        updated = commitment.model_copy(update={"status": [*commitment.status, entry]})
        changed = _replace(agreement, updated)
    return add_agreement(store, Agreement.model_validate(changed.model_dump()))


def set_precondition(store: Store, agreement_id: str, commitment_id: str,
                     precondition_id: str, state: PreconditionState) -> AddResult:
    """Record what a party says of a precondition (met or unmet) as a new version, and judge
    again under it."""
    agreement = get_agreement(store, agreement_id)
    commitment = _commitment(agreement, commitment_id)
    found = next((p for p in commitment.preconditions if p.id == precondition_id), None)
    if found is None:
        known = ", ".join(p.id for p in commitment.preconditions) or "none"
        raise NotFoundError(f"no precondition {precondition_id!r} in {commitment_id}",
                            hint=f"its preconditions: {known}")
    updated = commitment.model_copy(update={"preconditions": [
        p.model_copy(update={"states": [*p.states, state]}) if p is found else p
        for p in commitment.preconditions]})
    changed = _replace(agreement, updated)
    return add_agreement(store, Agreement.model_validate(changed.model_dump()))


def _commitment(agreement: Agreement, commitment_id: str) -> Any:
    found = next((c for c in agreement.commitments if c.id == commitment_id), None)
    if found is None:
        known = ", ".join(c.id for c in agreement.commitments)
        raise NotFoundError(f"no commitment {commitment_id!r} in {agreement.id}",
                            hint=f"its commitments: {known}")
    return found


def _replace(agreement: Agreement, commitment: Any) -> Agreement:
    return agreement.model_copy(update={"commitments": [
        commitment if c.id == commitment.id else c for c in agreement.commitments]})


def review(store: Store, incident_id: str, action: str, note: str = "", *,
           perpetrator: str | None = None, reviewer: str | None = None) -> dict[str, Any]:
    """Record an analyst's review; the verdicts it overrides change in the same transaction
    (see :func:`trucewatch.assess.reviews.add_review`)."""
    return add_review(store, incident_id, action, note, perpetrator=perpetrator,
                      reviewer=reviewer)


def compare_statements(
    statements: Sequence[Statement], *, sides: Sequence[str] | None = None,
    store: Store | None = None, profile: str | None = None,
) -> Comparison:
    """Compare the statements' terms (:func:`trucewatch.readouts.compare`) read under conflict
    ``profile``; when ``store`` holds incidents, also count those that are violations under
    one speaker's reading and not under another's (``costs``)."""
    comparison = compare(statements, sides=sides, profile=profile)
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
