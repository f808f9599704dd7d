"""The verdict index: which verdicts each incident has, as bits of one column of ``incidents``.

Each (agreement, commitment, party whose reading, verdict) key that verdicts can take gets a
bit in ``verdict_keys`` (at most :data:`BITS`; keys past that get none). An incident's
``verdict_bits`` is the OR of the bits of its verdicts, so a verdict filter is one AND over
the incidents table instead of a join with millions of verdicts. The assessment and reviews
keep it current; after writing verdicts by hand, call :func:`index_verdicts`.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from trucewatch.model import VerdictKind

__all__ = ["BITS", "index_judged", "index_verdicts", "register_keys", "verdict_mask"]

#: Width of ``incidents.verdict_bits`` (UHUGEINT).
BITS = 128

_KEY_COLUMNS = "agreement_id, commitment_id, party, verdict"

_REGISTER = f"""
INSERT INTO verdict_keys (bit, {_KEY_COLUMNS})
SELECT CASE WHEN n < {BITS} THEN n END, {_KEY_COLUMNS}
FROM (
    SELECT (SELECT coalesce(max(bit) + 1, 0) FROM verdict_keys)
           + row_number() OVER (ORDER BY {_KEY_COLUMNS}) - 1 AS n, {_KEY_COLUMNS}
    FROM ({{pairs}}) new
    WHERE NOT EXISTS (SELECT 1 FROM verdict_keys k WHERE k.agreement_id = new.agreement_id
                      AND k.commitment_id = new.commitment_id AND k.party = new.party
                      AND k.verdict = new.verdict)
)
"""

#: OR of the bits of the verdict rows of a relation (needs the key columns).
_BITS_OF = "bit_or(CAST(1 AS UHUGEINT) << CAST(k.bit AS UHUGEINT))"
_JOIN_KEYS = ("JOIN verdict_keys k ON k.agreement_id = v.agreement_id "
              "AND k.commitment_id = v.commitment_id AND k.party = v.party "
              "AND k.verdict = v.verdict AND k.bit IS NOT NULL")


def register_keys(conn: duckdb.DuckDBPyConnection, readings: str) -> None:
    """Give a bit to every verdict key the ``readings`` relation (agreement_id,
    commitment_id, party) can produce that has none yet."""
    kinds = ", ".join(f"('{kind.value}')" for kind in VerdictKind)
    conn.execute(_REGISTER.format(pairs=(
        f"SELECT DISTINCT r.agreement_id, r.commitment_id, r.party, kinds.verdict "
        f"FROM {readings} r, (VALUES {kinds}) kinds(verdict)")))


def _clear(conn: duckdb.DuckDBPyConnection, agreement_id: str | None) -> None:
    """Drop the bits of ``agreement_id``'s keys (or every bit) from every incident."""
    if agreement_id is None:
        conn.execute("UPDATE incidents SET verdict_bits = NULL WHERE verdict_bits IS NOT NULL")
        return
    bits = conn.execute("SELECT list(bit) FROM verdict_keys WHERE agreement_id = ? "
                        "AND bit IS NOT NULL", [agreement_id]).fetchone()[0] or []
    mask = sum(1 << bit for bit in bits)
    conn.execute("UPDATE incidents SET verdict_bits = verdict_bits & ~CAST(? AS UHUGEINT) "
                 "WHERE (verdict_bits & CAST(? AS UHUGEINT)) <> 0", [mask, mask])


def index_judged(conn: duckdb.DuckDBPyConnection, judged: str, agreement_id: str | None
                 ) -> None:
    """Index freshly judged verdicts: ``judged`` has the verdict rows of ``agreement_id`` (or
    of all agreements) with ``incident_row``, the incident's rowid."""
    _clear(conn, agreement_id)
    conn.execute(f"""
        UPDATE incidents SET verdict_bits = coalesce(incidents.verdict_bits, 0) | found.bits
        FROM (SELECT v.incident_row, {_BITS_OF} AS bits FROM {judged} v {_JOIN_KEYS}
              GROUP BY v.incident_row) found
        WHERE incidents.rowid = found.incident_row""")


def index_verdicts(conn: duckdb.DuckDBPyConnection, incident_ids: Sequence[str] | None = None
                   ) -> None:
    """Rebuild the index of every incident (or of ``incident_ids``) from ``verdicts``."""
    where, params = ("", []) if incident_ids is None else (
        "WHERE list_contains($ids, v.incident_id)", {"ids": list(incident_ids)})
    conn.execute(_REGISTER.format(
        pairs=f"SELECT DISTINCT {_KEY_COLUMNS} FROM verdicts v {where}"), params)
    if incident_ids is None:
        _clear(conn, None)
    else:
        conn.execute("UPDATE incidents SET verdict_bits = NULL WHERE list_contains($ids, id)",
                     params)
    conn.execute(f"""
        UPDATE incidents SET verdict_bits = found.bits
        FROM (SELECT v.incident_id, {_BITS_OF} AS bits FROM verdicts v {_JOIN_KEYS} {where}
              GROUP BY v.incident_id) found
        WHERE incidents.id = found.incident_id""", params)


def verdict_mask(
    conn: duckdb.DuckDBPyConnection, *, verdict: str | None = None,
    agreement: str | None = None, commitment: str | None = None, party: str | None = None,
) -> int | None:
    """The bits of the keys that match (``None`` fields match any); ``None`` when a matching
    key has no bit, so the caller must read ``verdicts`` instead; 0 when no key matches."""
    bits = conn.execute(
        "SELECT list(bit) FROM verdict_keys WHERE (CAST($1 AS VARCHAR) IS NULL OR verdict = $1)"
        " AND (CAST($2 AS VARCHAR) IS NULL OR agreement_id = $2)"
        " AND (CAST($3 AS VARCHAR) IS NULL OR commitment_id = $3)"
        " AND (CAST($4 AS VARCHAR) IS NULL OR party = $4)",
        [verdict, agreement, commitment, party]).fetchone()[0] or []
    if any(bit is None for bit in bits):
        return None
    return sum(1 << bit for bit in bits)
