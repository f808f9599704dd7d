"""The ``talks`` kind: meetings promised, and meetings held, scheduled or cancelled.

**Reading meetings** from news (en, uk, ru), sentence by sentence: a sentence with a word of
talks or meeting (``data/talks.yaml``) reports one. It was ``cancelled`` if a word of
cancelling or postponing is there, ``scheduled`` if a word of things to come is, ``held`` if a
word of things done is (a sentence with none of them is left out). The place is the city named
after "in"/"в"/"у" (:mod:`.venues`); the date the day the sentence names, else, for a meeting
held, the day of publication; the delegations the parties the sentence names.

**Fulfilment** of each promised meeting: the meetings reported between the commitment's first
status date and :data:`GRACE_DAYS` after it was due, whose delegations include the promised
parties named (or name none) and whose city is the promised place when both are known.
``held`` if one was held, else ``cancelled`` if one was called off, else ``scheduled``, else
``overdue`` past its due date, else ``not_started``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from trucewatch.model import Agreement, Commitment, PromisedMeeting

from .language import Words, data, dates_in, sentences
from .venues import venue

__all__ = ["GRACE_DAYS", "STATES", "evaluate_talks", "read_meetings"]

#: Days after a promised meeting's due date within which a meeting still counts for it.
GRACE_DAYS = 14

STATES = {
    "held": "a meeting was reported held",
    "cancelled": "the meeting was reported called off or postponed",
    "scheduled": "a meeting was reported set for a date, not yet held",
    "overdue": "no meeting reported, and the due date has passed",
    "not_started": "no meeting reported yet; not due yet",
}


def _has(sentence: Words, stems: list[str]) -> bool:
    lowered = sentence.text.lower()
    return any(((" " in s or "'" in s) and s in lowered)
               or (" " not in s and "'" not in s
                   and any(w == s or (len(s) > 3 and w.startswith(s)) for w in sentence.words))
               for s in stems)


def _state(sentence: Words, language: str) -> str | None:
    spec = data("talks.yaml")
    for state in ("cancelled", "scheduled", "held"):
        if _has(sentence, spec[state][language]):
            return state
    return None


_NAME = re.compile(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?")


def _place(sentence: Words, language: str) -> tuple[str, str] | None:
    """The city named after a place preposition, skipping one adjective before it ("у
    саудівському Ер-Ріяді")."""
    prepositions = set(data("talks.yaml")["places_after"][language])
    for i, word in enumerate(sentence.words[:-1]):
        if word not in prepositions:
            continue
        for j in (i + 1, i + 2):
            if j >= len(sentence.words):
                break
            match = _NAME.match(sentence.text, sentence.offsets[j])
            if match is None or not match[0][:1].isupper():
                continue
            words = match[0].split()
            found = venue(words) or venue(words[:1])
            if found:
                return found
    return None


def read_meetings(text: str, language: str, published: dt.date | None
                  ) -> list[dict[str, Any]]:
    """The meetings ``text`` reports: ``{"date", "state", "place", "country", "delegations",
    "evidence"}`` each; one per (state, place, date) in a text."""
    spec = data("talks.yaml")
    lowered = text.lower()
    if not any(s in lowered for s in spec["meeting"][language]):
        return []
    found, seen = [], set()
    for sentence in sentences(text, language):
        if sentence.editorial or not _has(sentence, spec["meeting"][language]):
            continue
        state = _state(sentence, language)
        if state is None:
            continue
        place = _place(sentence, language)
        days = dates_in(sentence.text, language, published, ahead=state != "held")
        day = days[0] if days else (published if state == "held" else None)
        key = (state, place, day)
        if key in seen:
            continue
        seen.add(key)
        found.append({"date": day, "state": state, "place": place[0] if place else None,
                      "country": place[1] if place else None,
                      "delegations": sorted({p for _, p in sentence.parties}),
                      "evidence": sentence.text.strip()})
    return found


def _matches(event: dict[str, Any], promised: PromisedMeeting) -> bool:
    detail = event["detail"]
    delegations = set(detail["delegations"])
    if promised.parties and delegations and not set(promised.parties) <= delegations:
        return False
    if promised.place and detail["place"]:
        return promised.place.lower() in {detail["place"].lower(), (detail["country"] or "")
                                          .lower()}
    return True


def evaluate_talks(agreement: Agreement, commitment: Commitment,
                   events: list[dict[str, Any]], as_of: dt.date) -> dict[str, Any]:
    """``{"state", "promised": [...], "meetings": [...]}``: each promised meeting with its
    state and the meetings matched to it, and every meeting reported in the window."""
    days = [s.date for s in (*commitment.status, *agreement.status)]
    start = min(days) - dt.timedelta(days=1) if days else None
    window = [e for e in events if e["event_date"] is None or start is None
              or e["event_date"] >= start]
    promised = []
    for meeting in commitment.meetings:
        end = (meeting.due or commitment.due)
        matched = [e for e in window if _matches(e, meeting)
                   and (end is None or e["event_date"] is None
                        or e["event_date"] <= end + dt.timedelta(days=GRACE_DAYS))]
        states = {e["detail"]["state"] for e in matched}
        state = next((s for s in ("held", "cancelled", "scheduled") if s in states), None)
        if state is None:
            state = "overdue" if end is not None and as_of > end else "not_started"
        promised.append({"id": meeting.id, "title": meeting.title, "due": meeting.due,
                         "place": meeting.place, "parties": meeting.parties, "state": state,
                         "meetings": [_meeting(e) for e in matched
                                      if e["detail"]["state"] == state]})
    states = {p["state"] for p in promised}
    overall = next((s for s in ("held", "scheduled", "cancelled", "overdue", "not_started")
                    if s in states), "not_started")
    return {"state": overall, "promised": promised,
            "meetings": [_meeting(e) for e in window]}


def _meeting(event: dict[str, Any]) -> dict[str, Any]:
    detail = event["detail"]
    return {"date": event["event_date"], "state": detail["state"], "place": detail["place"],
            "delegations": detail["delegations"], "url": event["url"],
            "outlet": event["outlet"], "published": event["published"],
            "evidence": event["evidence"]}
