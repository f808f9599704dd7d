"""Password hashes: argon2id (argon2-cffi) with its recommended parameters.

A hash carries its own salt and parameters, so stronger parameters later still verify old
hashes.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from trucewatch.errors import UsageError

__all__ = ["MAX_LENGTH", "MIN_LENGTH", "check_password", "hash_password", "stand_in_hash",
           "verify_password"]

MIN_LENGTH = 8
#: Longer passwords are refused: hashing megabytes on request would be a way to stall the server.
MAX_LENGTH = 1024


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def check_password(password: str) -> None:
    """Raise :class:`UsageError` for a password too short or too long to be accepted."""
    if len(password) < MIN_LENGTH:
        raise UsageError(f"the password has {len(password)} characters; at least {MIN_LENGTH} "
                         "are needed", field="password")
    if len(password) > MAX_LENGTH:
        raise UsageError(f"the password is longer than {MAX_LENGTH} characters",
                         field="password")


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (after :func:`check_password`)."""
    check_password(password)
    return _hasher().hash(password)


def verify_password(hashed: str, password: str) -> bool:
    """Whether ``password`` matches ``hashed``; False for anything malformed."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher().verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def stand_in_hash() -> str:
    """A hash to verify against when a login names no account, so that an unknown name costs
    as much time as a wrong password and timing does not tell which names exist."""
    return _hasher().hash("no account has this password")
