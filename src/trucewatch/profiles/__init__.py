"""Conflict profiles: the parties, languages, places and words of one conflict, as data.

A profile is a folder under ``trucewatch/profiles/`` (laid out as :mod:`.loader` says); the
readers of texts and statements work under one profile, and the code of trucewatch names no
party, language or place of any conflict. ``docs/profiles.md`` tells how to add one.

    >>> profile = load("russia-ukraine")
    >>> profile.sides, profile.languages
    (('RU', 'UA'), ('en', 'uk', 'ru'))
    >>> profile.opposite("UA")
    'RU'

Party codes are ISO 3166-1 alpha-2 codes for states, and codes a shipped profile defines for
non-state armed groups (:func:`is_party_code`). Event datasets name their own countries, so
their rows are read with the party words of every shipped profile (:func:`dataset_phrases`,
:func:`party_of_actor`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

from trucewatch.errors import UsageError

from . import loader
from .model import KINDS, ROLES, WORD_KINDS, Party, PartyWords, Words

__all__ = [
    "DEFAULT",
    "KINDS",
    "ROLES",
    "WORD_KINDS",
    "Party",
    "PartyWords",
    "Profile",
    "Words",
    "dataset_phrases",
    "every",
    "for_speakers",
    "get",
    "is_party_code",
    "load",
    "names",
    "party_name",
    "party_of_actor",
]

#: The profile used when neither the command, the agreement nor the database names one.
DEFAULT = "russia-ukraine"


@dataclass(frozen=True, eq=False)
class Profile:
    """One conflict: its parties, languages, gazetteer extent and words."""

    name: str
    title: str
    languages: tuple[str, ...]
    countries: tuple[str, ...]  # the gazetteer's extent
    parties: dict[str, Party]
    notes: str = ""

    @property
    def sides(self) -> tuple[str, ...]:
        """The belligerents, in the profile's order: whom "both sides" and "mutual" mean."""
        return tuple(code for code, party in self.parties.items() if party.role == "side")

    def is_side(self, code: str | None) -> bool:
        """Whether ``code`` is one of the belligerents."""
        return code is not None and code in self.parties and self.parties[code].role == "side"

    def opposite(self, code: str | None) -> str | None:
        """The one side ``code`` fights, or None (not a side, or more than one opponent)."""
        if not self.is_side(code):
            return None
        assert code is not None
        opponents = self.parties[code].opposes or tuple(s for s in self.sides if s != code)
        return opponents[0] if len(opponents) == 1 else None

    def accuses_opponent(self, code: str | None) -> bool:
        """Whether a claim by ``code`` that names no attacker accuses its opponent."""
        return self.is_side(code) and self.parties[str(code)].claims_accuse_opponent

    def party_name(self, code: str) -> str:
        """The English name of a party of the profile, else of any party (:func:`party_name`)."""
        return self.parties[code].name if code in self.parties else party_name(code)

    def words(self, language: str) -> Words:
        """The profile's words in ``language`` (none for a language it does not read)."""
        if language not in self.languages:
            return Words(language=language)
        return loader.words(self.name, language)

    def control(self) -> dict[str, str]:
        """Regions wholly held by a party other than their state: code -> that party."""
        return loader.control(self.name)

    def regions(self) -> tuple[dict[str, str], ...]:
        """The gazetteer's hand-written first-level regions: ``code``, ``name_en``,
        ``aliases_<language>`` (``|``-separated) and ``probe_city``."""
        return loader.regions(self.name)

    def extra_places(self) -> tuple[dict[str, str], ...]:
        """Settlements GeoNames leaves out: ``name_en``, ``names``, ``admin1``, ``lat``, ``lon``."""
        return loader.extra_places(self.name)

    def stop_names(self) -> frozenset[str]:
        """Names never matched as places (lower case)."""
        return loader.stop_names(self.name)

    def gazetteer(self) -> str:
        """The generated gazetteer (TSV text; empty before it is built)."""
        return loader.gazetteer_text(self.name)

    def gazetteer_file(self) -> Path:
        """Where the gazetteer builder writes the gazetteer, in a source checkout."""
        return loader.gazetteer_file(self.name)

    def describe(self) -> dict[str, object]:
        """Name, title, parties by role, languages and countries, as plain values."""
        return {"name": self.name, "title": self.title,
                "parties": {code: {"name": p.name, "kind": p.kind, "role": p.role}
                            for code, p in self.parties.items()},
                "languages": list(self.languages), "countries": list(self.countries)}


def names() -> tuple[str, ...]:
    """The shipped profiles' names, alphabetically."""
    return loader.shipped()


@cache
def load(name: str) -> Profile:
    """The shipped profile ``name``, read and checked once per process."""
    data = loader.profile_data(name)
    return Profile(name=name, title=data["title"], languages=data["languages"],
                   countries=data["countries"], parties=data["parties"], notes=data["notes"])


def get(profile: Profile | str | None = None) -> Profile:
    """A profile from itself, its name, or None (the :data:`DEFAULT` profile)."""
    if isinstance(profile, Profile):
        return profile
    return load(profile or DEFAULT)


def for_speakers(codes: Iterable[str | None]) -> Profile:
    """The profile statements are read under when none is named: the :data:`DEFAULT`, unless
    no speaker is a side of it and the speakers that are sides belong to exactly one other
    shipped profile (India's and Pakistan's statements are read with the India–Pakistan
    profile's parties, not with Russia's and Ukraine's).

    >>> for_speakers(["IN"]).name, for_speakers(["RU", "US"]).name, for_speakers(["US"]).name
    ('india-pakistan', 'russia-ukraine', 'russia-ukraine')
    """
    speakers = {code for code in codes if code}
    default = load(DEFAULT)
    if speakers & set(default.sides):
        return default
    found = [p for p in _profiles() if speakers & set(p.sides)]
    return found[0] if len(found) == 1 else default


def every() -> tuple[Profile, ...]:
    """Every shipped profile, in the order of :func:`names`."""
    return tuple(_profiles())


def _profiles() -> Iterable[Profile]:
    return (load(name) for name in names())


@cache
def _parties() -> dict[str, Party]:
    """Every party of every shipped profile; one code means one party everywhere."""
    found: dict[str, tuple[Party, str]] = {}
    for profile in _profiles():
        for code, party in profile.parties.items():
            seen = found.get(code)
            if seen and (seen[0].name, seen[0].kind) != (party.name, party.kind):
                raise UsageError(f"{code} is {seen[0].name} ({seen[0].kind}) in {seen[1]} but "
                                 f"{party.name} ({party.kind}) in {profile.name}",
                                 path=f"profiles/{profile.name}/profile.yaml",
                                 field=f"parties.{code}", hint="one code names one party")
            found.setdefault(code, (party, profile.name))
    return {code: party for code, (party, _) in found.items()}


@cache
def is_party_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code and for a code a shipped profile defines."""
    if code in _parties():
        return True
    return len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None


def party_name(code: str) -> str:
    """A short English name for a party code (``RU`` -> ``Russia``): the profiles' name, else
    the ISO name, else the code itself."""
    if code in _parties():
        return _parties()[code].name
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return country.name if country else code


@cache
def _actor_parties() -> dict[str, str]:
    found: dict[str, str] = {}
    for profile in _profiles():
        for code, actors in loader.dataset_words(profile.name)["actors"].items():
            for actor in actors:
                key = actor.casefold()
                if found.get(key, code) != code:
                    raise UsageError(f"the dataset actor {actor!r} is {found[key]} in one "
                                     f"profile and {code} in {profile.name}",
                                     path=f"profiles/{profile.name}/datasets.yaml",
                                     field=f"actors.{code}")
                found[key] = code
    return found


@cache
def party_of_actor(name: str) -> str | None:
    """The party code of an armed actor as a dataset names it (a profile's ``datasets.yaml``
    ``actors``, or ``Government of <country>``), or None when the actor is no party."""
    name = name.strip()
    code = _actor_parties().get(name.casefold())
    if code is not None or not name.startswith("Government of "):
        return code
    country = name.removeprefix("Government of ").split(" (", 1)[0]
    try:
        found = pycountry.countries.lookup(country)
    except LookupError:
        return None
    return found.alpha_2


@cache
def dataset_phrases(section: str) -> dict[str, tuple[str, ...]]:
    """Phrases of dataset notes by party, from every shipped profile: ``perpetrator`` (who
    attacked) or ``claimant`` (who says so)."""
    found: dict[str, list[str]] = {}
    for profile in _profiles():
        for code, phrases in loader.dataset_words(profile.name)[section].items():
            found.setdefault(code, []).extend(p for p in phrases if p not in found[code])
    return {code: tuple(phrases) for code, phrases in found.items()}
