"""trucewatch: monitor compliance with ceasefires and partial truces.

The public Python API. Records (``Agreement``, ``Reading``, ``Report``, ...) live in
:mod:`trucewatch.model`; the functions below are the entry points the CLI also uses.
"""

from trucewatch.agreements import (
    add_agreement,
    dump_spec,
    get_agreement,
    list_agreements,
    load_spec,
    parse_spec,
    reading_differences,
    side_by_side,
)
from trucewatch.errors import (
    InputError,
    NotFoundError,
    SchemaVersionError,
    SpecError,
    StoreError,
    TrucewatchError,
    UsageError,
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
from trucewatch.store import Store, open_store
from trucewatch.text import classify_target, extract

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "Commitment",
    "CommitmentKind",
    "Condition",
    "Document",
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
    "classify_target",
    "dump_spec",
    "extract",
    "get_agreement",
    "list_agreements",
    "load_spec",
    "open_store",
    "parse_spec",
    "reading_differences",
    "side_by_side",
]
