"""Phrase lists matched on lemmas: blank spaCy pipelines and PhraseMatchers built from lists.

:func:`build` makes, for one language, a blank spaCy pipeline with two registered components
and a :class:`Phrases` matcher compiled from labelled phrase lists:

``trucewatch_lemmas``     requires tokens; assigns ``Token.lemma_`` from the language's
                          :class:`~trucewatch.lang.lemmas.Lemmatizer`: its most likely lemma
                          (Ukrainian and Russian; English tokens are matched on LOWER), or,
                          configured with ``known`` lemmas, the lemma among those.
``trucewatch_sentences``  assigns ``Doc._.tw_sentences``, (start, end) token spans of sentences
                          (:func:`~trucewatch.lang.sentences.sentence_bounds`; configured
                          with ``hold_punctuation``), and ``Doc._.tw_tokens``, the list of
                          tokens for later steps.

Two ways to compile phrases, one per reader: lemmatised like text and matched on lemmas and on
their lower-case forms (English: forms only), some phrases in their written form only (the
extractor); or every reading of the possible lemmas of their words, the text's lemmas then
preferring lemmas the lists use (the statement reader). Nothing is downloaded.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping, Sequence

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .languages import require
from .lemmas import lemmatizer
from .sentences import sentence_bounds

__all__ = ["MAX_READINGS", "Match", "Phrases", "build"]

#: A matched phrase: its label and token span.
Match = tuple[str, int, int]
#: At most this many lemma readings of one phrase are matched.
MAX_READINGS = 16

for _name in ("tw_sentences", "tw_tokens"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class _Lemmas:
    def __init__(self, language: str, known: Collection[str] | None) -> None:
        self._lemmatizer = lemmatizer(language)
        self._known = None if known is None else frozenset(known)
        self._cache: dict[str, str] = {}  # word -> its lemma among the known ones

    def __call__(self, doc: Doc) -> Doc:
        if self._known is not None:
            known, cache, among = self._known, self._cache, self._lemmatizer.lemma_among
            for token in doc:
                text = token.text
                found = cache.get(text)
                if found is None:
                    found = cache[text] = among(text, known)
                token.lemma_ = found
        elif self._lemmatizer.inflects:
            lemma = self._lemmatizer.lemma
            for token in doc:
                token.lemma_ = lemma(token.text)
        return doc  # English phrases match on LOWER: no lemmas needed


@Language.factory("trucewatch_lemmas", default_config={"known": None})
def _make_lemmas(nlp: Language, name: str, known: list[str] | None) -> _Lemmas:
    return _Lemmas(nlp.lang, known)


class _Sentences:
    def __init__(self, hold_punctuation: bool) -> None:
        self._hold = hold_punctuation

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        doc._.tw_sentences = sentence_bounds(tokens, hold_punctuation=self._hold)
        doc._.tw_tokens = tokens  # Token objects are costly to make: later steps reuse these
        return doc


@Language.factory("trucewatch_sentences", default_config={"hold_punctuation": False})
def _make_sentences(nlp: Language, name: str, hold_punctuation: bool) -> _Sentences:
    return _Sentences(hold_punctuation)


class Phrases:
    """Labelled phrases compiled for one pipeline; calling it on a Doc gives every match as
    (label, start, end), lemma matches first, each matcher's in its own order."""

    def __init__(self, nlp: Language) -> None:
        self._by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._by_form = PhraseMatcher(nlp.vocab, attr="LOWER")

    def __call__(self, doc: Doc) -> list[Match]:
        strings = doc.vocab.strings
        found: list[Match] = []
        for matcher in (self._by_lemma, self._by_form):
            if len(matcher):
                found += [(strings[m], s, e) for m, s, e in matcher(doc)]
        return found


def _readings(nlp: Language, phrase: str) -> list[Doc]:
    """One Doc per reading of the phrase's words' possible lemmas (at most MAX_READINGS)."""
    lem = lemmatizer(nlp.lang)
    words = [t.text for t in nlp.make_doc(phrase)]
    docs = []
    for lemmas in itertools.islice(
            itertools.product(*(lem.phrase_lemmas(w) for w in words)), MAX_READINGS):
        doc = Doc(nlp.vocab, words=words)
        for token, value in zip(doc, lemmas, strict=True):
            token.lemma_ = value
        docs.append(doc)
    return docs


def build(language: str, groups: Mapping[str, Sequence[str]], *, readings: bool = False,
          exact: Collection[str] = (), hold_punctuation: bool = False
          ) -> tuple[Language, Phrases]:
    """A blank pipeline of a supported ``language`` and the phrases of ``groups`` (label ->
    phrases) compiled for it.

    By default each phrase is lemmatised like text and matches on lemmas and on its lower-case
    form (English phrases: that form only); phrases in ``exact`` match their written form only
    ("міст", not "місто" through its lemma). With ``readings`` each phrase matches every
    reading of its words' possible lemmas, and the pipeline's lemmas prefer lemmas that some
    reading uses. ``hold_punctuation`` chooses the splitter's rule for what follows a
    sentence's end (:func:`~trucewatch.lang.sentences.sentence_bounds`).
    """
    nlp = spacy.blank(require(language))
    phrases = Phrases(nlp)
    if readings:
        patterns = {label: [d for p in group for d in _readings(nlp, p)]
                    for label, group in groups.items()}
        known = sorted({t.lemma_ for docs in patterns.values() for d in docs for t in d})
        nlp.add_pipe("trucewatch_lemmas", config={"known": known})
        for label, docs in patterns.items():
            if docs:
                phrases._by_lemma.add(label, docs)
    else:
        nlp.add_pipe("trucewatch_lemmas")
        _add_lemmatised(nlp, phrases, groups, exact)
    nlp.add_pipe("trucewatch_sentences", config={"hold_punctuation": hold_punctuation})
    return nlp, phrases


def _add_lemmatised(nlp: Language, phrases: Phrases, groups: Mapping[str, Sequence[str]],
                    exact: Collection[str]) -> None:
    lemmas = nlp.get_pipe("trucewatch_lemmas")
    english = nlp.lang == "en"
    for label, group in groups.items():
        written = [p for p in group if p in exact]
        inflected = [p for p in group if p not in exact]
        if inflected:
            docs = [nlp.make_doc(p) for p in inflected]
            if english:
                phrases._by_form.add(label, docs)
            else:
                phrases._by_lemma.add(label, [lemmas(d) for d in docs])
                phrases._by_form.add(label, [nlp.make_doc(p) for p in inflected])
        if written:
            phrases._by_form.add(label, [nlp.make_doc(p) for p in written])


