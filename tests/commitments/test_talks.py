"""Meetings read from news: held, scheduled or cancelled, with place and delegations."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.commitments import KINDS
from trucewatch.commitments.talks import read_meetings
from trucewatch.model import KIND_TERMS, CommitmentKind

DAY = dt.date(2025, 3, 24)


@pytest.mark.parametrize(("language", "text", "state", "place", "delegations"), [
    ("en", "US and Russian delegations held talks in Riyadh on Monday.", "held", "Riyadh",
     ["RU", "US"]),
    ("en", "The meeting in London has been postponed.", "cancelled", "London", []),
    ("en", "Russia and Ukraine will hold talks in Istanbul on 16 May.", "scheduled",
     "Istanbul", ["RU", "UA"]),
    ("uk", "У саудівському Ер-Ріяді відбулася зустріч делегацій України та США.", "held",
     "Riyadh", ["UA", "US"]),
    ("ru", "Переговоры России и США состоятся в Эр-Рияде 24 марта.", "scheduled", "Riyadh",
     ["RU", "US"]),
    ("ru", "Встреча в Женеве отменена.", "cancelled", "Geneva", []),
])
def test_reads_meetings(language: str, text: str, state: str, place: str,
                        delegations: list[str]) -> None:
    (meeting,) = read_meetings(text, language, DAY)
    assert (meeting["state"], meeting["place"], meeting["delegations"]) == (
        state, place, delegations)


def test_every_kind_is_a_plug_in_with_its_terms() -> None:
    assert set(KINDS) == {k.value for k in CommitmentKind}
    for name, kind in KINDS.items():
        assert kind.terms == KIND_TERMS[name]
        assert kind.template == f"kinds/{name}.html"
    assert KINDS["exchange"].events == ("exchange",)
    assert KINDS["talks"].events == ("meeting",)
    assert set(KINDS["exchange"].vocabulary) == {"fulfilled", "partial", "overdue",
                                                 "not_started"}
