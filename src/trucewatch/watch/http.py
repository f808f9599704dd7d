"""Polling a URL: a conditional GET (``If-None-Match`` / ``If-Modified-Since``), a timeout,
retries with exponential backoff, and a cap on the size of what is read."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from trucewatch.sources.fetch import USER_AGENT

__all__ = ["MAX_BYTES", "PollError", "Polled", "poll_url"]

#: The largest body read from a source, in bytes.
MAX_BYTES = 20 * 1024 * 1024
_RETRIED_STATUS = {408, 425, 429}
_LONGEST_WAIT = 60.0


class PollError(Exception):
    """A URL could not be read (after the retries): the message says why."""


@dataclass
class Polled:
    """What a poll got: ``body`` is None when the server said nothing changed (304)."""

    url: str
    status: int
    body: bytes | None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1


def _wait(response: httpx.Response | None, attempt: int, backoff: float) -> float:
    """Seconds before the next attempt: the server's Retry-After (in seconds) when it gives
    one, otherwise ``backoff`` doubled on each attempt; at most a minute."""
    if response is not None:
        after = response.headers.get("retry-after", "")
        if after.isdigit():
            return min(float(after), _LONGEST_WAIT)
    return min(backoff * 2 ** (attempt - 1), _LONGEST_WAIT)


def _read(response: httpx.Response, limit: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise PollError(f"{response.url} sent more than {limit // (1024 * 1024)} MiB; "
                            "not read")
        chunks.append(chunk)
    return b"".join(chunks)


def poll_url(client: httpx.Client, url: str, *, etag: str | None = None,
             last_modified: str | None = None, timeout: float = 30.0, retries: int = 2,
             backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep,
             limit: int = MAX_BYTES) -> Polled:
    """GET ``url`` unless it is unchanged since ``etag`` / ``last_modified``.

    A timeout, a network error, a 5xx, 408, 425 or 429 is retried ``retries`` times; any other
    error status is not. PollError names the URL and the last problem.
    """
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    problem = ""
    for attempt in range(1, retries + 2):
        response = None
        try:
            with client.stream("GET", url, headers=headers, timeout=timeout,
                               follow_redirects=True) as response:
                if response.status_code == 304:
                    return Polled(url, 304, None, etag=response.headers.get("etag") or etag,
                                  last_modified=response.headers.get("last-modified")
                                  or last_modified, attempts=attempt)
                if response.is_success:
                    return Polled(url, response.status_code, _read(response, limit),
                                  response.headers.get("content-type", ""),
                                  response.headers.get("etag"),
                                  response.headers.get("last-modified"), attempt)
                problem = f"{url} answered {response.status_code} {response.reason_phrase}"
                if response.status_code < 500 and response.status_code not in _RETRIED_STATUS:
                    break
        except httpx.TimeoutException:
            problem = f"no answer from {url} within {timeout:g} s"
        except httpx.HTTPError as exc:
            problem = f"cannot fetch {url}: {exc}"
        if attempt <= retries:
            sleep(_wait(response, attempt, backoff))
    tries = f" ({attempt} attempts)" if attempt > 1 else ""
    raise PollError(problem + tries)
