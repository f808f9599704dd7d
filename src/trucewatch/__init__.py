"""trucewatch: monitor compliance with ceasefires and partial truces.

The public Python API. Records (``Agreement``, ``Reading``, ``Report``, ...) live in
:mod:`trucewatch.model`; the functions below are the entry points the CLI also uses.
"""

from importlib.metadata import version as _version

from trucewatch.agreements import (
    dump_spec,
    get_agreement,
    list_agreements,
    load_spec,
    parse_spec,
    reading_differences,
    side_by_side,
)
from trucewatch.assess import assess, assess_readings, summarise
from trucewatch.assess.reviews import add_review
from trucewatch.commitments import commitments_view
from trucewatch.errors import (
    InputError,
    NotFoundError,
    SchemaVersionError,
    SpecError,
    StoreError,
    TrucewatchError,
    UsageError,
)
from trucewatch.incidents import (
    IncidentFilter,
    count_incidents,
    daily_counts,
    get_incident,
    query_incidents,
)
from trucewatch.model import (
    Agreement,
    Commitment,
    CommitmentKind,
    Condition,
    Document,
    Reading,
    Report,
    Source,
    StatusEntry,
    VerdictKind,
)
from trucewatch.readouts import read_statements, statement_terms
from trucewatch.report import write_report
from trucewatch.store import Store, open_store
from trucewatch.text import classify_target, extract
from trucewatch.workflow import add_agreement, ingest, review, set_status

__version__ = _version("trucewatch")

__all__ = [
    "Agreement",
    "Commitment",
    "CommitmentKind",
    "Condition",
    "Document",
    "IncidentFilter",
    "InputError",
    "NotFoundError",
    "Reading",
    "Report",
    "SchemaVersionError",
    "Source",
    "SpecError",
    "StatusEntry",
    "Store",
    "StoreError",
    "TrucewatchError",
    "UsageError",
    "VerdictKind",
    "add_agreement",
    "add_review",
    "assess",
    "assess_readings",
    "classify_target",
    "commitments_view",
    "count_incidents",
    "daily_counts",
    "dump_spec",
    "extract",
    "get_agreement",
    "get_incident",
    "ingest",
    "list_agreements",
    "load_spec",
    "open_store",
    "parse_spec",
    "query_incidents",
    "read_statements",
    "reading_differences",
    "review",
    "set_status",
    "side_by_side",
    "statement_terms",
    "summarise",
    "write_report",
]
