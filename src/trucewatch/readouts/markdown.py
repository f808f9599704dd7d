"""A comparison as Markdown: the terms side by side, the differences, and what they cost."""

from __future__ import annotations

from typing import Any

from trucewatch.safe_text import markdown_text

from .compare import Comparison
from .terms import Terms

__all__ = ["TERM_ROWS", "cell", "not_read", "to_markdown"]

#: The terms shown side by side, in order, with their row titles.
TERM_ROWS = (
    ("scope", "scope"), ("scope_text", "worded as"), ("duration_days", "duration (days)"),
    ("start", "start"), ("bound_parties", "must stop"), ("conditions", "conditions"),
    ("follow_on", "follow-on"), ("numbers", "numbers"),
)


def cell(terms: Terms, term: str) -> str:
    """One term's value as short text; ``—`` when the statement does not state it."""
    value: Any = getattr(terms, term)
    if value in (None, [], {}):
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in value.items())
    if isinstance(value, list):
        if term in ("scope_text", "conditions"):
            return "; ".join(f"“{v}”" for v in value)
        return ", ".join(str(v) for v in value)
    return str(value)


def not_read(comparison: Comparison) -> list[str]:
    """One line per statement that was not read, naming it and why (its language)."""
    return [f"{s.id}" + (f" ({s.speaker})" if s.speaker else "") + f": {s.skipped}"
            for s in comparison.statements if s.skipped]


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


#: Terms whose cells quote the statement's own words: escaped as source text.
_QUOTED = ("scope_text", "conditions")


def to_markdown(comparison: Comparison) -> str:
    """The comparison as a Markdown document."""
    speakers = list(comparison.speakers)
    lines = ["| term | " + " | ".join(speakers) + " |",
             "|---|" + "---|" * len(speakers)]
    for term, title in TERM_ROWS:
        escape = markdown_text if term in _QUOTED else _escape
        cells = [escape(cell(comparison.speakers[s], term)) for s in speakers]
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    if not_read(comparison):
        lines += ["", "## Not read", ""]
        lines += [f"- {_escape(line)}" for line in not_read(comparison)]
    lines += ["", "## Differences", ""]
    lines += [f"- **{d.term}**: {_escape(d.explanation)}" for d in comparison.differences]
    if not comparison.differences:
        lines.append("The statements agree on every term they state.")
    if comparison.costs is not None:
        lines += ["", "## What the differences cost", ""]
        lines += [f"- {c['incidents']} incident(s) are violations under the "
                  f"{c['violation_under']} reading and not under the {c['not_under']} reading "
                  f"(e.g. {', '.join(c['examples'])})" for c in comparison.costs]
        if not comparison.costs:
            lines.append("Every stored incident gets the same verdict under every reading.")
    return "\n".join(lines) + "\n"
