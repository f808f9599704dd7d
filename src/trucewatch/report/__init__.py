"""Reports on an agreement (HTML, Markdown, JSON) and the charts they share with the dashboard."""

from __future__ import annotations

from .data import report_data
from .render import ReportFormat, render_report, report_target, write_report

__all__ = ["ReportFormat", "render_report", "report_data", "report_target", "write_report"]
