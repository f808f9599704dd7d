from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trucewatch.agreements import (
    AddOutcome,
    add_agreement,
    agreement_versions,
    dump_spec,
    get_agreement,
    list_agreements,
    load_spec,
    parse_spec,
)
from trucewatch.errors import NotFoundError
from trucewatch.model import Agreement, Commitment, Condition, Reading, Source
from trucewatch.store import open_store
from trucewatch.taxonomy import target_classes

CLASSES = [*target_classes(), "energy.*", "transport.*", "infrastructure.*"]
PARTIES = ["RU", "UA", "US", "TR"]
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
               max_size=40)


@st.composite
def readings(draw: st.DrawFn, party: str) -> Reading:
    start = draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)))
    duration = draw(st.none() | st.integers(1, 400)) if start else None
    return Reading(
        party=party,
        scope=draw(st.lists(st.sampled_from(CLASSES), min_size=1, max_size=4, unique=True)),
        start=start,
        duration_days=duration,
        area=draw(st.lists(st.sampled_from(["UA", "RU", "UA-51", "RU-KDA"]), unique=True)),
        conditions=draw(st.lists(st.builds(
            Condition, kind=st.sampled_from(["escape", "demand", "reciprocity"]), text=text),
            max_size=2)),
        quote=draw(text),
        source="src",
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    parties = draw(st.lists(st.sampled_from(PARTIES[:2]), min_size=1, unique=True))
    readers = draw(st.lists(st.sampled_from([*parties, "US"]), min_size=1, unique=True))
    return Agreement(
        id=draw(st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True)),
        title=draw(text),
        parties=parties,
        mediators=["US"],
        sources=[Source(id="src", url="https://example.org/s")],
        commitments=[Commitment(
            id="halt", kind="halt_strikes", title=draw(text),
            readings=[draw(readings(p)) for p in readers],
        )],
    )


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(agreement=agreements())
def test_add_show_parse_round_trip(tmp_path_factory, agreement):
    db = tmp_path_factory.mktemp("rt") / "rt.duckdb"
    with open_store(db) as store:
        add_agreement(store, agreement)
        shown = dump_spec(get_agreement(store, agreement.id))
    assert parse_spec(shown) == agreement


def test_adding_twice_changes_nothing(db_path, flagship_spec):
    agreement = load_spec(flagship_spec)
    with open_store(db_path) as store:
        first = add_agreement(store, agreement)
        counts = store.counts()
        second = add_agreement(store, agreement)
        assert (first.outcome, second.outcome) == (AddOutcome.ADDED, AddOutcome.UNCHANGED)
        assert store.counts() == counts


def test_changed_spec_becomes_new_version(db_path, flagship_spec):
    agreement = load_spec(flagship_spec)
    changed = agreement.model_copy(update={"title": "Renamed"})
    with open_store(db_path) as store:
        add_agreement(store, agreement)
        result = add_agreement(store, changed)
        assert (result.version, result.outcome) == (2, AddOutcome.NEW_VERSION)
        assert agreement_versions(store, agreement.id) == [1, 2]
        assert get_agreement(store, agreement.id).title == "Renamed"
        assert get_agreement(store, agreement.id, version=1) == agreement
        assert [s.version for s in list_agreements(store)] == [2]
        actions = store.conn.execute("SELECT action FROM audit_log ORDER BY id").fetchall()
        assert actions == [("add",), ("new_version",)]


def test_readings_rows_expand_scope_and_window(db_path, flagship_spec):
    with open_store(db_path) as store:
        add_agreement(store, load_spec(flagship_spec))
        rows = store.conn.execute(
            "SELECT party, len(classes), start_date, last_day, escape_clause, bound "
            "FROM readings WHERE commitment_id = 'energy-halt' ORDER BY party"
        ).fetchall()
    assert rows == [
        ("RU", 6, dt.date(2025, 3, 18), dt.date(2025, 4, 16), True, ["RU", "UA"]),
        ("UA", 10, dt.date(2025, 3, 25), None, False, ["RU", "UA"]),
        ("US", 12, dt.date(2025, 3, 18), None, False, ["RU", "UA"]),
    ]


def test_unknown_agreement(db_path, flagship_spec):
    with open_store(db_path) as store:
        add_agreement(store, load_spec(flagship_spec))
        with pytest.raises(NotFoundError) as caught:
            get_agreement(store, "black-sea-2026")
    assert str(caught.value) == (
        f"{db_path}: no agreement 'black-sea-2026' in the store; known: energy-moratorium-2025"
    )
