"""A ceasefire with no scope wording covers every class; a medium or a sector limits it."""

from __future__ import annotations

import pytest

from trucewatch.readouts import statement_terms

CASES = [
    # a ceasefire of one's own with no scope wording: every class
    ("en", "Ukraine is ready for an immediate 30-day ceasefire.", ["*"]),
    ("ru", "Российская сторона объявляет перемирие на три дня.", ["*"]),
    ("uk", "Україна пропонує повну тишу щонайменше на 30 днів.", ["*"]),
    # a comprehensive one in every medium, land included
    ("uk", "Припинення вогню має бути всеосяжним: у повітрі, на морі та на суші.", ["*"]),
    ("en", "The ceasefire must hold in the air, at sea and on land.", ["*"]),
    # limited to a medium no class covers: no scope
    ("en", "We are ready for an air truce.", []),
    ("ru", "Мы предлагаем прекращение огня в небе.", []),
    ("uk", "Київ пропонує повітряне перемир'я.", []),
    # a sector wording: that sector
    ("en", "We propose silence in the energy sector.", ["energy.*"]),
    ("ru", "Мы предлагаем тишину в энергетике.", ["energy.*"]),
    ("uk", "Ми пропонуємо тишу в енергетиці.", ["energy.*"]),
    ("uk", "Сторони говорили про енергетичне перемир'я.", ["energy.*"]),
    # a ceasefire only as a condition or a further step: no scope
    ("en", "We will talk only if Russia agrees to a ceasefire.", []),
    ("ru", "Стороны обсудят прекращение огня на море.", []),
    ("uk", "Ми будемо говорити, якщо Росія погодиться на перемир'я.", []),
]


@pytest.mark.parametrize(("language", "text", "scope"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_a_ceasefire_without_scope_words_covers_every_class(language, text, scope):
    assert statement_terms(text, language=language).scope == scope
