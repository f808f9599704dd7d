"""RSS and Atom feeds: each entry is one document, read through the extractor.

An entry's text is its title and its content (or summary) as plain text; its url is the
entry's link, its outlet the feed's title, its publication date the entry's own date in the
zone the feed gives (a Kyiv post at 00:30 +02:00 is dated that day, not the day before in UTC),
its language the feed's when trucewatch reads it (``trucewatch.lang``; otherwise detected). The
entry's id is its source key and its update time its version, so a corrected entry in a
later copy of the feed supersedes the earlier one. Feeds as published are often not
well-formed XML; feedparser reads what it can, and only a feed with no entries that is not
well-formed is refused, with the line where the XML breaks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from trucewatch.errors import InputError
from trucewatch.lang import LANGUAGES
from trucewatch.sources.base import BadRowHandler, reject
from trucewatch.sources.text import extract_reports

__all__ = ["read"]

_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr)>", re.IGNORECASE)


def _plain_text(html: str) -> str:
    """The text of an HTML fragment, one line per paragraph."""
    if "<" not in html:
        return html.strip()
    fragment = lxml.html.fragment_fromstring(_BLOCK_END.sub("\n", html), create_parent="div")
    lines = (" ".join(line.split()) for line in fragment.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_text(entry: Any) -> str:
    bodies = [part.get("value", "") for part in entry.get("content", [])]
    body = max(bodies, key=len, default="") or entry.get("summary", "")
    title = _plain_text(entry.get("title", ""))
    text = _plain_text(body)
    return f"{title}\n\n{text}" if title and text and not text.startswith(title) else text or title


def _own(entry: Any, key: str) -> Any:
    """An entry's own field, without feedparser's deprecated updated -> published fallback."""
    return dict.get(entry, key)


def _published(entry: Any) -> dt.date | None:
    """The entry's date in the zone the feed states (RFC 822 in RSS, ISO 8601 in Atom)."""
    for key in ("published", "updated"):
        raw = _own(entry, key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError):
            pass
        try:
            return dt.datetime.fromisoformat(raw.strip()).date()
        except ValueError:
            pass
        parsed = _own(entry, f"{key}_parsed")
        if parsed:
            return dt.date(*parsed[:3])
    return None


def _version(entry: Any) -> int | None:
    """The entry's update time as seconds since 1970, to order corrected versions."""
    parsed = _own(entry, "updated_parsed") or _own(entry, "published_parsed")
    return calendar.timegm(parsed) if parsed else None


def _feed_language(feed: Any) -> str | None:
    code = (feed.feed.get("language") or "")[:2].lower()
    return code if code in LANGUAGES else None


def _parse(path: Path) -> tuple[Any, str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", path=path) from exc
    feed = feedparser.parse(raw)
    if feed.entries:
        return feed, raw.decode(feed.get("encoding") or "utf-8", errors="replace")
    problem = feed.get("bozo_exception")
    if problem is not None:
        line = problem.getLineNumber() if hasattr(problem, "getLineNumber") else None
        raise InputError(f"not a readable RSS or Atom feed ({problem})", path=path, line=line,
                         hint="check that the file is the feed itself, not a web page")
    if not feed.get("version"):
        raise InputError("not an RSS or Atom feed", path=path, line=1,
                         hint="ingest web pages and text files with the text format")
    return feed, ""


def _line_of(raw: str, entry: Any) -> int | None:
    """The line where the entry's id or link first appears in the file, for messages."""
    for needle in (entry.get("id"), entry.get("link")):
        if needle and (at := raw.find(needle)) >= 0:
            return raw.count("\n", 0, at) + 1
    return None


def read(path: str | Path, *, on_bad: BadRowHandler | None = None,
         published: dt.date | None = None, language: str | None = None,
         profile: str | None = None) -> Iterator[dict[str, Any]]:
    """One record per feed entry with text, with the reports the extractor finds in it read
    under conflict ``profile`` (by default :data:`trucewatch.profiles.DEFAULT`).

    ``published`` and ``language`` fill in what the feed does not say.
    """
    path = Path(path)
    feed, raw = _parse(path)
    outlet = _plain_text(feed.feed.get("title", "")) or None
    language = _feed_language(feed) or language
    for number, entry in enumerate(feed.entries, 1):
        line = _line_of(raw, entry) or number
        text = _entry_text(entry)
        if not text:
            error = InputError("the entry has no title or text", path=path, line=line,
                               field="entry", hint="fix the feed or pass --skip-bad")
            reject(on_bad, error, entry.get("id") or entry.get("link") or "")
            continue
        date = _published(entry) or published
        key = entry.get("id") or entry.get("link")
        yield {
            "line": line,
            "content": text,
            "source_key": f"rss:{key}" if key else None,
            "source_version": _version(entry) if key else None,
            "document": {"url": entry.get("link"), "outlet": outlet, "published": date,
                         "language": language, "text": text},
            "reports": extract_reports(text, date, language, profile),
        }
