"""Read news texts and official statements (English, Ukrainian, Russian) into strike reports.

>>> reports = extract("Overnight, Russian drones hit a substation in Kharkiv Oblast.",
...                   published="2025-03-20")
>>> [(r.date.isoformat(), r.admin1, r.target_class, r.perpetrator) for r in reports]
[('2025-03-20', 'UA-63', 'energy.power_grid', 'RU')]
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from trucewatch import profiles
from trucewatch.errors import InputError
from trucewatch.lang import LANGUAGES, detect, unsupported
from trucewatch.lang.lemmas import normalize
from trucewatch.model import Report

from . import lexicon
from .extractor import extract_document
from .pipeline import nlp

__all__ = ["LANGUAGES", "classify_target", "detect", "extract", "lexicon"]


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"published {value!r} is not an ISO date",
                         field="published", hint="write it as YYYY-MM-DD") from exc


def extract(text: str, published: dt.date | str | None = None,
            language: str | None = None,
            profile: profiles.Profile | str | None = None) -> list[Report]:
    """Every attack ``text`` reports, one :class:`~trucewatch.model.Report` per (date,
    region, target class). ``published`` resolves relative dates ("overnight",
    "yesterday"); ``language`` is detected when not given. A text in a language trucewatch
    does not read, or whose language cannot be detected, gives no reports
    (:func:`trucewatch.lang.unsupported` says why; ``trucewatch extract`` writes it as the
    document's ``skipped``). ``profile`` is the conflict whose parties, places and words the
    text is read with (a :class:`~trucewatch.profiles.Profile` or its name; by default
    :data:`trucewatch.profiles.DEFAULT`); a language the profile does not name is read with
    no party words."""
    day = _as_date(published)
    lang = language or detect(text)
    if unsupported(lang):
        return []
    return extract_document(text, lang, day, profiles.get(profile))


@lru_cache(maxsize=65536)
def classify_target(text: str, language: str = "en") -> tuple[str, str] | None:
    """(target class, matched phrase) of a short text such as an ACLED ``notes`` field: the
    most specific target phrase found, ignoring ones "near"/"next to" something; or None.
    Results are cached per (text, language): datasets repeat their notes a lot."""
    pipeline = nlp(language)
    doc = pipeline.get_pipe("trucewatch_terms")(
        pipeline.get_pipe("trucewatch_lemmas")(pipeline.make_doc(normalize(text))))
    found = doc._.tw_terms or []
    near_ends = {t[2] for t in found if t[0] == "C|near"}
    terms = [t for t in found if t[0].startswith("T|")
             and not any(0 <= t[1] - e <= 2 for e in near_ends)]
    if not terms:
        return None
    rank = {c: i for i, c in enumerate(lexicon.CLASS_PRIORITY)}
    best = min(terms, key=lambda t: (-(t[2] - t[1]), rank.get(t[0][2:], 99), t[1]))
    return best[0][2:], doc[best[1]:best[2]].text
