"""Agreements in the store: add (idempotent, versioned), list and fetch.

A spec is identified by its id and the hash of its canonical JSON. Adding the same spec again
changes nothing; a changed spec with the same id becomes version N+1 and every earlier
version is kept. Commitments and readings are also written as rows, patterns expanded to
classes, so the assessment can join them in SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import duckdb

from trucewatch import profiles
from trucewatch.errors import NotFoundError, UsageError
from trucewatch.model import Agreement, Commitment, Reading
from trucewatch.store import Store

__all__ = [
    "AddOutcome",
    "AddResult",
    "AgreementSummary",
    "add_agreement",
    "agreement_versions",
    "bound_parties",
    "get_agreement",
    "list_agreements",
    "stored_profile",
]


class AddOutcome(StrEnum):
    ADDED = "added"
    NEW_VERSION = "new_version"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class AddResult:
    agreement_id: str
    version: int
    outcome: AddOutcome


@dataclass(frozen=True)
class AgreementSummary:
    id: str
    version: int
    title: str
    parties: list[str]
    mediators: list[str]
    commitments: int
    added_at: dt.datetime


def content_hash(agreement: Agreement) -> str:
    canonical = json.dumps(agreement.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def stored_profile(store: Store) -> str | None:
    """The conflict profile of the agreements in ``store`` (their latest versions; one that
    names none is of :data:`trucewatch.profiles.DEFAULT`), or None when it holds none.
    Agreements of different profiles in one database are refused: texts would be read with one
    conflict's words and judged under another's agreements."""
    rows = store.conn.execute(
        "SELECT DISTINCT coalesce(json_extract_string(spec, '$.profile'), ?) FROM agreements a "
        "WHERE version = (SELECT max(version) FROM agreements b WHERE b.id = a.id) ORDER BY 1",
        [profiles.DEFAULT]).fetchall()
    if len(rows) > 1:
        raise UsageError("the database holds agreements of the profiles "
                         + " and ".join(r[0] for r in rows),
                         hint="give --profile, or keep one conflict per database")
    return rows[0][0] if rows else None


def bound_parties(agreement: Agreement, commitment: Commitment, reading: Reading) -> list[str]:
    """Who must stop under a reading: its own ``bound``, else the commitment's, else all parties."""
    return reading.bound or commitment.bound or agreement.parties


def add_agreement(
    store: Store, agreement: Agreement, source_path: str | Path | None = None
) -> AddResult:
    """Store ``agreement``; a no-op when the latest version is the same agreement (compared as
    records, so a spec stored before the spec format grew new fields stays unchanged)."""
    digest = content_hash(agreement)
    latest = store.conn.execute(
        "SELECT version, content_hash, spec FROM agreements WHERE id = ? "
        "ORDER BY version DESC LIMIT 1", [agreement.id],
    ).fetchone()
    if latest and (latest[1] == digest
                   or Agreement.model_validate_json(latest[2]) == agreement):
        return AddResult(agreement.id, latest[0], AddOutcome.UNCHANGED)
    version = latest[0] + 1 if latest else 1
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO agreements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [agreement.id, version, agreement.title, agreement.parties, agreement.mediators,
             agreement.model_dump_json(), digest, str(source_path) if source_path else None,
             dt.datetime.now(dt.UTC), store.actor],
        )
        for commitment in agreement.commitments:
            _insert_commitment(conn, agreement, version, commitment)
        store.audit(
            "add" if version == 1 else "new_version", "agreement", agreement.id,
            {"version": version, "content_hash": digest, "source_path": str(source_path or "")},
        )
    outcome = AddOutcome.ADDED if version == 1 else AddOutcome.NEW_VERSION
    return AddResult(agreement.id, version, outcome)


def _insert_commitment(
    conn: duckdb.DuckDBPyConnection, agreement: Agreement, version: int, commitment: Commitment
) -> None:
    latest = max(commitment.status, key=lambda s: s.date, default=None)
    conn.execute(
        "INSERT INTO commitments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [agreement.id, version, commitment.id, commitment.kind.value, commitment.title,
         commitment.bound or agreement.parties, latest.status if latest else None,
         latest.date if latest else None, commitment.due, json.dumps(commitment.numbers)],
    )
    for reading in commitment.readings:
        conn.execute(
            "INSERT INTO readings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [agreement.id, version, commitment.id, reading.party, reading.scope, reading.classes,
             reading.start, reading.last_day, reading.duration_days, reading.area,
             bound_parties(agreement, commitment, reading),
             json.dumps([c.model_dump() for c in reading.conditions]),
             reading.has_escape_clause, reading.quote,
             agreement.source_url(reading.source) or reading.source],
        )


def list_agreements(store: Store) -> list[AgreementSummary]:
    """The latest version of every stored agreement, by id."""
    rows = store.conn.execute(
        """
        SELECT a.id, a.version, a.title, a.parties, a.mediators,
               (SELECT count(*) FROM commitments c
                 WHERE c.agreement_id = a.id AND c.version = a.version),
               a.added_at
        FROM agreements a
        WHERE a.version = (SELECT max(version) FROM agreements b WHERE b.id = a.id)
        ORDER BY a.id
        """
    ).fetchall()
    return [AgreementSummary(*row) for row in rows]


def get_agreement(store: Store, agreement_id: str, version: int | None = None) -> Agreement:
    """The stored agreement ``agreement_id`` (latest version unless ``version`` is given)."""
    row = store.conn.execute(
        "SELECT spec FROM agreements WHERE id = ? AND (? IS NULL OR version = ?) "
        "ORDER BY version DESC LIMIT 1",
        [agreement_id, version, version],
    ).fetchone()
    if row is None:
        known = [s.id for s in list_agreements(store)]
        what = f"version {version} of agreement" if version else "agreement"
        raise NotFoundError(
            f"no {what} {agreement_id!r} in the store", path=store.path,
            hint=f"known: {', '.join(known)}" if known
            else "add one with `trucewatch agreement add SPEC`",
        )
    return Agreement.model_validate_json(row[0])


def agreement_versions(store: Store, agreement_id: str) -> list[int]:
    """Every stored version number of ``agreement_id``, oldest first."""
    rows = store.conn.execute(
        "SELECT version FROM agreements WHERE id = ? ORDER BY version", [agreement_id]
    ).fetchall()
    return [r[0] for r in rows]
