"""The lexicon API other parts of trucewatch use, target classification and languages."""

from __future__ import annotations

import pymorphy3
import pytest

from trucewatch.errors import UsageError
from trucewatch.lang.lemmas import lemmatizer
from trucewatch.taxonomy import target_classes
from trucewatch.text import LANGUAGES, classify_target, detect, lexicon
from trucewatch.text.lexicon import load
from trucewatch.text.pipeline import nlp


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_class_has_target_phrases_in_every_language(language):
    lex = lexicon.load(language)
    classes = set(target_classes()) - {"unknown"}
    assert classes <= {c for c, phrases in lex.targets.items() if phrases}
    assert not any(p.startswith("=") for phrases in lex.targets.values() for p in phrases)


@pytest.mark.parametrize(
    ("language", "phrase", "cls"),
    [
        ("en", "oil refinery", "energy.oil_refinery"),
        ("en", "Substation", "energy.power_grid"),
        ("uk", "ТЕЦ", "energy.power_generation"),
        ("ru", "нефтебаза", "energy.oil_gas_network"),
        ("ru", "ГИС", "energy.oil_gas_network"),
        ("uk", "нафтобаза", "energy.oil_gas_network"),
    ],
)
def test_class_of_a_lexicon_phrase(language, phrase, cls):
    assert lexicon.load(language).class_of(phrase) == cls


def test_unknown_language_is_refused():
    with pytest.raises(UsageError, match="no lexicon for language 'de'"):
        lexicon.load("de")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Drone strike damaged a thermal power plant in Kharkiv.",
         ("energy.power_generation", "thermal power plant")),
        ("en", "Shelling hit the railway's traction substation.",
         ("transport.rail", "traction substation")),
        ("en", "A residential building next to a substation was damaged.",
         ("civilian", "residential building")),
        ("en", "Shelling damaged oil refineries near Tuapse.",
         ("energy.oil_refinery", "oil refineries")),
        ("ru", "Атакованы нефтеперерабатывающие заводы", ("energy.oil_refinery",
                                                       "нефтеперерабатывающие заводы")),
        ("uk", "Пошкоджено трансформаторну підстанцію", ("energy.power_grid",
                                                         "трансформаторну підстанцію")),
        ("en", "Fighting continued near the front.", None),
    ],
)
def test_classify_target(language, text, expected):
    assert classify_target(text, language) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian drones attacked a substation overnight, the governor said.", "en"),
        ("Російські дрони атакували підстанцію вночі, повідомив голова ОВА.", "uk"),
        ("Российские дроны атаковали подстанцию ночью, сообщил губернатор.", "ru"),
        ("", None),
    ],
)
def test_detect(text, code):
    assert detect(text) == code


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_every_case_form_of_a_target_or_weapon_noun_has_the_nouns_lemma(language):
    """'на заводі' must match 'завод' and 'шахеду' 'шахед', whatever pymorphy3 guesses first
    for the form alone."""
    nlp(language)  # building the pipeline registers the lexicon's nouns with the lemmatizer
    lem = lemmatizer(language)
    morph = pymorphy3.MorphAnalyzer(lang=language)
    lexicon = load(language)
    groups = [*lexicon.targets.values(), *lexicon.weapons.values()]
    wrong = []
    for phrases in groups:
        for word in (w for p in phrases if p not in lexicon.exact for w in p.split()):
            best = morph.parse(word.lower())[0]
            if "NOUN" in best.tag:
                wrong += [(word, f.word, lem.lemma(f.word)) for f in best.lexeme
                          if lem.lemma(f.word) != lem.lemma(word)]
    assert wrong == []
