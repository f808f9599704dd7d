"""The extraction pipeline of a language: :func:`trucewatch.lang.phrases.build`'s blank spaCy
pipeline (``trucewatch_lemmas``, ``trucewatch_sentences``) plus one registered component:

``trucewatch_terms``  requires lemmas; assigns ``Doc._.tw_terms``, a list of (label, start,
                      end) token spans of lexicon phrases: ``T|<class>`` targets, ``C|<cue>``
                      cues, ``W|<weapon>``, ``A|<party>|<role>`` actors.

Phrases match on their lemmas and lower-case forms (English: on lower-case forms, target
phrases with their plurals); "=" phrases of the lexicon only in their written form.
``nlp(language, profile)`` builds a pipeline once per language, conflict profile and process;
nothing is downloaded.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from trucewatch import profiles
from trucewatch.lang.lemmas import english_plural, lemmatizer
from trucewatch.lang.phrases import Phrases, build

from .lexicon import Lexicon, load

__all__ = ["Term", "nlp"]

Term = tuple[str, int, int]

if not Doc.has_extension("tw_terms"):
    Doc.set_extension("tw_terms", default=None)


def _groups(lexicon: Lexicon) -> dict[str, list[str]]:
    """Every label with its phrases; English target phrases with their plurals."""
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
    if lexicon.language == "en":
        for label, phrases in groups.items():
            if label.startswith("T|"):
                groups[label] = [v for p in phrases for v in _with_plural(p, lexicon.exact)]
    return groups


def _with_plural(phrase: str, exact: frozenset[str]) -> list[str]:
    if phrase in exact:
        return [phrase]
    *words, last = phrase.split()
    return [phrase, " ".join([*words, english_plural(last)])]


@cache
def _compiled(language: str, profile: str) -> tuple[Language, Phrases]:
    lexicon = load(language, profile)
    groups = _groups(lexicon)
    lemmatizer(language).keep_forms_of(  # the nouns of targets and weapons
        word for label, phrases in groups.items() if label[0] in "TW" for phrase in phrases
        if phrase not in lexicon.exact for word in phrase.split())
    return build(language, groups, exact=lexicon.exact)


class _Terms:
    def __init__(self, phrases: Phrases) -> None:
        self._phrases = phrases

    def __call__(self, doc: Doc) -> Doc:
        found = set(self._phrases(doc))
        doc._.tw_terms = sorted(found, key=lambda t: (t[1], -t[2], t[0]))  # one order always
        return doc


@Language.factory("trucewatch_terms", default_config={"profile": profiles.DEFAULT})
def _make_terms(nlp: Language, name: str, profile: str) -> _Terms:
    return _Terms(_compiled(nlp.lang, profile)[1])


def nlp(language: str, profile: str = profiles.DEFAULT) -> Language:
    """The extraction pipeline of a supported ``language`` under conflict ``profile``, built
    once."""
    return _nlp(language, profile)


@cache
def _nlp(language: str, profile: str) -> Language:
    load(language, profile)  # fails early with a clear error for languages without a lexicon
    pipeline = _compiled(language, profile)[0]
    pipeline.add_pipe("trucewatch_terms", config={"profile": profile})
    return pipeline
