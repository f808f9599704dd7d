"""Who is said to have attacked, who says so, and who denies it.

* Attacker: actor phrases of the lexicon ("Ukrainian drones", "російські війська", "ВСУ",
  "the enemy") near the attack words. A bare country name or adjective (a party's one-word
  names, adjectives, demonyms and aliases in its profile: "Russia", "Україна", "российский")
  counts only as the subject of an attack word close after it (uk/ru: in a nominative form)
  or after "by"; "Russia's Kursk region" or "Russian air defence" are not attackers.
* Claimant: a source phrase ("Russia's defence ministry", "Генштаб", "губернатор") in a
  sentence with a speech word ("said", "заявив", "сообщил", "according to").
* Denial: a denial word ("denied", "fake", "безпідставні", "отвергает") or a counter-accusation
  by the party accused, close to the claim.

Whose words are whose, and which parties are the sides, is the conflict profile's
(:class:`trucewatch.profiles.Profile`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from trucewatch.lang.lemmas import lemmatizer
from trucewatch.profiles import Profile

from .segment import Sentence

__all__ = ["Actor", "attackers", "deniers", "owners", "signatory", "source_of"]

_BY = frozenset({"by", "від", "со", "стороны"})
_FOR_THE_USE_OF = frozenset({"интересах", "інтересах", "нужд", "потреб", "serving", "supplying",
                             "обеспечения", "забезпечення", "supporting"})
_NOT_ATTACKER_NEXT = frozenset({
    "'s", "regions", "region", "territory", "side", "energy", "infrastructure", "air", "border",
    "city", "cities", "officials", "authorities", "ministry", "-", "controlled", "oblast",
    "gas", "president", "leader", "defence", "defense", "foreign", "government", "people",
    "civilians", "town", "village", "troops'",
})


#: Verbs of losing right after an actor (English forms; Ukrainian and Russian lemmas): it is
#: the side that was hit.
_LOSES = frozenset({"lost", "loses", "lose", "втратити", "потерять", "лишиться"})
#: Words for people who speak: "Russian military officials called it ...", "як заявили
#: російські посадовці": the side named before them speaks; it does not attack
_SPEAKERS_NEXT = frozenset({
    "officials", "official", "authorities", "sources", "spokesman", "spokeswoman",
    "spokesperson", "media", "bloggers", "representatives", "посадовці", "посадовців",
    "посадовець", "чиновники", "чиновників", "чиновников", "влада", "власти", "джерела",
    "источники", "представники", "представители", "речник", "ЗМІ", "СМИ", "официальные",
    "офіційні", "блогери", "блогеры",
})
#: Prepositions of what an attack is aimed at: "shelling of Russian troops", "an attack on
#: Ukrainian positions", "удар по позиціях ЗСУ", "обстрел по российским войскам"
_AIMED_AT = frozenset({"against", "по", "проти", "против"})
_AIMED_AFTER_ATTACK = frozenset({"of", "on", "at"})


@dataclass(frozen=True, slots=True)
class Actor:
    party: str  # a party code of the profile, or local, generic, enemy or self
    token: int
    text: str
    strong: bool


@cache
def _bare(profile: Profile) -> frozenset[str]:
    """The parties' one-word names, adjectives, demonyms and aliases in every language."""
    return frozenset(word.lower() for language in profile.languages
                     for code in profile.parties for word in profile.words(language).of(code).bare)


@cache
def _country_names(profile: Profile) -> frozenset[str]:
    """The parties' one-word names, abbreviations aside: singular nouns ("Україна")."""
    return frozenset(word.lower() for language in profile.languages
                     for code in profile.parties for word in profile.words(language).of(code).names
                     if " " not in word and not word.isupper())


def attackers(doc: Doc, sentence: Sentence, language: str, profile: Profile) -> list[Actor]:
    """Attacker mentions of a sentence that are not part of a source phrase."""
    if sentence.attackers is None:
        sentence.attackers = _attackers(doc, sentence, language, profile)
    return sentence.attackers


def _attackers(doc: Doc, sentence: Sentence, language: str, profile: Profile) -> list[Actor]:
    bare_words = _bare(profile)
    sources = [(t[1], t[2]) for t in sentence.terms if t[0].endswith("|source")]
    triggers = {t[1] for t in sentence.terms
                if t[0] in ("C|attack", "C|damage") or t[0].startswith("W|")}
    target_starts = {t[1] for t in sentence.terms if t[0].startswith("T|")}
    found: list[Actor] = []
    for label, start, end in sentence.terms:
        if not (label.startswith("A|") and label.endswith("|attacker")):
            continue
        if any(s <= start and end <= e and (e - s) > (end - start) for s, e in sources):
            continue
        if any(t[0] == "C|denial" and 0 <= t[1] - end <= 4 for t in sentence.terms):
            continue  # "Сили оборони до цього не причетні"
        if any(t[0] == "C|speech" and 0 <= t[1] - end <= 1 for t in sentence.terms):
            continue  # "Генштаб заявив": a speaker
        party = label.split("|")[1]
        tokens = doc._.tw_tokens or list(doc)
        if any(tokens[k].lower_ in _SPEAKERS_NEXT or tokens[k].text in _SPEAKERS_NEXT
               for k in range(end, min(end + 2, sentence.end))
               if not any(tokens[j].is_punct for j in range(end, k + 1))):
            continue  # "what Russian military officials called", "российские военные чиновники"
        if any(t[0] == "C|response" and 0 <= start - t[2] <= 4 and not any(
                tokens[k].is_punct for k in range(t[2], start)) for t in sentence.terms):
            continue  # "in response to attacks by the Kyiv regime, Russian forces struck": the
            # attack answered, not this one
        if _aimed_at(sentence, tokens, start):
            continue  # "Ukrainian mortar shelling of Russian troops": the side hit
        if _shoots_down(sentence, start, end):
            continue  # "Ukrainian forces shot down Russian drones that then hit houses"
        if any((tokens[k].lemma_ or tokens[k].lower_) in _LOSES
               or tokens[k].lower_ in _LOSES for k in range(end, min(end + 2, sentence.end))):
            continue  # "the enemy lost a fuel depot": the side hit
        text = "".join(t.text_with_ws for t in tokens[start:end]).strip()
        lower = text.lower()
        lemma = (tokens[start].lemma_ or lower) if end - start == 1 else lower
        bare = end - start == 1 and (lower in bare_words or lemma in bare_words)
        if any(start <= t[1] < end < t[2] or t[2] == start
               for t in sentence.terms if t[0].startswith("T|")):
            continue  # "a Ukrainian military airfield", "склад боеприпасов ВСУ": its owner
        if any(tokens[k].lower_ in _FOR_THE_USE_OF for k in range(max(0, start - 2), start)):
            continue  # "используемые в интересах ВСУ", "used by the Russian army": an owner
        if start >= 2 and tokens[start - 1].lower_ in ("of", "the") and any(
                t[0] == "C|region_noun" and start - 3 <= t[2] - 1 < start for t in sentence.terms):
            continue  # "the Samara region of the Russian Federation": a place, not an attacker
        if not bare:
            found.append(Actor(party, start, text, True))
            continue
        nxt = tokens[end].lower_ if end < len(tokens) else ""
        if nxt in _NOT_ATTACKER_NEXT or end in target_starts:
            continue  # "Russia's Kursk region", "российские энергообъекты"
        prev = tokens[start - 1].lower_ if start > 0 else ""
        if prev in _BY or (prev == "the" and start > 1 and tokens[start - 2].lower_ in _BY):
            found.append(Actor(party, start, text, False))
            continue
        window = range(end, min(end + (3 if language == "en" else 6), sentence.end))
        if not any(k in triggers for k in window):
            continue
        if language != "en" and not lemma.endswith(("ський", "ский")) and \
                not lemmatizer(language).can_be_nominative(
                    tokens[start].text, singular=lemma in _country_names(profile)):
            continue
        found.append(Actor(party, start, text, False))
    return found


def _aimed_at(sentence: Sentence, tokens: list, start: int) -> bool:
    """The actor at ``start`` is what an attack is aimed at: after "по", "against" (one word
    such as "позиціях" may come between), or after "of"/"on"/"at" that follows an attack word."""
    attack_ends = {t[2] for t in sentence.terms if t[0] == "C|attack"}
    for k in (start - 1, start - 2):
        if k < sentence.start:
            return False
        word = tokens[k].lower_
        if word in _AIMED_AT:
            return True
        if word in _AIMED_AFTER_ATTACK and k in attack_ends:
            return True
        if k == start - 1 and tokens[k].is_punct:
            return False
    return False


def _shoots_down(sentence: Sentence, start: int, end: int) -> bool:
    """The actor at [start, end) downs the drones or missiles ("Ukrainian forces shot down",
    "які збили українські військові"): a defender, unless it names the weapons itself
    ("Russian drones were shot down")."""
    if any(t[0].startswith("W|") and t[1] < end + 1 and start - 1 < t[2] for t in sentence.terms):
        return False
    return any(t[0] == "C|intercept" and (0 <= t[1] - end <= 2 or 0 <= start - t[2] <= 1)
               for t in sentence.terms)


def owners(sentence: Sentence, profile: Profile) -> list[str]:
    """Parties a target of the sentence belongs to: an actor word right before, inside or
    right after a target phrase ("российские энергообъекты", "a Ukrainian military airfield",
    "склад боеприпасов ВСУ")."""
    targets = [t for t in sentence.terms if t[0].startswith("T|")]
    found = []
    for label, start, end in sentence.terms:
        party = label.split("|")[1] if label.startswith("A|") else None
        if profile.is_side(party) and any(
                end == t[1] or t[2] == start or (t[1] <= start and end <= t[2])
                or (start <= t[1] < end < t[2]) for t in targets):
            found.append(party)
    return found


_DASHES = frozenset({"-", "–", "—"})
_POSSESSIVE = frozenset({"'s", "’s"})


def possessive(doc: Doc, end: int) -> bool:
    """Whether the token at ``end`` makes the words before it a possessive ("Moscow's")."""
    return end < len(doc) and doc[end].lower_ in _POSSESSIVE


_HEADING_CHARS = 60  # "General Staff of the Armed Forces of Ukraine: ..." names the speaker


def source_of(doc: Doc, sentence: Sentence, profile: Profile) -> tuple[str, str] | None:
    """(party, label start token as text key) of the speaker of a sentence, if it has one."""
    attackers_ = [t for t in sentence.terms if t[0].endswith("|attacker")]
    sources = [t for t in sentence.terms if t[0].endswith("|source") and not any(
        a[1] <= t[1] and t[2] <= a[2] and a[2] - a[1] > t[2] - t[1] for a in attackers_)
        and not possessive(doc, t[2])]  # "Moscow's oil refining": an owner, not a speaker
    if not sources:
        return None  # "the Kyiv regime attacked": no speaker
    head = min(sources, key=lambda t: t[1])
    colon = sentence.text.find(":")
    if head[1] == sentence.start and 0 < colon <= _HEADING_CHARS and not any(
            t[0] in ("C|speech", "C|attack") and doc[t[1]].idx - doc[sentence.start].idx < colon
            for t in sentence.terms):
        return head[0].split("|")[1], str(head[1])  # "Укренерго: ...", "General Staff of ...: "
    tail = max(sources, key=lambda t: t[2])
    if tail[1] > sentence.start and doc[tail[1] - 1].text in _DASHES and all(
            doc[k].is_punct or doc[k].is_space for k in range(tail[2], sentence.end)):
        return tail[0].split("|")[1], str(tail[1])  # "..., — Міненерго": a headline's source
    speech = [t[1] for t in sentence.terms if t[0] == "C|speech" and not (
        t[1] > sentence.start and doc[t[1]].text[:1].isupper())]  # not "the United States"
    if not speech and not sentence.text.lower().startswith(("source:", "джерело:", "источник:")):
        return None
    # the subject of the first speech word ("X said ..."), else the source closest to one
    first = min(speech, default=None)
    before = [t for t in sources if first is not None and t[2] <= first]
    if before:
        best = max(before, key=lambda t: (t[2], t[2] - t[1], t[0].split("|")[1] != "local"))
    else:
        best = min(sources, key=lambda t: (min((abs(t[1] - k) for k in speech), default=0),
                                           -(t[2] - t[1]), t[0].split("|")[1] == "local"))
    if best[0].split("|")[1] == "local":  # "Moscow-installed governor": the qualifier's side
        qualifier = [t for t in sources if t[2] in (best[1], best[1] - 1) and
                     profile.is_side(t[0].split("|")[1])]
        if qualifier:
            best = qualifier[0]
    return best[0].split("|")[1], str(best[1])


_SIGNATURE_TOKENS = 12  # "Oleh Syniehubov, head of Kharkiv Regional Military Administration"
_HEADING_TOKENS = 30  # "Сводка Министерства обороны ... (по состоянию на 22 ноября 2025 г.)"


def signatory(sentences: list[Sentence]) -> str | None:
    """The party of the official who signs a post, or of the body whose summary it is: a last
    line that is only a source's title ("Начальник Чернігівської МВА"), else a heading that
    names one ("Сводка Министерства обороны Российской Федерации ..."), with no attack,
    speech or other words of reporting."""
    told = [s for s in sentences if not s.skip]
    if not told:
        return None
    headings = [(line, _HEADING_TOKENS) for line in told[:2]]  # a title, then "X Office, date"
    for line, limit in ((told[-1], _SIGNATURE_TOKENS), *headings):
        sources = [t for t in line.terms if t[0].endswith("|source")]
        if sources and line.end - line.start <= limit and line.text.rstrip()[-1:] not in ".!?" \
                and not any(t[0].startswith(("C|attack", "C|damage", "C|speech"))
                            for t in line.terms):  # "ДТЕК Київські електромережі" names a grid
            return sources[0][0].split("|")[1]
    return None


_REJECTED_WITHIN = 6  # "rejected the Russian defence ministry's claim": a denial


def deniers(doc: Doc, sentence: Sentence, profile: Profile) -> list[str]:
    """Parties that deny (or counter-accuse) in this sentence: the actor nearest before the
    denial word, else nearest after it."""
    about_attack = sentence.has("C|attack") and not sentence.has("C|general")
    claims = [t[1] for t in sentence.terms if t[0] == "C|claim_noun"]
    cues = [t[1] for t in sentence.terms
            if t[0] == "C|denial" or (t[0] == "C|accuse" and about_attack)
            or (t[0] == "C|reject" and any(0 < k - t[2] <= _REJECTED_WITHIN for k in claims))]
    if not cues:
        return []
    actors = [(t[1], t[0].split("|")[1]) for t in sentence.terms if t[0].startswith("A|")]
    actors = [(k, p) for k, p in actors if profile.is_side(p)]
    out = []
    for cue in cues:
        before = [a for a in actors if a[0] < cue]
        after = [a for a in actors if a[0] > cue]
        if before:
            out.append(max(before)[1])
        elif after and any(t[0] == "C|denial" and t[1] == cue for t in sentence.terms):
            out.append(min(after)[1])
    return out
