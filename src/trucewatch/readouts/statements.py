"""Read statements from text files (with optional front matter) and JSONL documents.

A text file (``.txt``, ``.md``) may start with YAML front matter between ``---`` lines giving
``speaker``, ``published``, ``language``, ``url``, ``outlet`` and ``event``; the speaker can
also be given on the command line as ``US=readout.txt``. A ``.jsonl`` file holds one
statement document per line with ``id``, ``speaker`` and ``text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pydantic
import yaml

from trucewatch.errors import InputError, NotFoundError
from trucewatch.taxonomy import is_party_code
from trucewatch.text.documents import parse_jsonl_line

from .terms import Statement

__all__ = ["parse_argument", "read_statements"]

_FIELDS = set(Statement.model_fields)


def parse_argument(argument: str) -> tuple[str | None, Path]:
    """``US=readout.txt`` -> ("US", path); a plain path -> (None, path)."""
    head, sep, rest = argument.partition("=")
    if sep and is_party_code(head):
        return head, Path(rest)
    return None, Path(argument)


def read_statements(path: str | Path, speaker: str | None = None) -> Iterator[Statement]:
    """The statements in one file; ``speaker`` overrides what the file says."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError("no such statement file", path=path,
                            hint="check the path, or give SPEAKER=PATH such as US=readout.txt")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the statement: {exc}", path=path,
                         hint="statements are UTF-8 text or JSONL files") from exc
    if path.suffix == ".jsonl":
        yield from _from_jsonl(text, path, speaker)
    else:
        yield _from_text(text, path, speaker)


def _validated(fields: dict, path: Path, line: int | None) -> Statement:
    if not fields.get("speaker"):
        raise InputError(
            "the statement has no speaker", path=path, line=line, field="speaker",
            hint="add `speaker: US` (a party code) to the statement, or pass it as US=PATH",
        )
    if not is_party_code(str(fields["speaker"])):
        raise InputError(
            f"{fields['speaker']!r} is not a party code such as RU, UA, US", path=path,
            line=line, field="speaker", hint="use the ISO 3166-1 alpha-2 code of the speaker",
        )
    try:
        return Statement.model_validate({k: v for k, v in fields.items() if k in _FIELDS})
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        name = ".".join(str(p) for p in error["loc"])
        raise InputError(str(error["msg"]), path=path, line=line, field=name,
                         hint="fix the field or leave it out") from exc


def _from_jsonl(text: str, path: Path, speaker: str | None) -> Iterator[Statement]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record = parse_jsonl_line(line, path, number, what="statement document")
        record.setdefault("id", f"{path.stem}-{number}")
        if speaker:
            record["speaker"] = speaker
        yield _validated(record, path, number)


def _from_text(text: str, path: Path, speaker: str | None) -> Statement:
    fields: dict = {}
    if text.startswith("---\n"):
        header, sep, body = text[4:].partition("\n---\n")
        if not sep:
            raise InputError("front matter opened with --- is never closed", path=path, line=1,
                             hint="end the front matter with a line of ---")
        try:
            loaded = yaml.safe_load(header) or {}
        except yaml.YAMLError as exc:
            raise InputError(f"front matter is not valid YAML: {exc}", path=path, line=1,
                             hint="write it as `key: value` lines") from exc
        if not isinstance(loaded, dict):
            raise InputError("front matter must be `key: value` lines", path=path, line=1,
                             hint="e.g. speaker: US")
        fields, text = loaded, body
    fields.update(id=str(fields.get("id") or path.stem), text=text)
    if speaker:
        fields["speaker"] = speaker
    return _validated(fields, path, None)
