"""An alert: something that matters to an agreement, raised once under a stable key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

__all__ = ["Alert", "one_line"]


def one_line(text: str, limit: int = 400) -> str:
    """``text`` on one line (every run of whitespace, newlines too, one space), at most
    ``limit`` characters: alert texts go into mail subjects and log lines."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass
class Alert:
    """One alert. ``key`` is stable: the same event gives the same key in every round, which
    is how an alert fires once. ``rule`` is the alert rule that raised it, ``kind`` what
    happened (a rule may raise several kinds). ``reading`` is the party whose reading the
    alert is about (None when it concerns several: ``detail["readings"]`` lists them);
    ``party`` the party that acted or is affected."""

    key: str
    kind: str
    rule: str
    text: str
    agreement: str | None = None
    commitment: str | None = None
    reading: str | None = None
    party: str | None = None
    incidents: list[str] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)
    created: dt.datetime | None = None
    baseline: bool = False

    def __post_init__(self) -> None:
        self.text = one_line(self.text)

    def links(self, base_url: str = "") -> dict[str, str]:
        """Where to look next: the dashboard page (relative unless ``base_url`` is given) and,
        for an incident, the ``trucewatch explain`` command."""
        base = base_url.rstrip("/")
        if self.incidents:
            first = self.incidents[0]
            return {"dashboard": f"{base}/incidents/{quote(first, safe='')}",
                    "explain": f"trucewatch explain {first}"}
        if self.agreement:
            return {"dashboard": f"{base}/agreements/{quote(self.agreement, safe='')}"}
        return {"dashboard": f"{base}/alerts"}

    def as_json(self, base_url: str = "") -> dict[str, Any]:
        """The alert as the sinks send it (JSON-lines, webhook body)."""
        return {
            "key": self.key, "kind": self.kind, "rule": self.rule,
            "agreement": self.agreement, "commitment": self.commitment,
            "reading": self.reading, "party": self.party, "incidents": list(self.incidents),
            "text": self.text,
            "created": self.created.isoformat() if self.created else None,
            "links": self.links(base_url), "detail": self.detail,
        }
