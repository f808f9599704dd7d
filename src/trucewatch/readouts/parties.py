"""Who a statement says must stop: both sides for a mutual halt, or whoever ordered it.

"mutual", "either side", "взаимный" in a halt sentence bind the parties named after the halt
word ("renunciation of strikes by the Russian Federation and Ukraine") or as the ones agreeing
("Russia and Ukraine agreed to a mutual halt"), or, only when it names none, the conflict's
two sides (``data/sides.yaml``, a default). A word of ordering or keeping
("Putin ordered", "its own order", "Russia upheld") binds the party of the actor nearest to
it, and so does naming a party as the one that halts ("Russia and Ukraine will stop
strikes", "the parties will refrain", past dates and durations between them) outside a
conditional clause ("provided that Russia stops ..." binds no one) or as the one asked to stop
("закликає Москву припинити удари" binds Russia), or naming the two sides and no one else as
agreeing to the halt ("Russia and Ukraine agreed on a truce"; mediators aside). A side that
declares a truce ("российская сторона объявляет перемирие") is bound, and so is the speaker
giving an order in the first person ("Приказываю прекратить", "I have given the order").
Protected facilities ("energy facilities of Russia and Ukraine") bind no one by themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .attribution import actor_parties, source_parties
from .conditional import clause_cue, conditional_range
from .lexicon import data
from .nlp import Sentence, Span

__all__ = ["read_bound"]

#: Tokens between a word of declaring and the halt it declares ("declares a 72-hour truce").
DECLARE_REACH = 4
#: Tokens before an order word within which a first-person pronoun makes it the speaker's.
PRONOUN_REACH = 3


def _mutual(sentence: Sentence, sides: Sequence[str]) -> list[str]:
    """Who a mutual halt binds: the parties named after the halt word ("renunciation of
    strikes by Russia and Ukraine"), else those named as agreeing or halting ("Russia and
    Ukraine agreed to a mutual halt"), else the conflict's sides."""
    anchors = sentence.tagged("halt") + sentence.tagged("strike")
    first = min(a.start for a in anchors)
    named = actor_parties(sentence, first)
    if len(named) >= 2:
        return named
    verbs = sentence.tagged("agreement") + sentence.tagged("stopping")
    subjects = {p for v in verbs for p in _walk_back(sentence, v.start - 1, sides, groups=False)}
    return sorted(subjects) if len(subjects) >= 2 else list(sides)


def _ordering(sentence: Sentence, speaker: str | None = None) -> list[str]:
    """The speaker for an order given in the first person ("I have given the order",
    "Наказую"), else the party of the actor nearest before each order word, else nearest
    after it."""
    parties = []
    actors = sentence.tagged("actor")
    for cue in sentence.tagged("order"):
        before = [a for a in actors if a.end <= cue.start]
        after = [a for a in actors if a.start >= cue.end]
        if speaker and _first_person(sentence, cue):
            parties.append(speaker)
        elif before:
            parties.append(max(before, key=lambda a: a.end).value)
        elif after:
            parties.append(min(after, key=lambda a: a.start).value)
    return parties


def _first_person(sentence: Sentence, cue: Span) -> bool:
    """Whether an order word is the speaker's: a first-person verb, or "I"/"we" shortly
    before it with no actor between."""
    if sentence.first_person(cue.start):
        return True
    actors = {i for a in sentence.tagged("actor") for i in range(a.start, a.end)}
    return any(0 <= cue.start - p.end <= PRONOUN_REACH
               and not actors & set(range(p.end, cue.start))
               for p in sentence.tagged("first_person"))


@cache
def _date_words() -> frozenset[str]:
    dates = data("dates.yaml")
    return frozenset(m for table in ("months", "number_words")
                     for per_language in dates[table].values() for m in per_language)


def _skippable(sentence: Sentence, family: str = "auxiliary") -> set[int]:
    """Tokens a walk from a verb back to its subject passes: helpers, numbers, months."""
    names = _date_words()
    skip = {i for s in sentence.tagged(family) for i in range(s.start, s.end)}
    skip |= {i for i, w in enumerate(sentence.words)
             if w[:1].isdigit() or w.lower().strip(".,") in names}
    return skip


def _longest(spans: list[Span], key: str) -> dict[int, Span]:
    """The longest span at each start (``key="start"``) or end (``key="end"``) token."""
    found: dict[int, Span] = {}
    for span in sorted(spans, key=lambda s: s.end - s.start):
        found[span.start if key == "start" else span.end - 1] = span
    return found


def _walk_back(
    sentence: Sentence, index: int, sides: Sequence[str], groups: bool = True
) -> list[str]:
    """Coordinated parties ending at token ``index`` or before it past helper words; the
    parties as a group ("the parties", "сторони") are the sides when ``groups`` and no party
    is named before them, and a mediator is passed over."""
    helpers = _skippable(sentence)
    coords = {i for s in sentence.tagged("scope") if s.value == "coord"
              for i in range(s.start, s.end)}
    actor_at = _longest(sentence.tagged("actor"), "end")
    group_at = _longest(sentence.tagged("parties"), "end") if groups else {}
    mediations = sentence.tagged("mediation")
    parties: list[str] = []
    while index >= 0:
        while index >= 0 and index in helpers and index not in group_at:
            index -= 1
        mediator = next((m for m in mediations if m.end <= index + 1 <= m.end + 3), None)
        if mediator:
            index = mediator.start - 1
            continue
        if index in group_at and index not in actor_at:
            return parties or list(sides)
        if index not in actor_at:
            break
        actor = actor_at[index]
        parties.append(actor.value)
        index = actor.start - 1
        if index not in coords:
            break
        index -= 1
    return parties


def _walk_forward(sentence: Sentence, index: int) -> list[str]:
    """Coordinated parties right after token ``index`` ("the commitment of Russia and Ukraine
    to halt", "согласие России и Украины"), past up to two function words."""
    coords = {i for s in sentence.tagged("scope") if s.value == "coord"
              for i in range(s.start, s.end)}
    actor_from = _longest(sentence.tagged("actor"), "start")
    index = next((i for i in range(index, index + 3) if i in actor_from), -1)
    parties: list[str] = []
    while index in actor_from:
        actor = actor_from[index]
        parties.append(actor.value)
        index = actor.end
        while index in coords:
            index += 1
    return parties


def _subjects(sentence: Sentence, sides: Sequence[str]) -> list[str]:
    """Parties named as the ones that halt ("Russia and Ukraine will halt ...", "the parties
    will refrain ..."), outside a conditional clause, or asked to halt ("calls on Moscow to
    stop ...")."""
    clause = conditional_range(sentence)
    cue = clause_cue(sentence)
    asked = cue is not None and cue.family == "appeal"
    parties: list[str] = []
    for halt in sentence.tagged("stopping"):
        if halt.start not in clause or asked:
            parties += _walk_back(sentence, halt.start - 1, sides)
    return parties


def _declaring(sentence: Sentence, sides: Sequence[str]) -> list[str]:
    """Sides named as declaring a halt ("Russia declares a truce"), mediators not counted."""
    halts = sentence.tagged("halt")
    parties: list[str] = []
    for cue in sentence.tagged("declaring"):
        if any(0 <= h.start - cue.end <= DECLARE_REACH for h in halts):
            parties += _walk_back(sentence, cue.start - 1, sides, groups=False)
    return [p for p in parties if p in sides]


def _agreeing_sides(sentence: Sentence, sides: Sequence[str]) -> list[str]:
    """The sides, when they and no one else are named as agreeing ("Russia and Ukraine agreed
    on a truce", "the commitment of Russia and Ukraine", mediators aside)."""
    clause = conditional_range(sentence)
    for cue in sentence.tagged("agreement"):
        if cue.start in clause:
            continue
        before = _walk_back(sentence, cue.start - 1, sides, groups=False)
        named = set(before + _walk_forward(sentence, cue.end))
        if len(named) >= 2 and named == set(sides):
            return sorted(named)
    return []


def read_bound(
    sentences: Sequence[Sentence],
    sides: Sequence[str] | None = None,
    reported: Sequence[Sentence] = (),
    speaker: str | None = None,
) -> tuple[list[str], str]:
    """Party codes the statement binds, sorted, and the first sentence that binds them.

    ``sentences`` are the speaker's own; ``reported`` are other parties' versions, from which
    only a party's report of its own order counts ("Putin said he had ordered his army ...").
    ``speaker`` is bound by its own first-person order.
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
            found = (set(_ordering(sentence, speaker)) | set(_subjects(sentence, sides))
                     | set(_agreeing_sides(sentence, sides)) | set(_declaring(sentence, sides)))
        if id(sentence) in own and sentence.has("mutual"):
            found |= set(_mutual(sentence, sides))
        if found and not quote:
            quote = sentence.text.strip()
        bound |= found
    return sorted(bound), quote
