"""Shared test helpers: a stub target classifier (the real one is tested by the text suite)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from trucewatch.sources import notes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

_PHRASES = (
    ("substation", "energy.power_grid"), ("power lines", "energy.power_grid"),
    ("oil depot", "energy.oil_gas_network"), ("metering station", "energy.oil_gas_network"),
    ("gas pipeline", "energy.oil_gas_network"), ("power plant", "energy.power_generation"),
    ("energy", "energy.other"), ("heating plant", "energy.other"),
    ("residential", "civilian"), ("airfield", "military"),
)


def classify(text: str, language: str) -> tuple[str, str] | None:
    lower = text.lower()
    return next(((cls, word) for word, cls in _PHRASES if word in lower), None)


@pytest.fixture
def stub_classifier(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Replace the extractor's classifier with a fixed phrase list for the importer tests."""
    _clear()
    monkeypatch.setattr(notes, "_classifier", lambda: classify)
    yield
    _clear()


def _clear() -> None:
    notes.read_note.cache_clear()
    notes._classify_sentence.cache_clear()
