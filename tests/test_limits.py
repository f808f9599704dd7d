"""Limits on hostile input: oversized and alias-bomb specs, formula cells and markup in
exports, bad numeric options."""

from __future__ import annotations

from pathlib import Path

import pytest

from trucewatch.agreements.spec import MAX_SPEC_BYTES, load_spec, parse_spec
from trucewatch.cli import app
from trucewatch.errors import SpecError
from trucewatch.incidents.export import to_csv
from trucewatch.incidents.query import INCIDENT_COLUMNS
from trucewatch.safe_text import csv_cell, markdown_text

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n"
    for i in range(8))
DOUBLING = "a0: &a0 [" + ", ".join(["x"] * 300) + "]\n" + "".join(
    f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 10)) + "b: [*a9, *a9]\n"


def test_billion_laughs_is_refused_by_its_alias_count() -> None:
    with pytest.raises(SpecError, match=r"<spec>:4: more than 20 YAML aliases"):
        parse_spec(LAUGHS)


def test_few_aliases_that_multiply_are_refused_by_what_they_expand_to() -> None:
    assert DOUBLING.count("*") == 20  # within the alias limit
    with pytest.raises(SpecError, match="expands to more than 200,000 values"):
        parse_spec(DOUBLING)


def test_deep_nesting_and_size_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="nested more than 64 levels deep"):
        parse_spec("x: " + "[" * 200)
    big = tmp_path / "big.yaml"
    big.write_text("title: " + "x" * (MAX_SPEC_BYTES + 1), encoding="utf-8")
    with pytest.raises(SpecError, match=f"{big}: the spec is larger than 1,000,000 bytes"):
        load_spec(big)


@pytest.mark.parametrize(("value", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+2", "'+1+2"),
    ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("-5", "-5"),
    ("+3.5e2", "+3.5e2"), ("Kherson", "Kherson"), (7, 7), (None, None)])
def test_csv_cells_never_run_as_formulas(value: object, safe: object) -> None:
    assert csv_cell(value) == safe


def test_incident_csv_neutralises_formula_cells() -> None:
    row = dict.fromkeys(INCIDENT_COLUMNS)
    row.update(id="inc-1", place="=cmd|' /C calc'!A0", claimants=["@x", "UA"])
    out = to_csv([row]).splitlines()[1]
    assert "'=cmd|' /C calc'!A0" in out and "'@x;UA" in out


def test_markdown_text_is_inert() -> None:
    assert markdown_text("**Truce** <script>x</script>\n[a](b) | #1 _y_") == (
        "\\*\\*Truce\\*\\* &lt;script&gt;x&lt;/script&gt; \\[a\\]\\(b\\) \\| \\#1 \\_y\\_")


@pytest.mark.parametrize("args", [["incidents", "--limit", "-5"], ["incidents", "--offset", "-1"],
                                  ["assess", "--limit", "-1"]])
def test_bad_numeric_options_are_exit_2_messages(runner, tmp_path: Path, args: list[str]
                                                 ) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), *args])
    assert result.exit_code == 2
    assert "Invalid value for" in result.output and "Traceback" not in result.output


def test_ingest_options_are_checked(runner, tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    result = runner.invoke(app, ["--db", db, "ingest", "acled", "x.csv", "--encoding", "klingon"])
    assert result.exit_code == 2 and "--encoding 'klingon' is not an encoding" in result.output
    result = runner.invoke(app, ["--db", db, "ingest", "acled", "x.csv", "--date-format", "dd"])
    assert result.exit_code == 2 and "--date-format 'dd' is not a strptime pattern" in (
        " ".join(result.output.split()))
