"""Input documents for extraction: ``.txt``/``.md`` files, ``.html`` pages (main text by
trafilatura) and ``.jsonl`` files of document objects (``id``, ``text``, optional
``published``, ``language``, ``url``). Bad input raises :class:`InputError` naming the file,
line and field.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError, NotFoundError

__all__ = ["InputDocument", "parse_jsonl_line", "read_documents"]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True, slots=True)
class InputDocument:
    """One document to extract reports from."""

    id: str
    text: str
    published: dt.date | None = None
    language: str | None = None
    url: str | None = None


def _date(value: object, path: Path, line: int | None) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"published {value!r} is not an ISO date", path=path, line=line,
                         field="published", hint="write it as YYYY-MM-DD or leave it out") \
            from exc


def _read(path: Path) -> str:
    if not path.exists():
        raise NotFoundError(f"{path} does not exist", hint="check the path")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=path,
                         hint="convert the file to UTF-8") from exc


def _html_text(html: str, path: Path) -> str:
    import trafilatura  # imported here: slow to import and only needed for HTML

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise InputError("no main text found in the HTML page", path=path,
                         hint="save the article text as .txt instead")
    return text


def parse_jsonl_line(line: str, path: Path, number: int, what: str = "document") -> dict[str, Any]:
    """One line of a JSONL file of documents: a JSON object with a ``text`` string.

    Every reader of document or statement JSONL goes through here, so bad lines get the same
    messages everywhere: ``docs.jsonl:2: not a JSON object (...)``.
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a JSON object ({exc.msg})", path=path, line=number,
                         hint=f"write one JSON {what} per line") from exc
    if not isinstance(obj, dict):
        raise InputError("not a JSON object", path=path, line=number,
                         hint=f"write one JSON {what} per line")
    if not isinstance(obj.get("text"), str):
        raise InputError("missing or non-string text", path=path, line=number, field="text",
                         hint='add "text": "..." to the line')
    return obj


def _jsonl(path: Path, published: dt.date | None,
           language: str | None) -> Iterator[InputDocument]:
    for number, line in enumerate(_read(path).splitlines(), 1):
        if not line.strip():
            continue
        obj = parse_jsonl_line(line, path, number)
        if obj.get("id") in (None, ""):
            raise InputError("missing document id", path=path, line=number, field="id",
                             hint='add "id": "..." to the line')
        yield InputDocument(
            id=str(obj["id"]), text=obj["text"],
            published=_date(obj.get("published"), path, number) or published,
            language=obj.get("language") or language, url=obj.get("url"),
        )


def read_documents(path: str | Path, published: dt.date | None = None,
                   language: str | None = None) -> Iterator[InputDocument]:
    """The documents of one input file; ``published`` and ``language`` apply to plain files
    and fill in what a ``.jsonl`` line leaves out."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl(path, published, language)
    elif suffix in TEXT_SUFFIXES:
        yield InputDocument(path.stem, _read(path), published, language)
    elif suffix in HTML_SUFFIXES:
        yield InputDocument(path.stem, _html_text(_read(path), path), published, language)
    else:
        raise InputError(f"unsupported file type {suffix or '(none)'!r}", path=path,
                         hint="give .txt, .md, .html or .jsonl files")
