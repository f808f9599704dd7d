"""The bundled example case, loaded into a fresh workspace.

``prepare_demo`` makes ``WORKSPACE/trucewatch.duckdb`` anew and loads a case's agreement spec
(the flagship by default, or another bundled case by name: ``india-pakistan-2025``); the CLI's
``demo`` command then runs its steps over the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trucewatch.agreements import load_spec
from trucewatch.errors import NotFoundError
from trucewatch.model import Agreement
from trucewatch.store import open_store
from trucewatch.store.owner import check_unused
from trucewatch.workflow import add_agreement

__all__ = ["CASES", "Demo", "bundled_case", "default_case", "prepare_demo"]

CASE_NAME = "energy-moratorium-2025"
#: The bundled cases, by name (folders under ``examples/``); the first is the default.
CASES = (CASE_NAME, "india-pakistan-2025")


@dataclass(frozen=True)
class Demo:
    """A prepared demo: where its files are and the agreement it loaded."""

    workspace: Path
    db: Path
    case: Path
    agreement: Agreement


def default_case() -> Path:
    """The flagship case folder: ``examples/energy-moratorium-2025`` of the source tree,
    else of the current folder."""
    return bundled_case(CASE_NAME)


def bundled_case(name: str) -> Path:
    """The folder of bundled case ``name`` (one of :data:`CASES`): ``examples/<name>`` of the
    source tree, else of the current folder."""
    for root in (Path(__file__).resolve().parents[2], Path.cwd()):
        candidate = root / "examples" / name
        if (candidate / "agreement.yaml").exists():
            return candidate
    raise NotFoundError(
        f"cannot find the bundled case examples/{name}",
        hint="run from a checkout of trucewatch or pass --case FOLDER",
    )


def prepare_demo(workspace: Path, case: Path | str | None = None) -> Demo:
    """Create ``workspace`` with a fresh database holding the case's agreement (``case``: a
    folder, a bundled case's name, or None for the flagship); refused while a dashboard or
    another command has the workspace's database open."""
    if isinstance(case, str):
        case = bundled_case(case) if case in CASES else Path(case)
    case = case or default_case()
    spec_path = case / "agreement.yaml"
    agreement = load_spec(spec_path)
    workspace.mkdir(parents=True, exist_ok=True)
    db = workspace / "trucewatch.duckdb"
    check_unused(db, "delete it for a fresh demo")
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    with open_store(db) as store:
        add_agreement(store, agreement, source_path=spec_path)
    return Demo(workspace=workspace, db=db, case=case, agreement=agreement)
