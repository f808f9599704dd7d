"""Language detection with lingua: the supported languages, and others named, not guessed."""

from __future__ import annotations

import pytest

from trucewatch.lang import detect


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian drones attacked a substation overnight, the governor said.", "en"),
        ("Російські дрони атакували підстанцію вночі, повідомив голова ОВА.", "uk"),
        ("Российские дроны атаковали подстанцию ночью, сообщил губернатор.", "ru"),
        ("Russland und die Ukraine stellen die Angriffe auf Energieanlagen für 30 Tage ein.",
         "de"),
        ("Rosyjskie drony zaatakowały w nocy podstację, poinformował gubernator.", "pl"),
        ("", None),
        ("  \n ", None),
    ],
)
def test_detect(text, code):
    assert detect(text) == code


def test_a_russian_text_quoting_ukrainian_is_russian():
    text = ("Минэнерго Украины сообщило об атаке на подстанцию. «Вороги знову атакували "
            "енергетику», — говорится в заявлении ведомства. Восстановительные работы "
            "продолжаются, сообщили в министерстве.")
    assert detect(text) == "ru"
