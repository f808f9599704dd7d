"""A watched source that has been failing for longer than a threshold; once per run of
failures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from ..durations import Duration, format_duration
from ..model import Alert
from .base import AlertRule, RuleContext, register


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    after: Duration = 3600.0


@register
class SourceFailing(AlertRule):
    name = "source_failing"
    summary = "a watched source fails for longer than a threshold (options: after: 1h)"
    Options = Options
    scope = "sources"

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        options = context.options
        assert isinstance(options, Options)
        for source in context.sources:
            since = source.get("failing_since")
            if since is None:
                continue
            since = since.astimezone(dt.UTC)
            failing = (context.now - since).total_seconds()
            if failing < options.after:
                continue
            yield Alert(
                key=f"source_failing:{source['id']}:{since.isoformat()}",
                kind="source_failing", rule=self.name,
                text=f"{source['id']} has been failing for {format_duration(failing)} "
                     f"({source['failures']} failed polls since {since:%Y-%m-%d %H:%M} UTC): "
                     f"{source['last_error']}",
                detail={"source": source["id"], "failing_since": since.isoformat(),
                        "failures": source["failures"], "last_error": source["last_error"]})
