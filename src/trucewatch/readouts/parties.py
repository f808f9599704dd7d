"""Who a statement says must stop: both sides for a mutual halt, or whoever ordered it.

"mutual", "either side", "взаимный" in a halt sentence, outside a conditional clause
("provided that Kyiv keeps it mutually" binds no one), bind the parties named after the halt
word ("renunciation of strikes by the Russian Federation and Ukraine") or as the ones agreeing
("Russia and Ukraine agreed to a mutual halt"), or, only when it names none, the conflict's
two sides (the conflict profile's sides, a default). A word of ordering or keeping
("Putin ordered", "its own order", "Russia upheld") binds the party of the actor nearest to
it, and so does naming a party as the one that halts ("Russia and Ukraine will stop
strikes", "the parties will refrain", past dates and durations between them) outside a
conditional clause ("provided that Russia stops ..." binds no one) or as the one asked to stop
("закликає Москву припинити удари" binds Russia), or naming the two sides and no one else as
agreeing to the halt ("Russia and Ukraine agreed on a truce"; mediators aside). A side that
declares a truce ("российская сторона объявляет перемирие") is bound, and so is the speaker
giving an order in the first person ("Приказываю прекратить", "I have given the order"), or
stopping in the first person or through its own forces ("we will halt", "наші сили не
завдаватимуть ударів", "Прекращаем удары"); "they" that halt are the sides named before
("Moscow and Kyiv told us they will stop"). A list item that halts with no party of its own
takes the parties of the sentence that introduces its list ("ПРИКАЗЫВАЮ: 1. ... не наносить
удары", "The sides agreed on the following: ..."). A short sentence right after a halt sentence
in which a party agrees to it or keeps it ("Russia agreed.", "Україна так само
дотримуватиметься.") binds that party, also when a mediator reports it ("the Americans
confirmed: the Russian side agreed"), and so does one saying both sides take the commitment on
("Обязательство берут на себя обе стороны"). Protected facilities ("energy facilities of Russia
and Ukraine") bind no one by themselves; whose strikes are halted binds that party ("прекратить
удары Вооружённых Сил Российской Федерации", "a halt to strikes by Russian forces"), and so do
the parties a commitment is "made by". A side said to take on the same commitment binds itself
("Аналогичные обязательства взяла на себя украинская сторона", "Україна діятиме так само"),
unless that is a condition ("if Russia does the same" binds no one), and "neither Ukraine nor
Russia will strike" binds both. A mediator named after "the mediation of" is passed over. A
side that offers a ceasefire or is ready for one ("Ukraine is ready to extend the truce",
"Украина выразила готовность соблюдать перемирие") binds both sides; an expectation ("we
expect the other side to do likewise"), an idiom ("in honour of") and a
counterfactual ("if he had been in office, Russia would have stopped ...") bind no one, and
a party the conflict profile names as mediator is never bound.
A side said to break the halt ("Russia has violated the energy truce") is bound by it, and so
is a side named as the one that agreed to a halt or promised it ("the truce Russia agreed to",
"Russia broke its promise of a pause in strikes") on its own, unless that is negated, a
condition or a modal ("Ukraine has not agreed", "Russia may agree"). A
third party that names neither side ("the other side will remain peaceful") binds no one:
the default sides are not the ones it speaks of.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from trucewatch import profiles
from trucewatch.lang import LANGUAGES
from trucewatch.lang.dates import tables

from .attribution import actor_parties, source_parties
from .conditional import clause_cue, condition_items, conditional_range, counterfactual
from .nlp import Sentence, Span, is_verb

__all__ = ["read_bound"]

#: Tokens between a word of declaring and the halt it declares ("declares a 72-hour truce").
DECLARE_REACH = 4
#: Tokens before an order word within which a first-person pronoun makes it the speaker's.
PRONOUN_REACH = 3
#: Sentences after a halt sentence within which a party agreeing to it or keeping it is bound.
FOLLOW_REACH = 2
#: Words after a verb of agreeing or keeping, up to punctuation, for it to end its clause
#: ("Russia agreed.", "Российская сторона её соблюдает,").
CLAUSE_END = 2
#: Tokens between a word of commitment and "both sides" for the sides to take it on.
COMMITMENT_REACH = 6
#: Tokens between a side and its word of breach, and between that word and the halt it breaks.
BREACH_REACH = 6
#: Tokens between a halt word and the "between" that names its parties.
BETWEEN_REACH = 3
#: Families whose words make a short sentence about some other step ("agreed to a swap").
_OTHER_TOPICS = ("follow", "prisoner", "bodies")


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
    clause = conditional_range(sentence)
    asked = getattr(clause_cue(sentence), "family", "") == "appeal"
    idioms = {i for s in sentence.tagged("not_order") for i in range(s.start, s.end)}
    for cue in sentence.tagged("order"):
        if (cue.start in clause and not asked) or cue.start in idioms:
            continue
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
    return frozenset(word for language in LANGUAGES
                     for word in [*tables(language).months, *tables(language).numbers])


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
    sentence: Sentence, index: int, sides: Sequence[str], groups: bool = True,
    speaker: str | None = None,
) -> list[str]:
    """Coordinated parties ending at token ``index`` or before it past helper words; the
    parties as a group ("the parties", "сторони") are the sides when ``groups`` and no party
    is named before them, "we" or the speaker's own forces ("наші сили") are the ``speaker``,
    and a mediator is passed over."""
    helpers = _skippable(sentence)
    coords = _coordinators(sentence)
    actor_at = _longest(sentence.tagged("actor"), "end")
    group_at = _longest(sentence.tagged("parties"), "end") if groups else {}
    own_at = (_longest(sentence.tagged("own_forces") + sentence.tagged("first_person"), "end")
              if speaker else {})
    mediations = sentence.tagged("mediation")
    parties: list[str] = []
    while index >= 0:
        while (index >= 0 and index in helpers and index not in group_at
               and index not in own_at):
            index -= 1
        if index in own_at and speaker:
            return [*parties, speaker]
        first = actor_at[index].start if index in actor_at else index
        mediator = next((m for m in mediations if m.end - 1 <= first <= m.end + 2
                         and "," not in sentence.words[m.end:first]), None)
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
        while index in coords:
            index -= 1
    return parties


def _coordinators(sentence: Sentence) -> set[int]:
    """Tokens that join parties: "and", commas, and the "nor" of "neither ... nor" ("ні Росія,
    ні Україна")."""
    spans = [s for s in sentence.tagged("scope") if s.value == "coord"]
    return {i for s in spans + sentence.tagged("correlative") for i in range(s.start, s.end)}


def _walk_forward(sentence: Sentence, index: int) -> list[str]:
    """Coordinated parties right after token ``index`` ("the commitment of Russia and Ukraine
    to halt", "согласие России и Украины"), past up to two function words, or a participle
    and an agent word ("the commitment made by the Russian Federation and Ukraine")."""
    coords = _coordinators(sentence)
    actor_from = _longest(sentence.tagged("actor"), "start")
    agent = next((a for a in sentence.tagged("agent") if index <= a.start <= index + 2), None)
    index = agent.end if agent else index
    index = next((i for i in range(index, index + 3) if i in actor_from), -1)
    parties: list[str] = []
    while index in actor_from:
        actor = actor_from[index]
        parties.append(actor.value)
        index = actor.end
        while index in coords:
            index += 1
    return parties


def _between(sentence: Sentence) -> list[str]:
    """The parties a halt is "between" ("a truce between Russia and Ukraine"): two or more
    named right after a "between" that follows a halt word closely, unless the halt is only
    discussed or possible ("talks on a possible truce between Moscow and Kyiv")."""
    prospects = [p.end for p in sentence.tagged("prospect")]
    halts = [h for h in sentence.tagged("halt")
             if not any(0 <= h.start - p <= BETWEEN_REACH for p in prospects)]
    for cue in sentence.tagged("between"):
        if any(0 <= cue.start - h.end <= BETWEEN_REACH for h in halts):
            parties = _walk_forward(sentence, cue.end)
            if len(parties) >= 2:
                return parties
    return []


def _subjects(
    sentence: Sentence, sides: Sequence[str], speaker: str | None = None
) -> list[str]:
    """Parties named as the ones that halt ("Russia and Ukraine will halt ...", "the parties
    will refrain ..."), outside a conditional clause, or asked to halt ("calls on Moscow to
    stop ..."); the speaker when it halts in the first person ("Прекращаем удары")."""
    clause = conditional_range(sentence)
    cue = clause_cue(sentence)
    asked = cue is not None and cue.family == "appeal"
    parties: list[str] = []
    for halt in sentence.tagged("stopping"):
        if halt.start in clause and not asked:
            continue
        if speaker and sentence.first_person(halt.start):
            parties.append(speaker)
        parties += (_walk_back(sentence, halt.start - 1, sides, speaker=speaker)
                    or _referents(sentence, halt, sides))
    return parties


def _referents(sentence: Sentence, verb: Span, sides: Sequence[str]) -> list[str]:
    """The sides named before "they" when "they" is the one that halts ("Moscow and Kyiv told
    us they will stop ...")."""
    helpers = _skippable(sentence)
    index = verb.start - 1
    while index >= 0 and index in helpers:
        index -= 1
    pronoun = next((p for p in sentence.tagged("third_person") if p.end - 1 == index), None)
    if pronoun is None:
        return []
    return [p for p in actor_parties(sentence, 0, pronoun.start) if p in sides]


def _strikers(sentence: Sentence) -> list[str]:
    """Parties whose strikes a halt stops, named right after the strike word: after an agent
    word ("a halt to strikes by Russian forces", "удары со стороны ВСУ"), or after a Russian or
    Ukrainian noun of striking without a preposition (a verb's object is its target), as an
    actor itself or with a word for armed forces ("прекратить удары
    Вооружённых Сил Российской Федерации", "удари російської армії"), outside a conditional
    clause."""
    clause = conditional_range(sentence)
    halts = sentence.tagged("halt")
    forces = {i for f in sentence.tagged("forces") for i in range(f.start, f.end)}
    actor_from = _longest(sentence.tagged("actor"), "start")
    parties: list[str] = []
    for strike in sentence.tagged("strike"):
        if strike.start in clause or not any(0 <= strike.start - h.end <= 2 for h in halts):
            continue
        agent = next((a for a in sentence.tagged("agent") if a.start == strike.end), None)
        if agent:
            parties += _walk_forward(sentence, agent.start)
            continue
        if sentence.language == "en" or is_verb(sentence.words[strike.start], sentence.language):
            continue
        index = strike.end
        while index in forces:
            index += 1
        if index in actor_from and (index > strike.end or _is_force(sentence, actor_from[index])):
            parties += _walk_forward(sentence, index)
        elif strike.end in actor_from and actor_from[strike.end].end in forces:
            parties.append(actor_from[strike.end].value)
    return parties


def _is_force(sentence: Sentence, actor: Span) -> bool:
    """Whether an actor named right after a strike word is its agent (a state, an army: "удары
    ВСУ", "удари Росії"), not a place it hits: a word for armed forces follows it, or it is no
    capital or city (the lexicon's one-word names of places are read as targets)."""
    forces = {f.start for f in sentence.tagged("forces")}
    return actor.end in forces or \
        actor.text.lower() not in _place_names(sentence.profile, sentence.language)


@cache
def _place_names(profile: str, language: str) -> frozenset[str]:
    """The parties' capitals in ``language`` (their profile's ``capital`` words)."""
    words = profiles.load(profile).words(language)
    return frozenset(w.lower() for party in words.parties.values() for w in party.capital)


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


def _same_commitment(
    sentence: Sentence, sides: Sequence[str], speaker: str | None = None
) -> list[str]:
    """Sides said to take on the same commitment ("Аналогичные обязательства взяла на себя
    украинская сторона", "в ответ на аналогичное обязательство Киева", "Україна діятиме так
    само", "Ukraine has made the same commitment", "Kyiv will reciprocate"): with a word of
    sameness outside a conditional clause ("if Russia does the same" binds no one), the
    subject of that word or of a verb of agreeing, acting or keeping, or the party right
    after one of these verbs or nouns ("обязательство Киева", "взяла на себя украинская
    сторона")."""
    clause = conditional_range(sentence)
    same = [s for s in sentence.tagged("same") if s.start not in clause]
    if not same:
        return []
    verbs = [v for family in ("agreement", "acting", "order") for v in sentence.tagged(family)
             if v.start not in clause]
    found: list[str] = []
    for anchor in same + verbs:
        found += _walk_back(sentence, anchor.start - 1, sides, groups=False, speaker=speaker)
    for verb in verbs:
        found += _walk_forward(sentence, verb.end)
    return [p for p in found if p in sides]


def _offered(sentence: Sentence, sides: Sequence[str], speaker: str | None) -> list[str]:
    """The sides, when the speaker's side is ready for a ceasefire or offers one outside a
    conditional clause ("Ukraine is ready to extend the truce", "Украина выразила готовность
    соблюдать перемирие", "Україна пропонує подовжити її"): a ceasefire offered to the other
    side binds both. The one ready or proposing is the actor nearest before the word ("we" is
    the speaker); a noun of proposing needs it right before ("Ukraine's proposal", not "Russia
    is considering the proposal"); a word of breach between the two ("ready to repel
    violations of the truce") offers nothing."""
    if speaker not in sides:
        return []
    clause = conditional_range(sentence)
    nouns = sentence.tagged("proposal_noun")
    speakers = sentence.tagged("actor") + sentence.tagged("first_person")
    breaches = [v.start for v in sentence.tagged("violation")]
    for cue in sentence.tagged("readiness") + sentence.tagged("proposal") + nouns:
        if cue.start in clause or not any(
                not any(min(f.start, cue.start) < b < max(f.start, cue.start) for b in breaches)
                for f in sentence.tagged("general_halt")):
            continue
        nearest = max((a for a in speakers if a.end <= cue.start), key=lambda a: a.end,
                      default=None)
        if nearest is None or (cue in nouns and sentence.words[nearest.end:cue.start]
                               not in ([], ["'s"], ["’s"])):
            continue
        if nearest.family == "first_person" or nearest.value == speaker:
            return list(sides)
    return []


def _violators(sentence: Sentence, sides: Sequence[str]) -> list[str]:
    """A side said to break the halt, outside a conditional clause and not as a breach that may
    come ("should Ukraine breach it", "может нарушить") ("Росія знову порушила
    перемир'я", "Russia violated the truce"): one cannot break what does not bind
    it. The side is the actor nearest before the word of breach, within
    :data:`BREACH_REACH` tokens, and the halt word follows that word within as many."""
    clause = conditional_range(sentence)
    halts = sentence.tagged("halt")
    actors = sentence.tagged("actor")
    modals = [m.end for m in sentence.tagged("modal")]
    found = []
    for breach in sentence.tagged("violation"):
        if (breach.start in clause
                or any(0 <= breach.start - m <= BREACH_REACH for m in modals)
                or not any(0 <= h.start - breach.end <= BREACH_REACH for h in halts)):
            continue
        before = [a for a in actors if 0 <= breach.start - a.end <= BREACH_REACH]
        if before:
            found.append(max(before, key=lambda a: a.end).value)
    return [p for p in found if p in sides]


def _promisers(sentence: Sentence, sides: Sequence[str]) -> list[str]:
    """A side named as the one that agreed to a halt or promised it, in either order ("Russia
    agreed to a pause in strikes", "перемир'я, на яке Росія погодилася вчора", "Россия
    нарушила обещание о паузе"): the actor nearest before a word of agreeing within
    :data:`BREACH_REACH` tokens, not the object of a preposition ("в Киеве обсудили
    соглашение"), with no comma, negation or modal word between them, outside a
    conditional clause, and a halt word within :data:`COMMITMENT_REACH` tokens of that word.
    Parties agreeing jointly ("US and Russia agree on a truce") are left to
    :func:`_agreeing_sides`: a side agreeing with a mediator is the mediator's framing."""
    clause = conditional_range(sentence)
    halts = sentence.tagged("halt")
    actors = sentence.tagged("actor")
    blockers = [b.start for family in ("negation", "modal") for b in sentence.tagged(family)]
    objects = {p.end for p in sentence.tagged("preposition")}
    found = []
    for cue in sentence.tagged("agreement"):
        if cue.start in clause or not any(
                0 <= h.start - cue.end <= COMMITMENT_REACH
                or 0 <= cue.start - h.end <= COMMITMENT_REACH for h in halts):
            continue
        before = [a for a in actors if 0 <= cue.start - a.end <= BREACH_REACH]
        if not before:
            continue
        actor = max(before, key=lambda a: a.end)
        joint = len(_walk_back(sentence, actor.end - 1, sides, groups=False)) > 1
        between = sentence.words[actor.end:cue.start]
        if (not joint and actor.start not in objects and "," not in between
                and not any(actor.end <= b < cue.start for b in blockers)):
            found.append(actor.value)
    return [p for p in found if p in sides]


def _lead(sentences: Sequence[Sentence], index: int) -> Sentence | None:
    """The sentence that introduces the list a list item belongs to, if any."""
    while index > 0 and sentences[index - 1].list_item:
        index -= 1
    return sentences[index - 1] if index > 0 else None


def _from_lead(lead: Sentence, sides: Sequence[str], speaker: str | None) -> list[str]:
    """Who a list's lead-in binds for the halt an item states: the one who orders ("Приказываю:")
    or the parties agreeing ("The sides agreed on the following:")."""
    found = _ordering(lead, speaker) + _agreeing_sides(lead, sides)
    for cue in lead.tagged("agreement"):
        found += _walk_back(lead, cue.start - 1, sides, speaker=speaker)
    return found


def _clause_final(sentence: Sentence, verb: Span) -> bool:
    stop = next((i for i in range(verb.end, len(sentence.words))
                 if not sentence.words[i][:1].isalnum()), len(sentence.words))
    return stop - verb.end <= CLAUSE_END


def _follow_up(sentence: Sentence, sides: Sequence[str], speaker: str | None) -> list[str]:
    """Parties that agree to or keep the halt of a sentence before, in a short clause of their
    own ("Russia agreed.", "Україна так само дотримуватиметься."), or the sides when the
    sentence says both take the commitment on ("Обязательство берут на себя обе стороны",
    "Both parties have committed to it")."""
    if any(sentence.has(family) for family in _OTHER_TOPICS):
        return []
    found = _same_commitment(sentence, sides, speaker)
    for verb in sentence.tagged("agreement") + sentence.tagged("order"):
        if _clause_final(sentence, verb):
            found += _walk_back(sentence, verb.start - 1, sides, groups=False, speaker=speaker)
    groups = sentence.tagged("parties") + sentence.tagged("mutual")
    if any(abs(g.start - c.start) <= COMMITMENT_REACH for c in sentence.tagged("agreement")
           for g in groups) and not conditional_range(sentence):
        found += list(sides)
    return [p for p in found if p in sides]


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
    sides = list(sides) if sides is not None else _default_sides(sentences, reported, speaker)
    bound: set[str] = set()
    quote = ""
    own = {id(s) for s in sentences}
    for sentence in [*sentences, *reported]:
        if not sentence.has("halt") or counterfactual(sentence):
            continue
        if id(sentence) not in own:
            found = set(_ordering(sentence)) & source_parties(sentence)
        else:
            found = (set(_ordering(sentence, speaker)) | set(_subjects(sentence, sides, speaker))
                     | set(_agreeing_sides(sentence, sides)) | set(_declaring(sentence, sides))
                     | set(_strikers(sentence)) | set(_same_commitment(sentence, sides, speaker))
                     | set(_offered(sentence, sides, speaker)) | set(_violators(sentence, sides))
                     | set(_promisers(sentence, sides)) | set(_between(sentence)))
        clause = conditional_range(sentence)
        if id(sentence) in own and any(m.start not in clause for m in sentence.tagged("mutual")):
            found |= set(_mutual(sentence, sides))  # not "provided Kyiv observes it mutually"
        if found and not quote:
            quote = sentence.text.strip()
        bound |= found
    for sentence, found in _context_bound(sentences, reported, sides, speaker):
        quote = quote or sentence.text.strip()
        bound |= found
    return sorted(bound - _mediators([*sentences, *reported])), quote


def _mediators(sentences: Sequence[Sentence]) -> set[str]:
    """The parties the conflict profile names as mediators: never bound ("Zelensky accepted
    Trump's proposal to stop strikes" binds Ukraine, not the United States)."""
    if not sentences:
        return set()
    parties = profiles.load(sentences[0].profile).parties
    return {code for code, party in parties.items() if party.role == "mediator"}


def _default_sides(
    sentences: Sequence[Sentence], reported: Sequence[Sentence], speaker: str | None
) -> list[str]:
    """The conflict profile's sides that "both sides" means, unless a third party speaks and
    the statement names neither side: a mediator's "the other side will remain peaceful" is
    about a conflict whose sides it does not name."""
    first = next(iter([*sentences, *reported]), None)
    sides = list(profiles.load(first.profile).sides) if first else []
    named = {a.value for s in [*sentences, *reported] for a in s.tagged("actor")}
    return [] if speaker and speaker not in sides and not named & set(sides) else sides


def _states_halt(sentence: Sentence) -> bool:
    """Whether a sentence has a halt word outside a further step it names ("a full
    ceasefire" is a step, not the halt)."""
    steps = {i for s in sentence.tagged("follow") if "#" not in s.value
             for i in range(s.start, s.end)}
    return any(not set(range(h.start, h.end)) <= steps for h in sentence.tagged("halt"))


def _context_bound(
    sentences: Sequence[Sentence], reported: Sequence[Sentence], sides: Sequence[str],
    speaker: str | None,
) -> list[tuple[Sentence, set[str]]]:
    """Parties bound by the context of a halt sentence: a list item's lead-in when the item
    names no party and is no condition, and short follow-up sentences agreeing to or keeping
    the halt of an own sentence before them (own, or a mediator's report)."""
    mediated_ids = {id(s) for s in reported if not source_parties(s) & set(sides)}
    mediated = [s for s in reported if id(s) in mediated_ids]
    every = sorted([*sentences, *mediated], key=lambda s: s.start_char)
    conditions = condition_items(every)
    found: list[tuple[Sentence, set[str]]] = []
    for index, sentence in enumerate(every):
        if (sentence.has("halt") and sentence.list_item and id(sentence) not in mediated_ids
                and index not in conditions):
            lead = _lead(every, index)
            alone = (_ordering(sentence, speaker) + _subjects(sentence, sides, speaker)
                     + _agreeing_sides(sentence, sides))
            if lead is not None and not alone:
                found.append((sentence, set(_from_lead(lead, sides, speaker))))
        elif not sentence.has("halt") and any(
                _states_halt(s) and id(s) not in mediated_ids
                for s in every[max(0, index - FOLLOW_REACH):index]):
            found.append((sentence, set(_follow_up(sentence, sides, speaker))))
    return [(s, parties) for s, parties in found if parties]
