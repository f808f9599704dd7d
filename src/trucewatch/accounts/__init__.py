"""Accounts of the team that shares a dashboard: names, roles and password hashes.

Roles, each allowing what the one before it does and more (:mod:`.roles`): ``viewer`` reads,
``analyst`` reviews and annotates incidents, ``editor`` adds agreements and ingests sources,
``admin`` manages accounts. Passwords are kept as argon2id hashes (:mod:`.passwords`); a feed
token per account opens the alerts feed for readers that cannot log in (:mod:`.feed_tokens`).
"""

from __future__ import annotations

from .feed_tokens import feed_token_account, new_feed_token, revoke_feed_token
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
    "feed_token_account",
    "get_user",
    "has_accounts",
    "list_users",
    "new_feed_token",
    "require",
    "revoke_feed_token",
    "set_password",
]
