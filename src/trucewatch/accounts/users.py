"""Accounts in the store: add, list, disable, change a password, and log in.

Every change is one transaction with its audit-log entry (who made it: the store's actor).
Accounts are disabled, never deleted, and the last enabled admin cannot be disabled, so that
someone can always manage the others.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from trucewatch.errors import NotFoundError, UsageError
from trucewatch.store import Store

from .passwords import hash_password, stand_in_hash, verify_password
from .roles import Role

__all__ = ["User", "add_user", "authenticate", "disable_user", "get_user", "has_accounts",
           "list_users", "set_password"]

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


@dataclass(frozen=True)
class User:
    """An account: its name, role, whether it is disabled, and who made it when."""

    name: str
    role: Role
    disabled: bool
    created_at: dt.datetime
    created_by: str

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role.value, "disabled": self.disabled,
                "created_at": self.created_at.isoformat(timespec="seconds"),
                "created_by": self.created_by}


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a role; use one of "
                         f"{', '.join(r.value for r in Role)}", field="role") from None


def _check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise UsageError(f"{name!r} is not an account name: use 1-64 letters, digits, '.', '_', "
                         "'@' or '-', starting with a letter or digit", field="name")
    return name


_COLUMNS = "name, role, disabled, created_at, created_by"


def _user(row: tuple[Any, ...]) -> User:
    name, role, disabled, created_at, created_by = row
    return User(name, Role(role), disabled, created_at, created_by)


def has_accounts(store: Store) -> bool:
    """Whether any account is enabled (then the dashboard asks everyone to log in)."""
    return store.conn.execute("SELECT count(*) FROM users WHERE NOT disabled").fetchone()[0] > 0


def list_users(store: Store) -> list[User]:
    """Every account, enabled or not, by name."""
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM users ORDER BY name").fetchall()
    return [_user(row) for row in rows]


def get_user(store: Store, name: str) -> User:
    """The account ``name``; :class:`NotFoundError` if there is none."""
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM users WHERE name = ?", [name]).fetchone()
    if row is None:
        raise NotFoundError(f"no account {name!r}", field="name",
                            hint="list them with `trucewatch users list`")
    return _user(row)


def add_user(store: Store, name: str, role: str, password: str) -> User:
    """Create the account ``name`` with ``role`` and ``password`` (hashed with argon2id)."""
    _check_name(name)
    checked = _role(role)
    hashed = hash_password(password)
    now = dt.datetime.now(dt.UTC)
    with store.transaction() as conn:
        existing = conn.execute("SELECT disabled FROM users WHERE name = ?", [name]).fetchone()
        if existing is not None:
            state = " (disabled)" if existing[0] else ""
            raise UsageError(f"the account {name!r} exists already{state}", field="name",
                             hint="choose another name, or change its password with "
                             "`trucewatch users passwd`")
        conn.execute("INSERT INTO users VALUES (?, ?, ?, false, ?, ?, ?)",
                     [name, checked.value, hashed, now, store.actor, now])
        store.audit("user.add", "user", name, {"role": checked.value})
    return User(name, checked, False, now, store.actor)


def disable_user(store: Store, name: str) -> User:
    """Disable the account ``name``: it can no longer log in; its name stays in the records."""
    user = get_user(store, name)
    if user.disabled:
        return user
    with store.transaction() as conn:
        admins = conn.execute(
            "SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled").fetchone()[0]
        if user.role is Role.ADMIN and admins == 1:
            raise UsageError(f"{name!r} is the last enabled admin", field="name",
                             hint="add another admin first, so that someone can manage accounts")
        conn.execute("UPDATE users SET disabled = true, changed_at = ? WHERE name = ?",
                     [dt.datetime.now(dt.UTC), name])
        store.audit("user.disable", "user", name)
    return get_user(store, name)


def set_password(store: Store, name: str, password: str) -> User:
    """Give the account ``name`` a new password."""
    get_user(store, name)
    hashed = hash_password(password)
    with store.transaction() as conn:
        conn.execute("UPDATE users SET password_hash = ?, changed_at = ? WHERE name = ?",
                     [hashed, dt.datetime.now(dt.UTC), name])
        store.audit("user.passwd", "user", name)
    return get_user(store, name)


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The enabled account ``name`` if ``password`` is its password, else None. Unknown names
    cost the same work as wrong passwords, so timing does not tell which names exist."""
    row = store.conn.execute(
        f"SELECT {_COLUMNS}, password_hash FROM users WHERE name = ?", [name]).fetchone()
    if row is None:
        verify_password(stand_in_hash(), password)
        return None
    user, hashed = _user(row[:-1]), row[-1]
    if not verify_password(hashed, password) or user.disabled:
        return None
    return user
