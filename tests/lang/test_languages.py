"""The supported languages come from the data files present; any other language is named."""

from __future__ import annotations

from importlib import resources

import pytest

from trucewatch.errors import UsageError
from trucewatch.lang import LANGUAGES, require, unsupported
from trucewatch.lang.languages import language_name, languages_in, table

DATA = resources.files("trucewatch.lang").joinpath("data", "languages")


def test_one_language_per_data_file():
    files = sorted(e.name.removesuffix(".yaml") for e in DATA.iterdir()
                   if e.name.endswith(".yaml"))
    assert sorted(LANGUAGES) == files
    assert LANGUAGES == ("en", "uk", "ru")  # the files' order: names of no known language


def test_adding_a_language_is_adding_a_data_file(tmp_path):
    for code, order in (("en", 1), ("uk", 2)):
        (tmp_path / f"{code}.yaml").write_text(f"order: {order}\nname: x\n", encoding="utf-8")
    (tmp_path / "pl.yaml").write_text("name: Polish\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a language", encoding="utf-8")
    assert languages_in(tmp_path) == ("en", "uk", "pl")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_supported_language_has_its_tables(language):
    data = table(language)
    assert require(language) == language
    assert unsupported(language) is None
    assert language_name(language) in ("English", "Ukrainian", "Russian")
    assert len(data["months"]) == 12 and len(data["weekdays"]) == 7 and data["numbers"]


def test_unsupported_language_is_named_with_the_supported_ones():
    assert unsupported("de") == ("language 'de' is not supported; trucewatch reads English "
                                 "(en), Ukrainian (uk), Russian (ru)")
    assert unsupported(None) == ("the language could not be detected; trucewatch reads "
                                 "English (en), Ukrainian (uk), Russian (ru)")
    with pytest.raises(UsageError, match="language 'de' is not supported; use one of en, uk, ru"):
        require("de")
    with pytest.raises(UsageError):
        table("pl")
