"""Target classes and party codes: loading, validation and wildcard expansion.

Party codes, names and the names datasets give the parties' armed actors are the conflict
profiles' data (:mod:`trucewatch.profiles`); they are re-exported here with the classes.

Scope patterns in agreement specs are class codes or wildcards over them: ``energy.*`` is
every energy class, ``infrastructure.*`` every infrastructure class (energy, transport and
``infrastructure.other``, as statements use the word), ``*`` everything.
"""

from __future__ import annotations

import fnmatch
from functools import cache
from importlib import resources

import yaml

from trucewatch.profiles import is_party_code, party_name, party_of_actor

__all__ = [
    "INFRASTRUCTURE_GROUPS",
    "class_label",
    "expand_scope",
    "is_party_code",
    "party_name",
    "party_of_actor",
    "target_classes",
    "target_group",
]

#: Groups that "infrastructure" covers when a statement speaks of infrastructure in general.
INFRASTRUCTURE_GROUPS = ("energy", "transport", "infrastructure")


def _load(name: str) -> dict:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


@cache
def _class_entries() -> dict[str, dict[str, str]]:
    return _load("classes.yaml")


@cache
def target_classes() -> dict[str, str]:
    """Every target class code with what it covers, in taxonomy order."""
    return {code: entry["covers"] for code, entry in _class_entries().items()}


def class_label(code: str) -> str:
    """A short plural phrase for a class, for sentences (``transport.rail`` -> ``railways``)."""
    return _class_entries()[code]["label"]


def target_group(code: str | None) -> str:
    """The group of a class (``energy.power_grid`` -> ``energy``); ``unknown`` for none."""
    return code.split(".", 1)[0] if code else "unknown"


def expand_scope(pattern: str) -> list[str]:
    """The class codes a scope pattern covers, or ``[]`` when it covers none.

    >>> expand_scope("energy.hydro")
    ['energy.hydro']
    >>> len(expand_scope("energy.*"))
    7
    """
    classes = list(target_classes())
    if pattern == "infrastructure.*":
        return [c for c in classes if target_group(c) in INFRASTRUCTURE_GROUPS]
    return [c for c in classes if fnmatch.fnmatchcase(c, pattern)]
