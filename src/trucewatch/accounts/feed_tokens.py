"""Feed tokens: a secret per account that opens the alerts feed, for feed readers and chat
tools that cannot log in.

A token is 256 random bits, shown once when it is made; the store keeps only its SHA-256 hash
(a random token needs no slow hash: nobody can guess one to test against it). Making a new
token replaces the old one; revoking removes it; a disabled account's token opens nothing.
What a token opens is the web layer's business: only the feed, never a session.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from trucewatch.store import Store

from .users import User, get_user

__all__ = ["feed_token_account", "new_feed_token", "revoke_feed_token"]


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_feed_token(store: Store, name: str) -> str:
    """A new feed token for the account ``name``, replacing its old one; shown only now."""
    get_user(store, name)
    token = secrets.token_urlsafe(32)
    now = dt.datetime.now(dt.UTC)
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM feed_tokens WHERE name = ?", [name]).fetchone():
            conn.execute("UPDATE feed_tokens SET token_hash = ?, created_at = ?, created_by = ? "
                         "WHERE name = ?", [_hashed(token), now, store.actor, name])
        else:
            conn.execute("INSERT INTO feed_tokens VALUES (?, ?, ?, ?)",
                         [name, _hashed(token), now, store.actor])
        store.audit("user.feed_token", "user", name)
    return token


def revoke_feed_token(store: Store, name: str) -> bool:
    """Remove the account's feed token; whether it had one."""
    get_user(store, name)
    with store.transaction() as conn:
        had = conn.execute("SELECT 1 FROM feed_tokens WHERE name = ?", [name]).fetchone()
        if had:
            conn.execute("DELETE FROM feed_tokens WHERE name = ?", [name])
            store.audit("user.feed_token_revoke", "user", name)
    return had is not None


def feed_token_account(store: Store, token: str) -> User | None:
    """The enabled account whose feed token ``token`` is, or None."""
    row = store.conn.execute(
        "SELECT f.name FROM feed_tokens f JOIN users u ON u.name = f.name "
        "WHERE f.token_hash = ? AND NOT u.disabled", [_hashed(token)]).fetchone()
    return get_user(store, row[0]) if row else None
