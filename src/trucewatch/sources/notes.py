"""Target class, perpetrator, claimant and denial of a dataset row, read from its notes.

The target class comes from the extractor's classifier (``trucewatch.text.classify_target``);
who attacked and who claims it come from the parties' phrases of every shipped profile
(:func:`trucewatch.profiles.dataset_phrases`; a row names its own country, whatever the
conflict), local officials and denials from ``data/notes_lexicon.yaml``. Notes are normalised
(dates, numbers and the row's own place names taken out) and each distinct normalised note is
read once, so a million rows cost as many classifier calls as they have distinct sentences.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from trucewatch.profiles import dataset_phrases
from trucewatch.text import classify_target

__all__ = ["LOCAL", "NoteReading", "classify_note", "mask_digits", "normalise", "read_note"]

#: The claimant :func:`read_note` gives for a local official; the row's country replaces it.
LOCAL = "local"

#: (target_class, target_text, perpetrator, claimed_by, negated, reasons as JSON)
NoteReading = tuple[str, str | None, str | None, str | None, bool, str]

_DIGITS = str.maketrans("123456789", "000000000")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@cache
def _lexicon() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("data/notes_lexicon.yaml").read_text("utf-8")
    shared = yaml.safe_load(text)
    return {"perpetrator": dict(dataset_phrases("perpetrator")),
            "claimant": {**dataset_phrases("claimant"), **shared["claimant"]},
            "denial": shared["denial"]}


def _earliest(text: str, phrases: dict[str, list[str]]) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for party, words in phrases.items():
        for word in words:
            at = text.find(word)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, party, word)
    return (best[1], best[2]) if best else None


def normalise(notes: str, places: tuple[str, ...] = ()) -> str:
    """The part of a note that decides its reading: without the opening date ("On 16 May
    2025, ": up to a comma among the first 40 characters), with the row's own place names
    replaced by ``Place`` and every digit by ``0``. (``acled_bulk`` does the same in SQL.)"""
    if notes.startswith("On ") and "," in notes[:40]:
        notes = notes[notes.index(",") + 1:].lstrip(" ")
    for place in places:
        if len(place) > 2:
            notes = notes.replace(place, "Place")
    return mask_digits(notes)


def mask_digits(text: str) -> str:
    """``text`` with every digit 1-9 written as 0 (the last step of :func:`normalise`)."""
    return text.translate(_DIGITS)


@lru_cache(maxsize=200_000)
def _classify_sentence(sentence: str) -> tuple[str, str] | None:
    return classify_target(sentence, "en")


def classify_note(text: str) -> tuple[str, str] | None:
    """The target of the first sentence that names one: notes repeat their sentences (the
    attack, then casualties), so each distinct sentence goes through the classifier once."""
    for sentence in _SENTENCE_END.split(text):
        found = _classify_sentence(sentence)
        if found:
            return found
    return None


@lru_cache(maxsize=200_000)
def read_note(key: str, tags: str = "", default_claimant: str | None = "media") -> NoteReading:
    """Read one normalised note (and the row's tags): class, perpetrator, claimant, denial.

    A local official or body as claimant ("according to the Kursk governor") comes back as
    ``"local"``: the caller knows the row's country, whose side the official speaks for."""
    reasons: dict[str, str] = {}
    found = classify_note(key) if key else None
    if found is None and tags:
        found = classify_note(tags)
        if found:
            reasons["target_class"] = f"tags: {found[1]!r}"
    elif found:
        reasons["target_class"] = f"notes: {found[1]!r}"
    target_class, target_text = found if found else ("unknown", None)
    if not found:
        reasons["target_class"] = "notes name no target"
    lower = key.lower()
    lexicon = _lexicon()
    perpetrator = _earliest(lower, lexicon["perpetrator"])
    reasons["perpetrator"] = (f"notes: {perpetrator[1]!r}" if perpetrator
                              else "notes name no attacker")
    claimant = _earliest(lower, lexicon["claimant"])
    if claimant:
        reasons["claimed_by"] = f"notes: {claimant[1]!r}"
    negated = next((w for w in lexicon["denial"] if w in lower), None)
    if negated:
        reasons["negated"] = f"notes: {negated!r}"
    return (target_class, target_text, perpetrator[0] if perpetrator else None,
            claimant[0] if claimant else default_claimant, negated is not None,
            json.dumps(reasons, ensure_ascii=False))
