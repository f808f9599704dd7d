"""The ``alerts:`` section of a watch file: which agreements, which rules (with options), where
alerts go, and what the first evaluation over an existing history sends.

    alerts:
      agreements: [energy-moratorium-2025]      # default: every stored agreement
      rules: [first_violation, {new_violation: {verdicts: [violation, possible_violation]}}]
      first_run: summary                        # or: alerts (send each, history and all)
      dashboard_url: http://127.0.0.1:8000      # makes the links in alerts absolute
      to:
        - stdout: text                          # or json
        - jsonl: ./alerts.jsonl
        - webhook: https://hooks.example.org/x
          secret_env: TW_HOOK_SECRET
        - email: analysts@example.org
          smtp: smtp.example.org:587
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .durations import Duration
from .rules import RULES

__all__ = ["AlertsConfig", "RuleChoice", "SinkEntry"]

_SINK_KINDS = ("stdout", "jsonl", "webhook", "email")
#: Fields that only some sink kinds take.
_SINK_FIELDS = {
    "secret_env": "webhook", "smtp": "email", "sender": "email", "starttls": "email",
    "username_env": "email", "password_env": "email", "ca_file": "email",
}


class RuleChoice(BaseModel):
    """An enabled rule and its checked options."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    name: str
    options: BaseModel


def _rule_choice(entry: Any) -> RuleChoice:
    if isinstance(entry, RuleChoice):
        return entry
    if isinstance(entry, str):
        name, options = entry, {}
    elif isinstance(entry, dict) and len(entry) == 1:
        name, options = next(iter(entry.items()))
        options = options or {}
    else:
        raise ValueError("a rule is a name, or a name with its options "
                         "(e.g. {expiry: {days_before: [7, 1]}})")
    if name not in RULES:
        raise ValueError(f"no alert rule {name!r}; use one of {', '.join(RULES)}")
    if not isinstance(options, dict):
        raise ValueError(f"the options of {name} are a mapping of option: value")
    rule = RULES[name]
    try:
        return RuleChoice(name=name, options=rule.Options.model_validate(options))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'options'}: {e['msg']}"
                             for e in exc.errors())
        raise ValueError(f"{name} options: {problems}") from None


class SinkEntry(BaseModel):
    """One place alerts go; exactly one of stdout, jsonl, webhook or email."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    stdout: Literal["text", "json"] | None = None
    jsonl: Path | None = None
    webhook: str | None = Field(default=None, pattern=r"^https?://")
    email: list[str] | None = None
    secret_env: str | None = None
    smtp: str | None = Field(default=None, pattern=r"^[^:\s]+(:\d+)?$")
    sender: str | None = Field(default=None, alias="from")
    starttls: bool = True
    username_env: str | None = None
    password_env: str | None = None
    ca_file: Path | None = None
    timeout: Duration = 10.0
    retries: int = Field(default=3, ge=0, le=10)

    @field_validator("email", mode="before")
    @classmethod
    def _addresses(cls, value: Any) -> Any:
        addresses = [value] if isinstance(value, str) else value
        for address in addresses or []:
            if not isinstance(address, str) or "@" not in address or any(
                    c.isspace() or c in ",;<>" for c in address):
                raise ValueError(f"{address!r} is not an e-mail address")
        return addresses

    @model_validator(mode="after")
    def _one_kind(self, info: ValidationInfo) -> SinkEntry:
        kinds = [k for k in _SINK_KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("give exactly one of " + ", ".join(_SINK_KINDS)
                             + (f" (found {', '.join(kinds)})" if kinds else ""))
        for name, kind in _SINK_FIELDS.items():
            if kind != kinds[0] and name in self.model_fields_set:
                raise ValueError(f"{name} is for {kind} sinks, not {kinds[0]}")
        if self.webhook is not None and not self.secret_env:
            raise ValueError("a webhook needs secret_env: the environment variable holding the "
                             "secret its posts are signed with")
        if self.email is not None and not self.smtp:
            raise ValueError("an email sink needs smtp: host:port of the mail server")
        environ = (info.context or {}).get("environ", os.environ)
        for name in ("secret_env", "username_env", "password_env"):
            variable = getattr(self, name)
            if variable and not environ.get(variable):
                raise ValueError(f"{name}: the environment variable {variable} is not set")
        if (self.username_env is None) != (self.password_env is None):
            raise ValueError("give both username_env and password_env, or neither")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in _SINK_KINDS if getattr(self, k) is not None)


class AlertsConfig(BaseModel):
    """The ``alerts:`` section; every field has a default (all agreements, all rules, only
    the dashboard)."""

    model_config = ConfigDict(extra="forbid")
    agreements: list[str] | None = None
    rules: list[Annotated[RuleChoice, BeforeValidator(_rule_choice)]] = Field(
        default_factory=lambda: [
            RuleChoice(name=name, options=rule.Options()) for name, rule in RULES.items()])
    first_run: Literal["summary", "alerts"] = "summary"
    dashboard_url: str | None = Field(default=None, pattern=r"^https?://")
    to: list[SinkEntry] = Field(default_factory=list)

    @field_validator("rules")
    @classmethod
    def _once_each(cls, choices: list[RuleChoice]) -> list[RuleChoice]:
        names = [c.name for c in choices]
        if twice := sorted({n for n in names if names.count(n) > 1}):
            raise ValueError(f"{', '.join(twice)} listed twice; list each rule once")
        return choices

    def resolve_paths(self, folder: Path) -> None:
        """Make the sinks' relative paths relative to ``folder`` (the watch file's)."""
        for sink in self.to:
            if sink.jsonl is not None:
                sink.jsonl = folder / sink.jsonl
            if sink.ca_file is not None:
                sink.ca_file = folder / sink.ca_file
