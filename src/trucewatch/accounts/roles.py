"""Roles and what each may do. Each role may do what the roles before it may, and more."""

from __future__ import annotations

from enum import StrEnum

from trucewatch.errors import AccessError

__all__ = ["Permission", "Role", "allowed_roles", "require"]


class Role(StrEnum):
    """An account's role, from the least to the most it may do."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class Permission(StrEnum):
    """What an action needs; the value says it in words for messages."""

    READ = "read"
    REVIEW = "review or annotate incidents"
    EDIT = "add agreements, ingest or watch sources"
    ADMIN = "manage accounts"


#: The least role that has each permission.
_LEAST = {Permission.READ: Role.VIEWER, Permission.REVIEW: Role.ANALYST,
          Permission.EDIT: Role.EDITOR, Permission.ADMIN: Role.ADMIN}


def allowed_roles(permission: Permission) -> list[Role]:
    """The roles that have ``permission``."""
    return [role for role in Role if role.rank >= _LEAST[permission].rank]


def require(role: Role | str, permission: Permission, *, who: str = "this account") -> None:
    """Raise :class:`AccessError` unless ``role`` has ``permission``."""
    if Role(role).rank < _LEAST[permission].rank:
        roles = " or ".join(r.value for r in allowed_roles(permission))
        raise AccessError(f"{who} is a {Role(role).value} and may not {permission.value}",
                          hint=f"that needs the role {roles}; an admin can change it")
