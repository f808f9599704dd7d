"""Language pipelines: spaCy blank tokenizers plus three registered components.

``trucewatch_lemmas``     requires tokens; assigns ``Token.lemma_`` (pymorphy3) for uk/ru;
                          English matches on LOWER and needs none.
``trucewatch_sentences``  assigns ``Doc._.tw_sentences``, (start, end) token spans of
                          sentences (they end after . ! ? and at line breaks), and
                          ``Doc._.tw_tokens``, the list of tokens for later steps.
``trucewatch_terms``      requires lemmas; assigns ``Doc._.tw_terms``, a list of
                          (label, start, end) token spans found by PhraseMatchers over the
                          lexicon: ``T|<class>`` targets, ``C|<cue>`` cues, ``W|<weapon>``,
                          ``A|<party>|<role>`` actors.

``nlp(language)`` builds a pipeline once per language and process; nothing is downloaded.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from trucewatch.lang.lemmas import lemmatizer

from .lexicon import Lexicon, load

__all__ = ["Term", "nlp"]

Term = tuple[str, int, int]

for _name in ("tw_terms", "tw_sentences", "tw_tokens"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_SENTENCE_END = frozenset(".!?…")
_CLOSERS = frozenset({'"', "”", "»", ")", "“"})


class _Lemmas:
    def __init__(self, language: str) -> None:
        self._lemmatizer = lemmatizer(language)
        self._active = language in ("uk", "ru")

    def __call__(self, doc: Doc) -> Doc:
        if self._active:
            lemma = self._lemmatizer.lemma
            for token in doc:
                token.lemma_ = lemma(token.text)
        return doc  # English phrases match on LOWER: no lemmas needed


@Language.factory("trucewatch_lemmas")
def _make_lemmas(nlp: Language, name: str) -> _Lemmas:
    return _Lemmas(nlp.lang)


@Language.component("trucewatch_sentences")
def _sentences(doc: Doc) -> Doc:
    # kept as (start, end) token pairs: writing Token.is_sent_start costs O(n) per token
    tokens = list(doc)
    texts = [t.text for t in tokens]
    bounds: list[tuple[int, int]] = []
    begin = 0
    start = True
    for i, token in enumerate(tokens):
        if start and i > begin:
            bounds.append((begin, i))
            begin = i
        text = texts[i]
        closes = text in _CLOSERS and i > 0 and texts[i - 1] in _SENTENCE_END
        closer_next = i + 1 < len(texts) and texts[i + 1] in _CLOSERS and not token.whitespace_
        ends = (text in _SENTENCE_END or closes) and not closer_next
        line_break = "\n" in text or "\n" in token.whitespace_
        start = line_break or ends or (start and token.is_space)
    if begin < len(tokens):
        bounds.append((begin, len(tokens)))
    doc._.tw_sentences = bounds
    doc._.tw_tokens = tokens  # Token objects are costly to make: later steps reuse these
    return doc


def _english_variants(phrase: str) -> list[str]:
    words = phrase.split()
    last = words[-1]
    if last.endswith("y") and not last.endswith(("ey", "ay", "oy")):
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return [phrase, " ".join([*words[:-1], plural])]


class _Terms:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self._english = lexicon.language == "en"
        self._lemma = PhraseMatcher(nlp.vocab, attr="LOWER" if self._english else "LEMMA")
        self._lower = None if self._english else PhraseMatcher(nlp.vocab, attr="LOWER")
        lemmas = nlp.get_pipe("trucewatch_lemmas")
        groups: dict[str, list[str]] = {}
        for cls, phrases in lexicon.targets.items():
            groups[f"T|{cls}"] = list(phrases)
        for cue, phrases in lexicon.cues.items():
            groups[f"C|{cue}"] = list(phrases)
        for weapon, phrases in lexicon.weapons.items():
            groups[f"W|{weapon}"] = list(phrases)
        for party, roles in lexicon.actors.items():
            for role, phrases in roles.items():
                groups[f"A|{party}|{role}"] = list(phrases)
        lemmatizer(lexicon.language).keep_forms_of(  # the nouns of targets and weapons
            word for label, phrases in groups.items() if label[0] in "TW" for phrase in phrases
            if phrase not in lexicon.exact for word in phrase.split())
        for label, phrases in groups.items():
            # exact phrases match that form only (e.g. "міст": not "місто" via its lemma)
            exact = [p for p in phrases if p in lexicon.exact]
            phrases = [p for p in phrases if p not in lexicon.exact]
            if self._english and label.startswith("T|"):
                phrases = [v for p in phrases for v in _english_variants(p)]
            if phrases:
                self._lemma.add(label, [lemmas(nlp.make_doc(p)) for p in phrases])
            lower = self._lower if self._lower is not None else self._lemma
            if self._lower is not None and phrases:
                self._lower.add(label, [nlp.make_doc(p) for p in phrases])
            if exact:
                exact_docs = [nlp.make_doc(p) for p in exact]
                if lower is self._lemma:
                    exact_docs = [lemmas(d) for d in exact_docs]
                lower.add(label, exact_docs)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        found = {(strings[m], s, e) for m, s, e in self._lemma(doc)}
        if self._lower is not None:
            found.update((strings[m], s, e) for m, s, e in self._lower(doc))
        doc._.tw_terms = sorted(found, key=lambda t: (t[1], -t[2], t[0]))  # one order always
        return doc


@Language.factory("trucewatch_terms")
def _make_terms(nlp: Language, name: str) -> _Terms:
    return _Terms(nlp, load(nlp.lang))


@cache
def nlp(language: str) -> Language:
    """The extraction pipeline of ``language`` (``en``, ``uk`` or ``ru``), built once."""
    load(language)  # fails early with a clear error for languages without a lexicon
    pipeline = spacy.blank(language)
    pipeline.add_pipe("trucewatch_lemmas")
    pipeline.add_pipe("trucewatch_sentences")
    pipeline.add_pipe("trucewatch_terms")
    return pipeline
