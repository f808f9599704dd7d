"""Conditions, follow-on steps and committed numbers named in a statement."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from .conditional import OPENING, conditional_range
from .lexicon import data, fired_values
from .nlp import Sentence

__all__ = ["read_conditions", "read_follow_on", "read_numbers"]

#: Condition kinds that need no halt or strike word in their sentence.
_STANDALONE = ("escape", "precondition")
#: Kinds checked first when a sentence carries cues of several.
_KIND_ORDER = ("escape", "reciprocity", "precondition", "demand")
#: Talks named with their topic ("technical talks on a maritime ceasefire") count as the topic.
_TALKS = ("technical_talks", "further_negotiations")
_QUOTES = "\"'“”«»„ "
_THAT = ("that", "что", "що", "щоб", "чтобы")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)")
#: Punctuation that bounds the segment a reciprocity cue is read from.
_SEGMENT_MARKS = (",", ":", ";", "—", "–")
#: Words a segment does not start with ("and Ukraine will mirror it" -> "Ukraine will ...").
_LEADING = ("and", "but", "и", "а", "но", "і", "й", "та", "але")
#: A capitalised word after a coordinator starts a new condition when this many tokens follow.
MIN_PART = 3
#: Tokens after "if" within which a party makes it a condition ("if Russian drones hit ...").
PARTY_REACH = 3
_CLOSERS = ('"', "”", "»", ",")


def read_conditions(sentences: Sequence[Sentence]) -> list[tuple[str, str]]:
    """(kind, text) of each condition or demand: the clause a conditional word opens ("only if
    A and B" -> A, B; "insists on A and on B" -> A, B), the segment that holds a reciprocity
    cue, else the sentence without its attribution. A demand verb ("demands", "призывает")
    counts right after a halt or strike sentence too; "if" with a party after it ("if Russia
    strikes ...") is a precondition."""
    found: list[tuple[str, str]] = []
    for index, sentence in enumerate(sentences):
        kinds = fired_values({s.label for s in sentence.spans}, "condition")
        clause = conditional_range(sentence)
        if not kinds and clause and _party_after(sentence, clause.start):
            kinds = {"precondition"}
        if not kinds:
            continue
        kind = next(k for k in _KIND_ORDER if k in kinds)
        context = sentence.has("halt") or sentence.has("strike")
        after_halt = index > 0 and (sentences[index - 1].has("halt")
                                    or sentences[index - 1].has("strike"))
        demanded = after_halt and (kind == "reciprocity" or (bool(clause) and kind == "demand"))
        if not (context or kind in _STANDALONE or demanded):
            continue
        opening = bool(clause) and clause.start < OPENING
        if kind == "demand" and clause:
            clause = range(clause.start, len(sentence.words))
        if kind != "escape" and clause and (not opening or kind == "demand"):
            parts = _parts(sentence, clause)
        elif kind == "reciprocity" and not opening:
            parts = [_segment(sentence)]
        else:
            parts = [_clause(sentence)]
        if kind == "demand" and _names_follow_on(sentence, clause):
            continue
        found += [(kind, part) for part in parts if part]
    return found


def _names_follow_on(sentence: Sentence, clause: range) -> bool:
    """Whether a demand's clause asks for a further step ("calls for an exchange of
    prisoners"): that is a follow-on, not a condition."""
    return bool(fired_values({s.label for s in sentence.spans if s.start in clause}, "follow"))


def _party_after(sentence: Sentence, start: int) -> bool:
    return any(start < a.start <= start + PARTY_REACH for a in sentence.tagged("actor"))


def _parts(sentence: Sentence, clause: range) -> list[str]:
    """The conditional clause after its cue, split into coordinated conditions: at a
    coordinator followed by "that", a capitalised word, or the clause's own first word."""
    cue = sentence.tagged("conditional")[0]
    start = cue.end
    while start < clause.stop and sentence.lemmas[start] in (*_THAT, ",", "on", "to"):
        start += 1
    coords = {i for s in sentence.tagged("scope") if s.value == "coord" and s.end == s.start + 1
              for i in range(s.start, s.end)}
    stop = min(clause.stop, _attribution_end(sentence))
    first = sentence.lemmas[start] if start < stop else ""
    bounds = [start]
    for i in range(start + 1, stop - 1):
        following = sentence.words[i + 1]
        new_subject = following[:1].isupper() and stop - i > MIN_PART
        if i in coords and sentence.words[i] != "," and (
            sentence.lemmas[i + 1] in _THAT or new_subject or sentence.lemmas[i + 1] == first
        ):
            bounds.append(i)
    bounds.append(stop)
    parts = []
    for left, right in itertools.pairwise(bounds):
        left += left != start
        while left < right and sentence.lemmas[left] in _THAT:
            left += 1
        text = sentence.slice(left, right).strip(_QUOTES + ",.;—-")
        if text:
            parts.append(text)
    return parts


def _segment(sentence: Sentence) -> str:
    """The stretch between punctuation that holds the sentence's first condition cue."""
    cue = next(s for s in sentence.spans if s.family == "condition")
    marks = [i for i, w in enumerate(sentence.words) if w in _SEGMENT_MARKS]
    left = max((i + 1 for i in marks if i < cue.start), default=0)
    left = max(left, _attribution_start(sentence))
    right = min((i for i in marks if i >= cue.end), default=len(sentence.words))
    right = min(right, _attribution_end(sentence, left))
    while left < right and sentence.lemmas[left] in _LEADING:
        left += 1
    return sentence.slice(left, right).strip(_QUOTES + ",.;—-")


def _clause(sentence: Sentence) -> str:
    """The sentence without its attribution: "X said that A" -> A; "A," X said -> A."""
    start = _attribution_start(sentence)
    end = _attribution_end(sentence, start)
    return sentence.slice(start, end).strip(_QUOTES + ",.—-")


def _attribution_start(sentence: Sentence) -> int:
    """Where a sentence's content starts after a leading attribution ("X said that A")."""
    start = 0
    for verb in sentence.tagged("attribution"):
        after = sentence.lemmas[verb.end:verb.end + 2]
        if any(word in _THAT for word in after) and verb.start < len(sentence.words) / 2:
            start = verb.end + [w in _THAT for w in after].index(True) + 1
    return start


def _attribution_end(sentence: Sentence, start: int = 0) -> int:
    """Where a sentence's content ends before a trailing attribution ("A," X said)."""
    end = len(sentence.words)
    for verb in sentence.tagged("attribution"):
        if verb.start > len(sentence.words) - 6 and verb.start > start:
            end = min(end, next((i for i in range(verb.start - 1, start, -1)
                                 if sentence.words[i] in _CLOSERS), end))
    return end


def read_follow_on(sentences: Sequence[Sentence]) -> tuple[list[str], dict[str, str]]:
    """Follow-on labels in order of first mention, and the sentence naming each."""
    labels: dict[str, str] = {}
    for index, sentence in enumerate(sentences):
        fired = fired_values({s.label for s in sentence.spans}, "follow")
        if fired - set(_TALKS) - {"extension"}:
            fired -= set(_TALKS)
        about_halt = sentence.has("halt") or (index > 0 and sentences[index - 1].has("halt"))
        if "extension_by_mutual_agreement" in fired or not about_halt:
            fired.discard("extension")
        ordered = sorted(fired, key=lambda v: _first(sentence, v))
        for label in ordered:
            labels.setdefault(label, sentence.text.strip(_QUOTES))
    if "extension_by_mutual_agreement" in labels:
        labels.pop("extension", None)
    return list(labels), labels


def _first(sentence: Sentence, value: str) -> int:
    return min((s.start for s in sentence.tagged("follow")
                if s.value.split("#")[0] == value), default=0)


@cache
def _number_patterns(language: str) -> list[tuple[str, str, re.Pattern[str]]]:
    patterns = []
    for key, spec in data("numbers.yaml").items():
        for pattern in spec.get(language, []):
            patterns.append((key, spec["context"], re.compile(pattern, re.IGNORECASE)))
    return patterns


def read_numbers(sentences: Sequence[Sentence], language: str) -> tuple[dict[str, int], str]:
    """Numbers committed to (``{"prisoners_exchanged_each_side": 175}``) and a sentence."""
    numbers: dict[str, int] = {}
    quote = ""
    for sentence in sentences:
        text = _THOUSANDS.sub("", sentence.text)
        for key, context, pattern in _number_patterns(language):
            match = pattern.search(text)
            if match and key not in numbers and sentence.has(context):
                numbers[key] = int(match.group(1))
                quote = quote or sentence.text.strip(_QUOTES)
    return numbers, quote
