"""Docs that cannot drift: every command has help with an example and appears in the README;
the package's ``__all__`` is what it exports."""

from __future__ import annotations

import typer.main

import trucewatch
from trucewatch.cli import app

from .conftest import REPO


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield from _commands(command, path)
        else:
            yield path, command


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_every_command_has_help_with_an_example():
    missing = [" ".join(path) for path, command in COMMANDS
               if "Example:" not in (command.help or "")]
    assert missing == []


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [" ".join(path) for path, _ in COMMANDS
               if f"trucewatch {' '.join(path)}" not in readme]
    assert missing == []


def test_all_lists_exactly_the_public_names():
    public = {name for name in vars(trucewatch) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(trucewatch, name)).__name__ == "module"}
    assert sorted(public - modules) == sorted(trucewatch.__all__)
