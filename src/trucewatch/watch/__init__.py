"""Continuous monitoring: the watch file, the watcher that polls its sources on their own
intervals, and the health of each source.

>>> from trucewatch.store.session import StoreSession
>>> from trucewatch.watch import Watcher, load_config
>>> session = StoreSession("cases.duckdb")  # doctest: +SKIP
>>> watcher = Watcher(load_config("sources.yaml"), session, fetched=Path("fetched"),
...                   release=session.release)  # doctest: +SKIP
>>> watcher.run_once().alerts  # doctest: +SKIP
"""

from __future__ import annotations

from .config import SourceEntry, WatchConfig, load_config, parse_config
from .outcome import RoundReport, SourceOutcome
from .state import source_health
from .watcher import Watcher

__all__ = ["RoundReport", "SourceEntry", "SourceOutcome", "WatchConfig", "Watcher",
           "load_config", "parse_config", "source_health"]
