"""The verdict rules of ``rules.yaml`` compiled into SQL, explain texts and documentation.

The table in ``rules.yaml`` is the one place a rule is written: code, verdict, condition,
short explain text and detailed reason template, first match wins. From it come

* :func:`rules_sql`: the SELECT that yields one verdict row per incident × reading, in the
  DuckDB or the Spark SQL dialect (the one dialect map, :mod:`trucewatch.store.dialect`), for
  any engine that registers the two relations the table describes: the store's assessment
  and both engines of the batch pipeline judge with it;
* :data:`RULES`: each rule's short text, as ``explain`` prints it;
* :func:`rules_markdown`: ``docs/rules.md`` (``trucewatch rules --format markdown``), which a
  test keeps equal to the table.

An analyst's confirm or dispute (:mod:`trucewatch.assess.reviews`) is applied after the rules
and overrides them; such verdicts carry the rule ``analyst_review``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from trucewatch.model import VerdictKind
from trucewatch.store.dialect import (
    DIALECTS,
    DUCKDB,
    FUNCTIONS,
    Dialect,
    dialect_named,
    translate,
)

__all__ = ["RULES", "Rule", "Term", "rule_table", "rules_markdown", "rules_sql",
           "verdicts_sql"]

#: The rule code of a verdict an analyst's review decided.
REVIEW_RULE = "analyst_review"
_REVIEW_TEXT = "an analyst's review decided it"

#: The struct fields of a period (see ``columns`` in rules.yaml).
PERIOD_FIELDS = {"from_date": "date", "until_date": "date", "status": "string",
                 "what": "string", "source": "string"}


_PLACEHOLDER = re.compile(r"\{([a-z_][a-z_.]*)\}")
_PIECE = re.compile(r"\[([^\[\]]*)\]")


def _placeholders(template: str) -> list[str]:
    return _PLACEHOLDER.findall(template)


@dataclass(frozen=True)
class Rule:
    """One row of the rule table."""

    code: str
    verdict: str
    when: str
    explain: str
    reason: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Term:
    """A named value the conditions use, worked out per reading or per incident × reading.

    A per-reading term is a column of the readings; a per-pair term is written into each
    condition and reason that names it, so it is worked out only for the pairs that reach it.
    """

    name: str
    per: str
    type: str
    sql: str
    meaning: str


@dataclass(frozen=True)
class RuleTable:
    """``rules.yaml``: the relations' columns, the terms and the rules, in order."""

    columns: dict[str, dict[str, dict[str, str]]]
    terms: tuple[Term, ...]
    rules: tuple[Rule, ...]

    def type_of(self, name: str) -> str:
        """The type of a column, term or ``closure.field`` named in a reason template."""
        head, _, field = name.partition(".")
        for relation in self.columns.values():
            if head in relation:
                return relation[head]["type"]
        term = next((t for t in self.terms if t.name == head), None)
        if term is None:
            raise ValueError(f"rules.yaml: {name!r} is neither a column nor a term")
        return PERIOD_FIELDS[field] if field else term.type


@cache
def rule_table() -> RuleTable:
    """The rule table, loaded and checked once."""
    text = resources.files(__package__).joinpath("rules.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    table = RuleTable(
        columns=data["columns"],
        terms=tuple(Term(**t) for t in data["terms"]),
        rules=tuple(Rule(**r) for r in data["rules"]),
    )
    _check(table)
    return table


def _check(table: RuleTable) -> None:
    codes = [r.code for r in table.rules]
    if len(set(codes)) != len(codes):
        raise ValueError("rules.yaml: a rule code appears twice")
    known = {k.value for k in VerdictKind}
    for rule in table.rules:
        if rule.verdict not in known:
            raise ValueError(f"rules.yaml: {rule.code}: unknown verdict {rule.verdict!r}")
        for name in _placeholders(rule.reason):
            table.type_of(name)
    if table.rules[-1].when.strip().upper() != "TRUE":
        raise ValueError("rules.yaml: the last rule must hold when no other does (when: TRUE)")


#: Rule code -> what it means, as ``explain`` prints it.
RULES: dict[str, str] = {**{r.code: " ".join(r.explain.split()) for r in rule_table().rules},
                         REVIEW_RULE: _REVIEW_TEXT}

def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _value(table: RuleTable, name: str) -> str:
    """A placeholder's value as portable SQL text (NULL stays NULL)."""
    kind = table.type_of(name)
    return f"join({name}, ', ')" if kind.startswith("list") else f"text({name})"


def _concat(table: RuleTable, template: str, *, required: bool) -> str:
    """``template`` as a SQL string expression; a NULL value is ``?`` when ``required``,
    otherwise it makes the whole expression NULL."""
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            parts.append(_quote(template[position:match.start()]))
        value = _value(table, match[1])
        parts.append(f"coalesce({value}, '?')" if required else value)
        position = match.end()
    if position < len(template):
        parts.append(_quote(template[position:]))
    return " || ".join(parts) or "''"


def _reason_sql(table: RuleTable, template: str) -> str:
    """A reason template as one SQL string expression; ``[pieces]`` vanish on a NULL."""
    parts: list[str] = []
    position = 0
    for match in _PIECE.finditer(template):
        if match.start() > position:
            parts.append(_concat(table, template[position:match.start()], required=True))
        parts.append(f"coalesce({_concat(table, match[1], required=False)}, '')")
        position = match.end()
    if position < len(template):
        parts.append(_concat(table, template[position:], required=True))
    return " || ".join(parts)


def _inline(sql: str, terms: Mapping[str, str]) -> str:
    """``sql`` with each name of ``terms`` (outside string literals) replaced by its SQL."""
    if not terms:
        return sql
    name = re.compile(r"\b(" + "|".join(map(re.escape, terms)) + r")\b")
    pieces = re.split(r"('(?:[^']|'')*')", sql)  # odd pieces are string literals
    return "".join(piece if n % 2 else name.sub(lambda m: f"({terms[m[1]]})", piece)
                   for n, piece in enumerate(pieces))


def _columns(table: RuleTable, relation: str) -> list[str]:
    return list(table.columns[relation])


def rules_sql(
    dialect: Dialect | str = DUCKDB, *, readings: str = "readings",
    incidents: str = "incidents", detailed: bool = True, extra: Mapping[str, str] | None = None,
) -> str:
    """The SELECT that yields one verdict row per incident × reading, in ``dialect``.

    ``readings`` and ``incidents`` name relations (tables, views or subqueries in
    parentheses) with the columns of ``rules.yaml``. The result has the columns of
    ``verdicts``: incident_id, agreement_id, agreement_version, commitment_id, party,
    verdict, reasons (a list of one text), confidence, rule; then one column per ``extra``
    entry (alias -> expression over the incident, aliased ``i``). ``detailed`` reasons name
    the dates, classes and parties that decided; otherwise a verdict carries its rule's
    short text, much cheaper to write for millions of verdicts.
    """
    table = rule_table()
    extra = dict(extra or {})
    reading_terms = "".join(f",\n           {t.sql} AS {t.name}" for t in table.terms
                            if t.per == "reading")
    inline = {t.name: t.sql for t in table.terms if t.per == "pair"}
    incident_columns = ", ".join(
        ["i.id AS incident_id"]
        + [f"i.{c}" for c in _columns(table, "incidents") if c != "id"]
        + [f"{expression} AS {alias}" for alias, expression in extra.items()])
    reading_columns = ", ".join(_columns(table, "readings"))
    whens = "\n".join(f"               WHEN {_inline(r.when, inline)} THEN {_quote(r.code)}"
                      for r in table.rules[:-1])
    verdicts = "\n".join(f"           WHEN {_quote(r.code)} THEN {_quote(r.verdict)}"
                         for r in table.rules)
    if detailed:
        reasons = "\n".join(
            f"           WHEN {_quote(r.code)} "
            f"THEN list_of({_inline(_reason_sql(table, r.reason), inline)})"
            for r in table.rules)
    else:
        reasons = "\n".join(
            f"           WHEN {_quote(r.code)} THEN list_of({_quote(RULES[r.code])})"
            for r in table.rules)
    factors: dict[float, list[str]] = {}
    for rule in table.rules:
        if rule.confidence != 1.0:
            factors.setdefault(rule.confidence, []).append(rule.code)
    # scaled and rounded half-up as decimals, so that every engine gives the same bits
    confidence = "".join(
        f" WHEN rule IN ({', '.join(map(_quote, codes))}) "
        f"THEN CAST(round(CAST(confidence AS DECIMAL(5, 4)) * {factor}, 2) AS DOUBLE)"
        for factor, codes in sorted(factors.items()))
    extras = "".join(f", {alias}" for alias in extra)
    sql = f"""
WITH r AS (
    SELECT {reading_columns}{reading_terms}
    FROM {readings}
),
pairs AS (
    SELECT {incident_columns}, r.*
    FROM {incidents} i CROSS JOIN r
),
ruled AS (
    SELECT *,
           CASE
{whens}
               ELSE {_quote(table.rules[-1].code)}
           END AS rule
    FROM pairs
)
SELECT incident_id, agreement_id, version AS agreement_version, commitment_id, party,
       CASE rule
{verdicts}
       END AS verdict,
       CASE rule
{reasons}
       END AS reasons,
       CASE{confidence} ELSE confidence END AS confidence,
       rule{extras}
FROM ruled
"""
    return translate(sql, dialect)


def verdicts_sql(readings: str, incidents: str = "incidents", *, detailed: bool = True,
                 with_row: bool = False, dialect: Dialect | str = DUCKDB) -> str:
    """:func:`rules_sql` over the relations ``readings`` and ``incidents``; ``with_row`` adds
    the incident's rowid as a last column, ``incident_row`` (DuckDB only)."""
    if with_row and dialect_named(dialect).spark:
        raise ValueError("only DuckDB gives an incident's rowid")
    extra = {"incident_row": "i.rowid"} if with_row else None
    return rules_sql(dialect, readings=readings, incidents=incidents, detailed=detailed,
                     extra=extra)


def _cell(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def rules_markdown() -> str:
    """``docs/rules.md``: the rule table, its terms, the relations it reads and the dialect
    functions, generated from ``rules.yaml``."""
    table = rule_table()
    lines = [
        "# Verdict rules",
        "",
        "<!-- Generated from src/trucewatch/assess/rules.yaml by "
        "`trucewatch rules --format markdown`; do not edit by hand (a test compares). -->",
        "",
        "Under each reading of each `halt_strikes` commitment every incident gets one verdict: "
        "the first rule below whose condition holds decides, and its code is stored with the "
        "verdict (`verdicts.rule`) and shown by `trucewatch explain`. An analyst's confirm or "
        f"dispute overrides the rules afterwards, with the rule `{REVIEW_RULE}` "
        "(see the README, \"Reports and the dashboard\").",
        "",
        "| # | rule | verdict | when | what it means |",
        "|---|---|---|---|---|",
    ]
    for n, rule in enumerate(table.rules, 1):
        lines.append(f"| {n} | `{rule.code}` | {rule.verdict} | `{_cell(rule.when)}` | "
                     f"{_cell(RULES[rule.code])} |")
    lines += ["", "## Detailed reasons", "",
              "What `explain` prints under the rule: `{name}` is a column or term (dates as "
              "YYYY-MM-DD, lists joined by commas, a missing value as `?`); a `[bracketed "
              "part]` is left out when a value in it is missing. Rules marked ½ halve the "
              "incident's confidence.", "",
              "| rule | detailed reason |", "|---|---|"]
    for rule in table.rules:
        half = " ½" if rule.confidence != 1.0 else ""
        lines.append(f"| `{rule.code}`{half} | {_cell(rule.reason)} |")
    lines += ["", "## Terms", "", "| term | worked out per | SQL | meaning |", "|---|---|---|---|"]
    for term in table.terms:
        per = "reading" if term.per == "reading" else "incident × reading"
        lines.append(f"| `{term.name}` | {per} | `{_cell(term.sql)}` | {_cell(term.meaning)} |")
    for relation, columns in table.columns.items():
        lines += ["", f"## The `{relation}` relation", "", "| column | type | meaning |",
                  "|---|---|---|"]
        lines += [f"| `{name}` | {c['type']} | {_cell(c['meaning'])} |"
                  for name, c in columns.items()]
    lines += ["", "A `period` is a struct of `from_date` (NULL: since ever), `until_date` "
              "(exclusive; NULL: still running), `status`, `what` (the status in words, with "
              "its date and who declared it) and `source`.", "",
              "## Dialects", "",
              "Conditions are written in a portable subset of SQL; these functions are spelled "
              "for each engine by `trucewatch.store.dialect` "
              "(`rules_sql(dialect)` gives the whole query):", "",
              "| function | " + " | ".join(DIALECTS) + " |",
              "|---|" + "---|" * len(DIALECTS)]
    for name, spell in FUNCTIONS.items():
        args = ["a", "b"] if name in {"list_contains", "list_has_like", "join", "list_of",
                                     "covering"} else ["a"]
        cells = [f"`{spell(d, args)}`" for d in DIALECTS.values()]
        lines.append(f"| `{name}({', '.join(args)})` | " + " | ".join(_cell(c) for c in cells)
                     + " |")
    return "\n".join(lines) + "\n"
