"""Who a statement says must stop: both sides for a mutual halt, or whoever ordered it.

"mutual", "either side", "взаимный" in a halt sentence bind the parties named after the halt
word ("renunciation of strikes by the Russian Federation and Ukraine"), or, when it names
none, the conflict's two sides (``data/sides.yaml``). A word of ordering or keeping
("Putin ordered", "its own order", "Russia upheld") binds the party of the actor nearest to
it, and so does naming a party as the one that halts ("Russia and Ukraine will stop
strikes"). Protected facilities ("energy facilities of Russia and Ukraine") bind no one by
themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import actor_parties, source_parties
from .lexicon import data
from .nlp import Sentence

__all__ = ["read_bound"]


def _mutual(sentence: Sentence, sides: Sequence[str]) -> list[str]:
    anchors = sentence.tagged("halt") + sentence.tagged("strike")
    first = min(a.start for a in anchors)
    named = actor_parties(sentence, first)
    return named if len(named) >= 2 else list(sides)


def _ordering(sentence: Sentence) -> list[str]:
    """The party of the actor nearest before each order word, else nearest after it."""
    parties = []
    actors = sentence.tagged("actor")
    for cue in sentence.tagged("order"):
        before = [a for a in actors if a.end <= cue.start]
        after = [a for a in actors if a.start >= cue.end]
        if before:
            parties.append(max(before, key=lambda a: a.end).value)
        elif after:
            parties.append(min(after, key=lambda a: a.start).value)
    return parties


def _subjects(sentence: Sentence) -> list[str]:
    """Parties named right before a stopping verb ("Russia and Ukraine will halt ...")."""
    helpers = {i for s in sentence.tagged("auxiliary") for i in range(s.start, s.end)}
    coords = {i for s in sentence.tagged("scope") if s.value == "coord"
              for i in range(s.start, s.end)}
    actor_at = {a.end - 1: a for a in sentence.tagged("actor")}
    parties: list[str] = []
    for halt in sentence.tagged("stopping"):
        index = halt.start - 1
        while index >= 0 and index in helpers:
            index -= 1
        while index in actor_at:
            actor = actor_at[index]
            parties.append(actor.value)
            index = actor.start - 1
            if index not in coords:
                break
            index -= 1
    return parties


def read_bound(
    sentences: Sequence[Sentence],
    sides: Sequence[str] | None = None,
    reported: Sequence[Sentence] = (),
) -> tuple[list[str], str]:
    """Party codes the statement binds, sorted, and the first sentence that binds them.

    ``sentences`` are the speaker's own; ``reported`` are other parties' versions, from which
    only a party's report of its own order counts ("Putin said he had ordered his army ...").
    """
    sides = list(sides) if sides is not None else list(data("sides.yaml")["sides"])
    bound: set[str] = set()
    quote = ""
    own = {id(s) for s in sentences}
    for sentence in [*sentences, *reported]:
        if not sentence.has("halt"):
            continue
        if id(sentence) not in own:
            found = set(_ordering(sentence)) & source_parties(sentence)
        else:
            found = set(_ordering(sentence)) | set(_subjects(sentence))
        if id(sentence) in own and sentence.has("mutual"):
            found |= set(_mutual(sentence, sides))
        if found and not quote:
            quote = sentence.text.strip()
        bound |= found
    return sorted(bound), quote
