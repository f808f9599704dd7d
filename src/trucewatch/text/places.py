"""Place mentions in a processed document: gazetteer keys over capitalised token n-grams.

English keys are lower-cased tokens; Ukrainian and Russian keys also try every pymorphy3
lemma of each token, so "Херсоні", "Курской области" and "на Харківщині" resolve. A bare
regional adjective ("Брянской", "Bryanskaya") counts only with a region noun close after it
and not before "district"/"район". Capital names used as actors ("Kyiv denied", "Moscow
said") are places only after a locative preposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import product

from spacy.tokens import Doc

from trucewatch.geo import Entry, admin1_name, first_words, lookup
from trucewatch.lang.lemmas import lemmatizer

__all__ = ["PlaceMention", "find_places"]

_MAX_WORDS = 4
_ADJECTIVAL = ("ський", "ский", "цький", "цкий", "зький", "skyi", "skyy", "skiy", "sky", "ska")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place found at tokens [start, end): candidate entries, best first."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    region: bool  # the text names the region (oblast, krai, ...) rather than a settlement

    @property
    def admin1(self) -> str:
        return self.entries[0].admin1


def _keys(words: list[str], language: str) -> list[str]:
    if language == "en":
        return [" ".join(w.lower() for w in words)]
    lem = lemmatizer(language)
    options = [lem.candidates(w)[:3] for w in words]
    return [" ".join(combo) for combo in product(*options)]


def find_places(doc: Doc, language: str, labels: dict[int, set[str]],
                profile: str) -> list[PlaceMention]:
    """Place mentions of ``doc`` in the gazetteer of conflict ``profile``; ``labels`` maps
    token index -> term labels starting there."""
    mentions: list[PlaceMention] = []
    starts = first_words(language, profile)
    tokens = doc._.tw_tokens or list(doc)
    texts = [t.text for t in tokens]
    punct = [t.is_punct for t in tokens]
    space = [t.is_space for t in tokens]
    n = len(doc)
    i = 0
    while i < n:
        if not texts[i][:1].isupper():
            i += 1
            continue
        found = None
        heads = _keys([texts[i]], language)
        longest = _MAX_WORDS if any(h in starts for h in heads) else 1
        for size in range(min(longest, n - i), 0, -1):
            end = i + size
            if punct[end - 1] or any(space[i:end]):
                continue
            words = [texts[k] for k in range(i, end) if not punct[k]]
            for key in _keys(words, language):
                entries = lookup(key, language, profile)
                if entries:
                    found = (size, entries)
                    break
            if found:
                break
        if not found and language == "uk":
            found = _area_of_city(texts[i], profile)  # "Нікопольщина": the area around Nikopol
        if not found:
            company = _grid_company(i, texts[i], language, profile)
            if company is not None:  # "Брянскэнерго", "Khersonoblenergo": the region it serves
                mentions.append(company)
                i += 1
                continue
        if not found:
            i += 1
            continue
        size, entries = found
        if i > 1 and texts[i - 1] in "-‑" and not (space[i - 1] or tokens[i - 2].whitespace_
                                                    or tokens[i - 1].whitespace_):
            i += size  # "Льгов-Киевский": the second half of a compound name
            continue
        if _compound_head(tokens, texts, i + size) and \
                not any("-" in e.name_en for e in entries):
            i += size  # "Slaviansk-na-Kubani", "Слов'янськ-Еко": another place, or a company
            continue
        if _after_street_word(texts, i):
            i += size  # "вул. Центральній", "Shevchenko Street": a street, not a settlement
            continue
        if language != "en" and i > 0 and lemmatizer(language).is_given_name(texts[i - 1]) \
                and "C|region_noun" not in labels.get(i + size, set()):
            i += size  # "Александр Гусев": a surname, not the town of Gusev ("Петровом Вале
            continue   # Волгоградской области" is a region after a town)
        if size == 1 and _first_name(texts, i, language, labels):
            i += 1  # "Artem Kovalchuk": a person, not the town of Artyom
            continue
        end = i + size
        mention = None
        if size == 1 and language != "en" and _before_facility(texts, labels, end):
            # "Саратовський НПЗ", "Курская АЭС": a city's or a region's adjective before a
            # facility names where it is, before any village of that name elsewhere
            mention = (_adjectival_city(i, texts[i], language, profile)
                       or _region_adjective(i, entries))
        if mention is None and not _modifies_next_noun(texts, i, end, language, labels):
            mention = _choose(doc, i, end, entries, labels)
        if mention is not None:
            mentions.append(mention)
        i = end
    return mentions


_COMPOUND_LINKS = frozenset({"na", "на", "on"})


def _compound_head(tokens: list, texts: list[str], end: int) -> bool:
    """Whether the name ending at ``end`` opens a longer hyphenated name: a hyphen right after
    it (no space), then "na"/"на" or a capitalised word ("Slaviansk-na-Kubani", "Слов'янськ-
    Еко"); "Kharkiv-based" stays Kharkiv. (The caller keeps a name whose place is itself
    hyphenated: "Ростове-на-Дону" is Rostov-on-Don.)"""
    if end + 1 >= len(texts) or texts[end] not in "-‑" or tokens[end - 1].whitespace_ or \
            tokens[end].whitespace_:
        return False
    after = texts[end + 1]
    return after.lower() in _COMPOUND_LINKS or after[:1].isupper()


def _before_facility(texts: list[str], labels: dict[int, set[str]], end: int) -> bool:
    """Whether a facility's name follows at ``end``, or after one more adjective joined by
    "and" ("Волгоградський та Рязанський НПЗ": both cities' refineries)."""
    def facility(k: int) -> bool:
        return any(label.startswith("T|") for label in labels.get(k, ()))
    return facility(end) or (end + 2 < len(texts) and texts[end].lower() in _JOINERS
                             and texts[end + 1][:1].isupper() and facility(end + 2))


def _first_name(texts: list[str], start: int, language: str,
                labels: dict[int, set[str]]) -> bool:
    """A one-word name that is a person's first name ("Artem", "Артем") followed by a
    capitalised word that no lexicon knows (a surname): a person, not the place of that name."""
    after = texts[start + 1] if start + 1 < len(texts) else ""
    return (after[:1].isupper() and after.isalpha() and not labels.get(start + 1)
            and lemmatizer(language).is_given_name(texts[start]))


_STREET_WORDS = frozenset({"вул", "вулиця", "вулиці", "ул", "улица", "улице", "пр", "просп",
                           "проспект", "проспекті", "проспекте", "бульвар", "бульварі",
                           "бульваре", "пров", "пер", "провулок", "переулок", "площа", "площадь"})
_STREET_AFTER = frozenset({"street", "avenue", "boulevard", "lane", "square"})


def _after_street_word(texts: list[str], start: int) -> bool:
    """A name right after "вул."/"ул."/"проспект" or before "Street" names a street."""
    before = [t.lower() for t in texts[max(0, start - 2):start] if t != "."]
    after = texts[start + 1].lower() if start + 1 < len(texts) else ""
    return (bool(before) and before[-1] in _STREET_WORDS) or after in _STREET_AFTER


def _modifies_next_noun(texts: list[str], start: int, end: int, language: str,
                        labels: dict[int, set[str]]) -> bool:
    """"в Северной бухте", "на Центральной улице": a one-word name that is an adjective
    before a noun describes that noun; it is not the settlement of that name. So is the first
    word of a longer name the gazetteer lacks ("посёлок Белая Берёзка"). (Region, district and
    settlement nouns and targets are read by the callers.)"""
    if language == "en" or end - start != 1 or end >= len(texts) or labels.get(end):
        return False
    lem = lemmatizer(language)
    following = texts[end]
    return following[:1].isalpha() and lem.is_adjective(texts[start]) and lem.is_noun(following)


_CITY_ENDINGS = ("", "ь", "а", "и", "ы")


#: Adjective suffix -> what the city's name has in its place: "саратовський" -> "саратов",
#: "курский" -> "курск", "оренбурзький" -> "оренбург", "донецкий" -> "донецк".
_ADJECTIVE_SUFFIXES = (("зький", "г"), ("зкий", "г"), ("цький", "ц"), ("цкий", "ц"),
                       ("ський", ""), ("ский", ""), ("ий", ""), ("ій", ""))


def _adjectival_city(start: int, word: str, language: str,
                     profile: str) -> PlaceMention | None:
    """A city named by its adjective before a facility ("Саратовський НПЗ", "Курская
    АЭС"): the city whose name is the adjective's stem."""
    lemma = lemmatizer(language).lemma(word)
    for suffix, restored in _ADJECTIVE_SUFFIXES:
        if not lemma.endswith(suffix):
            continue
        stem = lemma[:-len(suffix)] + restored
        for ending in _CITY_ENDINGS:
            entries = tuple(e for e in lookup(stem + ending, language, profile)
                            if e.kind == "settlement")
            if entries:
                return PlaceMention(start, start + 1, entries, False)
    return None


def _region_adjective(start: int, entries: tuple[Entry, ...]) -> PlaceMention | None:
    """"Запорізька АЕС": a region's adjective before a facility names that region."""
    adjectives = tuple(e for e in entries if e.kind == "region_adj")
    return PlaceMention(start, start + 1, adjectives, True) if adjectives else None


def _area_of_city(word: str, profile: str) -> tuple[int, tuple[Entry, ...]] | None:
    """Area names built on a city name with "-щина" ("Нікопольщина"):
    that city (oblast names such as "Харківщина" are in the gazetteer already)."""
    lemma = lemmatizer("uk").lemma(word)
    if not lemma.endswith("щина"):
        return None
    stem = lemma[:-4]
    for ending in _CITY_ENDINGS:
        entries = tuple(e for e in lookup(stem + ending, "uk", profile)
                        if e.kind == "settlement")
        if entries:
            return 1, entries
    return None


#: A regional power company named after its region's city or region ("Брянскэнерго",
#: "Тулэнерго", "Khersonoblenergo", "Сумиобленерго"): the name, an optional "obl-", "energo".
_GRID_COMPANY = re.compile(r"(?i)^(\w{3,}?)(?:obl|обл)?(?:energo|энерго|енерго)$")


def _grid_company(start: int, word: str, language: str, profile: str) -> PlaceMention | None:
    """The region a regional power company's name names, or None: the company's sites lie
    in it, though not in its namesake city."""
    match = _GRID_COMPANY.match(word)
    if match is None or not word[:1].isupper():
        return None
    stem = match.group(1).lower()
    for ending in _CITY_ENDINGS:
        entries = [e for e in lookup(stem + ending, language, profile)
                   if e.kind in ("region", "settlement")]
        if entries and len({e.admin1 for e in entries}) == 1:
            region = replace(entries[0], kind="region", name_en=admin1_name(entries[0].admin1),
                             lat=None, lon=None)
            return PlaceMention(start, start + 1, (region,), True)
    return None


def _next_labels(labels: dict[int, set[str]], start: int, width: int) -> set[str]:
    out: set[str] = set()
    for k in range(start, start + width):
        out |= labels.get(k, set())
    return out


_JOINERS = frozenset({",", "and", "or", "і", "й", "та", "и", "или", "або"})
_LIST_OPENERS = frozenset({"–", "—", "-", ":"})
#: How many tokens a list of names may span (a dozen regions with their joiners).
_LIST_TOKENS = 40


def _list_before_region_noun(doc: Doc, end: int, labels: dict[int, set[str]],
                             noun: str = "C|region_noun") -> bool:
    """True in "Kursk and Bryansk regions": only names and joiners up to a region noun,
    however many names the list has."""
    for k in range(end, min(end + _LIST_TOKENS, len(doc))):
        if noun in labels.get(k, set()):
            return k > end
        token = doc[k]
        if token.lower_ not in _JOINERS and not token.text[:1].isupper():
            return False
    return False


def _list_after_region_noun(doc: Doc, start: int, labels: dict[int, set[str]]) -> bool:
    """True in "in three regions – Donetsk, Sumy and Chernihiv" (the regions' adjectives after
    a dash or colon): back from the name, only names, joiners and that dash or colon up to a
    region noun."""
    opened = False
    for k in range(start - 1, max(start - _LIST_TOKENS, 0) - 1, -1):
        if "C|region_noun" in labels.get(k, set()):
            return opened
        token = doc[k]
        if token.text in _LIST_OPENERS:
            opened = True
        elif token.lower_ not in _JOINERS and not token.text[:1].isupper() and \
                "C|locative" not in labels.get(k, set()):
            return False  # "in six regions – in Sumy, Poltava ...": a preposition may repeat
    return False


def _choose(doc: Doc, start: int, end: int, entries: tuple[Entry, ...],
            labels: dict[int, set[str]]) -> PlaceMention | None:
    following = labels.get(end, set())
    if "C|district_noun" in following and "C|region_noun" in following and \
            doc[end].lower_ in ("district", "raion", "rayon", "район", "района", "районі",
                                "районе", "району"):
        if (doc[end - 1].lemma_ or doc[end - 1].lower_).endswith(_ADJECTIVAL):
            return None  # "Київському районі": a district named by an adjective
        settlements = [e for e in entries if e.kind == "settlement" and e.primary]
        return PlaceMention(start, end, tuple(settlements), False) if settlements else None
    last = doc[end - 1]
    if (last.lemma_ or last.lower_).endswith(_ADJECTIVAL) and \
            _list_before_region_noun(doc, end, labels, "C|district_noun"):
        return None  # "в Троицком, Сватовском и Кременском районах": districts
    regions = tuple(e for e in entries if e.kind == "region")
    adjectives = tuple(e for e in entries if e.kind == "region_adj")
    settlements = tuple(e for e in entries if e.kind == "settlement")
    region_near = "C|region_noun" in _next_labels(labels, end, 8)
    if regions and ("C|region_noun" in following or not settlements or
                    _list_before_region_noun(doc, end, labels)):
        return PlaceMention(start, end, regions, True)
    if adjectives and ("C|region_noun" in following or
                       _list_before_region_noun(doc, end, labels) or
                       _list_after_region_noun(doc, start, labels)):
        return PlaceMention(start, end, adjectives, True)  # "в Полтавской и Харьковской
    if settlements:                                         # областях", not a stanitsa
        return PlaceMention(start, end, settlements, False)
    if adjectives and region_near:
        return PlaceMention(start, end, adjectives, True)
    return None
