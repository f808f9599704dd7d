"""Ingesting files and URLs: each file in its own transaction, a URL fetched first."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from trucewatch.errors import UsageError
from trucewatch.sources.fetch import fetch, is_url
from trucewatch.sources.pipeline import FileResult, ingest_file
from trucewatch.store import Store

__all__ = ["FETCHABLE", "ingest_files"]

#: The formats whose input may be given by URL: one feed, or one web page.
FETCHABLE = ("rss", "text")


def ingest_files(
    store: Store, source_format: str, paths: Sequence[str | Path], *, skip_bad: bool = False,
    rejects_path: str | Path | None = None,
    progress: Callable[[Path, int, int], None] | None = None, timeout: float = 30.0,
    after_file: Callable[[FileResult], None] | None = None, **options: Any,
) -> list[FileResult]:
    """Ingest ``paths`` as ``source_format``, one transaction per file; a result per file.

    A path may be an http(s) URL for the rss and text formats: it is fetched (within
    ``timeout`` seconds) into ``fetched/`` beside the database, and that copy is ingested.
    A bad row stops its file (nothing of that file is written; files before it stay) unless
    ``skip_bad``. ``progress(path, line, total_lines)`` reports progress within each file.
    ``after_file(result)`` runs inside the transaction of each file that changed anything, so
    what depends on the reports can be brought up to date in the same transaction
    (:func:`trucewatch.workflow.ingest` rebuilds incidents and verdicts there).
    """
    if rejects_path is not None and len(paths) > 1:
        raise UsageError("--rejects names one file, but several inputs were given",
                         hint="leave out --rejects to write PATH.rejects.csv next to each input")
    results = []
    for given in map(str, paths):
        path, extra = _local(store, source_format, given, timeout)
        step = (lambda line, total, path=path: progress(path, line, total)) if progress else None
        results.append(ingest_file(
            store, source_format, path, skip_bad=skip_bad, rejects_path=rejects_path,
            progress=step, after_write=after_file, **options, **extra))
    return results


def _local(store: Store, source_format: str, given: str, timeout: float
           ) -> tuple[Path, dict[str, Any]]:
    """The local file to ingest for a path or URL, and the reader options a URL adds."""
    if not is_url(given):
        return Path(given), {}
    if source_format not in FETCHABLE:
        raise UsageError(f"the {source_format} format reads files, not URLs",
                         hint="download the file first, or use the rss or text format")
    saved = fetch(given, store.path.parent / "fetched", timeout=timeout)
    if source_format != "text":
        return saved, {}
    return saved, {"url": given, "version": time.time_ns() // 1_000_000}
