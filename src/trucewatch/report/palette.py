"""Verdict names, colours and strength order, loaded once from ``verdicts.yaml``."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

import yaml

__all__ = ["strongest", "verdict_colors", "verdict_labels", "verdict_order"]


@cache
def _verdicts() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("verdicts.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def verdict_order() -> list[str]:
    """Verdict codes, strongest first; ``none`` (not assessed) last."""
    return list(_verdicts())


def verdict_colors() -> dict[str, str]:
    return {code: v["color"] for code, v in _verdicts().items()}


def verdict_labels() -> dict[str, str]:
    return {code: v["label"] for code, v in _verdicts().items()}


def strongest(verdicts: Iterable[str]) -> str:
    """The strongest of ``verdicts`` (violation beats possible_violation ...), ``none`` if empty."""
    rank = {code: i for i, code in enumerate(verdict_order())}
    return min(verdicts, key=lambda v: rank.get(v, len(rank)), default="none")
