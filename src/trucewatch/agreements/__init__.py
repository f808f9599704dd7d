"""Agreements: the YAML spec, storing and versioning specs, and comparing readings."""

from __future__ import annotations

from .differences import Difference, describe_classes, reading_differences
from .side_by_side import SideBySide, TermRow, side_by_side
from .spec import dump_spec, load_spec, parse_spec
from .storage import (
    AddOutcome,
    AddResult,
    AgreementSummary,
    add_agreement,
    agreement_versions,
    bound_parties,
    get_agreement,
    list_agreements,
    stored_profile,
)

__all__ = [
    "AddOutcome",
    "AddResult",
    "AgreementSummary",
    "Difference",
    "SideBySide",
    "TermRow",
    "add_agreement",
    "agreement_versions",
    "bound_parties",
    "describe_classes",
    "dump_spec",
    "get_agreement",
    "list_agreements",
    "load_spec",
    "parse_spec",
    "reading_differences",
    "side_by_side",
    "stored_profile",
]
