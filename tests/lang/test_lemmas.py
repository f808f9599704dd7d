"""One lemmatiser per language: the best guess (news), the phrase lists' choice (statements),
kept case forms of lexicon nouns, and the grammatical questions both readers ask."""

from __future__ import annotations

import pytest

from trucewatch.errors import UsageError
from trucewatch.lang.lemmas import (
    Lemmatizer,
    english_lemma,
    english_plural,
    lemmatizer,
    normalize,
    tidy,
)


@pytest.mark.parametrize(
    ("language", "word", "lemma"),
    [
        ("uk", "підстанцію", "підстанція"),
        ("uk", "енергетиці", "енергетика"),
        ("ru", "подстанцию", "подстанция"),
        ("ru", "ещё", "еще"),  # ё read as е
        ("ru", "2025", "2025"),
        ("en", "Refineries", "refineries"),  # English is matched on its lower-case form
    ],
)
def test_most_likely_lemma(language, word, lemma):
    assert lemmatizer(language).lemma(word) == lemma


def test_the_lemmatiser_of_a_language_is_shared():
    assert lemmatizer("uk") is lemmatizer("uk")
    assert lemmatizer("uk").inflects and lemmatizer("ru").inflects
    assert not lemmatizer("en").inflects


def test_unsupported_language_has_no_lemmatiser():
    with pytest.raises(UsageError, match="'de'"):
        lemmatizer("de")


@pytest.mark.parametrize(("language", "noun", "form", "other"),
                         [("uk", "завод", "заводі", "заводь"), ("ru", "котельная", "котельной",
                                                                 None)])
def test_kept_nouns_keep_their_lemma_in_every_case_form(language, noun, form, other):
    lem = Lemmatizer(language)  # a fresh one: the shared one already keeps the lexicon's
    if other:
        assert lem.lemma(form) == other  # pymorphy3's first guess for the form alone
    lem.keep_forms_of([noun])
    assert lem.lemma(form) == noun


@pytest.mark.parametrize(
    ("language", "word", "known", "lemma"),
    [
        ("ru", "стали", {"сталь"}, "сталь"),
        ("ru", "стали", {"стать"}, "стать"),
        ("ru", "стали", set(), "стать"),  # no list knows either: the best parse
        ("uk", "удари", set(), "удар"),
        ("en", "refineries", set(), "refinery"),  # light English rules
        ("en", "Russia's", set(), "russia"),
        ("en", "US", set(), "US"),  # "US" is not "us"
        ("uk", "Strikes", set(), "strike"),  # Latin words follow the English rules
    ],
)
def test_lemma_among_the_lemmas_phrase_lists_know(language, word, known, lemma):
    assert lemmatizer(language).lemma_among(word, frozenset(known)) == lemma


@pytest.mark.parametrize(
    ("language", "word", "lemmas"),
    [
        ("ru", "стали", ("стать", "сталь")),  # every parse: a list has no context
        ("ru", "удар", ("удар",)),  # a dictionary form stands for itself
        ("uk", "удари", ("удар",)),
        ("en", "strikes", ("strike",)),
    ],
)
def test_phrase_lemmas(language, word, lemmas):
    assert lemmatizer(language).phrase_lemmas(word) == lemmas


def test_lemma_candidates():
    assert lemmatizer("uk").candidates("Харкові") == ("харкові", "харко", "харків")
    assert lemmatizer("ru").candidates("Курской") == ("курской", "курский")
    assert lemmatizer("en").candidates("Kursk") == ("kursk",)


@pytest.mark.parametrize("language", ["uk", "ru", "en"])
def test_grammatical_questions(language):
    lem = lemmatizer(language)
    word = {"uk": "атакував", "ru": "атаковал", "en": "attacked"}[language]
    name = {"uk": "Олег", "ru": "Олег", "en": "Oleh"}[language]
    if language == "en":
        assert lem.tag(word) is None
        # no morphology: the first names the language's data file lists, capitalised only
        assert lem.is_given_name(name) and not lem.is_given_name(name.lower())
        assert not lem.is_given_name("Kharkiv")
        assert lem.can_be_verb(word) and lem.can_be_nominative(word)
    else:
        assert lem.tag(word).POS == "VERB" and "past" in lem.tag(word)
        assert lem.can_be_verb(word) and not lem.can_be_verb("підстанція")
        assert lem.is_given_name(name) and not lem.is_given_name(name.lower())
        assert lem.is_noun("підстанція" if language == "uk" else "подстанция")


def test_nominative_adjective_and_noun_questions_in_russian():
    ru = lemmatizer("ru")
    assert ru.is_adjective("Курской") and not ru.is_noun("Курской")
    assert ru.can_be_nominative("область", singular=True)
    assert not ru.can_be_nominative("области", singular=True)


def test_english_rules():
    assert [english_lemma(w) for w in ("strikes", "refineries", "process", "status", "is",
                                       "allies'")] == [
        "strike", "refinery", "process", "status", "is", "ally"]
    assert [english_plural(w) for w in ("refinery", "bridge", "depot", "box", "railway")] == [
        "refineries", "bridges", "depots", "boxes", "railways"]


def test_normalising_keeps_offsets():
    text = "Обʼєкт’s ‘ещё’\u00a0`x`"
    assert normalize(text) == "Об'єкт's 'еще'\u00a0'x'"
    assert tidy(text) == "Об'єкт's ‘ещё' 'x'"
    assert len(normalize(text)) == len(tidy(text)) == len(text)


@pytest.mark.parametrize(("word", "lemma"), [
    ("обєкти", "об'єкт"), ("енергообєктах", "енергооб'єкт"), ("пятницю", "п'ятниця"),
    ("памятник", "пам'ятник"),
])
def test_a_ukrainian_word_that_lost_its_apostrophe_is_read_with_it(word, lemma):
    assert lemmatizer("uk").lemma(word) == lemma


@pytest.mark.parametrize("word", ["бюджет", "бюро", "свято", "мавпячий"])
def test_words_spelled_without_an_apostrophe_keep_their_spelling(word):
    assert "'" not in lemmatizer("uk").lemma(word)


def test_russian_words_get_no_apostrophe():
    assert lemmatizer("ru").lemma("объекты") == "объект"
