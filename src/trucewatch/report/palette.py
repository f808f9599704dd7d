"""Verdict names and colours, loaded once from ``verdicts.yaml``, in the verdicts' strength
order (:func:`trucewatch.assess.verdicts.verdict_order`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from trucewatch.assess.verdicts import verdict_order

__all__ = ["verdict_colors", "verdict_labels"]


@cache
def _verdicts() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("verdicts.yaml").read_text(encoding="utf-8")
    styles = yaml.safe_load(text)
    return {code: styles[code] for code in verdict_order()}


def verdict_colors() -> dict[str, str]:
    return {code: v["color"] for code, v in _verdicts().items()}


def verdict_labels() -> dict[str, str]:
    return {code: v["label"] for code, v in _verdicts().items()}
