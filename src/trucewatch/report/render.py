"""The report in its three formats: one self-contained HTML file, Markdown, or JSON.

The HTML file inlines the stylesheet, the vendored Vega scripts and the chart specs, so it
opens with no network; everything taken from a source is escaped by the template engine.
"""

from __future__ import annotations

import base64
import hashlib
import json
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from trucewatch.errors import UsageError
from trucewatch.safe_text import markdown_text
from trucewatch.store import Store

from .data import report_data
from .palette import verdict_colors, verdict_labels

__all__ = ["ReportFormat", "render_report", "report_target", "write_report"]

_SCRIPTS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")


class ReportFormat(StrEnum):
    HTML = "html"
    MD = "md"
    JSON = "json"


@cache
def _env() -> jinja2.Environment:
    folder = resources.files(__package__).joinpath("templates")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
    )
    env.globals.update(verdict_labels=verdict_labels(), verdict_colors=verdict_colors())
    env.filters["md"] = markdown_text
    return env


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _static(*parts: str) -> str:
    web = resources.files("trucewatch.web").joinpath("static", *parts)
    return web.read_text(encoding="utf-8")


def _to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def render_report(data: dict[str, Any], fmt: ReportFormat | str = ReportFormat.HTML) -> str:
    """The report text for ``data`` (from :func:`report_data`) in ``fmt``."""
    fmt = ReportFormat(fmt)
    if fmt is ReportFormat.JSON:
        return _to_json(data)
    if fmt is ReportFormat.MD:
        return _env().get_template("report.md").render(r=data)
    scripts = "\n".join(_static("vendor", "vega", name) for name in _SCRIPTS)
    report_js = _static("report.js")
    return _env().get_template("report.html").render(
        r=data, css=_static("app.css"), scripts=scripts, report_js=report_js,
        script_hashes=f"{_csp_hash(scripts)} {_csp_hash(report_js)}")


def report_target(out: str | Path, fmt: ReportFormat | str | None = None) -> ReportFormat:
    """The format of a report written to ``out`` (``fmt``, else its suffix); a
    :class:`UsageError` for an unknown format or a folder that does not exist."""
    out = Path(out)
    if fmt is None:
        suffix = out.suffix.lstrip(".").lower()
        fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    try:
        fmt = ReportFormat(fmt)
    except ValueError:
        raise UsageError(f"cannot tell the report format from {out.name!r}",
                         hint="pass --format html, md or json") from None
    if not out.parent.exists():
        raise UsageError("the folder for the report does not exist", path=out,
                         hint=f"create {out.parent} first")
    return fmt


def write_report(
    store: Store, agreement_id: str, out: str | Path, fmt: ReportFormat | str | None = None
) -> Path:
    """Write the report on ``agreement_id`` to ``out``; the format defaults to its suffix."""
    out = Path(out)
    text = render_report(report_data(store, agreement_id), report_target(out, fmt))
    out.write_text(text, encoding="utf-8")
    return out
