"""One sentence splitter: the news rule (closers glued to the end stay, line breaks end a
sentence) and the statements rule (every punctuation mark after the end stays)."""

from __future__ import annotations

import itertools

import pytest
import spacy

from trucewatch.lang.sentences import sentence_bounds


def _split(language: str, text: str, hold: bool = False) -> list[str]:
    doc = spacy.blank(language)(text)
    return [doc[a:b].text for a, b in sentence_bounds(list(doc), hold_punctuation=hold)]


@pytest.mark.parametrize(
    ("language", "text", "news", "statements"),
    [
        ("en", 'He said: "Stop." Then (Reuters) it ended.',
         ['He said: "Stop."', "Then (Reuters) it ended."],
         ['He said: "Stop."', "Then (Reuters) it ended."]),
        ("uk", "Дрони атакували підстанцію. «Є пошкодження», — сказав він… Далі.",
         ["Дрони атакували підстанцію.", "«Є пошкодження», — сказав він…", "Далі."],
         ["Дрони атакували підстанцію. «", "Є пошкодження», — сказав він… Далі."]),
        ("ru", "— Когда? — С 18 сентября, на 30 суток.",
         ["— Когда?", "— С 18 сентября, на 30 суток."],
         ["— Когда? —", "С 18 сентября, на 30 суток."]),
    ],
)
def test_two_rules_one_splitter(language, text, news, statements):
    assert _split(language, text) == news
    assert _split(language, text, hold=True) == statements


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_news_sentences_end_at_line_breaks(language):
    assert _split(language, "Headline without a stop\nBody text.") == [
        "Headline without a stop\n", "Body text."]
    assert _split(language, "Headline without a stop\nBody text.", hold=True) == [
        "Headline without a stop\nBody text."]


def test_bounds_cover_every_token_once():
    doc = spacy.blank("en")('Strikes hit Kharkiv.  "Again?" Yes!\n\nNo.')
    for hold in (False, True):
        bounds = sentence_bounds(list(doc), hold_punctuation=hold)
        assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))


def test_no_tokens_no_sentences():
    assert sentence_bounds([]) == [] and sentence_bounds([], hold_punctuation=True) == []
