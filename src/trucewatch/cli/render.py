"""Shared rendering helpers for CLI commands: consoles and output formats."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from typing import Any

from rich.console import Console

# Message lines never wrap (they are grepped and piped); tables still fit the width.
console = Console(highlight=False, soft_wrap=True, width=None if os.isatty(1) else 120)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def print_wrapped(text: str, *, markup: bool = True) -> None:
    """Print prose (explanations, quotes, reasons) word-wrapped to the console's width."""
    console.print(text, soft_wrap=False, markup=markup)


def print_json(data: Any) -> None:
    """Write ``data`` as indented JSON to stdout, dates and other values as strings."""
    console.out(json.dumps(data, indent=2, ensure_ascii=False, default=str), highlight=False)
