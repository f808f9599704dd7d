"""Lemmas of single words: pymorphy3 for Ukrainian and Russian, light rules for English.

One :class:`Lemmatizer` per language and process (:func:`lemmatizer`), with its caches: news
and statements repeat their vocabulary heavily, so after a few documents almost every lookup
is a dict hit. It answers the two readers' questions:

* :meth:`Lemmatizer.lemma`: the most likely lemma (the extractor's and the gazetteer's). Nouns
  registered with :meth:`Lemmatizer.keep_forms_of` keep their lemma in every case form, where
  pymorphy3's first guess for a form alone is another word ("заводі" is "завод").
* :meth:`Lemmatizer.lemma_among`: among the lemmas a word may have, one a phrase list uses (the
  statement reader's), with :meth:`Lemmatizer.phrase_lemmas` for the words of those lists.

Words in Latin script follow the English rules in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pymorphy3
from pymorphy3.tagset import OpencorporaTag

from .languages import require, table

__all__ = [
    "Lemmatizer", "english_lemma", "english_plural", "has_cyrillic", "lemmatizer", "normalize",
    "tidy",
]

_APOSTROPHES = {"’": "'", "ʼ": "'", "`": "'"}
_FOR_MATCHING = str.maketrans({**_APOSTROPHES, "‘": "'", "ё": "е", "Ё": "Е"})
_FOR_QUOTING = str.maketrans({**_APOSTROPHES, "\u00a0": " "})
#: English words whose case tells them apart from a common word ("US" and "us").
_KEEP_CASE = frozenset({"US"})
_MORPHOLOGY = ("uk", "ru")
#: The grammeme pymorphy3's Ukrainian dictionary gives a distorted (non-standard) spelling.
_DISTORTED = "Dist"


def normalize(text: str) -> str:
    """Text for matching: apostrophe variants and ‘ as ', ё as е; same length as the input."""
    return text.translate(_FOR_MATCHING)


def tidy(text: str) -> str:
    """Text for quoting: apostrophe variants as ' and no-break spaces as spaces; same length,
    ё and quotation marks kept."""
    return text.translate(_FOR_QUOTING)


def has_cyrillic(word: str) -> bool:
    """Whether a lower-case word has a Cyrillic letter (а to ї)."""
    return any("а" <= c <= "ї" for c in word)


def english_lemma(word: str) -> str:
    """A light English lemma: possessive and plural endings off ("refineries" -> "refinery",
    "strikes" -> "strike", "Russia's" -> "Russia"); "-ss", "-us", "-is" words kept."""
    word = word.removesuffix("'s").removesuffix("'") or word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def english_plural(word: str) -> str:
    """The plural of an English noun by the regular rules ("refinery" -> "refineries")."""
    if word.endswith("y") and not word.endswith(("ey", "ay", "oy")):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _clean(word: str) -> str:
    return word if word in _KEEP_CASE else word.lower().translate(_FOR_QUOTING)


class Lemmatizer:
    """Lemmas, lemma candidates and grammatical questions about single words of one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._morph = (pymorphy3.MorphAnalyzer(lang=language) if language in _MORPHOLOGY
                       else None)
        self._lemma: dict[str, str] = {}
        self._candidates: dict[str, tuple[str, ...]] = {}
        self._normal_forms: dict[str, tuple[str, ...]] = {}
        self._tags: dict[str, OpencorporaTag | None] = {}
        self._answers: dict[str, bool] = {}  # "word|question" -> yes or no
        self._spelled: dict[str, str] = {}
        places = table(language).get("apostrophe")
        self._lost_apostrophe = (re.compile(f"(?<=[{places['after']}])(?=[{places['before']}])")
                                 if places and self._morph is not None else None)

    def _spelling(self, lower: str) -> str:
        """The word as the dictionary spells it: a word the dictionary marks as a distorted
        spelling ("обєкти", tagged ``Dist``) with its lost apostrophe restored where that makes
        a word it spells so ("об'єкти"), else as it is ("бюджет" stays)."""
        if self._lost_apostrophe is None:
            return lower
        found = self._spelled.get(lower)
        if found is None:
            found = lower
            if _DISTORTED in self._morph.parse(lower)[0].tag:
                for place in self._lost_apostrophe.finditer(lower):
                    restored = f"{lower[:place.start()]}'{lower[place.start():]}"
                    if _DISTORTED not in self._morph.parse(restored)[0].tag and \
                            self._morph.word_is_known(restored):
                        found = restored
                        break
            self._spelled[lower] = found
        return found

    @property
    def inflects(self) -> bool:
        """Whether the language has a morphological analyser (Ukrainian, Russian)."""
        return self._morph is not None

    def lemma(self, word: str) -> str:
        """The most likely lemma of ``word``, lower-cased (English: the lower-cased word)."""
        found = self._lemma.get(word)
        if found is None:
            lower = word.lower()
            found = self._lemma.get(lower)
            if found is None:
                if self._morph is None or not any(c.isalpha() for c in lower):
                    found = lower
                else:
                    found = self._morph.parse(self._spelling(lower))[0].normal_form.replace(
                        "ё", "е")
                self._lemma[lower] = found
            self._lemma[word] = found
        return found

    def keep_forms_of(self, words: Iterable[str]) -> None:
        """Give every inflected form of these nouns their lemma, where pymorphy3's best guess
        for a form is another word: "на заводі" is "завод", not "заводь" (backwater);
        "котельні" is "котельня", not the adjective "котельний"."""
        if self._morph is None:
            return
        for word in words:
            best = self._morph.parse(word.lower())[0]
            if "NOUN" not in best.tag:
                continue
            lemma = self.lemma(word)
            for form in best.lexeme:
                self._lemma[form.word.replace("ё", "е")] = lemma

    def candidates(self, word: str) -> tuple[str, ...]:
        """The lower-cased form followed by every distinct lemma pymorphy3 proposes."""
        found = self._candidates.get(word)
        if found is None:
            lower = word.lower()
            forms = [lower]
            if self._morph is not None and any(c.isalpha() for c in lower):
                for parse in self._morph.parse(self._spelling(lower))[:6]:
                    form = parse.normal_form.replace("ё", "е")
                    if form not in forms:
                        forms.append(form)
            found = tuple(forms)
            self._candidates[word] = found
        return found

    def normal_forms(self, word: str) -> tuple[str, ...]:
        """Normal forms of every pymorphy3 parse of a lower-case Cyrillic word (ё read as е),
        best parse first; English: the word alone."""
        found = self._normal_forms.get(word)
        if found is None:
            if self._morph is None:
                found = (word,)
            else:
                parses = self._morph.parse(self._spelling(word.replace("ё", "е")))
                found = tuple(dict.fromkeys(p.normal_form for p in parses))
            self._normal_forms[word] = found
        return found

    def phrase_lemmas(self, word: str) -> tuple[str, ...]:
        """Lemmas a word of a phrase list may stand for: itself when it is a dictionary form,
        else the normal form of every parse (phrase lists have no context to choose one)."""
        word = _clean(word)
        if self._morph is None or not has_cyrillic(word):
            return (english_lemma(word),)
        forms = self.normal_forms(word)
        return (word,) if word.replace("ё", "е") in forms else forms

    def lemma_among(self, word: str, known: frozenset[str]) -> str:
        """The lemma of a word of text; among ambiguous parses, one in ``known`` (the lemmas
        of the phrase lists) wins, the word itself first when it is a dictionary form (as
        :meth:`phrase_lemmas` keeps it)."""
        word = _clean(word)
        if self._morph is None or not has_cyrillic(word):
            return english_lemma(word)
        forms = self.normal_forms(word)
        plain = word.replace("ё", "е")
        if plain in forms and plain in known:
            return plain
        return next((f for f in forms if f in known), forms[0])

    def tag(self, word: str) -> OpencorporaTag | None:
        """pymorphy3's tag of its best analysis of the lower-cased word; None for English."""
        lower = word.lower()
        if lower not in self._tags:
            self._tags[lower] = (None if self._morph is None
                                 else self._morph.parse(self._spelling(lower))[0].tag)
        return self._tags[lower]

    def can_be_verb(self, word: str) -> bool:
        """Whether some analysis of a Cyrillic word is a verb or infinitive; True otherwise."""
        key = f"{word}|verb"
        found = self._answers.get(key)
        if found is None:
            lower = word.lower()
            found = self._morph is None or not has_cyrillic(lower) or any(
                p.tag.POS in ("VERB", "INFN") for p in self._morph.parse(lower))
            self._answers[key] = found
        return found

    def can_be_nominative(self, word: str, singular: bool = False) -> bool:
        """True when some analysis of ``word`` is in the nominative case (and singular, if
        asked); always True for English."""
        key = f"{word}|{singular}"
        found = self._answers.get(key)
        if found is None:
            found = self._morph is None or any(
                "nomn" in p.tag and not (singular and "plur" in p.tag)
                for p in self._morph.parse(word.lower())[:4])
            self._answers[key] = found
        return found

    def is_adjective(self, word: str) -> bool:
        """True when pymorphy3's best analysis of ``word`` is a full adjective ("Северной");
        always False for English."""
        return self._best_tag_has(word, "ADJF")

    def is_noun(self, word: str) -> bool:
        """True when pymorphy3's best analysis of ``word`` is a noun; False for English."""
        return self._best_tag_has(word, "NOUN")

    def is_given_name(self, word: str) -> bool:
        """True when pymorphy3's best analysis of ``word`` is a first name ("Александр",
        "Олег"); in a language without morphology (English), when the language's data file
        lists it among ``given_names`` ("Volodymyr", "Artem")."""
        if not word[:1].isupper():
            return False
        if self._morph is None:
            return word.lower() in _given_names(self.language)
        return self._best_tag_has(word, "Name")

    def _best_tag_has(self, word: str, grammeme: str) -> bool:
        tag = self.tag(word)
        return tag is not None and grammeme in tag


@cache
def _given_names(language: str) -> frozenset[str]:
    """First names (lower case) a language's data file lists for readers without morphology."""
    return frozenset(str(w).lower() for w in table(language).get("given_names") or ())


@cache
def lemmatizer(language: str) -> Lemmatizer:
    """The shared lemmatizer of a supported language (built once per process)."""
    return Lemmatizer(require(language))
