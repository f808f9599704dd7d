"""Watched folders: which dropped files are new or changed, and settled enough to read.

A file still being written (changed within ``settle`` seconds), a hidden file, a partial
download (``.part``, ``.tmp``, ``.crdownload``) and a rejects file that ingest wrote
(``.rejects.csv``) are left alone; a file whose size and modification time are those already
recorded is not read again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from trucewatch.errors import InputError

from .state import FileSeen

__all__ = ["Dropped", "dropped_files"]

_SKIPPED_SUFFIXES = (".part", ".tmp", ".crdownload", ".rejects.csv", "~")


@dataclass(frozen=True)
class Dropped:
    path: Path
    size: int
    mtime_ns: int


def dropped_files(folder: Path, pattern: str, seen: dict[str, FileSeen], *, settle: float,
                  clock: float | None = None) -> list[Dropped]:
    """The files of ``folder`` matching ``pattern`` to read now, oldest first (then by name).

    InputError when the folder does not exist or cannot be listed.
    """
    if not folder.is_dir():
        raise InputError("the watched folder does not exist or is not a folder", path=folder,
                         hint="create it, or fix the folder: entry of the watch file")
    now = time.time() if clock is None else clock
    found = []
    try:
        candidates = sorted(folder.glob(pattern))
    except OSError as exc:
        raise InputError(f"cannot list the folder: {exc.strerror}", path=folder) from exc
    for path in candidates:
        name = path.name
        if name.startswith(".") or name.endswith(_SKIPPED_SUFFIXES):
            continue
        try:
            status = path.stat()
        except OSError:
            continue  # removed since it was listed
        if not path.is_file():
            continue
        known = seen.get(str(path))
        if known is not None and (known.size, known.mtime_ns) == (status.st_size,
                                                                  status.st_mtime_ns):
            continue
        if now - status.st_mtime < settle:
            continue
        found.append(Dropped(path, status.st_size, status.st_mtime_ns))
    return sorted(found, key=lambda d: (d.mtime_ns, str(d.path)))
