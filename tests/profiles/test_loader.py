"""Profiles are read and checked from their folders: every shipped one loads, and a mistake in
a profile's files is an error naming the file and the field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from trucewatch import profiles
from trucewatch.errors import UsageError
from trucewatch.profiles import loader
from trucewatch.text import lexicon

PROFILE = textwrap.dedent("""\
    title: A test conflict
    languages: [en]
    countries: [IL, PS]
    parties:
      IL: {name: Israel, role: side}
      HAMAS: {name: Hamas, kind: armed_group, role: side}
      QA: {name: Qatar, role: mediator}
    """)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A profiles root holding one profile, ``test-conflict``, read instead of the shipped."""
    monkeypatch.setattr(loader, "ROOT", tmp_path)
    for reader in (loader.profile_data, loader.words, loader.dataset_words, loader.control,
                   loader.regions):
        reader.cache_clear()
    (tmp_path / "test-conflict" / "lexicons").mkdir(parents=True)
    (tmp_path / "test-conflict" / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    yield tmp_path / "test-conflict"
    for reader in (loader.profile_data, loader.words, loader.dataset_words, loader.control,
                   loader.regions):
        reader.cache_clear()


@pytest.mark.parametrize("name", profiles.names())
def test_every_shipped_profile_loads_whole(name):
    profile = profiles.load(name)
    assert len(profile.sides) >= 2
    assert profile.countries and profile.languages
    for language in profile.languages:
        words = profile.words(language)
        assert set(words.parties) <= set(profile.parties)
        assert lexicon.load(language, name).actors  # the extractor's lexicon builds
    assert profile.gazetteer(), "run python -m trucewatch.geo.build_gazetteer " + name
    codes = {row["code"][:2] for row in profile.regions()}
    assert codes == set(profile.countries)
    for code, holder in profile.control().items():
        assert code[:2] in profile.countries and profile.is_side(holder)


def test_shipped_profiles_agree_on_each_code():
    names = {}
    for profile in profiles.every():
        for code, party in profile.parties.items():
            assert names.setdefault(code, party.name) == party.name


def test_a_non_state_party_is_a_party_code():
    assert profiles.is_party_code("TRF") and profiles.party_name("TRF") == "The Resistance Front"
    assert profiles.is_party_code("UA") and profiles.is_party_code("FR")
    assert not profiles.is_party_code("XYZ") and not profiles.is_party_code("ua")


def test_a_profile_with_a_non_state_side_loads(folder):
    data = loader.profile_data("test-conflict")
    assert [p.code for p in data["parties"].values() if p.role == "side"] == ["IL", "HAMAS"]
    assert data["parties"]["HAMAS"].kind == "armed_group"


@pytest.mark.parametrize(("change", "message", "field"), [
    (("HAMAS: {name: Hamas, kind: armed_group", "HA: {name: Hamas, kind: armed_group"),
     "'HA' is not a non-state party code", "parties.HA"),
    (("IL: {name: Israel, role: side}", "XX: {name: Nowhere, role: side}"),
     "'XX' is not an ISO 3166-1 alpha-2 code", "parties.XX"),
    (("role: mediator", "role: broker"), "role 'broker' is not one of", "parties.QA.role"),
    (("countries: [IL, PS]", "countries: [IL, Palestine]"),
     "'Palestine' is not an ISO 3166-1 alpha-2 country code", "countries"),
    (("kind: armed_group, role: side}", "kind: armed_group}"),
     "at least two parties with role: side", "parties"),
    (("title: A test conflict", "title: A test conflict\ncolour: red"),
     "unknown field 'colour'", "colour"),
])
def test_a_mistake_in_profile_yaml_names_its_field(folder, change, message, field):
    (folder / "profile.yaml").write_text(PROFILE.replace(*change), encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        loader.profile_data("test-conflict")
    assert message in str(caught.value)
    assert caught.value.path == "profiles/test-conflict/profile.yaml"
    assert caught.value.field == field


def test_words_of_an_unknown_party_are_refused(folder):
    (folder / "lexicons" / "en.yaml").write_text(
        "parties:\n  EG:\n    names: [egypt]\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        loader.words("test-conflict", "en")
    assert (caught.value.path, caught.value.field) == (
        "profiles/test-conflict/lexicons/en.yaml", "parties.EG")


def test_an_unknown_word_kind_is_refused(folder):
    (folder / "lexicons" / "en.yaml").write_text(
        "parties:\n  IL:\n    nicknames: [zion]\n", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown word kind 'nicknames'"):
        loader.words("test-conflict", "en")


def test_control_names_a_party_of_the_profile(folder):
    (folder / "control.tsv").write_text("code\theld_by\nPS-GZA\tRU\n", encoding="utf-8")
    with pytest.raises(UsageError, match="held_by 'RU' is not a party"):
        loader.control("test-conflict")


def test_a_short_row_of_a_tsv_names_its_line(folder):
    (folder / "gazetteer").mkdir()
    (folder / "gazetteer" / "regions.tsv").write_text(
        "code\tname_en\nIL-JM\tJerusalem\nPS-GZA\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        loader.regions("test-conflict")
    assert caught.value.line == 3


def test_no_such_profile():
    with pytest.raises(UsageError, match="no profile 'atlantis'"):
        profiles.load("atlantis")
