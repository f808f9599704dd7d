"""One builder of blank spaCy pipelines and phrase matchers, in the two readers' ways."""

from __future__ import annotations

import pytest

from trucewatch.errors import UsageError
from trucewatch.lang.phrases import MAX_READINGS, build


def _found(nlp, phrases, text):
    doc = nlp(text)
    return sorted({(label, doc[s:e].text) for label, s, e in phrases(doc)})


@pytest.mark.parametrize(
    ("language", "groups", "text", "found"),
    [
        ("uk", {"T|grid": ["трансформаторна підстанція"]},
         "Дрони атакували трансформаторну підстанцію.",
         [("T|grid", "трансформаторну підстанцію")]),
        ("ru", {"T|refinery": ["нефтеперерабатывающий завод"]},
         "Удар по нефтеперерабатывающим заводам.",
         [("T|refinery", "нефтеперерабатывающим заводам")]),
        ("en", {"T|refinery": ["oil refinery"]}, "Drones hit the OIL REFINERY.",
         [("T|refinery", "OIL REFINERY")]),
    ],
)
def test_phrases_match_in_any_inflected_form(language, groups, text, found):
    nlp, phrases = build(language, groups)
    assert _found(nlp, phrases, text) == found


def test_exact_phrases_match_their_written_form_only():
    nlp, phrases = build("uk", {"T|bridge": ["міст"]}, exact={"міст"})
    assert _found(nlp, phrases, "Міст цілий, а місто ні.") == [("T|bridge", "Міст")]


def test_english_phrases_are_not_lemmatised():
    nlp, phrases = build("en", {"T|refinery": ["oil refinery"]})
    assert _found(nlp, phrases, "Drones hit two oil refineries.") == []
    assert all(not t.lemma_ for t in nlp("oil refineries"))


@pytest.mark.parametrize(
    ("language", "phrase", "text", "span"),
    [
        ("ru", "прекратить удары", "Стороны прекратят удары.", "прекратят удары"),
        ("uk", "припинити удари", "Сторони припинять удари.", "припинять удари"),
        ("en", "halt strikes", "They will halt strikes.", "halt strikes"),
    ],
)
def test_readings_match_every_lemma_of_a_phrase(language, phrase, text, span):
    nlp, phrases = build(language, {"halt": [phrase]}, readings=True)
    assert _found(nlp, phrases, text) == [("halt", span)]


def test_readings_make_the_text_prefer_lemmas_the_lists_know():
    nlp, _ = build("ru", {"metal": ["сталь"]}, readings=True)
    assert [t.lemma_ for t in nlp("Они стали")] == ["они", "сталь"]
    nlp, _ = build("ru", {"become": ["стать"]}, readings=True)
    assert [t.lemma_ for t in nlp("Они стали")] == ["они", "стать"]
    assert MAX_READINGS == 16


@pytest.mark.parametrize(("hold", "sentences"), [(False, 2), (True, 2)])
def test_pipelines_set_sentence_bounds_and_keep_tokens(hold, sentences):
    nlp, _ = build("uk", {}, hold_punctuation=hold)
    doc = nlp("Перше речення. Друге речення.")
    assert len(doc._.tw_sentences) == sentences
    assert [t.text for t in doc._.tw_tokens] == [t.text for t in doc]


def test_unsupported_language_has_no_pipeline():
    with pytest.raises(UsageError, match="'de' is not supported"):
        build("de", {})
