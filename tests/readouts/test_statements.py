"""Reading statements: text files with front matter or SPEAKER=PATH, and JSONL documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from trucewatch.errors import InputError, NotFoundError
from trucewatch.readouts import parse_argument, read_statements


def test_front_matter_gives_speaker_and_metadata(tmp_path):
    path = tmp_path / "readout.md"
    path.write_text("---\nspeaker: US\npublished: 2025-03-18\nurl: https://example.org/r\n---\n"
                    "An energy and infrastructure ceasefire.\n", encoding="utf-8")
    [statement] = read_statements(path)
    assert (statement.id, statement.speaker, statement.published) == (
        "readout", "US", dt.date(2025, 3, 18))
    assert statement.text == "An energy and infrastructure ceasefire.\n"


def test_speaker_from_the_argument(tmp_path):
    path = tmp_path / "kremlin.txt"
    path.write_text("A 30-day halt.", encoding="utf-8")
    speaker, parsed = parse_argument(f"RU={path}")
    assert (speaker, parsed) == ("RU", path)
    assert next(read_statements(parsed, speaker)).speaker == "RU"
    assert parse_argument("notes=v2.txt") == (None, Path("notes=v2.txt"))


def test_jsonl_documents(tmp_path):
    path = tmp_path / "statements.jsonl"
    rows = [{"id": "s-1", "speaker": "UA", "text": "Halt on energy strikes.", "language": "en"},
            {"speaker": "RU", "text": "Мораторий на удары."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    statements = list(read_statements(path))
    assert [(s.id, s.speaker) for s in statements] == [("s-1", "UA"), ("statements-2", "RU")]


@pytest.mark.parametrize(("content", "suffix", "message"), [
    ("A halt on strikes.", ".txt",
     "speaker: the statement has no speaker; add `speaker: US` (a party code) to the "
     "statement, or pass it as US=PATH"),
    ("---\nspeaker: Kremlin\n---\nA halt.", ".txt",
     "speaker: 'Kremlin' is not a party code such as RU, UA, US; use the ISO 3166-1 alpha-2 "
     "code of the speaker"),
    ("---\nspeaker: RU\nA halt.", ".txt",
     "front matter opened with --- is never closed; end the front matter with a line of ---"),
    ('{"speaker": "RU", "text": "ok"}\n{"speaker": "RU", "text": ', ".jsonl",
     "not a JSON object (Expecting value); write one JSON statement document per line"),
    ('{"speaker": "RU"}\n', ".jsonl",
     'text: missing or non-string text; add "text": "..." to the line'),
])
def test_bad_statements_name_file_line_and_fix(tmp_path, content, suffix, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_statements(path))
    assert str(caught.value).startswith(str(path))
    assert str(caught.value).endswith(message)


def test_missing_file(tmp_path):
    with pytest.raises(NotFoundError, match="no such statement file"):
        list(read_statements(tmp_path / "nope.txt"))
