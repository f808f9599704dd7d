"""Split a processed document into sentences with their terms, places and line status.

Lines that are not the document's own reporting are marked so the extractor skips them:
``teaser`` ("Read also:", "Читайте також" and the short headline lines after them) and
``caption`` (short lines naming a photo, video or screenshot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from .dates import DateCue
from .lexicon import Lexicon
from .pipeline import Term
from .places import PlaceMention

__all__ = ["Sentence", "line_status", "sentences"]

_SHORT_LINE = 160
_CAPTION_LINE = 220
_LIST_ITEM = re.compile(r"^\s*[-•–—*]\s+")


@dataclass
class Sentence:
    """One sentence: token span, character span, paragraph number and what was found in it."""

    index: int
    start: int
    end: int
    char_start: int
    char_end: int
    paragraph: int
    text: str
    skip: str | None = None
    terms: list[Term] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: tuple[DateCue, ...] | None = None  # filled by the extractor on first use
    attackers: list | None = None  # filled by attribution.attackers on first use

    def has(self, label: str) -> bool:
        return any(t[0] == label for t in self.terms)

    def first(self, label: str) -> Term | None:
        return next((t for t in self.terms if t[0] == label), None)

    def all(self, prefix: str) -> list[Term]:
        return [t for t in self.terms if t[0].startswith(prefix)]


def _starts_with(line: str, phrases: tuple[str, ...]) -> bool:
    low = line.strip().lower().lstrip("-•*–— ")
    return any(low.startswith(p) for p in phrases)


@cache
def _line_cues(lexicon: Lexicon) -> tuple[tuple[str, ...], re.Pattern[str], tuple[str, ...]]:
    teasers = tuple(p.lower() for p in lexicon.cues.get("teaser", ()))
    words = "|".join(re.escape(c) for c in lexicon.cues.get("caption", ()))
    illustrative = tuple(p.lower() for p in lexicon.cues.get("illustrative", ()))
    # "Photo: ...", "(photo: Getty)", "File Image/AP", "кадр из видео" at the end of a line
    return (teasers, re.compile(rf"(?i)(?<!\w)({words})(\s*(by\b|:|/|\))|\s*$)"),
            illustrative)


def _captions(caption: re.Pattern[str], line: str) -> bool:
    """Whether a line names a picture: "(photo: Getty)" does, a headline's "(відео)" marker
    (the word alone in brackets) does not."""
    return any(not (m.group(2).strip() == ")" and line[:m.start()].endswith("("))
               for m in caption.finditer(line))


def line_status(text: str, lexicon: Lexicon) -> list[tuple[int, int, str | None]]:
    """(start, end, status) per line of ``text``: None for reporting, or teaser/caption."""
    teasers, caption, illustrative = _line_cues(lexicon)
    out: list[tuple[int, int, str | None]] = []
    in_teaser = False
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        status: str | None = None
        if stripped:
            if _starts_with(stripped, teasers):
                in_teaser = True
                status = "teaser"
            elif in_teaser and (_LIST_ITEM.match(line) or (
                    len(stripped) < _SHORT_LINE and not stripped.endswith((".", "!", "?", "»",
                                                                             '"', "”")))):
                status = "teaser"
            else:
                in_teaser = False
                if len(stripped) < _CAPTION_LINE and _captions(caption, stripped):
                    status = "caption"
                elif any(p in stripped.lower() for p in illustrative):
                    status = "caption"  # "Illustrative photo: a plant that ...":
                    # a picture of another time or place, however long its caption
        out.append((start, end, status))
    return out


def sentences(doc: Doc, text: str, lines: list[tuple[int, int, str | None]],
              terms: list[Term], places: list[PlaceMention], lexicon: Lexicon
              ) -> list[Sentence]:
    """The sentences of ``doc`` (made from ``text``) with their terms and places; paragraphs
    split at blank lines. A sentence is skipped as its line is (``lines``, of
    :func:`line_status`), and as a teaser when it opens with a teaser cue: "Read also: ..."
    glued to the end of the sentence before it on one line ("... was damaged.Read also:
    ...")."""
    teasers = _line_cues(lexicon)[0]
    out: list[Sentence] = []
    all_tokens = doc._.tw_tokens or list(doc)
    paragraph = 0
    line_index = 0
    for begin, finish in doc._.tw_sentences or [(0, len(doc))]:
        tokens = [t for t in all_tokens[begin:finish] if not t.is_space]
        if not tokens:
            if doc[begin:finish].text.count("\n") >= 2:
                paragraph += 1
            continue
        first, last = tokens[0], tokens[-1]
        char_start, char_end = first.idx, last.idx + len(last.text)
        prev = all_tokens[first.i - 1] if first.i > 0 else None
        if prev is not None and (prev.text + prev.whitespace_).count("\n") >= 2:
            paragraph += 1
        while line_index < len(lines) - 1 and lines[line_index][1] < char_start:
            line_index += 1
        said = text[char_start:char_end]
        skip = lines[line_index][2] or ("teaser" if _starts_with(said, teasers) else None)
        out.append(Sentence(
            index=len(out), start=first.i, end=last.i + 1, char_start=char_start,
            char_end=char_end, paragraph=paragraph, text=said, skip=skip,
        ))
    by_token = {}
    for s in out:
        for k in range(s.start, s.end):
            by_token[k] = s
    for term in terms:
        s = by_token.get(term[1])
        if s is not None:
            s.terms.append(term)
    for place in places:
        s = by_token.get(place.start)
        if s is not None:
            s.places.append(place)
    return out
