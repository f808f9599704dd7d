"""The swap test: the same texts and dataset rows with the two sides' names exchanged give
mirrored reports (perpetrator and claimant swapped) and, under a mirrored agreement, mirrored
verdicts. The texts are written for this test, in each language of the russia-ukraine profile;
each pair names the same kind of words for each side (forces, an official, an institution)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from trucewatch import profiles
from trucewatch.agreements import parse_spec
from trucewatch.store import open_store
from trucewatch.text import extract
from trucewatch.workflow import add_agreement, ingest

SWAP = {"RU": "UA", "UA": "RU", "UA-63": "RU-BEL", "RU-BEL": "UA-63", "UA-59": "RU-KRS",
        "RU-KRS": "UA-59"}

#: (language, a text, the text with the sides' names and places exchanged)
PAIRS = [
    ("en",
     "Overnight, Russian drones hit a substation in Kharkiv Oblast, Ukraine's energy ministry "
     "said.",
     "Overnight, Ukrainian drones hit a substation in Belgorod Oblast, Russia's energy ministry "
     "said."),
    ("en",
     "Russian forces shelled a thermal power plant in Sumy Oblast on March 20, President "
     "Zelensky said. Russia's defence ministry denied the claim.",
     "Ukrainian forces shelled a thermal power plant in Kursk Oblast on March 20, President "
     "Putin said. Ukraine's defence forces denied the claim."),
    ("uk",
     "Уночі російські війська атакували підстанцію в Харківській області, заявив Зеленський.",
     "Уночі українські війська атакували підстанцію в Бєлгородській області, заявив Путін."),
    ("ru",
     "Ночью российские войска атаковали подстанцию в Харьковской области, заявил Зеленский.",
     "Ночью украинские войска атаковали подстанцию в Белгородской области, заявил Путин."),
]


def _key(report, swap: bool = False) -> tuple:
    def s(value):
        return SWAP.get(value, value) if swap else value
    return (report.date, s(report.admin1), s(report.country), report.target_class,
            s(report.perpetrator), s(report.claimed_by), report.negated)


@pytest.mark.parametrize(("language", "text", "mirror"), PAIRS)
def test_exchanged_names_give_mirrored_reports(language, text, mirror):
    reports = extract(text, "2025-03-21", language, "russia-ukraine")
    mirrored = extract(mirror, "2025-03-21", language, "russia-ukraine")
    assert reports, "the text reports a strike"
    assert {r.perpetrator for r in reports} <= {"RU", "UA"}
    assert sorted(_key(r, swap=True) for r in reports) == sorted(_key(r) for r in mirrored)


def test_the_mirror_is_not_the_same_report():
    language, text, mirror = PAIRS[0]
    [report] = extract(text, "2025-03-21", language)
    [other] = extract(mirror, "2025-03-21", language)
    assert (report.perpetrator, report.claimed_by) == ("RU", "UA")
    assert (other.perpetrator, other.claimed_by) == ("UA", "RU")


AGREEMENT = textwrap.dedent("""\
    id: swap-truce
    title: A halt on energy strikes
    parties: [RU, UA]
    profile: russia-ukraine
    sources:
      - id: readout
        url: https://example.org/readout
    commitments:
      - id: energy-halt
        kind: halt_strikes
        title: Halt on energy strikes
        readings:
          - party: {first}
            scope: ["energy.*"]
            start: 2025-03-18
            duration_days: 30
            quote: refrain from strikes on energy
            source: readout
          - party: {second}
            scope: ["energy.*"]
            start: 2025-03-25
            duration_days: 30
            quote: refrain from strikes on energy
            source: readout
    """)

ACLED = textwrap.dedent("""\
    event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,admin1,\
location,latitude,longitude,notes,fatalities
    X1,2025-03-20,2025,Explosions/Remote violence,Drone strike,{actor1},,{country},{region},\
{place},{lat},{lon},"On 20 March 2025, {adjective} forces struck a power substation in {place}.",0
    """)


def _verdicts(tmp_path: Path, mirrored: bool) -> list[tuple]:
    first, second = ("UA", "RU") if mirrored else ("RU", "UA")
    inputs = tmp_path / ("mirror" if mirrored else "plain")
    inputs.mkdir()
    texts = inputs / "texts.jsonl"
    texts.write_text("".join(
        json.dumps({"id": f"t{i}", "text": pair[2 if mirrored else 1], "language": pair[0],
                    "published": "2025-03-21"}, ensure_ascii=False) + "\n"
        for i, pair in enumerate(PAIRS)), encoding="utf-8")
    acled = inputs / "acled.csv"
    row = (dict(actor1="Military Forces of Ukraine (2019-)", country="Russia",
                region="Belgorod", place="Belgorod", lat="50.6", lon="36.6",
                adjective="Ukrainian") if mirrored else
           dict(actor1="Military Forces of Russia (2000-)", country="Ukraine",
                region="Kharkiv", place="Kharkiv", lat="50.0", lon="36.25",
                adjective="Russian"))
    acled.write_text(ACLED.format(**row), encoding="utf-8")
    with open_store(inputs / "t.duckdb") as store:
        add_agreement(store, parse_spec(AGREEMENT.format(first=first, second=second)))
        ingest(store, "acled", [acled], merge=False)
        ingest(store, "text", [texts])
        rows = store.conn.execute(
            "SELECT i.event_date, i.admin1, i.target_class, i.perpetrator, v.party, v.verdict "
            "FROM verdicts v JOIN incidents i ON i.id = v.incident_id").fetchall()
    if mirrored:
        rows = [(d, SWAP.get(a, a), c, SWAP.get(p, p), SWAP.get(party, party), verdict)
                for d, a, c, p, party, verdict in rows]
    return sorted(rows, key=repr)


def test_mirrored_agreement_gives_mirrored_verdicts(tmp_path):
    plain = _verdicts(tmp_path, mirrored=False)
    assert {verdict for *_, verdict in plain} >= {"violation", "outside_window"}
    assert plain == _verdicts(tmp_path, mirrored=True)


def test_the_profile_says_who_the_sides_are():
    profile = profiles.load("russia-ukraine")
    assert profile.sides == ("RU", "UA")
    assert profile.opposite("UA") == "RU" and profile.opposite("US") is None
    other = profiles.load("india-pakistan")
    assert other.sides == ("IN", "PK") and other.opposite("IN") == "PK"
    assert other.parties["TRF"].kind == "armed_group"
