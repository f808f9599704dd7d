"""The flow end to end tells its caller each step after the files: merging, then judging."""

from __future__ import annotations

from trucewatch.agreements import add_agreement, load_spec
from trucewatch.store import open_store
from trucewatch.workflow import ingest

from .conftest import FLAGSHIP


def test_ingest_announces_merging_and_judging_after_the_files(db_path):
    events: list[str] = []
    with open_store(db_path) as store:
        add_agreement(store, load_spec(FLAGSHIP / "agreement.yaml"))
        summary = ingest(store, "acled", [FLAGSHIP / "inputs" / "acled.csv"],
                         progress=lambda path, line, total: events.append(f"{line}/{total}"),
                         step=events.append)
        assert summary.incidents and summary.verdicts
        again = ingest(store, "acled", [FLAGSHIP / "inputs" / "acled.csv"], step=events.append)
    assert events[-3:] == ["reading commitment events", "merging reports into incidents",
                           "judging incidents under every reading"]
    assert events[events.index("reading commitment events") - 1] == "21/21"
    assert again.incidents is None  # nothing changed: no steps to announce
