"""Logged-in sessions and the brake on guessing passwords.

A session is a random token in an ``HttpOnly``, ``SameSite=Strict`` cookie (``Secure`` when
the dashboard is reached over https), with a CSRF token of its own that forms and scripts send
back. Sessions live in the server's memory, keyed by the token's SHA-256: a restart logs
everyone out, and nothing that opens a session is ever written to disk. Disabling an account
or changing its password ends its sessions.

Logins are limited per account name and per client address: after ``MAX_FAILURES`` failures
within ``WINDOW_SECONDS`` further attempts are refused until the window has passed.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

from fastapi import Request, Response

from trucewatch.accounts import Role, User

__all__ = ["COOKIE", "LoginLimiter", "Session", "Sessions", "set_session_cookie"]

COOKIE = "trucewatch_session"
#: How long a session lasts after its login.
SESSION_SECONDS = 12 * 3600
MAX_FAILURES = 5
WINDOW_SECONDS = 300.0


@dataclass(frozen=True)
class Session:
    """A logged-in account: who, with which role, its CSRF token and when it ends."""

    user: str
    role: Role
    csrf: str
    expires: float


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Sessions:
    """The server's open sessions."""

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def open(self, user: User) -> tuple[str, Session]:
        """A new session for ``user``: its cookie token and the session."""
        token = secrets.token_urlsafe(32)
        session = Session(user.name, user.role, secrets.token_urlsafe(32),
                          time.monotonic() + SESSION_SECONDS)
        with self._lock:
            self._sessions[_key(token)] = session
        return token, session

    def get(self, token: str | None) -> Session | None:
        """The live session of ``token``, or None."""
        if not token:
            return None
        key = _key(token)
        with self._lock:
            session = self._sessions.get(key)
            if session is not None and session.expires < time.monotonic():
                del self._sessions[key]
                return None
        return session

    def close(self, token: str | None) -> None:
        """End the session of ``token`` (logout)."""
        if token:
            with self._lock:
                self._sessions.pop(_key(token), None)

    def close_user(self, name: str) -> None:
        """End every session of the account ``name``."""
        with self._lock:
            for key in [k for k, s in self._sessions.items() if s.user == name]:
                del self._sessions[key]


def set_session_cookie(request: Request, response: Response, token: str | None) -> None:
    """Set the session cookie to ``token``, or clear it when None."""
    secure = request.url.scheme == "https"
    if token is None:
        response.delete_cookie(COOKIE, path="/", secure=secure, httponly=True,
                               samesite="strict")
        return
    response.set_cookie(COOKIE, token, max_age=SESSION_SECONDS, path="/", secure=secure,
                        httponly=True, samesite="strict")


class LoginLimiter:
    """Counts failed logins per account name and per client address; refuses past the limit.

    A client may fail ``CLIENTS_SHARE`` times as often as a name, since a team behind one proxy
    shares its address."""

    CLIENTS_SHARE = 4

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_SECONDS) -> None:
        self.max_failures, self.window = max_failures, window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _keys(self, client: str, name: str) -> tuple[tuple[str, int], ...]:
        return ((f"name:{name}", self.max_failures),
                (f"client:{client}", self.max_failures * self.CLIENTS_SHARE))

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if times:
            self._failures[key] = times
        else:
            self._failures.pop(key, None)
        return times

    def retry_after(self, client: str, name: str) -> float:
        """Seconds until ``client`` may try ``name`` again; 0 when it may now."""
        now = time.monotonic()
        with self._lock:
            waits = [times[-limit] + self.window - now
                     for key, limit in self._keys(client, name)
                     if len(times := self._recent(key, now)) >= limit]
        return max(waits, default=0.0)

    def failed(self, client: str, name: str) -> None:
        """Count a failed login of ``client`` as ``name``."""
        now = time.monotonic()
        with self._lock:
            for key, _ in self._keys(client, name):
                self._failures[key] = self._recent(key, now)
                self._failures[key].append(now)

    def succeeded(self, name: str) -> None:
        """Forget the failures of ``name`` after a successful login."""
        with self._lock:
            self._failures.pop(f"name:{name}", None)
