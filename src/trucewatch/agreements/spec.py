"""Agreement specs as YAML: parse with line numbers, validate, and write back.

``load_spec(path)`` returns a validated :class:`~trucewatch.model.Agreement` or raises
:class:`~trucewatch.errors.SpecError` naming the file, the line and what to fix. Checks that
span several fields (ids, parties, sources) are made here; single-field rules live on the
records in ``trucewatch.model``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import yaml

from trucewatch.errors import NotFoundError, SpecError
from trucewatch.model import KIND_TERMS, Agreement, Commitment, CommitmentKind, StatusEntry

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_NODES", "MAX_SPEC_BYTES", "dump_spec",
           "duplicate_key", "line_of", "load_spec", "parse_spec"]

Loc = tuple[str | int, ...]

#: Limits on what a spec may hold, checked on the YAML event stream before anything is built:
#: a real spec is a few KB with no or a handful of aliases; a "billion laughs" file is a few
#: dozen aliases that would expand to billions of values.
MAX_SPEC_BYTES = 1_000_000
MAX_ALIASES = 20
MAX_DEPTH = 64
MAX_NODES = 200_000  # values once every alias is expanded


def load_spec(path: str | Path) -> Agreement:
    """Read and validate the agreement spec at ``path``."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SPEC_BYTES:
            raise _too_big(path)
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise NotFoundError("no such spec file", path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read the spec: {exc}", path=path) from exc
    return parse_spec(text, path=path)


def parse_spec(text: str, *, path: str | Path = "<spec>") -> Agreement:
    """Validate spec YAML ``text``; ``path`` is only used in error messages."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_SPEC_BYTES:
        raise _too_big(path)
    try:
        _check_shape(text, path)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SpecError(
            f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
            path=path, line=mark.line + 1 if mark else None,
        ) from exc
    if not isinstance(data, dict):
        raise SpecError("a spec is a YAML mapping with id, title, parties, sources and "
                        "commitments", path=path, line=1)
    _refuse_duplicate_keys(root, path)
    try:
        agreement = Agreement.model_validate(data)
    except pydantic.ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        raise _spec_error(root, path, first["loc"], _message(first), len(errors) - 1) from exc
    problems = list(_cross_check(agreement))
    if problems:
        loc, message = problems[0]
        raise _spec_error(root, path, loc, message, len(problems) - 1)
    return agreement


def _too_big(path: str | Path) -> SpecError:
    return SpecError(f"the spec is larger than {MAX_SPEC_BYTES:,} bytes", path=path,
                     hint="a spec holds one agreement's terms; split or trim the file")


def _check_shape(text: str, path: str | Path) -> None:
    """Refuse YAML with more than MAX_ALIASES aliases, nested deeper than MAX_DEPTH, or that
    expands to more than MAX_NODES values, from the event stream, before it is built."""
    aliases = 0
    sizes: dict[str, int] = {}  # anchor -> values its node expands to
    stack: list[list[Any]] = [[None, 0]]  # per open collection: its anchor, its size so far

    def refuse(message: str, event: yaml.Event, hint: str) -> SpecError:
        return SpecError(message, path=path, line=event.start_mark.line + 1, hint=hint)

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        size = None
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise refuse(f"more than {MAX_ALIASES} YAML aliases (*name)", event,
                             "write the values out; a spec needs few or no aliases")
            size = sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append([event.anchor, 1])
            if len(stack) > MAX_DEPTH:
                raise refuse(f"nested more than {MAX_DEPTH} levels deep", event,
                             "flatten the spec")
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = stack.pop()
            if anchor:
                sizes[anchor] = size
        if size is not None:
            stack[-1][1] += size
            if stack[-1][1] > MAX_NODES or stack[0][1] > MAX_NODES:
                raise refuse(f"the spec expands to more than {MAX_NODES:,} values", event,
                             "write a smaller spec; aliases must not multiply values")


def dump_spec(agreement: Agreement) -> str:
    """The spec as YAML, such that ``parse_spec(dump_spec(a)) == a``."""
    data = agreement.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _message(error: dict[str, Any]) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "missing":
        return "is required but missing"
    if error["type"] == "extra_forbidden":
        return "is not a spec field; check its spelling (see docs/spec.md)"
    return message


def _cross_check(agreement: Agreement) -> Iterator[tuple[Loc, str]]:
    """Rules that relate fields: unique ids, known parties and sources."""
    parties = set(agreement.parties)
    described_by = parties | set(agreement.mediators)
    source_ids = [s.id for s in agreement.sources]
    yield from _duplicates(source_ids, "sources", "source id")
    yield from _duplicates([c.id for c in agreement.commitments], "commitments", "commitment id")

    def known_source(ref: str | None) -> bool:
        return ref is None or ref in source_ids or ref.startswith(("http://", "https://"))

    for i, entry in enumerate(agreement.status):
        if not known_source(entry.source):
            yield ("status", i, "source"), _unknown_source(entry.source, source_ids)
    yield from _status_parties(agreement.status, ("status",), described_by)
    for i, commitment in enumerate(agreement.commitments):
        at: Loc = ("commitments", i)
        for code in commitment.bound or []:
            if code not in parties:
                yield (*at, "bound"), (
                    f"{code} is bound but not one of the parties {sorted(parties)}"
                )
        for j, ref in enumerate(commitment.sources):
            if not known_source(ref):
                yield (*at, "sources", j), _unknown_source(ref, source_ids)
        for j, entry in enumerate(commitment.status):
            if not known_source(entry.source):
                yield (*at, "status", j, "source"), _unknown_source(entry.source, source_ids)
        yield from _status_parties(commitment.status, (*at, "status"), described_by)
        for j, precondition in enumerate(commitment.preconditions):
            here_p: Loc = (*at, "preconditions", j)
            if not known_source(precondition.source):
                yield (*here_p, "source"), _unknown_source(precondition.source, source_ids)
            for k, state in enumerate(precondition.states):
                if state.by not in described_by:
                    yield (*here_p, "states", k, "by"), _not_described(state.by, described_by)
                if not known_source(state.source):
                    yield (*here_p, "states", k, "source"), _unknown_source(state.source,
                                                                            source_ids)
        if commitment.kind is CommitmentKind.HALT_STRIKES and not commitment.readings:
            yield (*at, "readings"), "a halt_strikes commitment needs at least one reading"
        yield from _foreign_terms(commitment, at)
        for j, item in enumerate(commitment.items):
            if item.side not in parties:
                yield (*at, "items", j, "side"), (
                    f"{item.side} hands over items but is not one of the parties "
                    f"{sorted(parties)}")
        yield from _duplicates(
            [r.party for r in commitment.readings], (*at, "readings"), "reading by party",
            key="party",
        )
        for j, reading in enumerate(commitment.readings):
            here = (*at, "readings", j)
            if reading.party not in described_by:
                yield (*here, "party"), _not_described(reading.party, described_by)
            for code in reading.bound or []:
                if code not in parties:
                    yield (*here, "bound"), f"{code} is bound but not one of the parties"
            if not known_source(reading.source):
                yield (*here, "source"), _unknown_source(reading.source, source_ids)


def _status_parties(entries: list[StatusEntry], at: Loc, described_by: set[str]
                    ) -> Iterator[tuple[Loc, str]]:
    for j, entry in enumerate(entries):
        if entry.declared_by and entry.declared_by not in described_by:
            yield (*at, j, "declared_by"), _not_described(entry.declared_by, described_by)


def _not_described(code: str, described_by: set[str]) -> str:
    return (f"{code} is not a party or mediator of this agreement "
            f"({', '.join(sorted(described_by))}); add it to parties or mediators")


def _foreign_terms(commitment: Commitment, at: Loc) -> Iterator[tuple[Loc, str]]:
    """Terms of another kind given to this commitment (KIND_TERMS)."""
    own = KIND_TERMS[commitment.kind.value]
    for name in sorted({n for terms in KIND_TERMS.values() for n in terms} - set(own)):
        if getattr(commitment, name) not in (None, [], {}):
            owner = [k for k, terms in KIND_TERMS.items() if name in terms]
            yield (*at, name), (
                f"`{name}` belongs to a {' or '.join(owner)} commitment; a "
                f"{commitment.kind.value} commitment records {', '.join(own)}")


def _duplicates(
    values: list[str], at: str | Loc, what: str, key: str = "id"
) -> Iterator[tuple[Loc, str]]:
    base = (at,) if isinstance(at, str) else at
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield (*base, index, key), f"duplicate {what} {value!r}; each must be unique"
        seen.add(value)


def _unknown_source(ref: str | None, known: list[str]) -> str:
    return f"source {ref!r} is neither a url nor one of the spec's source ids ({', '.join(known)})"


def _spec_error(root: yaml.Node, path: str | Path, loc: Loc, message: str, more: int) -> SpecError:
    hint = f"{more} more problem(s) after this one" if more else None
    field = ".".join(str(part) for part in loc) or None
    return SpecError(message, path=path, line=line_of(root, loc), field=field, hint=hint)


def line_of(node: yaml.Node, loc: Loc) -> int:
    """The 1-based line of the YAML node at ``loc``, or of its nearest existing parent."""
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def _refuse_duplicate_keys(node: yaml.Node, path: str | Path) -> None:
    found = duplicate_key(node)
    if found is not None:
        key, line = found
        raise SpecError(f"key {key!r} appears twice in one mapping", path=path, line=line,
                        field=key)


def duplicate_key(node: yaml.Node) -> tuple[str, int] | None:
    """The first key that appears twice in one mapping of the YAML tree, and its 1-based line
    (YAML loaders silently keep the last value)."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                return str(key.value), key.start_mark.line + 1
            seen.add(key.value)
            if (found := duplicate_key(value)) is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if (found := duplicate_key(item)) is not None:
                return found
    return None
