"""The web dashboard: ``create_app(db)`` gives a FastAPI app; ``trucewatch serve`` runs it."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
