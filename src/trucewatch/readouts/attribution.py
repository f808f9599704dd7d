"""Whose words a sentence reports: the speaker's own, or another party's.

A sentence whose first attribution verb ("said", "stated", "proposed", "заявил") has actors of
other parties only before it ("The Kremlin stated that ...") reports that party's version;
the speaker's terms are read from the other sentences. An actor after the verb is its source
only before a "that" or colon ("said Peskov", not "announced that the Russian side agreed");
after "according to" or "по словам" only the actor after it is ("Putin agreed ..., according
to Russian state media" is Russia's report). An English verb written with a capital after
"of" or "the" is part of a name ("Secretariat of State"). What both sides say together
("Moscow and Kyiv have told us they will stop ...") is the agreement itself, so it counts as
the speaker's own. Sentences with no attributed actor
(quoted readouts, list items) count as the speaker's own; an outlet's recap paragraphs
("Background: ...") and an interviewer's questions ("Q: ...") count as no one's.
"""

from __future__ import annotations

from collections.abc import Sequence

from .nlp import Sentence, Span

__all__ = ["actor_parties", "own_sentences", "source_parties", "undisputed"]


def actor_parties(sentence: Sentence, start: int = 0, end: int | None = None) -> list[str]:
    """Parties of the actors named between token ``start`` and ``end``, in text order."""
    end = len(sentence.lemmas) if end is None else end
    found = [s.value for s in sentence.tagged("actor") if start <= s.start and s.end <= end]
    return list(dict.fromkeys(found))


#: Tokens after an attribution verb within which an actor may be its source ("said Peskov").
SOURCE_AFTER = 6


def _before(sentence: Sentence, verb: Span) -> set[str]:
    """The source of an attribution verb: the actors before it, else one right after it; for
    a wording whose source follows ("according to Russian state media") only that one (the
    actors before it are what it reports: "Putin agreed to stop striking Ukraine's ...")."""
    after = any(a.start <= verb.start < a.end for a in sentence.tagged("source_after"))
    before = [] if after else actor_parties(sentence, 0, verb.start)
    if before:
        return set(before)
    end = min(verb.end + SOURCE_AFTER, len(sentence.lemmas))
    end = min([c.start for c in sentence.tagged("complementizer") if c.start >= verb.end]
              + [end])
    return set(actor_parties(sentence, verb.end, end)[:1])


#: Words before a capitalised English verb that make it part of a name ("Secretary of State").
_NAME_OPENERS = ("of", "the")


def _is_name(sentence: Sentence, verb: Span) -> bool:
    """Whether an English verb is part of a name: capitalised after "of" or "the" ("Secretariat
    of State"; in a headline "Kremlin Refuses to Say" it is still a verb)."""
    word = sentence.words[verb.start]
    before = sentence.words[verb.start - 1] if verb.start else ""
    return sentence.language == "en" and word[:1].isupper() and before in _NAME_OPENERS


def _first_verb(sentence: Sentence, family: str) -> Span | None:
    names = {i for a in sentence.tagged("actor") for i in range(a.start, a.end)}
    return next((v for v in sentence.tagged(family)
                 if v.start not in names and not _is_name(sentence, v)), None)


def source_parties(sentence: Sentence) -> set[str]:
    """The parties a sentence attributes its content to; empty when it attributes none."""
    verb = _first_verb(sentence, "attribution")
    return _before(sentence, verb) if verb else set()


def _proposers(sentence: Sentence, verb: Span) -> set[str]:
    """Who proposes: actors before the verb; an actor right after it is the addressee ("we
    propose to Moscow", "Пропонуємо Москві"), unless an agent word precedes it ("by")."""
    before = set(actor_parties(sentence, 0, verb.start))
    if before or not sentence.tagged("agent"):
        return before
    agent = next((a for a in sentence.tagged("agent") if a.start >= verb.end), None)
    return set(actor_parties(sentence, agent.end, agent.end + 3)[:1]) if agent else set()


def _accepted_by(sentence: Sentence, speaker: str) -> bool:
    verb = _first_verb(sentence, "acceptance")
    return verb is not None and _before(sentence, verb) <= {speaker}


def own_sentences(sentences: Sequence[Sentence], speaker: str,
                  sides: Sequence[str]) -> list[Sentence]:
    """The sentences that give ``speaker``'s own version: unattributed or attributed to it (or
    to all the ``sides`` together), and other parties' proposals only when the speaker accepts
    them there or next."""
    own = []
    sides = set(sides)
    for index, sentence in enumerate(sentences):
        if sentence.editorial:
            continue
        parties = source_parties(sentence)
        if parties and speaker not in parties and not parties >= sides:
            continue
        proposal = _first_verb(sentence, "proposal")
        proposers = _proposers(sentence, proposal) if proposal and not parties else set()
        if proposers and speaker not in proposers:
            following = sentences[index:index + 2]
            if not any(_accepted_by(s, speaker) for s in following):
                continue
        own.append(sentence)
    return own


def undisputed(sentences: Sequence[Sentence], own: Sequence[Sentence]) -> list[Sentence]:
    """``sentences`` less other parties' versions the statement disputes: one that carries a
    word of denial ("нібито", "allegedly") or is followed by one ("Це неправда.", "That is
    false: ...")."""
    own_ids = {id(s) for s in own}
    disputed = set()
    for index, sentence in enumerate(sentences):
        if id(sentence) in own_ids:
            continue
        following = sentences[index + 1:index + 2]
        if sentence.has("denial") or any(s.has("denial") for s in following):
            disputed.add(id(sentence))
    return [s for s in sentences if id(s) not in disputed]
