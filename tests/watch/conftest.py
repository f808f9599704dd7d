"""Fixtures of the watcher tests: a store holding the test agreement, real servers on the
loopback, a clock the tests move, and a watcher over a watch file they write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from trucewatch.agreements import add_agreement, load_spec
from trucewatch.store import open_store
from trucewatch.store.session import StoreSession
from trucewatch.watch import Watcher, parse_config

from .servers import Entry, Hook, Inbox, Site, atom, self_signed, start_hook, start_site, start_smtp

AGREEMENT = Path(__file__).with_name("agreement.yaml")
SECRET = "test-secret-not-for-use"

#: Reports the extractor reads as strikes in scope (entries written for these tests).
KHARKIV = Entry("urn:test:1", "Russian drones attack power substation in Kharkiv region",
                "Russian drones attacked a power substation in the Kharkiv region overnight, "
                "the regional governor said.", "2025-03-20T09:00:00+02:00")
SUDZHA = Entry("urn:test:2", "Drone attack on gas metering station in Kursk region",
               "Russia's defence ministry said Ukrainian drones attacked the gas metering "
               "station at Sudzha in the Kursk region overnight.", "2025-03-28T08:30:00+03:00")
SUDZHA_DENIED = Entry(SUDZHA.id, SUDZHA.title, SUDZHA.text + " Kyiv denied the claim.",
                      SUDZHA.published, "2025-03-28T12:00:00+03:00")
ODESA = Entry("urn:test:3", "Russian missile hits oil depot in Odesa region",
              "A Russian missile struck an oil depot in the Odesa region on Sunday, the "
              "regional administration said.", "2025-03-30T10:00:00+03:00")
TALKS = Entry("urn:test:4", "Talks continue in Riyadh",
              "Delegations met again in Riyadh on Monday to discuss a maritime ceasefire.",
              "2025-03-24T10:00:00+03:00")


class Clock:
    """The watcher's time, moved by the tests (the rules' 'today' is its date)."""

    def __init__(self, start: dt.datetime) -> None:
        self.time = start

    def __call__(self) -> dt.datetime:
        return self.time

    def advance(self, **delta: float) -> None:
        self.time += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2025, 4, 10, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "watch.duckdb"
    with open_store(path) as store:
        add_agreement(store, load_spec(AGREEMENT), source_path=AGREEMENT)
    return path


@pytest.fixture
def site() -> Iterator[Site]:
    found, server = start_site()
    yield found
    server.shutdown()
    server.server_close()


def serve_feed(site: Site, path: str, entries: list[Entry], **route: object) -> str:
    """Serve ``entries`` as an Atom feed at ``path``; the feed's URL."""
    from .servers import Route

    site.routes[path] = Route(body=atom(f"feed {path}", entries), **route)  # type: ignore[arg-type]
    return site.url + path


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hook]:
    monkeypatch.setenv("TW_HOOK_SECRET", SECRET)
    found, server = start_hook(SECRET.encode())
    yield found
    server.shutdown()
    server.server_close()


@pytest.fixture
def tls_files(tmp_path: Path) -> tuple[Path, Path]:
    return self_signed(tmp_path)


@pytest.fixture
def smtp(tls_files: tuple[Path, Path]) -> Iterator[tuple[Inbox, int]]:
    inbox, controller = start_smtp(*tls_files)
    yield inbox, controller.port
    controller.stop()


WatcherFactory = Callable[..., Watcher]


@pytest.fixture
def make_watcher(tmp_path: Path, db: Path, clock: Clock) -> Iterator[WatcherFactory]:
    """``make_watcher(config_dict)``: a watcher over the test store, with a watch file written
    from ``config_dict`` into the test folder."""
    made: list[Watcher] = []

    def make(config: dict, **options: object) -> Watcher:
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        session = StoreSession(db)
        watcher = Watcher(parse_config(path.read_text(), path=path), session,
                          fetched=tmp_path / "fetched", release=session.release, now=clock,
                          backoff=0.01, **options)  # type: ignore[arg-type]
        made.append(watcher)
        return watcher

    yield make
    for watcher in made:
        watcher.close()
