"""``trucewatch assess`` and ``trucewatch explain``: verdicts and why."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from enum import StrEnum
from typing import Any

import typer
from rich.table import Table

from trucewatch.assess import RULES, Assessment
from trucewatch.assess.rules import rule_table, rules_markdown
from trucewatch.model import VerdictKind

from .database import run
from .render import console, print_json, print_wrapped


def register(app: typer.Typer) -> None:
    app.command("assess")(assess_command)
    app.command()(explain)
    app.command()(rules)


class RulesFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


def rules(
    output: RulesFormat = typer.Option(RulesFormat.TABLE, "--format",
                                       help="table, markdown (docs/rules.md) or json"),
) -> None:
    """List the verdict rules in the order they are tried: code, verdict, condition and what
    it means. The first rule whose condition holds decides an incident's verdict under a
    reading.

    Example: [bold]trucewatch rules --format markdown > docs/rules.md[/]
    """
    table = rule_table()
    if output is RulesFormat.MARKDOWN:
        console.out(rules_markdown(), end="", highlight=False)
        return
    if output is RulesFormat.JSON:
        print_json({"rules": [dataclasses.asdict(r) for r in table.rules],
                    "terms": [dataclasses.asdict(t) for t in table.terms],
                    "columns": table.columns})
        return
    shown = Table(title="Verdict rules, first match wins")
    for name in ("#", "rule", "verdict", "when", "means"):
        shown.add_column(name, overflow="fold")
    for n, rule in enumerate(table.rules, 1):
        shown.add_row(str(n), rule.code, rule.verdict, rule.when, RULES[rule.code])
    console.print(shown)


_SHORT = {VerdictKind.POSSIBLE_VIOLATION: "possible", VerdictKind.OUT_OF_SCOPE: "scope",
          VerdictKind.OUTSIDE_WINDOW: "window", VerdictKind.OUTSIDE_AREA: "area"}


def _counts_table(counts: list[dict[str, Any]]) -> Table:
    table = Table(title="Verdicts per reading and alleged perpetrator",
                  caption="scope: out of scope; window, area: outside them")
    for name in ("commitment", "reading", "by"):
        table.add_column(name, no_wrap=True)
    for kind in VerdictKind:
        table.add_column(_SHORT.get(kind, kind.value.replace("_", " ")), justify="right")
    pivot: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
    for row in counts:
        key = (row["commitment_id"], row["reading"], row["perpetrator"])
        pivot[key][row["verdict"]] = row["incidents"]
    for key, cells in pivot.items():
        table.add_row(*key, *(str(cells.get(k.value, "")) for k in VerdictKind))
    return table


def assess_command(
    ctx: typer.Context,
    agreement: str | None = typer.Argument(None, help="Agreement id; all agreements if left out."),
    limit: int = typer.Option(20, min=0, max=10_000_000,
                              help="How many differing incidents to list."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Judge every incident again first "
                                 "(only needed after changing the database by hand)."),
) -> None:
    """Report the verdicts: counts per reading, the incidents whose verdict differs between
    readings (disputed scope, disputed start date), each party's first violation and when an
    escape clause would apply. Verdicts are already current: every ingest, agreement, status
    change and review brings them up to date.

    Example: [bold]trucewatch assess energy-moratorium-2025[/]
    """
    if rebuild:
        run(ctx, "assess.rebuild", {"agreement": agreement})
    done = run(ctx, "assess", {"agreement": agreement, "limit": limit})
    total, result = done["verdicts"], Assessment(**done["assessment"])
    if as_json:
        print_json({"verdicts": total, **result.__dict__})
        return
    render_assessment(total, result)


def render_assessment(total: int, result: Assessment) -> None:
    """Print an assessment: counts, differing incidents, first violations, escapes."""
    console.print(f"{total} verdicts")
    console.print(_counts_table(result.counts))
    differing = Table(title=f"Incidents judged differently by the readings "
                            f"({result.differing_total}, first {len(result.differing)})")
    differing.add_column("incident", no_wrap=True, min_width=20)
    differing.add_column("date", no_wrap=True)
    for name in ("admin1", "target", "by", "verdicts", "rules"):
        differing.add_column(name)
    for row in result.differing:
        differing.add_row(
            row["incident_id"], str(row["event_date"]), row["admin1"] or "", row["target_class"],
            row["perpetrator"] or "?",
            ", ".join(f"{p}: {v}" for p, v in row["verdicts"].items()), ", ".join(row["rules"]))
    console.print(differing)
    firsts = Table(title="First violation by each party, per reading")
    for name in ("commitment", "reading", "by", "first"):
        firsts.add_column(name, no_wrap=True)
    firsts.add_column("incident", no_wrap=True, min_width=20)
    firsts.add_column("violations", justify="right")
    for row in result.first_violations:
        firsts.add_row(row["commitment_id"], row["reading"], row["perpetrator"] or "?",
                       str(row["first_date"]), row["incident_id"], str(row["violations"]))
    console.print(firsts)
    for row in result.escapes:
        if row["freed_from"]:
            status = (f"{row['party']} would be freed from {row['freed_from']} "
                      f"({row['because_of']} violated first, {row['incident_id']})")
        else:
            status = (f"no violation by {' or '.join(row['others']) or 'another party'} yet, "
                      f"so {row['party']} is still bound")
        print_wrapped(f"escape clause in {row['reading']}'s reading of {row['commitment_id']}: "
                      f"{status}")


def explain(
    ctx: typer.Context,
    incident: str = typer.Argument(..., help="Incident id, as `trucewatch incidents` lists it."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
) -> None:
    """Show an incident's reports, quotes and sources, and the rule behind each verdict.

    Example: [bold]trucewatch explain inc-83a7df2e7a4bedb7[/]
    """
    found = run(ctx, "incident", {"incident": incident})
    if as_json:
        print_json(found)
        return
    console.print(
        f"[bold]{found['id']}[/]: {found['target_class']} in {found['admin1'] or found['country']}"
        f" ({found['place'] or 'place not named'}) on {found['event_date']}, alleged "
        f"perpetrator {found['perpetrator'] or 'not named'}; {found['status']} "
        f"(claimed by {', '.join(found['claimants']) or 'nobody named'})"
        f"{'; denied' if found['negated'] else ''}; confidence {found['confidence']}")
    sources = found["source_count"]
    console.print(f"\n[bold]Reports[/] ({found['report_count']} from {sources} "
                  f"source{'' if sources == 1 else 's'})")
    for report in found["reports"]:
        quote = report["evidence"] or report["document_text"] or ""
        reasons = json.loads(report["reasons"]) if report["reasons"] else {}
        console.print(
            f"- {report['event_date']} {report['source_format']} "
            f"{report['outlet'] or ''} {report['url'] or ''}".rstrip()
            + (" [dim](superseded)[/]" if report["superseded"] else ""))
        print_wrapped(f"  “{quote[:300]}”", markup=False)
        for name, why in reasons.items():
            console.print(f"  {name}: {why}", markup=False)
    console.print("\n[bold]Verdicts[/]")
    for verdict in found["verdicts"]:
        console.print(f"- {verdict['agreement_id']} / {verdict['commitment_id']}, "
                      f"{verdict['party']}'s reading: [bold]{verdict['verdict']}[/] "
                      f"(confidence {verdict['confidence']})")
        rule = RULES.get(verdict["rule"], "")
        console.print(f"  rule {verdict['rule']}: {rule}", markup=False)
        for reason in verdict["details"] or verdict["reasons"]:
            if reason.strip() != rule.strip():  # the rule's own words are said once, above
                print_wrapped(f"  {reason}", markup=False)
