"""Conditions, follow-on steps and committed numbers named in a statement."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

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
_THAT = ("that", "что", "що")
_CLOSERS = ('"', "”", "»", ",")


def read_conditions(sentences: Sequence[Sentence]) -> list[tuple[str, str]]:
    """(kind, text) of each condition or demand, one per sentence that attaches one."""
    found = []
    for sentence in sentences:
        kinds = fired_values({s.label for s in sentence.spans}, "condition")
        if not kinds:
            continue
        context = sentence.has("halt") or sentence.has("strike")
        kind = next(k for k in _KIND_ORDER if k in kinds)
        if context or kind in _STANDALONE:
            found.append((kind, _clause(sentence)))
    return found


def _clause(sentence: Sentence) -> str:
    """The sentence without its attribution: "X said that A" -> A; "A," X said -> A."""
    start, end = 0, len(sentence.words)
    for verb in sentence.tagged("attribution"):
        after = sentence.lemmas[verb.end:verb.end + 2]
        if any(word in _THAT for word in after) and verb.start < len(sentence.words) / 2:
            start = verb.end + [w in _THAT for w in after].index(True) + 1
        elif verb.start > len(sentence.words) - 6 and verb.start > start:
            end = min(end, next((i for i in range(verb.start - 1, start, -1)
                                 if sentence.words[i] in _CLOSERS), end))
    return sentence.slice(start, end).strip(_QUOTES + ",.—-")


def read_follow_on(sentences: Sequence[Sentence]) -> tuple[list[str], dict[str, str]]:
    """Follow-on labels in order of first mention, and the sentence naming each."""
    labels: dict[str, str] = {}
    for sentence in sentences:
        fired = fired_values({s.label for s in sentence.spans}, "follow")
        if fired - set(_TALKS) - {"extension"}:
            fired -= set(_TALKS)
        if "extension_by_mutual_agreement" in fired or not sentence.has("halt"):
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
        for key, context, pattern in _number_patterns(language):
            match = pattern.search(sentence.text)
            if match and key not in numbers and sentence.has(context):
                numbers[key] = int(match.group(1))
                quote = quote or sentence.text.strip(_QUOTES)
    return numbers, quote
