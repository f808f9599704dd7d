"""The alert rules, one module each, found by name in :data:`RULES`."""

from __future__ import annotations

from importlib import import_module
from pkgutil import iter_modules

from trucewatch.errors import UsageError

from .base import REGISTRY, AlertRule, NoOptions, RuleContext, describe_incident, register

__all__ = ["RULES", "AlertRule", "NoOptions", "RuleContext", "describe_incident", "register",
           "rule_class"]

for _module in sorted(m.name for m in iter_modules(__path__)):
    if _module != "base":
        import_module(f"{__name__}.{_module}")

#: Every rule by name, in name order.
RULES: dict[str, type[AlertRule]] = dict(sorted(REGISTRY.items()))


def rule_class(name: str) -> type[AlertRule]:
    """The rule called ``name``; UsageError listing the known rules otherwise."""
    if name not in RULES:
        raise UsageError(f"no alert rule {name!r}", hint="use one of " + ", ".join(RULES))
    return RULES[name]
