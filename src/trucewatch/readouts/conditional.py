"""The clause of a sentence that a condition or demand opens.

"Ukraine will halt strikes on refineries, provided that Russia stops its attacks on power
plants": the words from "provided that" on are the condition, not the halt. A conditional word
or a verb of asking (``data/cues.yaml``, families ``conditional`` and ``appeal``) at the start
of a sentence opens a clause that ends at the first comma ("If either side violates it, ...");
elsewhere the clause runs to the sentence's end. List items after a sentence that announces
conditions ("обозначила ряд условий:"), or with a condition cue of their own, are conditions.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import fired_values
from .nlp import Sentence, Span

__all__ = ["announced_items", "clause_cue", "condition_items", "conditional_range"]

#: A conditional word this close to a sentence's start opens a clause that ends at a comma.
OPENING = 2


def clause_cue(sentence: Sentence) -> Span | None:
    """The first conditional word or verb of asking in the sentence, or None."""
    cues = sentence.tagged("conditional") + sentence.tagged("appeal")
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
    """Indexes of list items in a block after a sentence that announces conditions."""
    found: set[int] = set()
    announced = False
    for index, sentence in enumerate(sentences):
        if not sentence.list_item:
            announced = sentence.has("condition_list")
        elif announced:
            found.add(index)
    return found


def condition_items(sentences: Sequence[Sentence]) -> set[int]:
    """Indexes of list items that are conditions: announced as such, or with a condition cue
    of their own ("– Киев должен ...")."""
    own = {i for i, s in enumerate(sentences)
           if s.list_item and fired_values({x.label for x in s.spans}, "condition")}
    return announced_items(sentences) | own
