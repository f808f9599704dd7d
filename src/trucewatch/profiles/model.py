"""What a profile holds, as records: its parties and their words in each language."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["KINDS", "ROLES", "WORD_KINDS", "Party", "PartyWords", "Words"]

#: What a party is: a state (named by its ISO 3166-1 alpha-2 code) or a non-state armed group
#: (named by a code its profile defines).
KINDS = ("state", "armed_group")
#: What a party does in the conflict: ``side`` (a belligerent: "both sides", "the enemy"),
#: ``mediator``, or ``other`` (a host of talks, a third state, a group no side answers for).
ROLES = ("side", "mediator", "other")

#: The kinds of words a profile gives for a party in each language. The extractor reads
#: ``names``, ``adjectives``, ``demonyms``, ``aliases`` and ``forces`` as words for the party
#: attacking (the first four, as one word, only as the subject of an attack word), and
#: ``officials``, ``institutions`` and ``companies`` as its voices; ``capital`` is where a
#: strike "on Kyiv" lands; the statement reader also takes ``statements``.
WORD_KINDS = ("names", "adjectives", "demonyms", "aliases", "capital", "forces", "officials",
              "institutions", "companies", "statements")


@dataclass(frozen=True)
class Party:
    """One party of a profile."""

    code: str
    name: str  # a short English name ("Russia")
    kind: str  # one of KINDS
    role: str  # one of ROLES
    opposes: tuple[str, ...] = ()  # the sides it fights; empty: every other side
    #: A claim by this party that names no attacker accuses its opponent (its officials report
    #: attacks on it, never its own side's strikes).
    claims_accuse_opponent: bool = False
    #: The IANA time zone the party's own statements give hours in when they name none
    #: ("from 18:00" in a Kremlin order is Moscow time); None for a party of several zones.
    timezone: str | None = None


def _joined(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for group in groups for word in group))


@dataclass(frozen=True)
class PartyWords:
    """One party's words in one language (see :data:`WORD_KINDS`)."""

    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    capital: tuple[str, ...] = ()
    forces: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()

    @property
    def attacker(self) -> tuple[str, ...]:
        """Words for the party as the one attacking."""
        return _joined(self.names, self.adjectives, self.demonyms, self.aliases, self.forces)

    @property
    def source(self) -> tuple[str, ...]:
        """Words for the party as the one making a claim."""
        return _joined(self.officials, self.institutions, self.companies)

    @property
    def bare(self) -> tuple[str, ...]:
        """One-word names, adjectives, demonyms and aliases: an attacker only as the subject
        of an attack word ("Russia struck", not "Russia's Kursk region")."""
        return tuple(w for w in _joined(self.names, self.adjectives, self.demonyms, self.aliases)
                     if " " not in w)


@dataclass(frozen=True)
class Words:
    """A profile's words in one language."""

    language: str
    parties: dict[str, PartyWords] = field(default_factory=dict)
    #: additions to the language's role words (``local``: local officials by name, ...)
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: additions to the target classes' words (a company's facilities, ...)
    targets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the parties' words the statement reader does not take as a party (offices every side has)
    statement_exclusions: tuple[str, ...] = ()

    def of(self, code: str) -> PartyWords:
        """The words of party ``code`` (none when the language gives it none)."""
        return self.parties.get(code, PartyWords())
