"""`trucewatch extract`: input formats, the JSONL contract and its errors."""

from __future__ import annotations

import json

import pytest

from trucewatch.cli import app

CONTRACT = ["date", "date_precision", "country", "admin1", "place", "lat", "lon",
            "target_class", "target_text", "weapon", "perpetrator", "claimed_by", "negated",
            "evidence", "confidence"]

TEXT = "Overnight, Russian drones hit a substation in Kharkiv Oblast, the governor said.\n"


def _lines(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_text_file_gives_one_contract_line(runner, tmp_path):
    path = tmp_path / "kharkiv.txt"
    path.write_text(TEXT, encoding="utf-8")
    [line] = _lines(runner.invoke(app, ["extract", str(path), "--published", "2025-03-20"]))
    assert list(line) == ["id", "language", "published", "reports"]
    assert (line["id"], line["language"], line["published"]) == ("kharkiv", "en", "2025-03-20")
    [report] = line["reports"]
    assert list(report)[:len(CONTRACT)] == CONTRACT
    assert (report["date"], report["admin1"], report["target_class"]) == (
        "2025-03-20", "UA-63", "energy.power_grid")
    assert "reasons" in report


def test_jsonl_documents_keep_their_ids_dates_and_urls(runner, tmp_path):
    path = tmp_path / "docs.jsonl"
    docs = [
        {"id": "u1", "text": "Вночі російські дрони атакували підстанцію на Сумщині.",
         "published": "2025-03-20", "url": "https://example.org/u1"},
        {"id": 7, "text": "Кремль опубликовал перечень объектов моратория.", "language": "ru"},
    ]
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n\n",
                    encoding="utf-8")
    first, second = _lines(runner.invoke(app, ["extract", str(path)]))
    assert (first["id"], first["language"], first["url"]) == ("u1", "uk", "https://example.org/u1")
    assert first["reports"][0]["admin1"] == "UA-59"
    assert (second["id"], second["language"], second["published"], second["reports"]) == (
        "7", "ru", None, [])


def test_html_main_text_is_read(runner, tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(["Russian drones damaged a boiler house in Chernihiv on March 12, "
                     "the mayor said."] * 3)
    path.write_text(f"<html><head><title>News</title></head><body><nav>Home | World</nav>"
                    f"<article><h1>Strike</h1><p>{body}</p></article></body></html>",
                    encoding="utf-8")
    [line] = _lines(runner.invoke(app, ["extract", str(path), "--published", "2025-03-13"]))
    assert [r["target_class"] for r in line["reports"]] == ["energy.other"]


def test_table_format(runner, tmp_path):
    path = tmp_path / "kharkiv.md"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "table",
                                 "--published", "2025-03-20"])
    assert result.exit_code == 0
    assert "energy.power_grid" in result.stdout and "UA-63" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "x"}\n{not json}\n', "docs.jsonl:2: not a JSON object"),
        ('{"text": "x"}\n', "docs.jsonl:1: id: missing document id"),
        ('{"id": "a"}\n', "docs.jsonl:1: text: missing or non-string text"),
        ('{"id": "a", "text": "x", "published": "18 March"}\n',
         "docs.jsonl:1: published: published '18 March' is not an ISO date"),
    ],
)
def test_bad_jsonl_lines_name_file_line_and_field(runner, tmp_path, content, message):
    path = tmp_path / "docs.jsonl"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 4
    assert message in " ".join(result.stderr.split())


def test_unsupported_file_type(runner, tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("a,b\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 4
    assert "unsupported file type '.csv'; give .txt, .md, .html or .jsonl files" in \
        " ".join(result.stderr.split())


def test_missing_file(runner, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 6
    assert "does not exist" in result.stderr
