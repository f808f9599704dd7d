"""``trucewatch profiles``: the conflict profiles trucewatch ships, and the ``--profile``
option of the commands that read texts."""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.table import Table

from trucewatch import profiles

from .render import console, print_json

#: The help of every command's ``--profile`` option.
PROFILE_HELP = ("Conflict profile whose parties, places and words the texts are read with "
                "(`trucewatch profiles` lists them).")


class ProfilesFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def profile_option(name: str | None) -> str | None:
    """A ``--profile`` value checked against the shipped profiles (None stays None)."""
    return None if name is None else profiles.load(name).name


def register(app: typer.Typer) -> None:
    @app.command("profiles")
    def profiles_command(
        output: ProfilesFormat = typer.Option(ProfilesFormat.TABLE, "--format", "-f",
                                              help="Output format."),
    ) -> None:
        """List the conflict profiles: name, parties, languages and the countries of the
        gazetteer. A profile is data (docs/profiles.md tells how to add one).

        Example: [bold]trucewatch profiles[/]
        """
        shipped = [profiles.load(name).describe() for name in profiles.names()]
        if output is ProfilesFormat.JSON:
            print_json(shipped)
            return
        table = Table("name", "title", "parties", "languages", "countries")
        for item in shipped:
            parties = item["parties"]
            assert isinstance(parties, dict)
            table.add_row(
                str(item["name"]), str(item["title"]),
                "\n".join(f"{code} {p['name']} ({p['role']}"
                          + (", non-state" if p["kind"] != "state" else "") + ")"
                          for code, p in parties.items()),
                ", ".join(item["languages"]),  # type: ignore[arg-type]
                ", ".join(item["countries"]),  # type: ignore[arg-type]
            )
        console.print(table)
