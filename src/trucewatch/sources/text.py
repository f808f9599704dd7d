"""Text documents through the extractor: ``.txt``, ``.md`` or ``.html`` files, or a ``.jsonl``
of documents.

A ``.jsonl`` line is a document object (``id``, ``text``, optional ``published``,
``language``, ``url``, ``outlet``), as ``trucewatch extract`` reads them. Any other file is
one document (of an HTML page, its main text); its publication date, language and url come
from the ``published``, ``language`` and ``url`` options. Each document becomes one record
holding every report the extractor finds in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError
from trucewatch.sources.base import BadRowHandler, new_report, open_text, parse_date, reject
from trucewatch.text import extract
from trucewatch.text.documents import parse_jsonl_line, read_documents

__all__ = ["extract_reports", "read"]


def extract_reports(text: str, published: dt.date | None, language: str | None,
                    profile: str | None = None) -> list[dict[str, Any]]:
    """The extractor's reports on ``text`` read under conflict ``profile``, as reader report
    dicts."""
    reports = []
    for report in extract(text, published, language, profile):
        fields = report.model_dump()
        fields["event_date"] = fields.pop("date")
        reports.append(new_report(**fields))
    return reports


def _documents(path: Path, published: dt.date | None, language: str | None, url: str | None,
               on_bad: BadRowHandler | None) -> Iterator[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() != ".jsonl":  # .txt, .md, .html: the extractor's own reader
        for document in read_documents(path, published, language):
            yield 1, {"text": document.text, "published": document.published,
                      "language": document.language, "url": url, "outlet": None}
        return
    with open_text(path) as stream:
        for line, text in _lines(stream, path):
            if not text.strip():
                continue
            try:
                yield line, _document(text, path, line, published, language)
            except InputError as error:
                reject(on_bad, error, text.rstrip("\n"))


def _lines(stream: Any, path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines; bytes the detected encoding cannot read are an InputError."""
    line = 0
    while True:
        try:
            text = next(stream)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise InputError(f"bytes that are not {stream.encoding}", path=path,
                             line=line + 1, hint="save the file as UTF-8") from exc
        line += 1
        yield line, text


def _document(text: str, path: Path, line: int, published: dt.date | None,
              language: str | None) -> dict[str, Any]:
    document = parse_jsonl_line(text, path, line)
    date = document.get("published")
    document["published"] = (parse_date(date, path=path, line=line, field="published")
                             if date else published)
    document["language"] = document.get("language") or language
    return document


def read(path: str | Path, *, on_bad: BadRowHandler | None = None,
         published: dt.date | None = None, language: str | None = None,
         url: str | None = None, version: int | None = None,
         profile: str | None = None) -> Iterator[dict[str, Any]]:
    """One record per document, with the reports the extractor finds in its text read under
    conflict ``profile`` (by default :data:`trucewatch.profiles.DEFAULT`).

    ``url`` is where a single-document file came from (a page fetched by URL): the page's
    source key, so that a later copy of the page with another text, and a newer ``version``
    (milliseconds since 1970 when it
    was fetched), supersedes the earlier one.
    """
    path = Path(path)
    for line, document in _documents(path, published, language, url, on_bad):
        reports = extract_reports(document["text"], document["published"],
                                  document.get("language"), profile)
        key = (f"doc:{document['id']}" if document.get("id")
               else f"url:{url}" if url and path.suffix.lower() != ".jsonl" else None)
        yield {
            "line": line,
            "content": document["text"],
            "source_key": key,
            "source_version": version if key and key.startswith("url:") else None,
            "document": {"url": document.get("url"), "outlet": document.get("outlet"),
                         "published": document["published"],
                         "language": document.get("language"), "text": document["text"]},
            "reports": reports,
        }
