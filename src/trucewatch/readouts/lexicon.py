"""Phrase lists for reading statements, loaded once from the YAML files in ``data/``.

Every phrase file maps a label to phrases per language. A phrase is written in any inflected
form (it is lemmatised like the text). Labels are ``family:value`` (``halt``,
``scope:domain:energy``, ``follow:maritime_ceasefire``). An entry may join phrase groups with
`` + `` (all groups must occur in one sentence) and alternatives with `` | ``; such entries get
the label ``family:value#rule.group`` and fire through :func:`fired_values`.

Facility wordings (refinery, substation, ТЭЦ, ...) come from the extractor's target lexicon
(``trucewatch.text.lexicon``), for the classes that name a kind of facility
(:data:`FACILITY_CLASSES`); general wordings ("energy infrastructure", "civilian
infrastructure") are parsed by the scope grammar instead. Actor names are the conflict
profile's (:mod:`trucewatch.profiles`): every word it gives a party in the language (the
``statements`` words of parties to the talks and mediators, and the extractor's words for the
sides), less its ``statement_exclusions``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from trucewatch import profiles
from trucewatch.taxonomy import expand_scope
from trucewatch.text import lexicon as target_lexicon

__all__ = [
    "FACILITY_CLASSES", "actor_phrases", "data", "facility_phrases", "fired_values",
    "phrase_labels",
]

#: Target classes whose lexicon wordings name a kind of facility a statement can list.
FACILITY_CLASSES = tuple(
    c for c in expand_scope("infrastructure.*") if c not in ("energy.other", "infrastructure.other")
)

#: Phrase files and the label family each one fills.
_PHRASE_FILES = {
    "cues.yaml": None,
    "scope.yaml": "scope",
    "conditions.yaml": "condition",
    "follow_on.yaml": "follow",
}


@cache
def data(name: str) -> Any:
    """The parsed YAML file ``data/<name>``."""
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def facility_phrases(language: str) -> dict[str, list[str]]:
    """Facility wordings per target class for one language, from the extractor's lexicon."""
    targets = target_lexicon.load(language).targets
    return {code: list(targets.get(code, ())) for code in FACILITY_CLASSES}


@cache
def actor_phrases(language: str, profile: str = profiles.DEFAULT) -> dict[str, list[str]]:
    """Actor names per party code of conflict ``profile`` in ``language``: its statement words,
    then its attacker and source words, exclusions out."""
    words = profiles.load(profile).words(language)
    excluded = {p.lower() for p in words.statement_exclusions}
    return {
        party: list(dict.fromkeys(p for p in (*said.statements, *said.attacker, *said.source)
                                  if p.lower() not in excluded))
        for party, said in words.parties.items()
    }


def _entries(family: str | None, table: dict[str, Any], language: str):
    for key, per_language in table.items():
        label = key if family is None else f"{family}:{key}"
        for rule, entry in enumerate(per_language.get(language, [])):
            groups = [g.strip() for g in str(entry).split(" + ")]
            if len(groups) == 1:
                yield label, [a.strip() for a in groups[0].split(" | ")]
                continue
            for index, group in enumerate(groups):
                yield (f"{label}#{rule}.{index}.{len(groups)}",
                       [a.strip() for a in group.split(" | ")])


@cache
def phrase_labels(language: str, profile: str = profiles.DEFAULT) -> dict[str, list[str]]:
    """Every label with its phrases for ``language`` under conflict ``profile``, facility
    wordings and the profile's actors included."""
    labels: dict[str, list[str]] = {}
    for name, family in _PHRASE_FILES.items():
        for label, phrases in _entries(family, data(name), language):
            labels.setdefault(label, []).extend(phrases)
    for code, phrases in facility_phrases(language).items():
        if phrases:
            labels.setdefault(f"scope:class:{code}", []).extend(phrases)
    for party, phrases in actor_phrases(language, profile).items():
        labels.setdefault(f"actor:{party}", []).extend(phrases)
    return labels


def fired_values(labels: set[str], family: str) -> set[str]:
    """Values of ``family`` whose entry fired in a sentence with these span ``labels``."""
    fired: set[str] = set()
    groups: dict[tuple[str, str], set[str]] = {}
    for label in labels:
        if not label.startswith(family + ":"):
            continue
        value = label.split(":", 1)[1]
        if "#" not in value:
            fired.add(value)
            continue
        value, ref = value.split("#")
        rule, group, total = ref.split(".")
        seen = groups.setdefault((value, rule), set())
        seen.add(group)
        if len(seen) == int(total):
            fired.add(value)
    return fired
