"""One policy for a language trucewatch does not read, the same in both readers: the text is
read as nothing and the result says why (``skipped``), in Python and on the command line."""

from __future__ import annotations

import json

import pytest

from trucewatch.cli import app
from trucewatch.readouts import Statement, Terms, read_statement, statement_terms
from trucewatch.text import extract

NEWS = {
    "en": "Overnight, Russian drones hit a substation in Kharkiv Oblast, the governor said.",
    "uk": "Вночі російські дрони атакували підстанцію на Харківщині, повідомив голова ОВА.",
    "ru": "Ночью российские дроны атаковали подстанцию в Харьковской области.",
    "de": "In der Nacht trafen russische Drohnen ein Umspannwerk im Gebiet Charkiw.",
}
STATEMENTS = {
    "en": "Russia and Ukraine will halt strikes on energy infrastructure for 30 days.",
    "uk": "Росія та Україна припиняють удари по енергетичній інфраструктурі на 30 днів.",
    "ru": "Россия и Украина прекращают удары по энергетической инфраструктуре на 30 дней.",
    "de": "Russland und die Ukraine stellen die Angriffe auf Energieanlagen für 30 Tage ein.",
}
WHY_DE = ("language 'de' is not supported; trucewatch reads English (en), Ukrainian (uk), "
          "Russian (ru)")


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_supported_languages_are_read_detected_or_given(language):
    assert extract(NEWS[language], "2025-03-20")
    assert extract(NEWS[language], "2025-03-20", language)
    read = read_statement(Statement(id="s", text=STATEMENTS[language]))
    assert (read.language, read.skipped, read.terms.duration_days) == (language, None, 30)
    assert "skipped" not in read.model_dump()


@pytest.mark.parametrize("language", [None, "de"])
def test_the_extractor_reads_nothing_in_another_language(language):
    assert extract(NEWS["de"], "2025-03-20", language) == []


@pytest.mark.parametrize("language", ["de", "fr"])
def test_a_given_unsupported_language_is_not_read_as_english(language):
    """A statement said to be in another language is no longer read as English."""
    assert extract(NEWS["en"], "2025-03-20", language) == []
    read = read_statement(Statement(id="s", text=STATEMENTS["en"], language=language))
    assert read.terms == Terms()
    assert read.skipped == WHY_DE.replace("'de'", f"'{language}'")


def test_the_statement_reader_reads_nothing_in_another_language_and_says_why():
    read = read_statement(Statement(id="s", speaker="DE", text=STATEMENTS["de"]))
    assert (read.language, read.terms, read.skipped) == ("de", Terms(), WHY_DE)
    assert read.model_dump(mode="json")["skipped"] == WHY_DE
    assert statement_terms(STATEMENTS["de"]) == Terms()


def test_text_with_no_language_to_detect_is_not_read():
    assert extract("  ", "2025-03-20") == []
    read = read_statement(Statement(id="s", text="  "))
    assert read.language is None
    assert read.skipped.startswith("the language could not be detected; trucewatch reads")


def test_cli_extract_says_why_a_document_was_not_read(runner, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": code, "text": text, "published": "2025-03-20"})
                            + "\n" for code, text in NEWS.items()), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    lines = {line["id"]: line for line in map(json.loads, result.stdout.splitlines())}
    for code in ("en", "uk", "ru"):
        assert lines[code]["language"] == code and lines[code]["reports"]
        assert "skipped" not in lines[code]
    assert (lines["de"]["language"], lines["de"]["reports"], lines["de"]["skipped"]) == (
        "de", [], WHY_DE)


def test_cli_extract_with_an_unsupported_language_option(runner, tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(NEWS["en"], encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--language", "de"])
    assert result.exit_code == 0, result.output
    [line] = map(json.loads, result.stdout.splitlines())
    assert (line["reports"], line["skipped"]) == ([], WHY_DE)


def test_cli_readouts_compare_says_which_statement_was_not_read(runner, tmp_path):
    path = tmp_path / "statements.jsonl"
    path.write_text("".join(json.dumps({"id": f"{code}-1", "speaker": speaker,
                                        "text": STATEMENTS[code]}) + "\n"
                            for code, speaker in (("ru", "RU"), ("de", "DE"))),
                    encoding="utf-8")
    result = runner.invoke(app, ["readouts", "compare", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    statements = {s["id"]: s for s in json.loads(result.stdout)["statements"]}
    assert "skipped" not in statements["ru-1"]
    assert statements["de-1"]["skipped"] == WHY_DE
    result = runner.invoke(app, ["readouts", "compare", str(path), "--format", "markdown"])
    assert f"## Not read\n\n- de-1 (DE): {WHY_DE}\n" in result.stdout
    result = runner.invoke(app, ["readouts", "compare", str(path)])
    assert "Not read" in result.stdout and "de-1 (DE): language 'de' is not" in result.stdout
