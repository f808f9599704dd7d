"""The clause of a sentence that a condition or demand opens.

"Ukraine will halt strikes on refineries, provided that Russia stops its attacks on power
plants": the words from "provided that" on are the condition, not the halt. A conditional word
(``data/cues.yaml``, family ``conditional``) at the start of a sentence opens a clause that
ends at the first comma ("If either side violates it, ..."); elsewhere the clause runs to the
sentence's end.
"""

from __future__ import annotations

from .nlp import Sentence

__all__ = ["conditional_range"]

#: A conditional word this close to a sentence's start opens a clause that ends at a comma.
OPENING = 2


def conditional_range(sentence: Sentence) -> range:
    """Token range of the sentence's first conditional clause; empty when it has none."""
    cues = sentence.tagged("conditional")
    if not cues:
        return range(0)
    start = cues[0].start
    if start >= OPENING:
        return range(start, len(sentence.words))
    comma = next((i for i in range(cues[0].end, len(sentence.words))
                  if sentence.words[i] == ","), len(sentence.words))
    return range(start, comma)
