"""Accounts of the team that shares a dashboard: names, roles and password hashes.

Roles, each allowing what the one before it does and more (:mod:`.roles`): ``viewer`` reads,
``analyst`` reviews and annotates incidents, ``editor`` adds agreements and ingests sources,
``admin`` manages accounts. Passwords are kept as argon2id hashes (:mod:`.passwords`).
"""

from __future__ import annotations

from .roles import Permission, Role, allowed_roles, require
from .users import (
    User,
    add_user,
    authenticate,
    disable_user,
    get_user,
    has_accounts,
    list_users,
    set_password,
)

__all__ = [
    "Permission",
    "Role",
    "User",
    "add_user",
    "allowed_roles",
    "authenticate",
    "disable_user",
    "get_user",
    "has_accounts",
    "list_users",
    "require",
    "set_password",
]
