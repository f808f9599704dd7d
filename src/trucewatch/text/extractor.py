"""From a text to strike reports, following docs/labeling.md.

For each sentence of the document's own reporting: find attack or damage words, target
phrases, places, dates and actors; drop what docs/labeling.md says is not an incident (alerts,
interceptions with no target, plans, promises and agreements, general statements, tallies
over several days); pair each place with the nearest target phrase; then merge into one
report per (date, region, target class). Every decision records a reason in
``Report.reasons``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from trucewatch.geo import Entry, admin1_name, held_by
from trucewatch.lang.dates import tables
from trucewatch.lang.lemmas import lemmatizer, normalize
from trucewatch.model import Report
from trucewatch.profiles import Profile
from trucewatch.taxonomy import target_group

from . import attribution
from .dates import DateCue, find_dates, year_hint
from .lexicon import CLASS_PRIORITY, Lexicon, load
from .merge import Candidate, merge, to_report
from .pipeline import Term, nlp
from .places import PlaceMention, find_places
from .segment import Sentence, line_status, sentences

__all__ = ["extract_document"]

_COUNT_NOUN = (r"(?:times|attacks|strikes|violations|accusations|раз|разів|рази|атак\w*|"
               r"удар\w*|обстріл\w*|нарушени\w*|порушен\w*)")


@dataclass
class _Context:
    doc: Doc
    text: str
    language: str
    lexicon: Lexicon
    profile: Profile
    published: dt.date | None
    year: int | None
    sentences: list[Sentence]
    tokens: list
    doc_regions: tuple[str, ...]  # regions named in the document, in order
    count_re: re.Pattern[str]
    home: PlaceMention | None = None  # the place the whole document reports from
    # sentence index -> (class, phrase, regions) of the target it reports, for "the strikes"
    event_targets: dict[int, tuple[str, str, set[str]]] = field(default_factory=dict)


#: An actor phrase that is both a named side's and "the enemy" or "local" ("оккупант",
#: "губернатор") counts as the named side's.
_NAMED_FIRST = {"enemy": 1, "local": 1, "generic": 1, "self": 1}


def _dedupe_terms(terms: list[Term]) -> list[Term]:
    """Within each family (targets, actors, cues of a kind), keep the longest of overlaps."""
    rank = {c: i for i, c in enumerate(CLASS_PRIORITY)}
    covered: dict[str, set[int]] = {}
    kept: list[Term] = []
    for term in sorted(terms, key=lambda t: (-(t[2] - t[1]), rank.get(t[0][2:], 99),
                                             _NAMED_FIRST.get(t[0].split("|")[1], 0), t[1])):
        label = term[0]
        family = "T" if label[0] == "T" else ("A" + label.rsplit("|", 1)[1]
                                              if label[0] == "A" else label)
        seen = covered.setdefault(family, set())
        span = range(term[1], term[2])
        if any(k in seen for k in span):
            continue
        seen.update(span)
        kept.append(term)
    return sorted(kept, key=lambda t: (t[1], -t[2]))


@cache
def _count_re(language: str) -> re.Pattern[str]:
    """A count of events ("three strikes", "10 разів"), for tallies; not the minutes of a
    time of day ("в 22:15 удар")."""
    numbers = "|".join(re.escape(w) for w in tables(language).numbers)
    return re.compile(rf"(?i)(?<![\d:.])\b(\d+|{numbers}|dozens?)\s+(?:\w+\s+)?{_COUNT_NOUN}\b")


def extract_document(text: str, language: str, published: dt.date | None,
                     profile: Profile) -> list[Report]:
    """Reports of one document already known to be in a supported ``language``, read under
    conflict ``profile``."""
    lexicon = load(language, profile.name)
    clean = normalize(text)
    doc = nlp(language, profile.name)(clean)
    terms = _dedupe_terms(doc._.tw_terms or [])
    labels: dict[int, set[str]] = {}
    for label, start, _end in terms:
        labels.setdefault(start, set()).add(label)
    places = find_places(doc, language, labels, profile.name)
    sents = sentences(doc, clean, line_status(clean, lexicon), terms, places, lexicon)
    ctx = _Context(
        doc=doc, text=clean, language=language, lexicon=lexicon, profile=profile,
        published=published,
        year=year_hint(clean, published, language), sentences=sents, tokens=doc._.tw_tokens,
        doc_regions=tuple(dict.fromkeys(p.admin1 for p in places if p.region)),
        count_re=_count_re(language),
    )
    for sentence in sents:
        sentence.places = _located(ctx, sentence)
    ctx.home = _home_place(ctx)
    candidates: list[Candidate] = []
    for sentence in sents:
        candidates.extend(_sentence_candidates(ctx, sentence, candidates))
    if _nothing_hit(ctx):
        candidates = [c for c in candidates if not (c.weak and c.target_class == "unknown")]
    candidates = _without_headline_repeats(ctx, candidates)
    _attribute(ctx, candidates)
    return [to_report(c, profile) for c in merge(candidates, profile)]


_ALL = frozenset({"all", "every", "всі", "усі", "все", "всех", "всіх", "усіх"})
_NOT = frozenset({"not", "не", "ні"})  # "it is not a military facility": no such target
_PLANTS = ("T|energy.nuclear", "T|energy.hydro")  # they own their substations (docs/labeling.md)
_PART_OF = frozenset({"of", "at", "на", "в", "у"})
_COPULA = frozenset({"a", "an", "the", "є", "является", "являются", "был", "была", "було"})
_AND = frozenset({"and", "or", ",", "та", "і", "й", "и", "або", "или"})


def _nothing_hit(ctx: _Context) -> bool:
    """The text says no hits or damage, or that every drone or missile was downed: then "the
    region came under drone attack" reports no strike on an unnamed target."""
    for s in ctx.sentences:
        if s.skip:
            continue
        if s.has("C|no_damage") or s.has("C|none"):
            return True
        if s.has("C|intercept") and any(
                ctx.tokens[k].lower_ in _ALL for k in range(s.start, s.end)):
            return True
        if not s.all("T|") and (s.has("C|intercept") or s.has("C|damage")) and any(
                ctx.tokens[k].lower_ in _ALL for w in s.all("W|")
                for k in range(max(s.start, w[1] - 3), w[1])):
            return True  # "air defence destroyed all nine drones"
    return False


def _without_headline_repeats(ctx: _Context, candidates: list[Candidate]) -> list[Candidate]:
    """Drop a headline's reports that the body tells again (same region and class): the
    body's wording carries the date, which a headline seldom gives."""
    first = ctx.sentences[0] if ctx.sentences else None
    if first is None or first.text.rstrip()[-1:] in ".!?" or any(
            s.paragraph == first.paragraph for s in ctx.sentences[1:]):
        return candidates
    body = {(c.admin1, c.target_class) for c in candidates if c.sentence is not first}
    return [c for c in candidates
            if c.sentence is not first or (c.admin1, c.target_class) not in body]


# --- sentence level -----------------------------------------------------------------------


def _span(ctx: _Context, start: int, end: int) -> str:
    """The text of tokens [start, end) (cheaper than making a spaCy Span)."""
    last = ctx.tokens[end - 1]
    return ctx.text[ctx.tokens[start].idx:last.idx + len(last)]


def _dates(ctx: _Context, s: Sentence) -> tuple[DateCue, ...]:
    """Date cues of a sentence, found once per sentence."""
    if s.dates is None:
        s.dates = find_dates(s.text, ctx.language, ctx.published, ctx.year)
    return s.dates


def _triggers(s: Sentence) -> list[Term]:
    """Words that make a sentence a possible report: of attack or damage; when it names places,
    of naming where ("It concerns the A and B regions"); after a word of consequence, of
    power cut ("As a result, consumers in A and B are without power")."""
    kinds = ("C|attack", "C|damage", "C|namely") if s.places else ("C|attack", "C|damage")
    if s.has("C|consequence"):
        kinds += ("C|outage",)
    return [t for t in s.terms if t[0] in kinds]


def _skip_reason(ctx: _Context, s: Sentence) -> str | None:
    if s.skip:
        return f"{s.skip} line"
    triggers = _triggers(s)
    if not triggers:
        return "no attack or damage words"
    targets = s.all("T|")
    if s.has("C|general"):
        return "general statement"
    if s.has("C|some_regions") and not s.places:
        return "several regions, none named"  # "in Kyiv and several regions" reports Kyiv
    if s.has("C|policy"):
        return "a side's policy of what it strikes"  # "strikes exclusively military targets"
    if s.has("C|none"):
        return "reports that no attack happened"
    if s.has("C|alert") and not s.has("C|damage") and not targets:
        return "alert only"
    if s.has("C|no_damage") and not any(t[0] == "C|damage" and not _inside(t, s, "C|no_damage")
                                        for t in s.terms):
        return "no damage reported"
    if s.has("C|intercept") and not targets:
        return "interception with no target"
    weapons = s.all("W|")
    if not targets and weapons and not s.has("C|attack") and all(
            any(0 <= w[1] - d[2] <= 3 for w in weapons) for d in s.terms if d[0] == "C|damage"):
        return "drones or missiles destroyed, no target"  # "уничтожены 27 украинских БПЛА"
    first_trigger = min(t[1] for t in triggers)
    attempts = [t for t in s.terms if t[0] == "C|attempt"] if targets else []
    for t in s.terms:
        if t[0] == "C|plan" and -6 <= first_trigger - t[1] <= 8 and not _in_date(ctx, s, t):
            if any(a[1] <= t[1] <= a[2] for a in attempts):
                continue  # "tried to hit the depot", "намагалися атакувати підстанцію"
            return f"plan or condition ({_span(ctx, t[1], t[2])!r})"
    if not targets and not s.has("C|damage") and any(
            t[0].startswith("W|") and t[1] > 0 and ctx.tokens[t[1] - 1].like_num for t in s.terms):
        return "count of drones or missiles with no target"
    if s.has("C|ordinal") and s.has("C|attack") and _since(ctx, s) and not _own_day(ctx, s):
        return "an attack counted among others since a date"  # "the eighth attack this year"
    count = ctx.count_re.search(s.text)
    if count:
        dates = _dates(ctx, s)
        if s.has("C|multi_day") or any(d.multi_day for d in dates) or len(dates) > 1:
            return "tally over several days"
        if not dates and not s.has("C|today") and not s.has("C|yesterday"):
            return "tally with no day"
        if not targets and any(t[0].startswith("W|") for t in s.terms) and \
                re.search(r"\d", count.group(0)):
            return "count of drones or missiles with no target"
    return None


def _in_date(ctx: _Context, s: Sentence, term: Term) -> bool:
    """Whether a term is part of a date the sentence gives ("on 10 May": the month, not the
    modal verb "may")."""
    start = ctx.tokens[term[1]].idx - ctx.tokens[s.start].idx
    end = start + len(_span(ctx, term[1], term[2]))
    return any(d.offset <= start and end <= d.offset + len(d.text) for d in _dates(ctx, s))


_FROM = frozenset({"з", "із", "від", "с", "со", "от"})


def _since(ctx: _Context, s: Sentence) -> bool:
    """"since", "this year", or "з березня" / "с марта": counting from a date."""
    if s.has("C|since"):
        return True
    months = tables(ctx.language).months
    return any(ctx.tokens[k].lower_ in _FROM and ctx.tokens[k + 1].lower_ in months
               for k in range(s.start, s.end - 1))


def _own_day(ctx: _Context, s: Sentence) -> bool:
    """A day the sentence's attack happened on, not the day a count starts from: "on the
    night of 7 March, the fifth attack this year" tells that attack, "the fifth since 1 March"
    counts."""
    for cue in _dates(ctx, s):
        before = s.text[:cue.offset].split()
        if cue.precision == "day" and not cue.multi_day and \
                not (before and before[-1].lower() in _COUNTED_FROM):
            return True
    return False


#: Words before the day a count starts from ("since 1 March", "з 1 березня").
_COUNTED_FROM = _FROM | {"since", "from"}


def _inside(term: Term, s: Sentence, label: str) -> bool:
    return any(t[0] == label and t[1] <= term[1] and term[2] <= t[2] for t in s.terms)


_NEVER = frozenset({"not", "never", "n't", "не", "ні", "ни", "ніколи", "никогда"})
_ONLY = frozenset({"only", "just", "лише", "тільки", "лишь", "только"})


def _negated_trigger(ctx: _Context, s: Sentence, trigger: Term) -> bool:
    """"did not strike", "не атакували", "никогда не наносили": the attack word is denied
    (but "not only struck", "не лише атакували" report it)."""
    for k in (trigger[1] - 1, trigger[1] - 2):
        if k < s.start:
            return False
        word = ctx.tokens[k].lower_
        if word in _NEVER:
            return k == trigger[1] - 1 or ctx.tokens[k + 1].lower_ not in _ONLY
        if ctx.tokens[k].is_punct or word in _ONLY:
            return False
    return False


def _denied_by(ctx: _Context, s: Sentence) -> list[str]:
    """The side a sentence whose every attack word is denied ("the General Staff said
    Ukrainian forces did not strike ...") speaks for: the side said not to have attacked,
    else its speaker. Such a sentence reports the other side's claim, denied; never a strike
    by the side that denies it."""
    triggers = [t for t in s.terms if t[0] in ("C|attack", "C|damage")]
    if s.skip or not triggers or not all(_negated_trigger(ctx, s, t) for t in triggers):
        return []
    sides = [a.party for a in attribution.attackers(ctx.doc, s, ctx.language, ctx.profile)
             if ctx.profile.opposite(a.party)]
    if not sides and (found := attribution.source_of(ctx.doc, s, ctx.profile)):
        sides = [found[0]] if ctx.profile.opposite(found[0]) else []
    return sides[:1]


def _described(ctx: _Context, s: Sentence) -> list[tuple[int, int]]:
    """Token ranges of relative clauses describing a settlement ("Enerhodar, the town that
    serves the nuclear plant,", "місто, яке розташоване навпроти АЕС"): up to the next
    punctuation mark."""
    nouns = {t[2] for t in s.terms if t[0] == "C|settlement_noun"}
    out = []
    for t in s.terms:
        if t[0] != "C|relative":
            continue
        back = [k for k in range(t[1] - 1, max(s.start, t[1] - 4) - 1, -1)]
        if not any(k + 1 in nouns for k in back):
            continue
        end = next((k for k in range(t[2], s.end) if ctx.tokens[k].is_punct and
                    ctx.tokens[k].text not in "-'’"), s.end)
        out.append((t[1], end))
    return out


def _negated(ctx: _Context, s: Sentence, start: int) -> bool:
    """"not a military facility", "не є військовим об'єктом": the phrase is denied."""
    k = start - 1
    while k > s.start and ctx.tokens[k].lower_ in _COPULA:
        k -= 1
    return k >= s.start and ctx.tokens[k].lower_ in _NOT


def _targets(ctx: _Context, s: Sentence) -> list[Term]:
    described = _described(ctx, s) if s.has("C|relative") else []
    staff = {t[1] for t in s.terms if t[0] == "C|staff"}
    near = [t for t in s.terms if t[0] == "C|near"]
    sources = [t for t in s.terms if t[0].endswith("|source")]
    outage = s.has("C|outage")
    out = []
    for t in s.all("T|"):
        if any(0 < t[1] - n[2] <= 2 or n[2] == t[1] for n in near):
            continue
        if any(a[1] <= t[1] and t[2] <= a[2] for a in sources):
            continue
        if any(w[1] <= t[1] and t[2] <= w[2] and w[2] - w[1] > t[2] - t[1]
               for w in s.all("W|")):
            continue
        if outage and t[0] == "T|civilian":
            continue
        if _inside(t, s, "C|part_of"):
            continue  # "зі складу полку": "of the regiment's strength", no warehouse ("склад")
        if t[2] - t[1] == 1 and t[1] > s.start and ctx.tokens[t[1]].text[:1].isupper() and \
                any(p.start <= t[1] < p.end for p in s.places):
            continue  # "в Шахтах": the town of Shakhty ("mines"), not a mine
        if t[2] in staff or any(a <= t[1] < b for a, b in described):
            continue  # "railway workers"; "the town that serves the nuclear plant"
        if _negated(ctx, s, t[1]):
            continue
        out.append(t)
    plants = [t for t in out if t[0] in _PLANTS]
    if plants:  # "an auxiliary transformer of the Kursk nuclear power plant": the plant's own
        out = [t for t in out if t[0] != "T|energy.power_grid" or not any(
            0 < p[1] - t[2] <= 3 and (ctx.tokens[t[2]].lower_ in _PART_OF or (
                ctx.language != "en" and ctx.tokens[t[2]].lower_ not in _AND))
            for p in plants)]  # uk/ru: "підстанцію Запорізької АЕС" (a genitive)
    if any(t[0] != "T|civilian" for t in out):  # "the roof of a building on the plant's site"
        parts = [t for t in s.terms if t[0] in ("C|building_part", "C|generic_facility")]
        out = [t for t in out if t[0] != "T|civilian" or not any(
            p[1] <= t[1] and t[2] <= p[2] for p in parts)]
    # "підприємство енергетичної інфраструктури", "enterprise of energy infrastructure":
    # a generic head noun modified by a more specific target is that target
    generic = ("T|civilian", "T|infrastructure.other")
    return [t for t in out if not (t[0] in generic and any(
        o[0] not in generic and (o[1] == t[2] or (o[1] == t[2] + 1 and
                                                 ctx.tokens[t[2]].lower_ == "of")) for o in out))]


def _own_date(ctx: _Context, s: Sentence,
              anchor: int | None = None) -> tuple[dt.date | None, str, str] | None:
    """The date a sentence gives: an absolute date (the one nearest ``anchor``; with none, the
    first date written in digits, else the last; no date when that is "last week" or "early
    March"), else "yesterday" (D-1), else "overnight"/"today"/"in the past 24 hours" (D)."""
    cues = [c for c in _dates(ctx, s) if c.date is not None or c.precision != "day"]
    if cues:
        if anchor is None:  # a sentence lending its date: its written date before a weekday
            written = [c for c in cues if any(ch.isdigit() for ch in c.text)]
            best: DateCue = written[0] if written else cues[-1]
        else:
            at = ctx.tokens[anchor].idx - s.char_start
            best = min(cues, key=lambda c: abs(c.offset - at))
        return best.date, best.precision, f"date {best.text!r}"
    if s.has("C|yesterday") and ctx.published:
        word = _span(ctx, *s.first("C|yesterday")[1:])
        return ctx.published - dt.timedelta(days=1), "day", f"{word!r} = publication day - 1"
    if s.has("C|today") and ctx.published:
        word = _span(ctx, *s.first("C|today")[1:])
        return ctx.published, "day", f"{word!r} = publication day"
    return None


def _date_of(ctx: _Context, s: Sentence, anchor: int,
             place_from: Sentence | None = None) -> tuple[dt.date | None, str | None, str]:
    """The date of a report from sentence ``s``: its own date cue, else that of the sentence
    its place comes from, else of an earlier sentence of the paragraph, else the day of
    publication (docs/labeling.md)."""
    found = _own_date(ctx, s, anchor)
    if found:
        return found[0], found[1], f"{found[2]} in the sentence"
    if s.has("C|period"):  # "over the past month, ...", "the refinery has previously been hit"
        return None, None, "a span of weeks or months, or an earlier time, no day"
    if place_from is not None:
        found = _own_date(ctx, place_from)
        if found:
            return found[0], found[1], f"{found[2]} of the sentence naming the place"
    relative = None  # "in the morning" of an earlier sentence yields to "on 11 April" before it
    for prev in reversed(ctx.sentences[:s.index]):
        if prev.paragraph != s.paragraph or prev.skip:
            break
        if not (prev.has("C|attack") or prev.has("C|damage") or prev.all("T|") or
                prev.text.rstrip().endswith("?")):
            continue  # "the talks are set for Thursday" tells no strike ("what happened on 11
            # April?" asks about one)
        found = _own_date(ctx, prev)
        if found and not found[2].endswith("= publication day"):
            return found[0], found[1], f"{found[2]} of an earlier sentence"
        relative = relative or found
    if relative:
        return relative[0], relative[1], f"{relative[2]} of an earlier sentence"
    if ctx.published:
        return ctx.published, "day", "no date cue: publication day"
    return None, None, "no date cue and no publication date"


_HISTORY_DAYS = 180  # a strike dated longer before publication is background, not news
_CONTEXT = 3  # sentences back to look for the place of a report that names none
_DATELINE_TOKENS = 6  # "Запоріжжя.", "KHARKIV, Ukraine, March 5 -": a place heading the text


def _home_place(ctx: _Context) -> PlaceMention | None:
    """The place a whole document reports from: a dateline (a first sentence that is little
    more than a place name), else the one region every place named in it lies in. A report
    that names no place and follows none gets this place."""
    told = [s for s in ctx.sentences if not s.skip]
    if told and _is_dateline(told[0]):
        return told[0].places[0]
    named = [p for s in told for p in s.places]
    if named and len({p.admin1 for p in named}) == 1:
        return named[0]
    return None


def _context_place(ctx: _Context, s: Sentence) -> tuple[PlaceMention, Sentence] | None:
    """The place of an earlier report close before, or of a dateline heading this item."""
    for prev in reversed(ctx.sentences[max(0, s.index - _CONTEXT):s.index]):
        if not prev.places or prev.skip:
            continue
        if _is_dateline(prev) or ((prev.has("C|attack") or prev.has("C|damage")) and
                                  _skip_reason(ctx, prev) is None):
            return prev.places[-1], prev
    return None


def _is_dateline(s: Sentence) -> bool:
    """A sentence that is little more than a place name: "Нікополь.", "KHARKIV, Ukraine -",
    "Курская область."."""
    return bool(s.places) and s.places[0].start == s.start and \
        s.end - s.start <= _DATELINE_TOKENS and \
        all(t[0] in ("C|region_noun", "C|district_noun") for t in s.all("C|"))


def _same_time(ctx: _Context, s: Sentence, other: Sentence) -> bool:
    """False when ``s`` gives its own absolute date and ``other`` gives another (or none)."""
    own = {c.date for c in _dates(ctx, s) if c.date}
    if not own:
        return True
    theirs = {c.date for c in _dates(ctx, other)
              if c.date}
    return bool(own & theirs)


def _pick(mention: PlaceMention, ctx: _Context) -> Entry:
    for entry in mention.entries:
        if entry.admin1 in ctx.doc_regions:
            return entry
    return mention.entries[0]


def _pair(ctx: _Context, s: Sentence, targets: list[Term]) -> list[tuple[Term | None,
                                                                           PlaceMention | None]]:
    """Each place with the nearest target before it (else after it); targets left over get
    the nearest place, or none."""
    places = list(s.places)
    # «Троицкая» after "подстанция" may name the facility: keep it only where it agrees with
    # the other places of the sentence
    quoted = [p for p in places if p.start > 0 and ctx.tokens[p.start - 1].text in "«\"“„'"]
    others = {p.admin1 for p in places if p not in quoted}
    if quoted and others:
        places = [p for p in places if p not in quoted or p.admin1 in others]
    borders = [t[1] for t in s.terms if t[0] == "C|border"]
    if borders:  # "on the border of Kursk region with Sumy region": the first place only
        places = [p for p in places if not any(0 < p.start - b <= 8 for b in borders)] or \
            places[:1]
    pairs: list[tuple[Term | None, PlaceMention | None]] = []
    used: set[Term] = set()
    for place in places:
        if _placed_elsewhere(ctx, s, place, targets, places):
            continue
        named = [t for t in targets if t[1] == place.end or (
            t[1] == place.end + 1 and ctx.tokens[place.end].lower_ not in _AND)]
        if named:  # "the Svatovo gas distribution station": the place names the target
            used.add(named[0])
            pairs.append((named[0], place))
            continue
        before = [t for t in targets if t[2] <= place.start]
        after = [t for t in targets if t[1] >= place.end]
        target = before[-1] if before else (after[0] if after else None)
        if target is None:
            pairs.append((None, place))
            continue
        used.add(target)
        pairs.append((target, place))
    for target in targets:
        if target in used:
            continue
        if _of_a_country(ctx, target):  # "объекты энергетики Украины, ..., аэродром в
            pairs.append((target, None))  # Хмельницкой области": the country, no region
            continue
        nearest = min(places, key=lambda p: abs(p.start - target[1]), default=None)
        pairs.append((target, nearest))
    return pairs


_COUNTRY_OF = frozenset({"украины", "україни", "россии", "росії", "рф"})


def _of_a_country(ctx: _Context, target: Term) -> bool:
    """"energy facilities of Ukraine", "объекты энергетики Украины": a whole country's."""
    after = [t.lower_ for t in ctx.tokens[target[2]:target[2] + 2]]
    return bool(after) and (after[0] in _COUNTRY_OF or after[:2] in (["of", "ukraine"],
                                                                     ["of", "russia"]))


def _placed_elsewhere(ctx: _Context, s: Sentence, place: PlaceMention, targets: list[Term],
                      places: list[PlaceMention]) -> bool:
    """"the Dnipro hydroelectric station in Zaporizhzhia": a name before a facility that the
    sentence then places "in" another place is the facility's name, not where it is."""
    named = next((t for t in targets if t[1] == place.end), None)
    if named is None:
        return False
    return any(other is not place and 0 < other.start - named[2] <= 2 and
               "C|locative" in _labels_at(s, other.start - 1) for other in places)


def _located(ctx: _Context, s: Sentence) -> list[PlaceMention]:
    """The places where something in ``s`` may have happened: not a capital standing for its
    government, nor (while another place remains) a landmark a place is described by ("a
    substation in Nikopol, across the reservoir from Enerhodar")."""
    places = [p for p in s.places if not _is_actor(ctx, s, p) and not _names_a_weapon(ctx, s, p)]
    places = [p for p in places if not _outside_its_region(ctx, p, places)]
    aways = [t[2] for t in s.terms if t[0] == "C|away"]
    if aways:
        places = [p for p in places if not any(0 <= p.start - a <= 2 for a in aways)] or \
            [p for p in places[:1] if not _a_capital(s, p)]  # "850 km southeast of Moscow"
    return places


def _a_capital(s: Sentence, place: PlaceMention) -> bool:
    """Whether the place is a capital (a name that also stands for its government)."""
    return any(t[0].startswith("A|") and t[1] <= place.start < t[2] for t in s.terms)


_QUOTES = frozenset("«»\"“”„'‘’")


def _names_a_weapon(ctx: _Context, s: Sentence, place: PlaceMention) -> bool:
    """"БПЛА «Дартс»", "'Poltava' drones": a quoted name right beside a weapon is its model."""
    k, after = place.start - 1, place.end
    if k < s.start or after >= s.end or ctx.tokens[k].text not in _QUOTES or \
            ctx.tokens[after].text not in _QUOTES:
        return False
    return any(t[0].startswith("W|") and (t[2] == k or t[1] == after + 1) for t in s.terms)


_BETWEEN_OK = frozenset({"and", "or", "і", "й", "та", "и", "или", "або"})


def _outside_its_region(ctx: _Context, place: PlaceMention, places: list[PlaceMention]) -> bool:
    """"В Белгородской области беспилотники атаковали посёлок Октябрьский": a settlement told
    after a region, in the same clause, lies in it. When no settlement of that name does, the
    name is a homonym of a place elsewhere (or a village the gazetteer lacks): not a place of
    its own; the region stands."""
    if place.region:
        return False
    before = [p for p in places if p.region and p.end <= place.start]
    if not before:
        return False
    region = before[-1]
    if any(e.admin1 == region.admin1 for e in place.entries):
        return False
    between = ctx.tokens[region.end:place.start]
    return not any(t.is_punct or t.lower_ in _BETWEEN_OK for t in between) and not any(
        p.start >= region.end and p.end <= place.start for p in places if p is not place)


#: Words of saying, claiming and denying: a capital right beside one speaks for its government
_VOICE = frozenset({"C|speech", "C|denial", "C|accuse", "C|claim_noun"})


def _is_actor(ctx: _Context, s: Sentence, place: PlaceMention) -> bool:
    """True for "Kyiv denied", "Moscow said", "the Kiev regime": a capital used for its
    government (a bare name after "in", "on", "over" ... stays a place)."""
    actors = [t for t in s.terms if t[0].startswith("A|") and t[1] <= place.start < t[2]]
    if not actors:
        return False
    if any(t[2] - t[1] > place.end - place.start for t in actors):
        return True
    if any(t[0] in _VOICE and 0 <= t[1] - place.end <= 3 for t in s.terms):
        return True  # "в Киеве эти обвинения отвергли", "in Moscow, officials said"
    if any(t[0] in _VOICE and 0 <= place.start - t[2] <= 1 for t in s.terms):
        return True  # "обвинения Москвы", "заява Києва": the capital's words, not a place
    if "C|region_noun" in _labels_at(s, place.end) or place.region:
        return False  # "the Kyiv region", "Київщина": a region is never a government
    if attribution.possessive(ctx.doc, place.end):  # "Moscow's campaign", not "Kyiv's power plant"
        return not any(t[0].startswith("T|") and 0 < t[1] - place.end <= 4 for t in s.terms)
    if "C|settlement_noun" in _labels_at(s, place.start - 1):
        return False  # "the Ukrainian capital Kyiv", "the city of Moscow"
    if any(t[0] == "C|attack" and 0 <= place.start - t[2] <= 1 and
           lemmatizer(ctx.language).can_be_verb(ctx.tokens[t[2] - 1].text) for t in s.terms):
        return False  # "«Шахеди» атакували Київ": the place hit ("удары Киева": the attacker)
    k = place.start - 1
    while k > s.start and ctx.tokens[k].lower_ == "the":
        k -= 1  # "in the Kharkiv city council"
    return k < s.start or "C|locative" not in _labels_at(s, ctx.tokens[k].i)


def _labels_at(s: Sentence, index: int) -> set[str]:
    return {t[0] for t in s.terms if t[1] == index}


_ANAPHORA_REACH = 4  # sentences back that "the site" may refer to
_ANAPHORA_PARAGRAPHS = 4  # and paragraphs back: sites that give each sentence its own paragraph


def _anaphoric_target(ctx: _Context, s: Sentence,
                      target: Term | None) -> tuple[str, str, set[str]] | None:
    """"the enterprise", "підприємство", "the buildings" with no place of its own, shortly
    after a report of a refinery, plant or substation in the same paragraph: that same
    target (its site, its buildings), not a new civilian one."""
    if target is None or target[0] != "T|civilian":
        return None
    if not any(t[0] in ("C|generic_facility", "C|building_part") and t[1] <= target[1] < t[2]
               for t in s.terms):
        return None
    recent = [i for i in ctx.event_targets if 0 < s.index - i <= _ANAPHORA_REACH and
              ctx.event_targets[i][0] != "civilian" and
              s.paragraph - ctx.sentences[i].paragraph <= _ANAPHORA_PARAGRAPHS]
    return ctx.event_targets[max(recent)] if recent else None


def _lists_regions(s: Sentence, told: set[str]) -> bool:
    """True when a sentence names two or more regions besides those where the target before
    was told ("drones were downed over A, B and C regions", "A, B and C were left without
    power"): with no attack or target of its own, it does not spread one site over a list."""
    return len({p.admin1 for p in s.places if p.admin1} - told) >= 2


def _sentence_candidates(ctx: _Context, s: Sentence,
                         earlier: list[Candidate]) -> list[Candidate]:
    reason = _skip_reason(ctx, s)
    if reason:
        return []
    targets = _targets(ctx, s)
    triggers = _triggers(s)
    anchor = triggers[0][1]
    has_attack = s.has("C|attack")
    weapons = s.all("W|")
    explicit_date = bool(_dates(ctx, s)) or \
        s.has("C|today") or s.has("C|yesterday")
    if targets:
        first = targets[0]
        told = _anaphoric_target(ctx, s, first) if not s.places else None
        ctx.event_targets[s.index] = told or (first[0][2:], _span(ctx, first[1], first[2]),
                                              {p.admin1 for p in s.places})
    despite = [t[1] for t in s.terms if t[0] == "C|despite"]
    if any(t[0] == "C|agreement" and not any(d < t[1] for d in despite) for t in s.terms) \
            and not s.places and not any(
            t[0] == "C|damage" and not _inside(t, s, "C|agreement") for t in s.terms):
        return []  # "agreed to stop strikes"; but "damaged, supply stopped" is a report, and
        # "hit a substation in spite of the truce" reports the strike
    pairs = _pair(ctx, s, targets)
    made: list[Candidate] = []
    inherited = None
    consequence = False
    if not targets:
        recent = [i for i in ctx.event_targets if 0 < s.index - i <= 3]
        # "as a result of the shelling, ...": what follows is what the attack just reported
        # did (a sentence that reported none, "we strike only military targets", tells none)
        consequence = s.has("C|consequence") and bool(recent) and any(
            c.sentence is ctx.sentences[max(recent)] for c in earlier)
        if recent and (s.has("C|damage") or s.has("C|anaphora") or consequence) and \
                (s.places or not has_attack or s.has("C|anaphora") or consequence) and \
                (not has_attack or s.has("C|pronoun") or consequence or
                 _same_time(ctx, s, ctx.sentences[max(recent)])):
            # an attack told with a date of its own is another event ("on 3 June drones hit
            # the town"), unless a pronoun or a consequence points back ("hit it again")
            inherited = ctx.event_targets[max(recent)]
        elif recent and not ctx.event_targets[max(recent)][2] and _lists_regions(s, set()) and \
                (s.has("C|namely") or (has_attack and not weapons)) and \
                ctx.sentences[max(recent)].paragraph == s.paragraph:
            # "Russia struck energy facilities. It concerns the A, B and C regions" / "Under
            # strikes were A, B and C": where the report before, which named no place, happened
            # ("missiles and drones struck targets in A, B and C" is a report of its own)
            inherited = ctx.event_targets[max(recent)]
        if inherited is not None and _lists_regions(s, inherited[2]):
            # with no attack of its own the list is of drones downed or lights out; with one,
            # "objects in A, B and C were hit" says energy was hit there, not which plant
            inherited = None if not (has_attack or consequence or s.has("C|namely")) else \
                ("energy.other", inherited[1], inherited[2]) \
                if inherited[0].startswith("energy.") else inherited
    for target, place in pairs or [(None, None)]:
        weak = False
        anaphoric = _anaphoric_target(ctx, s, target) if place is None else None
        if anaphoric is not None:
            cls, target_text = anaphoric[0], anaphoric[1]
            why = f"{_span(ctx, target[1], target[2])!r} refers to the {target_text!r} just before"
        elif target is not None:
            cls = target[0][2:]
            target_text = _span(ctx, target[1], target[2])
            why = f"target phrase {target_text!r} -> {cls}"
        elif inherited is not None and (place is None or not inherited[2] or
                                        place.admin1 in inherited[2] or
                                        ((s.has("C|anaphora") or consequence) and (
                                            not has_attack or s.has("C|generic_facility")))):
            cls, target_text = inherited[0], inherited[1]
            why = f"no target phrase; follows the report of {target_text!r} just before"
            if cls == "energy.other" and _lists_regions(s, inherited[2]):
                why += f"; a list of regions -> {cls}, not the kind of one site"
            if s.has("C|outage") and not cls.startswith("energy.") and \
                    _lists_regions(s, inherited[2]):
                cls, target_text = "energy.power_grid", None  # regions left without power
                why = "no target phrase; regions without power after a report of another kind"
        elif s.has("C|outage") and has_attack:
            cls, target_text, weak = "energy.power_grid", None, True
            why = "no target phrase; an attack caused a power outage"
        elif has_attack and place is not None and (weapons or s.has("C|damage")):
            cls, target_text, weak = "unknown", None, True
            why = "attack on a named place; the text names no target"
        else:
            continue
        if cls == "energy.power_generation" and target_text and \
                target_text.lower().startswith("power ") and s.has("C|outage"):
            cls = "energy.power_grid"
            why += "; 'power facility' with an outage -> energy.power_grid (docs/labeling.md)"
        mention = place
        place_why = "place named in the sentence"
        place_from = None
        nationwide = target is not None and (_of_a_country(ctx, target) or any(
            a[0].startswith("A|") and a[0].endswith("|attacker") and a[2] == target[1]
            for a in s.terms))  # "Russian energy facilities": that country's, no one region
        # "energy facilities of Ukraine" lie in no one region; a sentence naming places lends none
        if mention is None and not s.places and not nationwide:
            found = _context_place(ctx, s)
            if found and (_same_time(ctx, s, found[1]) or s.has("C|anaphora") or consequence):
                mention, place_from = found
            place_why = "place of an earlier sentence"
        if mention is None and not s.places and ctx.home is not None and not nationwide:
            mention, place_why = ctx.home, "the place the document reports from"
        if mention is None and not explicit_date:
            continue
        entry = _pick(mention, ctx) if mention else None
        date, precision, date_why = _date_of(ctx, s, target[1] if target else anchor, place_from)
        prior = [c for c in earlier if c.sentence is place_from]
        if s.has("C|same_time") and earlier and not _dates(ctx, s):
            date, precision = earlier[-1].date, earlier[-1].precision
            date_why = f"'the same' time as the report before ({date})"
        elif s.has("C|next_day") and earlier and earlier[-1].date and not _dates(ctx, s):
            date, precision = earlier[-1].date + dt.timedelta(days=1), earlier[-1].precision
            date_why = f"'the next day' after the report before ({date})"
        elif prior and "of the sentence naming the place" in date_why:
            # the same event told on: the date of the report already made from that sentence
            date, precision = prior[-1].date, prior[-1].precision
            date_why = f"date of the report of the sentence naming the place ({date})"
        elif why.startswith("no target phrase; follows") and not has_attack and (
                followed := [c for c in earlier if c.target_class == cls]):
            # "... power restored by the morning of 3 June": what the attack before did
            date, precision = followed[-1].date, followed[-1].precision
            date_why = f"date of the report it follows ({date})"
        if date and ctx.published and (ctx.published - date).days > _HISTORY_DAYS:
            continue  # "on 10 October 2022 Russia first struck the grid": history told again
        weapon = None
        if weapons:
            ref = target[1] if target else anchor
            weapon = min(weapons, key=lambda w: abs(w[1] - ref))[0][2:]
        made.append(Candidate(
            sentence=s, anchor=target[1] if target else anchor, target_class=cls,
            target_text=target_text, place=entry,
            date=date, precision=precision,
            weapon=weapon, perpetrator=None, claimed_by=None, negated=False,
            confidence=0.0, weak=weak,
            generic=cls == "energy.other" and (target is None or any(
                t[0] == "C|generic_energy" and t[1] <= target[1] < t[2] for t in s.terms)),
            vague=target is not None and anaphoric is None and _inside(target, s, "C|vague_target"),
            reasons={
                "target_class": why,
                "place": (f"{place_why}: {admin1_name(entry.admin1)}" if entry
                          else "a whole country's target" if nationwide else "no place named"),
                "date": date_why,
            },
        ))
    return made


# --- attribution --------------------------------------------------------------------------


def _attribute(ctx: _Context, candidates: list[Candidate]) -> None:
    sources: dict[int, str] = {}
    for s in ctx.sentences:
        if s.skip:
            continue
        found = attribution.source_of(ctx.doc, s, ctx.profile)
        if found:
            sources[s.index] = found[0]
    first_source = next(iter(sources.values()), None) if sources else None
    signed = attribution.signatory(ctx.sentences)
    profile = ctx.profile
    tally: dict[str, int] = {}
    for s in ctx.sentences:
        if not s.skip:
            for actor in attribution.attackers(ctx.doc, s, ctx.language, profile):
                if profile.is_side(actor.party):
                    tally[actor.party] = tally.get(actor.party, 0) + 1
    main_attacker = max(tally, key=tally.get) if (tally and len(set(tally.values())) > 1) or \
        len(tally) == 1 else None
    recap = tuple(p.lower() for p in ctx.lexicon.cues.get("recap", ()))
    denying = {s.index: sides for s in ctx.sentences if (sides := _denied_by(ctx, s))}
    denials: dict[int, list[str]] = {}
    for s in ctx.sentences:
        if not s.skip:
            parties = attribution.deniers(ctx.doc, s, profile) or denying.get(s.index)
            if parties:
                denials[s.index] = parties
    for c in candidates:
        s = c.sentence
        country = c.admin1[:2] if c.admin1 else None
        # claimant
        disputed = [t[0].split("|")[1] for t in s.terms if t[0].endswith("|source")
                    and profile.is_side(t[0].split("|")[1])
                    and t[0].split("|")[1] not in denials.get(s.index, profile.sides)]
        if disputed:  # "X denied the Russian ministry's claim that ...": the claim is Russia's
            party, claim_why = disputed[0], "the party whose claim the sentence denies"
        elif s.index in sources:
            party, claim_why = sources[s.index], "speaker of the sentence"
        elif s.text.lower().lstrip("«\"“ ").startswith(recap):
            party, claim_why = "media", "the outlet's own recap"
        else:
            prev = [i for i in sources if i < s.index]
            if prev:
                party, claim_why = sources[max(prev)], "speaker of an earlier sentence"
            elif first_source:
                party, claim_why = first_source, "the document's source"
            elif signed:
                party, claim_why = signed, "the official who signs the text"
            else:
                party, claim_why = "media", "no official source named: the outlet"
        if party == "generic":
            before = [sources[i] for i in sources if i <= s.index and profile.is_side(sources[i])]
            after = [sources[i] for i in sources if i > s.index and profile.is_side(sources[i])]
            party = before[-1] if before else after[0] if after else \
                profile.opposite(main_attacker) or country
            claim_why += " (a ministry or military of the side reporting attacks on itself)"
        local = party == "local"
        if local:
            party = country or (ctx.doc_regions and ctx.doc_regions[0][:2]) or None
            claim_why += " (a local official)"
        c.claimed_by = party
        c.reasons["claimed_by"] = claim_why
        # perpetrator
        actors = attribution.attackers(ctx.doc, s, ctx.language, profile)
        perp_why = ""
        if not actors:
            for prev_s in reversed(ctx.sentences[max(0, s.index - 2):s.index]):
                if prev_s.paragraph == s.paragraph and not prev_s.skip:
                    actors = attribution.attackers(ctx.doc, prev_s, ctx.language, profile)
                    if actors:
                        perp_why = " of an earlier sentence"
                        break
        if actors:
            ref = c.anchor if perp_why == "" else s.start
            actors = [a for a in actors if a.token <= ref + 8]
        if actors:
            # nearest to the target (before it counts half), bare country names last
            actor = min(actors, key=lambda a: ((ref - a.token) * 0.5 if a.token <= ref else
                                               a.token - ref) + (0 if a.strong else 6))
            perp = actor.party
            if perp == "enemy":
                perp = profile.opposite(party) if profile.is_side(party) else \
                    profile.opposite(country)
            elif perp == "self":  # "its forces struck": the side making the claim
                perp = party if profile.is_side(party) else profile.opposite(country)
            c.perpetrator = perp
            c.reasons["perpetrator"] = f"attacker {actor.text!r}{perp_why}"
            if local and perp is not None and perp == party and profile.is_side(actor.party):
                # officials do not report their own side's strikes on their own territory:
                # a local official blaming Kyiv for a strike in Ukraine is an occupation one
                c.claimed_by = party = profile.opposite(perp)
                c.reasons["claimed_by"] += f" who blames {perp}: an official of {party}"
        elif owned := attribution.owners(s, profile):
            c.perpetrator = profile.opposite(owned[0])
            c.reasons["perpetrator"] = f"no attacker named; the target belongs to {owned[0]}"
        elif profile.accuses_opponent(party) and profile.opposite(party):
            c.perpetrator = profile.opposite(party)
            c.reasons["perpetrator"] = (f"no attacker named; claimed by {profile.party_name(party)}"
                                        f" -> {profile.party_name(c.perpetrator)}")
        elif country:
            holder = held_by(c.admin1, profile.name)
            c.perpetrator = profile.opposite(holder)
            c.reasons["perpetrator"] = f"no attacker named; target in {country}" + (
                f" (a region held by {holder})" if holder != country else "")
        else:
            c.perpetrator = profile.opposite(party) if profile.is_side(party) else None
            c.reasons["perpetrator"] = "no attacker named; opposite of the claimant" \
                if c.perpetrator else "no attacker named"
        if c.claimed_by in denials.get(s.index, ()) and c.perpetrator == c.claimed_by and \
                profile.opposite(c.perpetrator):
            # "the Kremlin denies accusations that Russia struck ...": the accusers' claim
            c.claimed_by = profile.opposite(c.perpetrator)
            c.negated = True
            c.reasons["claimed_by"] = "the side the denial in the sentence answers"
            c.reasons["negated"] = f"denied by {c.perpetrator} in the same sentence"
        # confidence
        score = 0.35
        score += 0.15 if c.reasons["place"].startswith("place named") else 0.0
        score += 0.1 if c.reasons["date"].startswith("date") else 0.0
        score += 0.1 if c.reasons["perpetrator"].startswith("attacker") else 0.0
        score += 0.15 if c.target_text else 0.0
        score += 0.1 if s.index in sources else 0.0
        score -= 0.15 if s.has("C|hedge") else 0.0
        score -= 0.1 if c.weak else 0.0
        score -= 0.2 if s.has("C|denial") or s.has("C|accuse") else 0.0  # a contested line
        c.confidence = round(min(0.95, max(0.05, score)), 2)
    candidates[:] = [c for c in candidates if c.sentence.index not in denying or
                     c.reasons["place"].startswith("place named")]  # no borrowed place
    for c in candidates:
        denier = denying.get(c.sentence.index)
        if denier:  # "Ukrainian forces did not strike ...": the other side's claim, denied
            c.perpetrator, c.claimed_by = denier[0], profile.opposite(denier[0])
            c.negated = True
            c.reasons["perpetrator"] = f"the side said not to have attacked ({denier[0]})"
            c.reasons["claimed_by"] = "the side whose claim the denial answers"
            c.reasons["negated"] = "the sentence says the attack did not happen"
    _negate(ctx, [c for c in candidates if c.sentence.index not in denying], denials)


def _negate(ctx: _Context, candidates: list[Candidate], denials: dict[int, list[str]]) -> None:
    """A denial by party X answers the latest claim before it made by someone other than X
    about what the denial names (its target kind or region, when it names either); the
    reports of that claim that accuse X are negated."""
    for d, parties in denials.items():
        said = ctx.sentences[d]
        kinds = {target_group(t[0][2:]) for t in said.all("T|")}
        regions = {p.admin1 for p in said.places}
        for party in dict.fromkeys(parties):
            claims = [c.sentence.index for c in candidates
                      if c.sentence.index <= d and c.claimed_by != party and (
                          not (kinds or regions) or target_group(c.target_class) in kinds
                          or c.admin1 in regions)]
            latest = max(claims, default=None)
            if latest is None or d - latest > 5:
                continue
            for c in candidates:
                if c.sentence.index == latest and c.perpetrator == party:
                    c.negated = True
                    c.reasons["negated"] = f"denied by {party} (sentence {d + 1})"
