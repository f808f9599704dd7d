"""The ``trucewatch`` command line: a thin layer over the library."""

from __future__ import annotations

from .app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app(prog_name="trucewatch")
