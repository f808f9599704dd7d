"""Statements as sentences with lemmas and tagged phrases, on the shared language layer.

Each language's phrase lists (``data/*.yaml``, through :func:`~.lexicon.phrase_labels`) are
compiled by :func:`trucewatch.lang.phrases.build` in its "readings" way: a phrase matches every
reading of its words' possible lemmas, so it can be written in any inflected form, and a word
of text takes the lemma the lists know. A statement becomes blocks of lines
(:func:`_blocks`: a hard-wrapped sentence is one block, each list item its own), split into
sentences by :func:`trucewatch.lang.sentences.sentence_bounds` (punctuation after a sentence's
end held with it), each a :class:`Sentence` record knowing its character offsets and the
tagged phrase spans in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from trucewatch import profiles
from trucewatch.lang.lemmas import has_cyrillic, lemmatizer, tidy
from trucewatch.lang.phrases import Match, Phrases, build

from .lexicon import phrase_labels

if TYPE_CHECKING:
    from pymorphy3.tagset import OpencorporaTag

__all__ = ["Sentence", "Span", "analyse", "is_verb", "past_tense"]

#: Tokens from the start of a paragraph within which a marker makes it editorial context.
EDITORIAL_REACH = 2
_EDITORIAL_MARKS = (":", ",", "—", "–", "-")
_SENTENCE_ENDS = (".", "!", "?", ":", ";", "»", '"', "”", ")")
#: A list item's marker: "1.", "2)", "1.1.", "а)", "b)", a dash or a bullet.
_ITEM = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zа-яіїєґ]\)|[-•*–])\s+")
#: A line of an interview opening with a dialogue dash and asking a question ("— С какого
#: момента и на какой срок?"): the interviewer's words, like "Q:".
_QUESTION_LINE = re.compile(r"^\s*[—–-]\s.*\?\s*$")


@dataclass(frozen=True)
class Span:
    """A tagged phrase: its label (``scope.domain:energy``), token range and text."""

    label: str
    start: int
    end: int
    text: str

    @property
    def family(self) -> str:
        return self.label.split(":", 1)[0]

    @property
    def value(self) -> str:
        return self.label.split(":", 1)[1] if ":" in self.label else ""


@dataclass
class Sentence:
    """One sentence (or list item) of a statement with its lemmas and tagged phrases.

    ``editorial`` marks sentences of a paragraph an outlet opens with a context marker
    ("Background:", "Нагадаємо"): the outlet's recap, not the statement; and an interviewer's
    question on a line opened with a dialogue dash ("— С какого момента?"). ``list_item``
    marks lines opened with a list marker ("1.", "1.1.", "а)", "–", "•").
    """

    text: str
    start_char: int
    lemmas: list[str]
    words: list[str]
    offsets: list[int]
    list_item: bool
    editorial: bool
    language: str = "en"
    spans: list[Span] = field(default_factory=list)
    profile: str = profiles.DEFAULT  # the conflict profile whose parties the spans name
    _families: dict[str, list[Span]] | None = field(default=None, repr=False, compare=False)

    def tagged(self, family: str) -> list[Span]:
        """The spans of one label family, in text order."""
        if self._families is None:
            self._families = {}
            for span in self.spans:
                self._families.setdefault(span.family, []).append(span)
        return list(self._families.get(family, ()))

    def has(self, family: str) -> bool:
        return bool(self.tagged(family))

    def first_person(self, index: int) -> bool:
        """Whether the verb at token ``index`` is in the first person ("Приказываю", "наказую")."""
        tag = _cyrillic_tag(self.words[index], self.language)
        return tag is not None and "1per" in tag

    def slice(self, start: int, end: int) -> str:
        """The sentence's text from token ``start`` up to token ``end``, spacing kept."""
        if start >= end:
            return ""
        return self.text[self.offsets[start]:self.offsets[end - 1] + len(self.words[end - 1])]


def _cyrillic_tag(word: str, language: str) -> OpencorporaTag | None:
    """pymorphy3's tag of a Cyrillic word's best analysis; None for other words."""
    if not has_cyrillic(word.lower()):
        return None
    return lemmatizer(language).tag(word)


@cache
def _pipeline(language: str, profile: str) -> tuple[Language, Phrases]:
    labels = {label: [tidy(p) for p in phrases]
              for label, phrases in phrase_labels(language, profile).items()}
    return build(language, labels, readings=True, hold_punctuation=True)


def _blocks(text: str) -> list[tuple[int, str]]:
    """Lines joined into blocks: a hard-wrapped sentence is one block, each list item its own.

    A line continues the previous one unless either is a list item or the previous one ends
    a sentence; blank lines always end a block. Offsets are those of the original text.
    """
    blocks: list[tuple[int, str]] = []
    offset = 0
    joinable = False
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        stripped = content.strip()
        item = bool(_ITEM.match(content))
        if not stripped:
            joinable = False
        elif joinable and not item:
            start, previous = blocks[-1]
            blocks[-1] = (start, previous + " " * (offset - start - len(previous)) + content)
        else:
            blocks.append((offset, content))
        if stripped:
            joinable = not item and not stripped.endswith(_SENTENCE_ENDS)
        offset += len(line)
    return blocks


def _resolve(doc: Doc, matches: list[Match]) -> list[Span]:
    """Every match, except that scope words do not overlap: the longest wins."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for label, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if label.startswith("scope:"):
            if taken.intersection(range(start, end)):
                continue
            taken.update(range(start, end))
        chosen.append(Span(label, start, end, doc[start:end].text))
    unique = {(s.label, s.start, s.end): s for s in chosen}
    return sorted(unique.values(), key=lambda s: (s.start, s.label))


#: Helper verbs at most between a negation and the verb of striking it negates.
NEGATION_GAP = 2


def _singular_first(word: str, language: str) -> bool:
    """Whether a marker is a verb in the first person singular: the speaker recalling
    ("— Напомню, ...", "Нагадаю,"), not an outlet's recap ("Напомним,")."""
    tag = _cyrillic_tag(word, language)
    return tag is not None and "1per" in tag and "sing" in tag


#: English past forms of verbs of holding talks, and the words before one that make it none.
_PAST_FORMS = frozenset({"met", "held", "took", "convened", "concluded", "wrapped"})
_NOT_PAST = frozenset({"will", "would", "shall", "be", "to", "to be"})


def past_tense(sentence: Sentence, index: int) -> bool:
    """Whether the verb at token ``index`` is a finite verb in the past tense ("met", "were
    held", "прошли", "відбулися"); "will be held" and participles ("будет проведён") are not."""
    word = sentence.words[index].lower()
    if sentence.language == "en" or not has_cyrillic(word):
        before = sentence.words[index - 1].lower() if index else ""
        return word in _PAST_FORMS and before not in _NOT_PAST
    tag = lemmatizer(sentence.language).tag(word)
    return tag.POS == "VERB" and "past" in tag


def is_verb(word: str, language: str) -> bool:
    """Whether a word can be a verb: any English word; a Cyrillic one pymorphy parses so."""
    return lemmatizer(language).can_be_verb(word)


def _negated_strikes(doc: Doc, spans: list[Span], language: str) -> list[Span]:
    """``halt`` and ``stopping`` spans for a negated verb of striking, helper verbs allowed
    between ("не будут обстреливать", "не станут бить", "will not be shelling"); after the
    "nor" of "neither ... nor" a party stands between too ("neither Ukraine nor Russia will
    strike"), and the span starts after it, so that the parties before it are its subject."""
    helpers = {i for s in spans if s.family == "future_auxiliary" for i in range(s.start, s.end)}
    negations = [s for s in spans if s.family == "negation"]
    found = []
    for strike in (s for s in spans if s.family == "strike"):
        if not is_verb(doc[strike.start].text, language):
            continue
        starts = [n.start for n in negations if _helpers_only(n.end, strike.start, helpers)]
        starts += [end for end in _correlative_subjects(spans)
                   if _helpers_only(end, strike.start, helpers)]
        for start in starts:
            found += [Span(label, start, strike.end, doc[start:strike.end].text)
                      for label in ("halt", "stopping")]
    return found


#: Tokens at most between a word of renouncing and the halt it refuses ("от немедленного").
REFUSAL_GAP = 3


def _without_refusals(spans: list[Span]) -> list[Span]:
    """``spans`` less the ``halt`` and ``stopping`` readings of a word of renouncing that a
    halt word follows within :data:`REFUSAL_GAP` tokens: "отказался от перемирия" refuses
    the truce, it halts nothing (while "отказ от ударов" stays a halt)."""
    halts = [s.start for s in spans if s.family == "halt"]
    refusals = {(s.start, s.end) for s in spans if s.family == "renouncing"
                and any(0 <= h - s.end <= REFUSAL_GAP for h in halts)}
    return [s for s in spans
            if not (s.family in ("halt", "stopping") and (s.start, s.end) in refusals)]


def _helpers_only(start: int, end: int, helpers: set[int]) -> bool:
    """Whether tokens ``start``..``end`` are at most :data:`NEGATION_GAP` helper verbs."""
    return start <= end and end - start <= NEGATION_GAP and set(range(start, end)) <= helpers


def _correlative_subjects(spans: list[Span]) -> list[int]:
    """Where the party named right after each "nor" ends ("nor Russia| will strike")."""
    actors = {s.start: s.end for s in sorted(spans, key=lambda s: s.end - s.start)
              if s.family == "actor"}
    return [actors[c.end] for c in spans if c.family == "correlative" and c.end in actors]


def analyse(text: str, language: str, profile: str = profiles.DEFAULT) -> list[Sentence]:
    """Split ``text`` in a supported ``language`` into sentences (each list item its own) with
    lemmas and tagged phrases, the parties' names those of conflict ``profile``."""
    nlp, phrases = _pipeline(language, profile)
    lines = _blocks(tidy(text))
    sentences: list[Sentence] = []
    for (offset, line), doc in zip(lines, nlp.pipe(line for _, line in lines), strict=True):
        item = bool(_ITEM.match(line))
        spans = _resolve(doc, phrases(doc))
        negated = {(s.label, s.start, s.end): s for s in _negated_strikes(doc, spans, language)}
        spans = sorted(_without_refusals(spans) + list(negated.values()),
                       key=lambda s: (s.start, s.label))
        editorial = bool(_QUESTION_LINE.match(line)) or any(
            s.family == "editorial" and s.start <= EDITORIAL_REACH and s.end < len(doc)
            and doc[s.end].text in _EDITORIAL_MARKS
            and not _singular_first(doc[s.start].text, language) for s in spans
        )
        for begin, finish in doc._.tw_sentences:
            sent = doc[begin:finish]
            inside = [
                Span(s.label, s.start - sent.start, s.end - sent.start, s.text)
                for s in spans if sent.start <= s.start and s.end <= sent.end
            ]
            sentences.append(Sentence(
                text=sent.text, start_char=offset + sent.start_char,
                lemmas=[t.lemma_ for t in sent], words=[t.text for t in sent],
                offsets=[t.idx - sent.start_char for t in sent], list_item=item,
                editorial=editorial, language=language, spans=inside, profile=profile,
            ))
    return sentences
