"""The clause of a sentence that a condition or demand opens.

"Ukraine will halt strikes on refineries, provided that Russia stops its attacks on power
plants": the words from "provided that" on are the condition, not the halt. A conditional word
or a verb of asking (``data/cues.yaml``, families ``conditional`` and ``appeal``) at the start
of a sentence opens a clause that ends at the first comma ("If either side violates it, ...");
elsewhere the clause runs to the sentence's end. List items after a sentence that announces
conditions ("обозначила ряд условий:"), or with a condition cue of their own, are conditions,
and so are sentences enumerated after one that asks ("France expects three things. First,
..."). A negated condition word ("does not depend on it"), one in an idiom ("for as long as
necessary", "поки що") or one opening a counterfactual ("if he had been in office ...", "если
бы он был ...") sets no condition.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import fired_values
from .nlp import Sentence, Span

__all__ = [
    "announced_items", "clause_cue", "condition_items", "conditional_range", "counterfactual",
    "cue_labels", "enumerators", "ordinal_opening",
]

#: A conditional word this close to a sentence's start opens a clause that ends at a comma.
OPENING = 2
#: Tokens after a conditional word within which a counterfactual marker ("had", "бы") voids it.
COUNTERFACTUAL_REACH = 3


#: Families of words that open or mark a condition.
_CUE_FAMILIES = ("conditional", "appeal", "condition")


def _void(sentence: Sentence, span: Span) -> bool:
    """Whether a condition word is negated ("does not depend on it", "не зависит от"), part
    of an idiom that sets no condition ("for as long as necessary", "поки що"), or opens a
    counterfactual ("if he had been in office", "если бы")."""
    return (any(n.end == span.start for n in sentence.tagged("negation"))
            or any(i.start < span.end and span.start < i.end
                   for i in sentence.tagged("not_condition"))
            or (span.family == "conditional" and _opens_counterfactual(sentence, span)))


def _opens_counterfactual(sentence: Sentence, span: Span) -> bool:
    return any(0 <= c.start - span.end < COUNTERFACTUAL_REACH
               for c in sentence.tagged("counterfactual"))


def counterfactual(sentence: Sentence) -> bool:
    """Whether a conditional word of the sentence opens a counterfactual ("If he had been in
    office, ...", "Если бы ...", "Якщо б ..."): the sentence says what did not happen."""
    return any(_opens_counterfactual(sentence, c) for c in sentence.tagged("conditional"))


def cue_labels(sentence: Sentence) -> set[str]:
    """Labels of a sentence's spans, less condition words that are negated or in an idiom."""
    return {s.label for s in sentence.spans
            if s.family not in _CUE_FAMILIES or not _void(sentence, s)}


def clause_cue(sentence: Sentence) -> Span | None:
    """The first conditional word or verb of asking in the sentence, or None; negated ones and
    idioms ("for as long as necessary") do not count."""
    cues = [c for c in sentence.tagged("conditional") + sentence.tagged("appeal")
            if not _void(sentence, c)]
    return min(cues, key=lambda c: (c.start, -c.end), default=None)


def conditional_range(sentence: Sentence) -> range:
    """Token range of the sentence's first conditional clause; empty when it has none."""
    cue = clause_cue(sentence)
    if cue is None:
        return range(0)
    if cue.start >= OPENING:
        return range(cue.start, len(sentence.words))
    comma = next((i for i in range(cue.end, len(sentence.words))
                  if sentence.words[i] == ","), len(sentence.words))
    return range(cue.start, comma)


def announced_items(sentences: Sequence[Sentence]) -> set[int]:
    """Indexes of list items in a block after a sentence that announces conditions, and of
    sentences enumerated after one that asks for something ("France expects three things.
    First, ... Second, ...", "Москва требует: во-первых, ...")."""
    found: set[int] = set()
    announced = False
    for index, sentence in enumerate(sentences):
        if not sentence.list_item:
            announced = sentence.has("condition_list")
        elif announced:
            found.add(index)
    for announcer in enumerators(sentences):
        index = announcer + 1
        while index < len(sentences) and ordinal_opening(sentences[index]) is not None:
            found.add(index)
            index += 1
    return found


def ordinal_opening(sentence: Sentence) -> int | None:
    """Token where a sentence's content starts after an opening ordinal ("First, ...",
    "Во-вторых, ...", "По-третє, ..."), or None when it opens with none."""
    ordinal = next((o for o in sentence.tagged("ordinal") if o.start == 0), None)
    if ordinal is None:
        return None
    return ordinal.end + (ordinal.end < len(sentence.words) and sentence.words[ordinal.end] == ",")


def enumerators(sentences: Sequence[Sentence]) -> set[int]:
    """Indexes of sentences that announce what they ask for as an enumeration that follows
    ("France expects three things."): a verb of asking or a word for conditions, no halt
    word, no ordinal of its own, and a next sentence that opens with an ordinal."""
    return {i for i, s in enumerate(sentences[:-1])
            if (clause_cue(s) is not None or s.has("condition_list")) and not s.has("halt")
            and ordinal_opening(s) is None and ordinal_opening(sentences[i + 1]) is not None}


def condition_items(sentences: Sequence[Sentence]) -> set[int]:
    """Indexes of list items that are conditions: announced as such, or with a condition cue
    of their own ("– Киев должен ...")."""
    own = {i for i, s in enumerate(sentences)
           if s.list_item and fired_values(cue_labels(s), "condition")}
    return announced_items(sentences) | own
