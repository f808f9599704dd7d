"""Conditions, follow-on steps and committed numbers named in a statement."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from trucewatch.lang.dates import tables

from .conditional import (
    OPENING,
    announced_items,
    clause_cue,
    conditional_range,
    cue_labels,
    enumerators,
    ordinal_opening,
)
from .lexicon import data, fired_values
from .nlp import Sentence, Span, past_tense
from .window import gives_length

__all__ = ["read_conditions", "read_follow_on", "read_numbers"]

#: Condition kinds that need no halt or strike word in their sentence.
_STANDALONE = ("escape", "precondition")
#: Kinds checked first when a sentence carries cues of several.
_KIND_ORDER = ("escape", "reciprocity", "precondition", "demand")
#: Talks named with their topic ("technical talks on a maritime ceasefire") count as the topic.
_TALKS = ("technical_talks", "further_negotiations")
#: Steps read under another label: meetings of technical teams or experts are technical talks
#: whatever they work on ("experts will meet to work out a ceasefire at sea").
_SAME_AS = {"technical_meeting": "technical_talks"}
#: The generic step, left out of a sentence that names technical talks or a topic.
_GENERIC = "further_negotiations"
_QUOTES = "\"'“”«»„ "
#: Characters trimmed from a condition's ends: quotes, punctuation, dashes and list bullets
#: (with the emoji variation selector some bullets carry: "▪️").
_TRIM = _QUOTES + ",.;:—–-•*▪▫►\ufe0f"
_THAT = ("that", "что", "що", "щоб", "чтобы", ":")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)")
#: Punctuation that bounds the segment a reciprocity cue is read from.
_SEGMENT_MARKS = (",", ":", ";", "—", "–")
#: Words a segment does not start with ("and Ukraine will mirror it" -> "Ukraine will ...").
_LEADING = ("and", "but", "и", "а", "но", "і", "й", "та", "але")
#: A capitalised word after a coordinator starts a new condition when this many tokens follow.
MIN_PART = 3
#: Sentences after a halt or strike sentence within which a demand is a condition of it.
DEMAND_REACH = 3
#: Tokens after "if" within which a party makes it a condition ("if Russian drones hit ...").
PARTY_REACH = 3
_CLOSERS = ('"', "”", "»", ",")
#: Articles between a negation and the step it negates ("not a general ceasefire").
_ARTICLES = ("a", "an", "the")
#: Steps that are halts themselves: named as the topic of talks already held, they are what
#: those talks were about (the statement's halt), not a further step.
_HALT_STEPS = ("maritime_ceasefire", "full_ceasefire")
#: Tokens after an extension word within which "to" says what it is extended to.
EXTEND_REACH = 3


def read_conditions(sentences: Sequence[Sentence]) -> list[tuple[str, str]]:
    """(kind, text) of each condition or demand: the clause a conditional word opens ("only if
    A and B" -> "only if A", B; "insists on A and on B" -> A, B), the segment that holds a
    reciprocity cue, else the sentence without its attribution. A demand verb ("demands",
    "призывает") counts up to :data:`DEMAND_REACH` sentences after a halt or strike sentence
    too (a list counts with the sentence before it); "if" with a party after it ("if Russia
    strikes ...") is a precondition. A call on a
    party to halt is the halt asked for, not a condition: only a conditional word inside it
    ("... під міжнародним моніторингом") gives one. A one-word condition ("Дзеркально.") only
    repeats the one before it and is left out. Each item of a list announced as conditions
    ("обозначила ряд условий: – ...; – ...") is a demand, and what follows the colon of a
    sentence naming a condition ("Умова незмінна: жодних ударів ...") a precondition. Sentences
    enumerated after one that asks ("France expects three things. First, ...") are demands,
    without their ordinal, unless they name a further step; the announcing sentence is none.
    Negated condition words and idioms ("for as long as necessary") give none."""
    found: list[tuple[str, str]] = []
    listed = announced_items(sentences)
    announcers = enumerators(sentences)
    for index, sentence in enumerate(sentences):
        named = _named_condition(sentence)
        if named:
            found.append(("precondition", named))
            continue
        if index in announcers:
            continue
        opening = ordinal_opening(sentence)
        if index in listed and opening is not None:
            if not _names_follow_on(sentence, range(len(sentence.words))):
                found.append(("demand", sentence.slice(opening, len(sentence.words)).strip(_TRIM)))
            continue
        kinds = fired_values(cue_labels(sentence), "condition")
        if not kinds and index in listed:
            found.append(("demand", _clause(sentence)))
            continue
        clause = conditional_range(sentence)
        if not kinds and clause and _party_after(sentence, clause.start):
            kinds = {"precondition"}
        if not kinds:
            continue
        kind = next(k for k in _KIND_ORDER if k in kinds)
        context = sentence.has("halt") or sentence.has("strike")
        after_halt = any(s.has("halt") or s.has("strike") for s in _before(sentences, index))
        demanded = after_halt and (kind == "reciprocity" or (bool(clause) and kind == "demand"))
        if not (context or kinds & set(_STANDALONE) or demanded):
            continue
        cue = _condition_cue(sentence, clause)
        if clause and cue is None:
            continue
        if cue is not None and cue.start != clause.start:
            clause = range(cue.start, len(sentence.words))
        opening = bool(clause) and clause.start < OPENING
        if kind == "demand" and clause:
            clause = range(clause.start, len(sentence.words))
        if kind != "escape" and clause and (not opening or kind == "demand"):
            parts = _parts(sentence, clause, cue)
        elif kind == "reciprocity" and not opening:
            parts = [_segment(sentence)]
        else:
            parts = [_clause(sentence)]
        if kind == "demand" and _names_follow_on(sentence, clause):
            continue
        found += [(kind, part) for part in parts if len(part.split()) > 1]
    return found


def _named_condition(sentence: Sentence) -> str:
    """What follows the colon of a sentence that opens by naming a condition ("The condition
    is simple: no strikes on our grid", "Умова незмінна: жодних ударів ..."), or ""."""
    cue = next((c for c in sentence.tagged("condition_list") if c.start < OPENING), None)
    if cue is None or sentence.list_item:
        return ""
    colon = next((i for i in range(cue.end, len(sentence.words)) if sentence.words[i] == ":"),
                 None)
    if colon is None or colon > cue.end + OPENING:
        return ""
    return sentence.slice(colon + 1, len(sentence.words)).strip(_TRIM)


def _before(sentences: Sequence[Sentence], index: int) -> list[Sentence]:
    """The :data:`DEMAND_REACH` sentences before ``index``, with a list between them counted
    as part of the sentence that introduces it."""
    before: list[Sentence] = []
    count = 0
    for sentence in reversed(sentences[:index]):
        if count == DEMAND_REACH:
            break
        before.append(sentence)
        count += not sentence.list_item
    return before


def _condition_cue(sentence: Sentence, clause: range) -> Span | None:
    """The word that opens the condition: the clause's own, except in a call on a party to
    halt, where it is the first conditional word after the call (None when there is none)."""
    cue = clause_cue(sentence)
    if cue is None or cue.family != "appeal":
        return cue
    if not any(h.start in clause for h in sentence.tagged("stopping")):
        return cue
    return next((c for c in sentence.tagged("conditional") if c.start > cue.start), None)


def _names_follow_on(sentence: Sentence, clause: range) -> bool:
    """Whether a demand's clause asks for a further step ("calls for an exchange of
    prisoners"): that is a follow-on, not a condition."""
    return bool(fired_values({s.label for s in sentence.spans if s.start in clause}, "follow"))


def _party_after(sentence: Sentence, start: int) -> bool:
    """Whether a party, or "they" (the other side), follows a conditional word closely ("if
    Russia strikes ...", "якщо виконують вони")."""
    parties = sentence.tagged("actor") + sentence.tagged("third_person")
    return any(start < a.start <= start + PARTY_REACH for a in parties)


def _parts(sentence: Sentence, clause: range, cue: Span) -> list[str]:
    """The clause split into coordinated conditions: at a coordinator followed by "that", a
    capitalised word, the clause's own first word, or a preposition the part already used
    ("accompanied by an end to A and by a halt to B"). The first part keeps a conditional
    word ("as long as Russia does not strike ..."); a verb of asking is left out ("insists
    on A" -> "on A")."""
    start = cue.end
    while start < clause.stop and sentence.lemmas[start] in (*_THAT, ",", "on", "to"):
        start += 1
    coords = {i for s in sentence.tagged("scope") if s.value == "coord" and s.end == s.start + 1
              for i in range(s.start, s.end)}
    prepositions = {s.start for s in sentence.tagged("preposition")}
    kept = cue.family == "conditional"
    aside = _aside(sentence, cue.end if kept else start)
    stop = min(clause.stop, _attribution_end(sentence), aside)
    first = sentence.lemmas[start] if start < stop else ""
    bounds = [start]
    for i in range(start + 1, stop - 1):
        following = sentence.lemmas[i + 1]
        new_subject = sentence.words[i + 1][:1].isupper() and stop - i > MIN_PART
        parallel = i + 1 in prepositions and following in sentence.lemmas[bounds[-1]:i]
        if i in coords and sentence.words[i] != "," and (
            following in _THAT or new_subject or following == first or parallel
        ):
            bounds.append(i)
    bounds.append(stop)
    if kept:
        bounds[0] = cue.start
    parts = []
    for index, (left, right) in enumerate(itertools.pairwise(bounds)):
        left += index > 0
        while index and left < right and sentence.lemmas[left] in _THAT:
            left += 1
        text = sentence.slice(left, right).strip(_TRIM)
        if text:
            parts.append(text)
    return parts


def _aside(sentence: Sentence, after: int) -> int:
    """Where a remark after a comma begins past token ``after`` ("..., so that every violation
    is recorded", ", як це запропонували США"): the condition ends there. ``after`` is the end
    of a conditional word, or the start of what a verb of asking asks ("вимагає, щоб ...")."""
    return min((s.start - 1 for s in sentence.tagged("aside")
                if s.start > after and sentence.words[s.start - 1] == ","),
               default=len(sentence.words))


def _segment(sentence: Sentence) -> str:
    """The stretch between punctuation that holds the sentence's first condition cue."""
    cue = next(s for s in sentence.spans if s.value.split("#")[0] == "reciprocity"
               and s.family == "condition")
    marks = [i for i, w in enumerate(sentence.words) if w in _SEGMENT_MARKS]
    left = max((i + 1 for i in marks if i < cue.start), default=0)
    left = max(left, _attribution_start(sentence))
    right = min((i for i in marks if i >= cue.end), default=len(sentence.words))
    right = min(right, _attribution_end(sentence, left))
    while left < right and sentence.lemmas[left] in _LEADING:
        left += 1
    return sentence.slice(left, right).strip(_TRIM)


def _clause(sentence: Sentence) -> str:
    """The sentence without its attribution: "X said that A" -> A; "A," X said -> A."""
    start = _attribution_start(sentence)
    end = _attribution_end(sentence, start)
    return sentence.slice(start, end).strip(_TRIM)


def _attribution_start(sentence: Sentence) -> int:
    """Where a sentence's content starts after a leading attribution ("X said that A"; "I
    said it to both of them very plainly: A")."""
    start = 0
    for verb in sentence.tagged("attribution"):
        if verb.start >= len(sentence.words) / 2:
            continue
        after = sentence.lemmas[verb.end:verb.end + 2]
        if any(word in _THAT for word in after):
            start = verb.end + [w in _THAT for w in after].index(True) + 1
        elif ":" in sentence.words[verb.end:len(sentence.words) // 2 + 1]:
            start = sentence.words.index(":", verb.end) + 1
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
    """Follow-on labels in order of first mention, and the sentence naming each; an extension
    counts in a sentence about the halt or the agreement ("consider extending the
    arrangement"), or right after a halt sentence. Steps a sentence does not name as steps
    (negated, mediated, at sea: :func:`_step_labels`) are left out."""
    labels: dict[str, str] = {}
    for index, sentence in enumerate(sentences):
        fired = _specific(fired_values(_step_labels(sentence), "follow"))
        about_halt = (sentence.has("halt") or sentence.has("agreement")
                      or (index > 0 and sentences[index - 1].has("halt")))
        if _prolongs(sentence, fired):
            fired.add("extension")
            about_halt = True
        if "extension_by_mutual_agreement" in fired or not about_halt:
            fired.discard("extension")
        ordered = sorted(fired, key=lambda v: (_first(sentence, v), v))
        for label in ordered:
            labels.setdefault(label, sentence.text.strip(_QUOTES))
    if "extension_by_mutual_agreement" in labels:
        labels.pop("extension", None)
    return list(labels), labels


def _prolongs(sentence: Sentence, fired: set[str]) -> bool:
    """Whether a sentence naming no other step prolongs something by a length of time ("Ми
    запропонували продовжити тишу на 30 днів"), unless it speaks of strikes and not of a halt
    ("продовжує удари вже тиждень")."""
    return (sentence.has("prolonging") and not fired - {"extension"} and gives_length(sentence)
            and not (sentence.has("strike") and not sentence.has("halt")))


def _step_labels(sentence: Sentence) -> set[str]:
    """Labels of the sentence's spans, less the further steps it does not name as steps: one
    negated ("It is not a general ceasefire", "это не перемирие"), one inside a wording of
    how the agreement was mediated ("through the good offices of the IAEA"), a full ceasefire
    that is a ceasefire at sea ("повне припинення вогню на морі"), and an extension to things
    rather than time ("should not be read as extending it to ports"), and a halt that was the
    topic of talks already held ("прошли переговоры ... по безопасности судоходства":
    ``held`` in ``cues.yaml``); other topics of such talks ("held consultations on ... the
    release of prisoners") stay steps."""
    negations = {s.end for s in sentence.tagged("negation")}
    topic_from = _held_talks(sentence)
    mediated = [range(m.start, m.end) for m in sentence.tagged("mediation")]
    maritime = [s for s in sentence.tagged("follow") if s.value == "maritime_ceasefire"]
    dropped = set()
    for span in sentence.tagged("follow"):
        value = span.value.split("#")[0]
        start = span.start
        while start > 0 and sentence.lemmas[start - 1] in _ARTICLES:
            start -= 1
        if (start in negations
                or any(span.start in m and span.end - 1 in m for m in mediated)
                or (value == "full_ceasefire"
                    and any(m.start < span.end and span.start < m.end for m in maritime))
                or (value == "extension" and _extends_to_things(sentence, span))
                or (value in _HALT_STEPS and span.start >= topic_from)):
            dropped.add(span)
    return {s.label for s in sentence.spans if s not in dropped}


def _held_talks(sentence: Sentence) -> int:
    """Token after which steps are the topic of talks already held: the end of the last
    verb of holding in the past tense with no word of agreeing after it, else past the end."""
    agreed = [a.start for a in sentence.tagged("agreement")]
    held = [h.end for h in sentence.tagged("held") if past_tense(sentence, h.start)
            and not any(a >= h.end for a in agreed)]
    return max(held, default=len(sentence.words) + 1)


def _extends_to_things(sentence: Sentence, span: Span) -> bool:
    """Whether an English extension word is followed, within :data:`EXTEND_REACH` tokens, by
    "to" and a word that is no number or time ("extending it to them", not "extended to 60
    days" or "to the end of April"); Russian and Ukrainian widen a scope with other verbs
    ("распространить на")."""
    words = [w.lower() for w in sentence.words]
    time_words = _time_words(sentence.language)
    for index in range(span.end, min(span.end + EXTEND_REACH, len(words) - 1)):
        if words[index] == "to":
            following = next((w for w in words[index + 1:] if w not in _ARTICLES), "")
            return not (following[:1].isdigit() or following in time_words)
    return False


@cache
def _time_words(language: str) -> frozenset[str]:
    words = tables(language)
    return frozenset([*words.months, *words.numbers, *data("dates.yaml")["time_nouns"][language]])


def _specific(fired: set[str]) -> set[str]:
    """Steps less talks named with a topic (the topic stands for them), with meetings of
    technical teams as technical talks, and less further negotiations next to those."""
    if fired - set(_TALKS) - {"extension", *_SAME_AS}:
        fired -= set(_TALKS)
    fired = {_SAME_AS.get(value, value) for value in fired}
    return fired - {_GENERIC} if "technical_talks" in fired else fired


def _first(sentence: Sentence, value: str) -> int:
    values = [(s.value.split("#")[0], s.start) for s in sentence.tagged("follow")]
    return min((start for v, start in values if _SAME_AS.get(v, v) == value), default=0)


@cache
def _number_patterns(language: str) -> list[tuple[str, dict[str, str], re.Pattern[str]]]:
    patterns = []
    for key, spec in data("numbers.yaml").items():
        for pattern in spec.get(language, []):
            patterns.append((key, spec, re.compile(pattern, re.IGNORECASE)))
    return patterns


def _in_context(sentence: Sentence, spec: dict[str, str]) -> bool:
    """Whether a sentence is in a number key's context and not one it yields to."""
    if not sentence.has(spec["context"]):
        return False
    yielded = "yield_to" in spec and sentence.has(spec["yield_to"])
    return not yielded or sentence.has(spec["unless"])


def read_numbers(sentences: Sequence[Sentence], language: str) -> tuple[dict[str, int], str]:
    """Numbers committed to (``{"prisoners_exchanged_each_side": 175}``) and a sentence; a
    number an earlier key of the same context took is not read again under a later key."""
    numbers: dict[str, int] = {}
    quote = ""
    for sentence in sentences:
        text = _THOUSANDS.sub("", sentence.text)
        taken: set[tuple[str, int]] = set()
        for key, spec, pattern in _number_patterns(language):
            context = spec["context"]
            match = pattern.search(text)
            if not match or key in numbers or not _in_context(sentence, spec):
                continue
            value = int(match.group(1))
            if (context, value) not in taken:
                numbers[key] = value
                taken.add((context, value))
                quote = quote or sentence.text.strip(_QUOTES)
    return numbers, quote
