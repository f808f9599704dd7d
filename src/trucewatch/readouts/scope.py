"""Scope: which target classes a halt covers, parsed from coordinated phrases.

A scope phrase is a run of scope words (``data/scope.yaml``) next to a halt or strike word in a
sentence that speaks of a halt. The run is split into conjuncts at coordinators, and each
conjunct maps to taxonomy patterns:

- a facility type ("substations", "oil refineries") gives its own class;
- a domain word ("energy", "transport", "civilian"), with or without a head noun, gives the
  patterns of ``data/scope_classes.yaml`` ("energy infrastructure" -> ``energy.*``);
- "infrastructure" with no domain covers all infrastructure (``infrastructure.*``), so
  "energy and infrastructure" is ``energy.*`` plus ``infrastructure.*``, while
  "energy infrastructure" is ``energy.*`` only;
- a bare modifier before a conjunct with a facility head it can modify shares that head
  ("oil and gas pipelines" are pipelines; "energy and port infrastructure" stays energy
  plus ports).

A dash or colon before a list of facility types narrows what precedes it ("energy facilities
— refineries, oil depots and power plants" is those three classes); "all hostilities" is every
class when a verb of stopping governs it ("cease all hostilities", not "the goal of ending
hostilities" or "a pause in hostilities"). Scope words inside a further step a statement
names ("a full cessation of hostilities") are not the halt's.

A statement whose halt words give no scope at all but that speaks of a ceasefire, a truce or
"silence" of its own ("an immediate 30-day ceasefire", "перемирие", "повна тиша") covers every
class (``*``), unless that halt is limited to a medium no class covers ("an air truce",
"прекращение огня в небе": no scope; "in the air, at sea and on land" is every medium), lies in
a conditional clause or a condition, or is a further step the statement names ("talks on a
maritime ceasefire").

Scope words in a counterfactual ("if he had been in office, there would have been no strikes
on power plants") are no one's halt. Scope words in a conditional clause ("provided that Russia
stops attacks on power plants", "insists that the truce cover ports") are what a party asks
for, not what the halt covers; only when a statement gives no other scope does a halt it asks
for count ("calls on Moscow to stop strikes on energy infrastructure").

Scope words right next to a word of exclusion ("railways and ports fall outside the pause",
"except ports", "не подпадают под действие моратория") are what the halt does not cover.

A closed list (numbered items and sub-points, or a sentence with a list cue) of facility
types replaces the general wording of the same group, and every general wording when its
lead-in says the list is all there is ("covers only the following", "исключительно"): the
Kremlin's "energy system" with its five-item list is the six listed classes, not ``energy.*``.
An item names a facility type or a domain that maps to classes ("water supply and sewage
systems"). A list item that states a halt itself ("1. The sides shall refrain from strikes on
energy infrastructure ...", "• Scope: ...") is read like any halt sentence, unless it is a
condition: it carries a condition cue ("Kyiv must stop ..."), or its block follows a sentence
announcing conditions ("set out a number of conditions:").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from trucewatch.taxonomy import expand_scope, target_classes, target_group

from .conditional import clause_cue, condition_items, conditional_range, counterfactual
from .lexicon import data
from .nlp import Sentence, Span

__all__ = ["ScopeReading", "conjunct_patterns", "read_scope"]

#: Tokens from a halt or strike word within which a scope run counts.
WINDOW = 6
#: Tokens at most between a scope run and a word of exclusion next to it.
EXCLUSION_GAP = 1
#: Sentences before a block of list items in which a halt or list cue makes it a scope list.
LIST_LOOKBACK = 3
#: Tokens between a ceasefire word and a medium that limits it ("air truce", "truce in the sky").
MEDIUM_REACH = 3
#: Scope words that join or fill a run without naming anything.
_LOOSE = ("coord", "skip", "other", "apposition")


@dataclass
class ScopeReading:
    """Patterns found, the phrases they were read from and the sentences that hold them."""

    patterns: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


def _runs(sentence: Sentence) -> list[list[Span]]:
    """Maximal runs of scope spans separated only by actor names or nothing."""
    fillers = {i for s in sentence.tagged("actor") for i in range(s.start, s.end)}
    runs: list[list[Span]] = []
    current: list[Span] = []
    for span in sentence.tagged("scope"):
        gap = range(current[-1].end, span.start) if current else range(0)
        if current and all(i in fillers for i in gap):
            current.append(span)
        else:
            if current:
                runs.append(current)
            current = [span]
    if current:
        runs.append(current)
    return [_trim(run) for run in runs if _trim(run)]


def _trim(run: list[Span]) -> list[Span]:
    start, end = 0, len(run)
    while start < end and run[start].value in _LOOSE:
        start += 1
    while end > start and run[end - 1].value in _LOOSE:
        end -= 1
    trimmed = run[start:end]
    if len(trimmed) > 2 and trimmed[0].value == "domain:hostilities" and \
            trimmed[1].value == "skip":
        return _trim(trimmed[2:])  # "прекращение огня по энергетике": fire on energy only
    return trimmed if any(s.value not in _LOOSE for s in trimmed) else []


def _conjuncts(run: list[Span]) -> list[list[Span]]:
    parts: list[list[Span]] = [[]]
    for span in run:
        if span.value == "coord":
            parts.append([])
        elif span.value not in _LOOSE:
            parts[-1].append(span)
    return [p for p in parts if p]


def _own_patterns(conjunct: list[Span]) -> list[str]:
    classes = [s.value.split(":", 1)[1] for s in conjunct if s.value.startswith("class:")]
    if classes:
        return classes
    covers = data("scope_classes.yaml")
    domains = [s.value.split(":", 1)[1] for s in conjunct if s.value.startswith("domain:")]
    if domains:
        return [p for d in domains for p in covers[d]]
    if any(s.value == "head:infrastructure" for s in conjunct):
        return list(covers["infrastructure"])
    return []


def conjunct_patterns(run: list[Span]) -> list[str]:
    """Taxonomy patterns a run of scope spans covers, conjunct by conjunct; a list after an
    apposition replaces the patterns before it that cover its classes."""
    cut = next((i for i, s in enumerate(run) if s.value == "apposition"), None)
    if cut is None:
        return _coordinated(run)
    head, listed = _coordinated(run[:cut]), conjunct_patterns(run[cut + 1:])
    narrowed = {c for p in listed for c in expand_scope(p)}
    kept = [p for p in head if not narrowed & set(expand_scope(p))]
    return list(dict.fromkeys(kept + listed))


def _coordinated(run: list[Span]) -> list[str]:
    """Patterns of a run without an apposition: each conjunct's own, or a bare modifier's
    shared head ("oil and gas pipelines")."""
    parts = _conjuncts(run)
    patterns: list[str] = []
    for index, part in enumerate(parts):
        is_bare = all(s.value.startswith("domain:") for s in part)
        following = parts[index + 1] if index + 1 < len(parts) else []
        shared = _own_patterns([s for s in following if s.value.startswith("class:")])
        own = _own_patterns(part)
        covered = {c for p in own for c in expand_scope(p)}
        if is_bare and shared and all(c in covered for c in shared):
            patterns += shared
        else:
            patterns += own
    return list(dict.fromkeys(patterns))


def _anchors_near(sentence: Sentence, run: list[Span]) -> list[Span]:
    """Halt and strike words within :data:`WINDOW` tokens of a run; for fighting as a whole
    ("cease all hostilities"), only a verb of stopping before it."""
    if all(s.value in (*_LOOSE, "domain:hostilities") for s in run):
        return [a for a in sentence.tagged("stopping")
                if 0 <= run[0].start - a.end <= WINDOW]
    if _excluded(sentence, run):
        return []
    anchors = sentence.tagged("halt") + sentence.tagged("strike")
    return [a for a in anchors
            if a.start - WINDOW <= run[-1].end and run[0].start <= a.end + WINDOW]


def _excluded(sentence: Sentence, run: list[Span]) -> bool:
    """Whether a word of exclusion stands right after a run ("ports and railways fall outside
    the halt", "порти не підпадають під дію") or one of excepting right before it ("except
    ports", "за винятком портів"): what the halt does not cover."""
    return (any(0 <= e.start - run[-1].end <= EXCLUSION_GAP for e in sentence.tagged("excluded"))
            or any(0 <= run[0].start - e.end <= EXCLUSION_GAP
                   for e in sentence.tagged("excluding")))


def _phrase(sentence: Sentence, run: list[Span], near: list[Span]) -> str:
    start = min([run[0].start] + [a.start for a in near])
    end = max([run[-1].end] + [a.end for a in near])
    return sentence.slice(start, end)


@dataclass
class ListReading:
    """A closed list of facility types: classes, phrases, sentences, and whether its lead-in
    says the list is all the halt covers ("covers only the following", "исключительно")."""

    classes: list[str]
    texts: list[str]
    quotes: list[str]
    exclusive: bool


def _listed(sentences: Sequence[Sentence]) -> ListReading:
    """The closed list of facility types in ``sentences``: items after a halt or list cue in
    the :data:`LIST_LOOKBACK` sentences before them (numbered sub-points included), or
    following an item that named one."""
    classes: list[str] = []
    texts: list[str] = []
    quotes: list[str] = []
    block_open = chained = exclusive = False
    for index, sentence in enumerate(sentences):
        before = sentences[max(0, index - LIST_LOOKBACK):index]
        cue_before = any(s.has("halt") or s.has("list") for s in before)
        if sentence.list_item and (index == 0 or not sentences[index - 1].list_item):
            block_open = cue_before
            exclusive = exclusive or (cue_before and any(s.has("exclusive") for s in before))
        in_list = sentence.list_item and (block_open or cue_before or chained)
        # "The list of sites under the moratorium ... It includes: refineries; ...": a list
        # cue with a halt word in it, or opening a colon after a halt sentence just before
        cued = sentence.has("list") and (sentence.has("halt") or (
            any(s.has("halt") for s in before)
            and any(s.value == "apposition" for s in sentence.tagged("scope"))))
        chained = False
        if not (in_list or cued):
            continue
        for run in _runs(sentence):
            found = [p for p in conjunct_patterns(run) if "*" not in p]
            if found and not _excluded(sentence, run):
                classes += found
                texts.append(sentence.slice(run[0].start, run[-1].end))
                quotes.append(sentence.text.strip())
                chained = sentence.list_item
    return ListReading(list(dict.fromkeys(classes)), texts, list(dict.fromkeys(quotes)),
                       exclusive and bool(classes))


def _in_step(sentence: Sentence, run: list[Span]) -> bool:
    """Whether a run lies inside a named further step ("a full cessation of hostilities")."""
    steps = {i for s in sentence.tagged("follow") if "#" not in s.value
             for i in range(s.start, s.end)}
    return all(i in steps for s in run for i in range(s.start, s.end))


def _asked(sentence: Sentence) -> bool:
    cue = clause_cue(sentence)
    return cue is not None and cue.family == "appeal"


def _general(
    sentences: Sequence[Sentence], asked: bool = False, covered: bool = False
) -> ScopeReading:
    """Scope phrases of halt sentences outside conditional clauses; with ``asked``, inside
    a clause that asks a party to halt as well; with ``covered``, of sentences saying what the
    agreement covers too ("Домовленість стосується лише ударів по підстанціях")."""
    found = ScopeReading()
    conditions = condition_items(sentences)
    for index, sentence in enumerate(sentences):
        about = covered and sentence.has("agreement") and sentence.has("strike")
        if index in conditions or counterfactual(sentence) or not (sentence.has("halt") or about):
            continue
        clause = range(0) if asked and _asked(sentence) else conditional_range(sentence)
        for run in _runs(sentence):
            if run[0].start in clause or _in_step(sentence, run):
                continue
            near = _anchors_near(sentence, run)
            patterns = conjunct_patterns(run) if near else []
            if patterns:
                found.patterns += patterns
                found.texts.append(_phrase(sentence, run, near))
                found.sentences.append(sentence.text.strip())
    return found


def normalise(patterns: Sequence[str]) -> list[str]:
    """Wildcards (narrower first), then classes no wildcard covers, all in taxonomy order;
    ``*`` alone when they cover every class ("all hostilities")."""
    order = list(target_classes())
    if set(order) <= {c for p in patterns for c in expand_scope(p)}:
        return ["*"]
    wildcards = sorted({p for p in patterns if "*" in p},
                       key=lambda w: (order.index(expand_scope(w)[0]), len(expand_scope(w))))
    covered = {c for w in wildcards for c in expand_scope(w)}
    classes = sorted({p for p in patterns if "*" not in p and p not in covered}, key=order.index)
    return wildcards + classes


def _limited(sentence: Sentence, word: Span) -> bool:
    """Whether a ceasefire word is limited to a medium near it ("air truce", "перемир'я в
    небі"), and land is not among the media the sentence names."""
    return not sentence.has("land") and any(
        m.start - MEDIUM_REACH <= word.end and word.start <= m.end + MEDIUM_REACH
        for m in sentence.tagged("medium"))


def _all_fire(sentences: Sequence[Sentence]) -> ScopeReading:
    """Every class (``*``) from the first ceasefire word of the statement's own that is not
    limited to a medium, not in a conditional clause or condition, and not a named step."""
    conditions = condition_items(sentences)
    for index, sentence in enumerate(sentences):
        if index in conditions or counterfactual(sentence):
            continue
        clause = conditional_range(sentence)
        steps = {i for s in sentence.tagged("follow") if "#" not in s.value
                 for i in range(s.start, s.end)}
        for word in sentence.tagged("general_halt"):
            if word.start in clause or word.start in steps or _limited(sentence, word):
                continue
            return ScopeReading(["*"], [sentence.slice(word.start, word.end)],
                                [sentence.text.strip()])
    return ScopeReading()


def read_scope(own: Sequence[Sentence], every: Sequence[Sentence]) -> ScopeReading:
    """The scope a statement gives: from its own halt sentences, else from any sentence
    (``every``), else from a halt it asks for, else from own sentences that say what the
    agreement covers, else every class for a ceasefire of its own with no scope wording."""
    general = _general(own)
    if not general.patterns:
        general = _general(every)
    if not general.patterns:
        general = _general(own, asked=True)
    if not general.patterns:
        general = _general(own, covered=True)
    listed = _listed(own)
    if not general.patterns and not listed.classes:
        general = _all_fire(own)
    patterns = general.patterns
    if listed.exclusive:
        patterns = []
    elif listed.classes:
        groups = {target_group(c) for c in listed.classes}
        patterns = [p for p in patterns if not set(map(target_group, expand_scope(p))) <= groups]
    return ScopeReading(
        patterns=normalise(patterns + listed.classes),
        texts=list(dict.fromkeys(general.texts + listed.texts)),
        sentences=list(dict.fromkeys(general.sentences + listed.quotes)),
    )
