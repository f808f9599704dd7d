"""``trucewatch users add|list|disable|passwd|feed-token``: the accounts of a shared dashboard."""

from __future__ import annotations

import sys
from getpass import getpass

import typer
from rich.table import Table

from trucewatch.accounts import Role
from trucewatch.accounts.passwords import check_password
from trucewatch.errors import UsageError

from .database import run
from .render import console, print_json

users_app = typer.Typer(
    no_args_is_help=True,
    help="Accounts of the dashboard: viewer (reads), analyst (reviews), editor (agreements, "
    "ingest, sources), admin (accounts).\n\n"
    "Example: [bold]trucewatch users add ana --role analyst[/]",
)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")


def _password(from_stdin: bool) -> str:
    """The new password: the first line of stdin, or typed twice at a prompt."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        check_password(password)
        return password
    if not sys.stdin.isatty():
        raise UsageError("no terminal to type the password in",
                         hint="pass --password-stdin and send it on standard input")
    password = getpass("password: ")
    check_password(password)
    if getpass("the same again: ") != password:
        raise UsageError("the two passwords differ; nothing was changed")
    return password


_STDIN_HELP = "Read the password from the first line of standard input instead of a prompt."


@users_app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Account name: letters, digits, '.', '_', '@', '-'."),
    role: Role = typer.Option(..., "--role", help="viewer, analyst, editor or admin."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help=_STDIN_HELP),
) -> None:
    """Add an account. Its password is asked twice, or read from stdin with --password-stdin.
    From the first account on, everyone logs in to the dashboard.

    Example: [bold]printf '%s\\n' "$PASSWORD" | trucewatch users add ana --role analyst
    --password-stdin[/]
    """
    user = run(ctx, "users.add", {"name": name, "role": role.value,
                                  "password": _password(password_stdin)})
    console.print(f"added {user['name']} ({user['role']})")


@users_app.command("list")
def list_(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="JSON output.")
) -> None:
    """List the accounts, disabled ones included.

    Example: [bold]trucewatch users list[/]
    """
    users = run(ctx, "users.list")
    if as_json:
        print_json(users)
        return
    table = Table()
    for column in ("name", "role", "state", "created", "by"):
        table.add_column(column)
    for user in users:
        table.add_row(user["name"], user["role"], "disabled" if user["disabled"] else "enabled",
                      user["created_at"][:10], user["created_by"])
    console.print(table)
    if not users:
        console.print("no accounts: the dashboard serves this machine only, without login")


@users_app.command("disable")
def disable(ctx: typer.Context, name: str = typer.Argument(..., help="Account name.")) -> None:
    """Disable an account: it cannot log in any more and its sessions end; its name stays on
    its reviews and in the audit log.

    Example: [bold]trucewatch users disable ana[/]
    """
    user = run(ctx, "users.disable", {"name": name})
    console.print(f"disabled {user['name']}")


@users_app.command("passwd")
def passwd(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Account name."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help=_STDIN_HELP),
) -> None:
    """Set an account's password; its open sessions end.

    Example: [bold]trucewatch users passwd ana[/]
    """
    user = run(ctx, "users.passwd", {"name": name, "password": _password(password_stdin)})
    console.print(f"changed the password of {user['name']}")


@users_app.command("feed-token")
def feed_token(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Account name."),
    revoke: bool = typer.Option(False, "--revoke", help="Remove the account's feed token."),
) -> None:
    """Make a feed token for an account (replacing its old one), for feed readers that cannot
    log in: it opens the alerts feed, /alerts.atom?token=TOKEN, with the account's rights, and
    nothing else. Only its hash is stored: it is shown once.

    Example: [bold]trucewatch users feed-token ana[/]
    """
    done = run(ctx, "users.feed_token", {"name": name, "revoke": revoke})
    if revoke:
        console.print(f"revoked the feed token of {name}" if done["revoked"]
                      else f"{name} had no feed token")
        return
    console.print(f"feed token of {name} (shown once; a new one replaces it):")
    console.print(done["token"], markup=False, highlight=False)
    console.print(f"feed: /alerts.atom?token={done['token']} on the dashboard", markup=False,
                  highlight=False)
