"""The watch file (``trucewatch watch SOURCES.yaml``): sources, their intervals, and alerts.

    interval: 15m               # default for sources
    sources:
      - rss: https://example.org/feed.xml
        every: 5m
      - page: https://example.org/news/1
      - folder: ./drops/acled   # files dropped here are ingested
        format: acled
    alerts: ...                 # see trucewatch.alerts.config

``load_config(path)`` returns a checked :class:`WatchConfig` or raises UsageError naming the
file, the line and what to fix; docs/watch.md describes every field.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from trucewatch.agreements.spec import duplicate_key, line_of
from trucewatch.alerts import AlertsConfig, Duration
from trucewatch.errors import NotFoundError, UsageError
from trucewatch.sources import FORMATS

__all__ = ["SourceEntry", "WatchConfig", "load_config", "parse_config"]

_KINDS = ("rss", "page", "folder")
#: Fields that only some source kinds take.
_FOLDER_ONLY = ("format", "pattern", "map", "settle", "skip_bad")
_URL_ONLY = ("timeout", "retries")


class SourceEntry(BaseModel):
    """One watched source: exactly one of ``rss`` (a feed URL), ``page`` (a web page URL) or
    ``folder`` (where exports are dropped, read as ``format``)."""

    model_config = ConfigDict(extra="forbid")
    rss: str | None = Field(default=None, pattern=r"^https?://\S+$")
    page: str | None = Field(default=None, pattern=r"^https?://\S+$")
    folder: Path | None = None
    name: str | None = None
    every: Duration | None = None
    timeout: Duration = Field(default=30.0, gt=0)
    retries: int = Field(default=2, ge=0, le=10)
    format: str | None = None
    pattern: str = "*"
    map: dict[str, str] | None = None
    settle: Duration = 2.0
    skip_bad: bool = False
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")

    @model_validator(mode="after")
    def _one_kind(self) -> SourceEntry:
        kinds = [k for k in _KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("give exactly one of rss, page or folder"
                             + (f" (found {', '.join(kinds)})" if kinds else ""))
        kind = kinds[0]
        wrong = [f for f in (_URL_ONLY if kind == "folder" else _FOLDER_ONLY)
                 if f in self.model_fields_set]
        if wrong:
            raise ValueError(f"{', '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} not for "
                             f"{kind} sources")
        if kind == "folder":
            if self.format is None:
                raise ValueError(f"a folder needs format: one of {', '.join(FORMATS)}")
            if self.format not in FORMATS:
                raise ValueError(f"format {self.format!r} is not one of {', '.join(FORMATS)}")
            if (self.map is not None) != (self.format == "table"):
                raise ValueError("map (FIELD: COLUMN) is required for, and only for, the table "
                                 "format")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in _KINDS if getattr(self, k) is not None)

    @property
    def location(self) -> str:
        return str(getattr(self, self.kind))

    @property
    def id(self) -> str:
        """The source's stable id in the store: kind and location (a folder's absolute path,
        plus its format and pattern, which decide what is read there)."""
        if self.kind != "folder":
            return f"{self.kind}:{self.location}"
        detail = f"{self.format}:{self.pattern}" if self.pattern != "*" else str(self.format)
        return f"folder:{self.location}#{detail}"

    @property
    def label(self) -> str:
        return self.name or self.id

    @property
    def ingest_format(self) -> str:
        """The ``trucewatch ingest`` format of what the source yields."""
        return {"rss": "rss", "page": "text"}.get(self.kind) or str(self.format)


class WatchConfig(BaseModel):
    """A whole watch file."""

    model_config = ConfigDict(extra="forbid")
    interval: Duration = Field(default=900.0, gt=0)
    concurrency: int = Field(default=4, ge=1, le=32)
    sources: list[SourceEntry] = Field(default_factory=list)
    alerts: AlertsConfig = Field(default_factory=AlertsConfig)
    path: Path | None = Field(default=None, exclude=True)

    @model_validator(mode="after")
    def _distinct(self) -> WatchConfig:
        ids = [s.id for s in self.sources]
        if twice := sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"source {twice[0]} is listed twice")
        return self

    def every(self, source: SourceEntry) -> float:
        """Seconds between two polls of ``source``."""
        return source.every if source.every is not None else self.interval


def load_config(path: str | Path, *, environ: Mapping[str, str] | None = None) -> WatchConfig:
    """Read and check the watch file at ``path``; relative paths in it are relative to it.
    ``environ`` holds the variables its sinks name (the process's own by default)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise NotFoundError("no such watch file", path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the watch file: {exc}", path=path) from exc
    return parse_config(text, path=path, environ=environ)


def parse_config(text: str, *, path: str | Path = "<watch>",
                 environ: Mapping[str, str] | None = None) -> WatchConfig:
    """Check watch-file YAML ``text``; ``path`` names it in errors and anchors relative
    paths; ``environ`` holds the variables its sinks name (the process's own by default)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise UsageError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", path=path,
                         line=mark.line + 1 if mark else None) from exc
    if not isinstance(data, dict):
        raise UsageError("a watch file is a YAML mapping with sources (and interval, alerts)",
                         path=path, line=1, hint="see docs/watch.md")
    if (twice := duplicate_key(root)) is not None:
        raise UsageError(f"key {twice[0]!r} appears twice in one mapping", path=path,
                         line=twice[1], field=twice[0])
    try:
        config = WatchConfig.model_validate(
            data, context=None if environ is None else {"environ": environ})
    except pydantic.ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        loc = tuple(part for part in first["loc"] if not _is_union_tag(part))
        hint = f"{len(errors) - 1} more problem(s) after this one" if len(errors) > 1 else None
        raise UsageError(_message(first), path=path, line=line_of(root, loc),
                         field=".".join(map(str, loc)) or None, hint=hint) from exc
    folder = Path(path).parent
    for source in config.sources:
        if source.folder is not None:
            source.folder = (folder / source.folder).absolute()
    config.alerts.resolve_paths(folder)
    config.path = Path(path)
    return config


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and part.startswith(("function-", "list["))


def _message(error: dict[str, Any]) -> str:
    if error["type"] == "missing":
        return "is required but missing"
    if error["type"] == "extra_forbidden":
        return "is not a watch-file field; check its spelling (see docs/watch.md)"
    return str(error["msg"]).removeprefix("Value error, ")
