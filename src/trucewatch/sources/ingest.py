"""Ingesting files end to end: each file in its own transaction, then merge and assess."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trucewatch.assess import assess
from trucewatch.errors import UsageError
from trucewatch.incidents import merge_incidents
from trucewatch.sources.fetch import fetch, is_url
from trucewatch.sources.pipeline import FileResult, ingest_file
from trucewatch.store import Store

__all__ = ["IngestSummary", "ingest"]

#: The formats whose input may be given by URL: one feed, or one web page.
FETCHABLE = ("rss", "text")


@dataclass
class IngestSummary:
    """What an ingest run did: per file, then the incidents and verdicts rebuilt."""

    files: list[FileResult] = field(default_factory=list)
    incidents: int | None = None
    verdicts: int | None = None


def ingest(
    store: Store, source_format: str, paths: Sequence[str | Path], *, skip_bad: bool = False,
    rejects_path: str | Path | None = None, merge: bool = True,
    progress: Callable[[Path, int, int], None] | None = None, timeout: float = 30.0,
    **options: Any,
) -> IngestSummary:
    """Ingest ``paths`` as ``source_format``; then rebuild incidents and verdicts.

    A path may be an http(s) URL for the rss and text formats: it is fetched (within
    ``timeout`` seconds) into ``fetched/`` beside the database, and that copy is ingested.
    A bad row stops its file (nothing of that file is written; files before it stay) unless
    ``skip_bad``. ``progress(path, line, total_lines)`` reports progress within each file.
    """
    if rejects_path is not None and len(paths) > 1:
        raise UsageError("--rejects names one file, but several inputs were given",
                         hint="leave out --rejects to write PATH.rejects.csv next to each input")
    summary = IngestSummary()
    for given in map(str, paths):
        path, extra = _local(store, source_format, given, timeout)
        step = (lambda line, total, path=path: progress(path, line, total)) if progress else None
        summary.files.append(ingest_file(
            store, source_format, path, skip_bad=skip_bad, rejects_path=rejects_path,
            progress=step, **options, **extra))
    if merge and any(not f.skipped_unchanged for f in summary.files):
        summary.incidents = merge_incidents(store)
        summary.verdicts = assess(store)
    return summary


def _local(store: Store, source_format: str, given: str, timeout: float
           ) -> tuple[Path, dict[str, Any]]:
    """The local file to ingest for a path or URL, and the reader options a URL adds."""
    if not is_url(given):
        return Path(given), {}
    if source_format not in FETCHABLE:
        raise UsageError(f"the {source_format} format reads files, not URLs",
                         hint="download the file first, or use the rss or text format")
    saved = fetch(given, store.path.parent / "fetched", timeout=timeout)
    return saved, {"url": given} if source_format == "text" else {}
