"""Lemmas for Ukrainian and Russian words from pymorphy3, cached per word form.

English gets lower-case forms. Every distinct word form is analysed once per process: news
vocabularies repeat heavily, so after a few documents almost every lookup is a dict hit.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pymorphy3

__all__ = ["Lemmatizer", "lemmatizer", "normalize"]

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "ё": "е", "Ё": "Е"})


def normalize(text: str) -> str:
    """Text with apostrophe variants unified and ё as е; same length as the input."""
    return text.translate(_APOSTROPHES)


class Lemmatizer:
    """Lemma and lemma candidates of single words in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._morph = pymorphy3.MorphAnalyzer(lang=language) if language in ("uk", "ru") else None
        self._lemma: dict[str, str] = {}
        self._candidates: dict[str, tuple[str, ...]] = {}
        self._answers: dict[str, bool] = {}  # "word|question" -> yes or no

    def lemma(self, word: str) -> str:
        """The most likely lemma of ``word``, lower-cased."""
        found = self._lemma.get(word)
        if found is None:
            lower = word.lower()
            found = self._lemma.get(lower)
            if found is None:
                if self._morph is None or not any(c.isalpha() for c in lower):
                    found = lower
                else:
                    found = self._morph.parse(lower)[0].normal_form.replace("ё", "е")
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

    def _best_tag_has(self, word: str, grammeme: str) -> bool:
        key = f"{word}|{grammeme}"
        found = self._answers.get(key)
        if found is None:
            found = self._morph is not None and grammeme in self._morph.parse(word.lower())[0].tag
            self._answers[key] = found
        return found

    def is_given_name(self, word: str) -> bool:
        """True when pymorphy3's best analysis of ``word`` is a first name ("Александр",
        "Олег"); always False for English."""
        return word[:1].isupper() and self._best_tag_has(word, "Name")

    def candidates(self, word: str) -> tuple[str, ...]:
        """The lower-cased form followed by every distinct lemma pymorphy3 proposes."""
        found = self._candidates.get(word)
        if found is None:
            lower = word.lower()
            forms = [lower]
            if self._morph is not None and any(c.isalpha() for c in lower):
                for parse in self._morph.parse(lower)[:6]:
                    form = parse.normal_form.replace("ё", "е")
                    if form not in forms:
                        forms.append(form)
            found = tuple(forms)
            self._candidates[word] = found
        return found


@cache
def lemmatizer(language: str) -> Lemmatizer:
    """The shared lemmatizer of a language (built once per process)."""
    return Lemmatizer(language)
