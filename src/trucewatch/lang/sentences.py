"""Sentence splitting over spaCy tokens: one splitter, with the two readers' ways of placing
the punctuation and spaces around a sentence's end.

Bounds are (start, end) token pairs covering every token: setting ``Token.is_sent_start``
costs O(n) per token, and readers keep their own sentence records (the extractor's with line
status and places, the statement reader's per block of lines).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.pipeline import Sentencizer
from spacy.tokens import Token

__all__ = ["sentence_bounds"]

_SENTENCE_END = frozenset(".!?…")
_CLOSERS = frozenset({'"', "”", "»", ")", "“"})
#: Brackets around an ellipsis that marks words left out of a quote ("<…>", "[...]", "(…)").
_ELISION_OPENERS = frozenset("<[(")
_ELISION_CLOSERS = frozenset(">])")
#: spaCy's sentence-final marks (. ! ? and those of other scripts), for the held rule.
_HELD_END = frozenset(Sentencizer.default_punct_chars)


def sentence_bounds(tokens: Sequence[Token], *, hold_punctuation: bool = False
                    ) -> list[tuple[int, int]]:
    """(start, end) token spans of the sentences of ``tokens``.

    By default (news) a sentence ends after ``.``, ``!``, ``?`` or ``…`` and the closing
    quotes or brackets glued to it (``."``, ``?»``), but not at an ellipsis in brackets that
    marks words left out of a quote (``<…>``, ``[...]``), and at every line break; spaces after an
    end are a span of their own. With ``hold_punctuation`` (statements; spaCy's sentencizer
    rule) a sentence ends only where a word follows a sentence-final mark: every punctuation
    mark after the mark stays with it, and a space or word after them opens the next one.
    """
    if hold_punctuation:
        return _held(tokens)
    texts = [t.text for t in tokens]
    bounds: list[tuple[int, int]] = []
    begin = 0
    start = True
    for i, token in enumerate(tokens):
        if start and i > begin:
            bounds.append((begin, i))
            begin = i
        text = texts[i]
        closes = text in _CLOSERS and i > 0 and texts[i - 1] in _SENTENCE_END
        closer_next = i + 1 < len(texts) and texts[i + 1] in _CLOSERS and not token.whitespace_
        elided = (0 < i < len(texts) - 1 and texts[i - 1] in _ELISION_OPENERS
                  and texts[i + 1] in _ELISION_CLOSERS)  # "<…>", "[...]": words left out
        ends = (text in _SENTENCE_END or closes) and not closer_next and not elided
        line_break = "\n" in text or "\n" in token.whitespace_
        start = line_break or ends or (start and token.is_space)
    if begin < len(tokens):
        bounds.append((begin, len(tokens)))
    return bounds


def _held(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    if not tokens:
        return []
    starts = [0]
    seen_end = False
    for i, token in enumerate(tokens):
        is_end = token.text in _HELD_END
        if seen_end and not token.is_punct and not is_end:
            starts.append(i)
            seen_end = False
        elif is_end:
            seen_end = True
    return list(zip(starts, [*starts[1:], len(tokens)], strict=True))
