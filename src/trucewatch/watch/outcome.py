"""What a round of the watcher did, per source and in all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from trucewatch.alerts import Alert, DeliveryReport

__all__ = ["RoundReport", "SourceOutcome"]


@dataclass
class SourceOutcome:
    """One source's poll: ``status`` is ``new`` (something was read), ``unchanged`` or
    ``error``; counts are rows or entries read and documents and reports new to the store."""

    id: str
    label: str
    status: str = "unchanged"
    rows: int = 0
    documents: int = 0
    reports: int = 0
    files: int = 0
    error: str | None = None
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for the log."""
        if self.status == "error":
            return f"{self.label}: error: {self.error}"
        if self.status == "unchanged":
            return f"{self.label}: unchanged" + "".join(f"; {p}" for p in self.problems)
        files = f"{self.files} file(s), " if self.files else ""
        text = (f"{self.label}: {files}{self.rows} read, {self.documents} new documents, "
                f"{self.reports} new reports")
        return text + "".join(f"; {problem}" for problem in self.problems)


@dataclass
class RoundReport:
    """A whole round: the sources polled, whether verdicts were brought up to date, the alerts
    stored to send, how many history alerts were summed up, and the deliveries."""

    started: dt.datetime
    sources: list[SourceOutcome] = field(default_factory=list)
    incidents: int | None = None
    verdicts: int | None = None
    alerts: list[Alert] = field(default_factory=list)
    baselined: int = 0
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    stopped: bool = False

    def line(self) -> str:
        """One line on the round: sources polled, with news, failing; alerts raised and
        delivered."""
        changed = sum(1 for s in self.sources if s.status == "new")
        failed = sum(1 for s in self.sources if s.status == "error")
        line = (f"round: {len(self.sources)} source(s) polled, {changed} with news, {failed} "
                f"failing; {len(self.alerts)} alert(s) raised, {self.delivery.delivered} "
                "delivered")
        if self.delivery.failed:
            line += f", {len(self.delivery.failed)} waiting to be retried"
        return line + (" (stopped)" if self.stopped else "")
