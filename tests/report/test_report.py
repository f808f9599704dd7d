"""The report on one agreement: data, HTML (self-contained, escaped), Markdown, JSON, CLI."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from trucewatch.cli import app
from trucewatch.errors import UsageError
from trucewatch.report import render_report, report_data, write_report
from trucewatch.store import open_store

from ..web.seed import SCRIPT, XSS_ID


@pytest.fixture
def data(db):
    with open_store(db) as store:
        return report_data(store, "test-halt")


def test_data_holds_readings_differences_and_incidents(data):
    assert [r["party"] for r in data["readings"]] == ["RU", "UA"]
    terms = [d["term"] for d in data["agreement"]["commitments"][0]["differences"]]
    assert terms[:2] == ["scope", "start"]
    assert len(data["incidents"]) == 7
    by_id = {i["id"]: i for i in data["incidents"]}
    assert by_id["inc-005"]["verdicts"] == {"energy-halt/RU": "out_of_scope",
                                            "energy-halt/UA": "violation"}
    assert by_id["inc-005"]["verdict"] == "violation"
    assert by_id["inc-003"]["perpetrator"] == "unknown"
    assert by_id["inc-001"]["sources"] == [{"url": "https://example.org/a1",
                                            "outlet": "Ukrenergo"}]


def test_data_counts_first_violations_and_escape_dates(data):
    assert {"reading": "RU reading of energy-halt", "perpetrator": "RU",
            "verdict": "violation", "incidents": 2} in data["summary"]
    firsts = {(f["reading"], f["perpetrator"]): f for f in data["first_violations"]}
    assert str(firsts[("RU", "RU")]["first_date"]) == "2025-03-19"
    assert firsts[("RU", "RU")]["incident_id"] == "inc-001"
    freed = {e["party"]: e for e in data["escape_dates"]}
    assert str(freed["UA"]["freed_from"]) == "2025-03-19"
    assert freed["UA"]["because_of"] == "RU"
    assert freed["RU"]["freed_from"] is None


def test_charts_are_vega_lite_specs_with_the_window_marks(data):
    timeline = data["charts"]["timeline"]
    assert timeline["$schema"].startswith("https://vega.github.io/schema/vega-lite/v")
    labels = [m["label"] for m in timeline["layer"][1]["data"]["values"]]
    assert labels == ["start per RU", "start per UA", "last day per RU", "last day per UA"]
    projection = data["charts"]["map"]["projection"]
    assert projection["type"] == "mercator"
    assert projection["fit"]["geometry"]["coordinates"] == [[29, 44], [42, 52]]
    outlines, names, dots = data["charts"]["map"]["layer"]
    assert len(dots["data"]["values"]) == 7
    codes = {f["properties"]["code"] for f in outlines["data"]["values"]}
    assert {"UA-65", "UA-63", "RU-KDA", "RU-BEL"} <= codes  # the parties' regions around them
    written = {n["name"] for n in names["data"]["values"]}
    assert {"Kherson", "Kharkiv"} <= written and len(written) < len(codes)


def test_escape_clause_dates_name_their_commitment(data):
    html = render_report(data, "html")
    assert data["escape_dates"]
    for entry in data["escape_dates"]:
        assert f"under the {entry['reading']} reading of {entry['commitment_id']} (" in html


def test_html_is_self_contained_and_escaped(data):
    html = render_report(data, "html")
    markup = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", markup)  # nothing to fetch
    assert "vega-embed" in html and "vegaEmbed" in html
    assert "default-src 'none'" in html
    assert SCRIPT not in html and "<b>Bold</b>" not in html and "<i>Outlet</i>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; town" in html
    assert 'href="javascript:' not in html
    link = '<a href="https://example.org/a1" rel="noopener noreferrer nofollow">Ukrenergo</a>'
    assert link in html
    assert html.count('<tr>\n  <td>2025-') == 7


def test_html_inline_scripts_match_their_csp_hashes(data):
    import base64
    import hashlib

    html = render_report(data, "html")
    policy = unescape(re.search(r'content="(default-src[^"]+)"', html)[1])
    for script in re.findall(r"<script>(.*?)</script>", html, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_markdown_neutralises_source_markup(data):
    md = render_report(data, "md")
    assert md.startswith("# Test halt on strikes against energy\n")
    assert "| RU | oil refineries" in md
    row = next(line for line in md.splitlines() if f"| {XSS_ID} |" in line)
    assert "&lt;b&gt;Bold&lt;/b&gt; town" in row and "<" not in row.replace("](<", "")
    assert "[Ukrenergo](<https://example.org/a1>)" in md


def test_json_round_trips(data):
    parsed = json.loads(render_report(data, "json"))
    assert parsed["agreement"]["id"] == "test-halt"
    assert len(parsed["incidents"]) == 7


def test_write_report_picks_the_format_from_the_suffix(db, tmp_path):
    with open_store(db) as store:
        assert write_report(store, "test-halt", tmp_path / "r.md").read_text().startswith("# ")
        out = write_report(store, "test-halt", tmp_path / "r.txt", "json")
        assert json.loads(out.read_text())["agreement"]["id"] == "test-halt"
        with pytest.raises(UsageError, match=r"cannot tell the report format from 'r\.txt'"):
            write_report(store, "test-halt", tmp_path / "r.txt")


def test_cli_report(db, tmp_path, runner):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["--db", str(db), "report", "test-halt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    assert out.read_text().startswith("<!doctype html>")
    result = runner.invoke(app, ["--db", str(db), "report", "test-halt", "--out",
                                 str(tmp_path / "r.json"), "--format", "md"])
    assert result.exit_code == 0
    assert (tmp_path / "r.json").read_text().startswith("# Test halt")


def test_cli_report_to_stdout(db, runner):
    result = runner.invoke(app, ["--db", str(db), "report", "test-halt", "--out", "-",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["agreement"]["id"] == "test-halt"
    result = runner.invoke(app, ["--db", str(db), "report", "test-halt", "--out", "-"])
    assert result.exit_code == 2
    assert "writing to stdout needs --format html, md or json" in result.output


def test_cli_report_errors(db, tmp_path, runner):
    result = runner.invoke(app, ["--db", str(db), "report", "nope", "--out",
                                 str(tmp_path / "r.html")])
    assert result.exit_code == 6
    assert "no agreement 'nope' in the store; known: test-halt" in result.output
    result = runner.invoke(app, ["--db", str(db), "report", "test-halt", "--out",
                                 str(tmp_path / "missing" / "r.html")])
    assert result.exit_code == 2
    assert "the folder for the report does not exist" in result.output


def test_report_on_an_agreement_with_no_incidents_yet(db_path):
    from trucewatch.agreements import add_agreement, load_spec

    from ..web.seed import AGREEMENT

    with open_store(db_path) as store:
        add_agreement(store, load_spec(AGREEMENT))
        data = report_data(store, "test-halt")
    assert data["incidents"] == [] and data["first_violations"] == []
    html = render_report(data, "html")
    assert "No incident is judged a violation under any reading." in html
    assert "| RU | oil refineries" in render_report(data, "md")
