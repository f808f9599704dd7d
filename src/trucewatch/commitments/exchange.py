"""The ``exchange`` kind: prisoners, wounded, bodies or civilians handed over per side.

**Reading exchanges** from news and statements (en, uk, ru), sentence by sentence: a sentence
with a word of exchanging or returning (``data/exchange.yaml``) and none of things yet to come
("will exchange", "agreed to swap", "обменяются") reports what happened. Its items are the
numbers followed, within a few words, by an item noun ("175 Ukrainian defenders", "22
тяжкопоранених", "the bodies of 909 fallen soldiers"), and "N for N" pairs ("175 for 175",
"175 на 175"), which count for each side. Whose people they are comes from a party named
between number and noun ("Ukrainian"); who handed them over from a party named just before a
verb of handing over ("Russia handed over"), or, before a verb of getting back, who received
them ("Україна повернула").

**Fulfilment** of each agreed item (item, the side that hands it over, quantity): the events
reported from the commitment's first status date up to :data:`GRACE_DAYS` after it was due
whose item matches and whose side fits (handed over by that side, received by or belonging to
another party, or reported for each side). Several reports of one day count once (the largest
number); days add up. ``fulfilled`` when the reported number reaches the agreed one,
``partial`` (with both numbers) below it, ``overdue`` with nothing reported after the due
date, ``not_started`` before it; each with its sources.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from trucewatch.model import Agreement, Commitment, ExchangeItem

from .language import Words, data, dates_in, sentences

__all__ = ["GRACE_DAYS", "STATES", "evaluate_exchange", "read_exchanges"]

#: Days after the due date within which a reported exchange still counts.
GRACE_DAYS = 14

STATES = {
    "fulfilled": "the reported number reaches the agreed one",
    "partial": "some were reported handed over, fewer than agreed",
    "overdue": "nothing reported handed over, and the due date has passed",
    "not_started": "nothing reported handed over yet; not due yet",
}

_MONTHS = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|січ|лют|берез|квіт|трав"
                     r"|черв|лип|серп|верес|жовт|листоп|груд|янв|фев|мар|апр|мая|май|июн|июл"
                     r"|авг|сен|окт|ноя|дек)")


def _has(words: tuple[str, ...], text: str, stems: list[str]) -> bool:
    lowered = text.lower()
    return any((" " in s and s in lowered) or any(w.startswith(s) for w in words)
               for s in stems)


def _future(words: tuple[str, ...], text: str, stems: list[str]) -> bool:
    lowered = text.lower()
    return any(((" " in s or "'" in s) and s in lowered) or
               (" " not in s and "'" not in s and
                any(w == s or (len(s) > 4 and w.startswith(s)) for w in words))
               for s in stems)


def _item_of(word: str, language: str) -> str | None:
    for item, stems in data("exchange.yaml")["items"].items():
        if any(word.startswith(s) for s in stems[language]):
            return item
    return None


def _pairs(sentence: Words, language: str) -> Iterator[tuple[int, int, int]]:
    """(quantity, start, end) of each "N for N" pair with equal numbers."""
    for pattern in data("exchange.yaml")["pair"][language]:
        for match in re.finditer(pattern, sentence.text, re.IGNORECASE):
            left, right = (int(re.sub(r"\D", "", g)) for g in match.groups())
            if left == right:
                yield left, match.start(), match.end()


def _verb_party(sentence: Words, language: str, key: str) -> str | None:
    stems = data("exchange.yaml")[key][language]
    for i, word in enumerate(sentence.words):
        if any(word.startswith(s) for s in stems):
            party = sentence.party_before(i, 4)
            if party:
                return party
    return None


def _items(sentence: Words, language: str) -> list[dict[str, Any]]:
    spec = data("exchange.yaml")
    reach = spec["between"]
    items: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    handed = _verb_party(sentence, language, "hands_over")
    received = _verb_party(sentence, language, "receives")
    for quantity, start, end in _pairs(sentence, language):
        item = next((i for w in sentence.words if (i := _item_of(w, language)) == "bodies"),
                    "prisoners")
        items.append({"item": item, "quantity": quantity, "side": "each", "people_of": None,
                      "handed_by": None, "received_by": None})
        taken.append((start, end))
    for i, word in enumerate(sentence.words):
        quantity = Words.number(word)
        if quantity is None or quantity < 1:
            continue
        at = sentence.offsets[i]
        if any(s <= at < e for s, e in taken):
            continue
        item, stop = None, i + 1
        for j in range(i + 1, min(len(sentence.words), i + 2 + reach)):
            if _MONTHS.match(sentence.words[j]) or not sentence.words[j][:1].isalnum():
                break
            item = _item_of(sentence.words[j], language)
            if item:
                stop = j
                break
        if item is None:
            continue
        before = sentence.words[max(0, i - 3):i]
        if any(_item_of(w, language) == "bodies" for w in before):
            item = "bodies"
        items.append({"item": item, "quantity": quantity, "side": None,
                      "people_of": sentence.party_between(i + 1, stop),
                      "handed_by": handed, "received_by": received})
    return items


def read_exchanges(text: str, language: str, published: dt.date | None
                   ) -> list[dict[str, Any]]:
    """The exchanges ``text`` reports as done: ``{"date", "items", "evidence"}`` each, one
    per sentence with items (an item reported again later in the text is left out)."""
    spec = data("exchange.yaml")
    lowered = text.lower()
    if not (any(s in lowered for stems in spec["items"].values() for s in stems[language])
            or any(re.search(p, text) for p in spec["pair"][language])):
        return []
    events, seen = [], set()
    for sentence in sentences(text, language):
        if sentence.editorial or not _has(sentence.words, sentence.text,
                                          spec["cues"][language]):
            continue
        if _future(sentence.words, sentence.text, spec["future"][language]):
            continue
        items = [i for i in _items(sentence, language) if _key(i) not in seen]
        if not items:
            continue
        seen.update(_key(i) for i in items)
        days = dates_in(sentence.text, language, published)
        events.append({"date": days[0] if days else published, "items": items,
                       "evidence": sentence.text.strip()})
    return events


def _key(item: dict[str, Any]) -> tuple[Any, ...]:
    return (item["item"], item["quantity"], item["side"], item["people_of"],
            item["handed_by"], item["received_by"])


def _fits(reported: dict[str, Any], agreed: ExchangeItem, others: set[str]) -> bool:
    """Whether a reported item counts toward ``agreed`` (handed over by ``agreed.side``)."""
    if reported["item"] != agreed.item:
        return False
    if reported["side"] == "each":
        return True
    if reported["handed_by"]:
        return reported["handed_by"] == agreed.side
    if reported["received_by"]:
        return reported["received_by"] in others
    if reported["people_of"]:
        return reported["people_of"] in others
    return True  # not said whose: counts for each side


def evaluate_exchange(agreement: Agreement, commitment: Commitment,
                      events: list[dict[str, Any]], as_of: dt.date) -> dict[str, Any]:
    """``{"state", "due", "items": [{"item", "side", "agreed", "reported", "state",
    "sources"}]}`` for the exchange events given (rows of ``commitment_events``)."""
    parties = set(commitment.bound or agreement.parties)
    start = _first_status(agreement, commitment)
    end = commitment.due + dt.timedelta(days=GRACE_DAYS) if commitment.due else None
    window = [e for e in events if e["event_date"] is not None
              and (start is None or e["event_date"] >= start)
              and (end is None or e["event_date"] <= end)]
    rows = []
    for agreed in commitment.items:
        others = parties - {agreed.side}
        per_day: dict[dt.date, int] = defaultdict(int)
        sources = []
        for event in window:
            matching = [i for i in event["detail"]["items"] if _fits(i, agreed, others)]
            if not matching:
                continue
            quantity = max(i["quantity"] for i in matching)
            per_day[event["event_date"]] = max(per_day[event["event_date"]], quantity)
            sources.append({"date": event["event_date"], "reported": quantity,
                            "url": event["url"], "outlet": event["outlet"],
                            "published": event["published"], "evidence": event["evidence"]})
        reported = sum(per_day.values())
        rows.append({"item": agreed.item, "side": agreed.side, "agreed": agreed.quantity,
                     "reported": reported, "state": _state(reported, agreed.quantity,
                                                           commitment.due, as_of),
                     "sources": sorted(sources, key=lambda s: (str(s["date"]),
                                                               str(s["url"])))})
    states = {row["state"] for row in rows}
    overall = ("fulfilled" if states == {"fulfilled"} else
               "partial" if states & {"fulfilled", "partial"} else
               "overdue" if "overdue" in states else "not_started")
    return {"state": overall, "due": commitment.due, "items": rows}


def _state(reported: int, agreed: int, due: dt.date | None, as_of: dt.date) -> str:
    if reported >= agreed:
        return "fulfilled"
    if reported > 0:
        return "partial"
    return "overdue" if due is not None and as_of > due else "not_started"


def _first_status(agreement: Agreement, commitment: Commitment) -> dt.date | None:
    days = [s.date for s in (*commitment.status, *agreement.status)]
    return min(days) - dt.timedelta(days=1) if days else None
