"""Fetching an input by URL, only when the user gives one, with a timeout.

The body is saved under a folder (``fetched/`` beside the database) as evidence of what was
read, named by host and content hash, so fetching an unchanged feed twice stores one copy and
ingests nothing new.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from trucewatch.errors import InputError

__all__ = ["USER_AGENT", "fetch", "is_url", "save_body"]

USER_AGENT = f"trucewatch/{version('trucewatch')} (ceasefire compliance monitor)"
_SUFFIXES = {"xml": ".xml", "rss": ".xml", "atom": ".xml", "html": ".html", "json": ".jsonl",
             "plain": ".txt", "markdown": ".md"}


def is_url(value: str) -> bool:
    """True for an http(s) URL, as opposed to a local path."""
    return urlsplit(value).scheme in ("http", "https")


def _suffix(url: str, content_type: str) -> str:
    """The file suffix the readers expect, from the content type, else the URL's path."""
    subtype = content_type.split(";")[0].strip().rsplit("/", 1)[-1].rsplit("+", 1)[-1]
    if subtype in _SUFFIXES:
        return _SUFFIXES[subtype]
    return Path(urlsplit(url).path).suffix.lower() or ".html"


def fetch(url: str, into: Path, *, timeout: float = 30.0) -> Path:
    """Download ``url`` into the folder ``into`` and return the saved file.

    InputError names the URL on a network error, a timeout or an HTTP error status.
    """
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True,
                             headers={"User-Agent": USER_AGENT})
        response.raise_for_status()
    except httpx.TimeoutException as exc:
        raise InputError(f"no answer from {url} within {timeout:g} s",
                         hint="try again later or raise --timeout") from exc
    except httpx.HTTPStatusError as exc:
        raise InputError(f"{url} answered {exc.response.status_code} "
                         f"{exc.response.reason_phrase}", hint="check the URL") from exc
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch {url}: {exc}", hint="check the URL and the network") \
            from exc
    return save_body(url, response.content, response.headers.get("content-type", ""), into)


def save_body(url: str, body: bytes, content_type: str, into: Path) -> Path:
    """Save what ``url`` answered into the folder ``into``, named by host and content hash,
    and return the file. It is written whole or not at all (a ``.part`` file renamed)."""
    host = re.sub(r"[^A-Za-z0-9.-]", "_", urlsplit(url).hostname or "site")
    digest = hashlib.sha256(body).hexdigest()[:16]
    into.mkdir(parents=True, exist_ok=True)
    saved = into / f"{host}-{digest}{_suffix(url, content_type)}"
    if not saved.exists():
        partial = saved.with_name(saved.name + ".part")
        partial.write_bytes(body)
        partial.replace(saved)
    return saved
