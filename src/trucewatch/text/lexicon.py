"""Per-language lexicons for extraction: the language's words (YAML under
``trucewatch/taxonomy/lexicons``) joined with one conflict profile's words in that language.

``load(language, profile)`` returns a :class:`Lexicon`: target phrases per taxonomy class, cue
phrases per kind (attack, damage, denial, ...), weapons and actors with the party they belong
to (month, weekday and number words are the shared ones of :mod:`trucewatch.lang.dates`). The
language gives the actors every conflict has (``local``, ``generic``, ``enemy``, ``self``);
the profile gives its parties' words (:mod:`trucewatch.profiles`), its local officials by name
and its companies' facilities. Other parts of trucewatch (readouts) use
``load(lang).targets`` and ``Lexicon.class_of(phrase)`` to map facility wordings to target
classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from trucewatch import profiles
from trucewatch.errors import UsageError
from trucewatch.lang import LANGUAGES
from trucewatch.taxonomy import target_classes

__all__ = ["Lexicon", "load"]

#: Tie-break between classes whose phrases match the same span: the more specific first.
CLASS_PRIORITY = (
    "transport.rail", "energy.nuclear", "energy.hydro", "energy.oil_refinery",
    "energy.oil_gas_network", "energy.power_generation", "energy.power_grid",
    "transport.bridge", "transport.port", "military", "energy.other", "transport.other",
    "infrastructure.other", "civilian", "unknown",
)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The phrases of one language, grouped by what they signal."""

    language: str
    profile: str  # the conflict profile whose parties' words the lexicon holds
    targets: dict[str, tuple[str, ...]]  # target class -> phrases
    cues: dict[str, tuple[str, ...]]  # cue kind -> phrases
    weapons: dict[str, tuple[str, ...]]  # weapon kind -> phrases
    actors: dict[str, dict[str, tuple[str, ...]]]  # party -> role -> phrases
    exact: frozenset[str] = frozenset()  # phrases matched in exactly this form (not lemmas)

    def class_of(self, phrase: str) -> str | None:
        """The target class of an exact lexicon phrase (case-insensitive), else None."""
        return self.target_terms().get(phrase.lower())

    @cache  # noqa: B019 - lexicons are loaded once and live for the process
    def target_terms(self) -> dict[str, str]:
        """Every target phrase (lower case) -> its class, specific classes winning ties."""
        terms: dict[str, str] = {}
        for cls in reversed(CLASS_PRIORITY):
            for phrase in self.targets.get(cls, ()):
                terms[phrase.lower()] = cls
        return terms


def _tuple_map(data: dict | None, exact: set[str]) -> dict[str, tuple[str, ...]]:
    """Phrase lists with the "=" marker ("=міст": this form only, not "місто") removed and
    the marked phrases collected in ``exact``."""
    out: dict[str, tuple[str, ...]] = {}
    for key, phrases in (data or {}).items():
        clean = []
        for raw in phrases or ():
            if not isinstance(raw, str | int):
                raise UsageError(f"lexicon phrase {raw!r} under {key!r} is not text",
                                 hint='quote words YAML reads as booleans, e.g. "on", "no"')
            phrase = str(raw)
            if phrase.startswith("="):
                phrase = phrase[1:]
                exact.add(phrase)
            clean.append(phrase)
        out[str(key)] = tuple(clean)
    return out


def _joined(base: dict[str, tuple[str, ...]],
            more: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {**base, **{key: tuple(dict.fromkeys((*base.get(key, ()), *words)))
                       for key, words in more.items()}}


@cache
def load(language: str, profile: str = profiles.DEFAULT) -> Lexicon:
    """The lexicon of a supported ``language`` under conflict ``profile``, loaded once per
    process."""
    if language not in LANGUAGES:
        raise UsageError(
            f"no lexicon for language {language!r}",
            hint=f"use one of {', '.join(LANGUAGES)}",
        )
    path = resources.files("trucewatch.taxonomy").joinpath("lexicons", f"{language}.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = profiles.load(profile).words(language)
    exact: set[str] = set()
    targets = _joined(_tuple_map(data["targets"], exact), _tuple_map(words.targets, exact))
    unknown = set(targets) - set(target_classes())
    if unknown:
        raise UsageError(f"unknown target classes {sorted(unknown)}",
                         path=f"{path} or profiles/{profile}/lexicons/{language}.yaml")
    actors = {code: _tuple_map({"attacker": party.attacker, "source": party.source}, exact)
              for code, party in words.parties.items() if party.attacker or party.source}
    roles = {role: _tuple_map(phrases, exact) for role, phrases in data["actors"].items()}
    extra = _tuple_map(words.roles, exact)
    if set(extra) - set(roles):
        raise UsageError(f"unknown role {sorted(set(extra) - set(roles))[0]!r}",
                         path=f"profiles/{profile}/lexicons/{language}.yaml", field="roles",
                         hint="one of " + ", ".join(roles))
    roles = {role: _joined(sources, {"source": extra[role]}) if role in extra else sources
             for role, sources in roles.items()}
    return Lexicon(
        language=language,
        profile=profile,
        targets=targets,
        cues=_tuple_map(data["cues"], exact),
        weapons=_tuple_map(data["weapons"], exact),
        actors={**actors, **roles},
        exact=frozenset(exact),
    )
