"""A counterfactual ("if he had been in office ...") sets no condition, scope or binding."""

from __future__ import annotations

import pytest

from trucewatch.readouts import statement_terms

AGREED = {"en": "Russia and Ukraine agreed to halt strikes on energy.",
          "ru": "Россия и Украина договорились прекратить удары по энергетике.",
          "uk": "Росія та Україна домовилися припинити удари по енергетиці."}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "If Russia had agreed earlier, the strikes would have ended long ago."),
    ("ru", "Если бы он был у власти, удары давно бы прекратились."),
    ("uk", "Якщо б він був при владі, удари давно б припинилися."),
])
def test_a_counterfactual_is_no_condition(language, text):
    terms = statement_terms(f"{AGREED[language]} {text}", language=language)
    assert terms.conditions == []
    assert terms.bound_parties == ["RU", "UA"]


@pytest.mark.parametrize(("language", "text", "scope"), [
    ("en", "If he had been in office, Russia would have stopped strikes on ports.", []),
    ("ru", "Если бы он был у власти, Россия бы прекратила удары по портам.", []),
    ("uk", "Якщо б він був при владі, Росія б припинила удари по портах.", []),
])
def test_a_counterfactual_halt_binds_no_one_and_covers_nothing(language, text, scope):
    terms = statement_terms(text, language=language, speaker="US")
    assert (terms.bound_parties, terms.scope) == ([], scope)


@pytest.mark.parametrize(("language", "text", "condition"), [
    ("en", "Russia will halt strikes on energy if Ukraine does the same.",
     "if Ukraine does the same"),
    ("ru", "Россия прекратит удары по энергетике, если Украина сделает то же самое.",
     "если Украина сделает то же самое"),
    ("uk", "Росія припинить удари по енергетиці, якщо Україна зробить те саме.",
     "якщо Україна зробить те саме"),
])
def test_a_real_condition_is_kept(language, text, condition):
    assert statement_terms(text, language=language).conditions == [condition]
