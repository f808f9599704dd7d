"""``trucewatch assess`` and ``trucewatch explain``: verdicts and why."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import typer
from rich.table import Table

from trucewatch.assess import RULES, Assessment, assess, summarise
from trucewatch.incidents import get_incident
from trucewatch.model import VerdictKind
from trucewatch.store import open_store

from .render import console, print_json, print_wrapped


def register(app: typer.Typer) -> None:
    app.command("assess")(assess_command)
    app.command()(explain)


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
) -> None:
    """Judge every incident under every reading of every halt_strikes commitment, then show
    counts per reading, the incidents whose verdict differs between readings (disputed scope,
    disputed start date), each party's first violation and when an escape clause would apply.

    Example: [bold]trucewatch assess energy-moratorium-2025[/]
    """
    with open_store(ctx.obj.db, create=False) as store:
        total = assess(store, agreement)
        result = summarise(store, agreement, differing_limit=limit)
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
    with open_store(ctx.obj.db, create=False) as store:
        found = get_incident(store, incident)
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
        console.print(f"  rule {verdict['rule']}: {RULES.get(verdict['rule'], '')}", markup=False)
        for reason in verdict["details"] or verdict["reasons"]:
            print_wrapped(f"  {reason}", markup=False)
