"""One line per ingested file that accounts for every row it holds."""

from __future__ import annotations

from trucewatch.sources.pipeline import FileResult

__all__ = ["describe"]


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def describe(result: FileResult) -> str:
    """What ingesting a file did, e.g. ``155 rows read, 133 new documents, 133 new reports,
    20 skipped as not attacks (Protests 15, Riots 5), 2 rejected (see x.rejects.csv);
    dates D Month YYYY, encoding utf-8``."""
    if result.skipped_unchanged:
        return "unchanged, already ingested"
    parts = [_plural(result.rows, "row") + " read", _plural(result.documents, "new document"),
             _plural(result.reports, "new report")]
    if result.superseded:
        parts.append(_plural(result.superseded, "earlier version") + " superseded")
    if result.replaced:
        parts.append(_plural(result.replaced, "report") + " of an earlier reading of the same "
                     "file superseded")
    if result.already_stored > 0:
        parts.append(f"{result.already_stored:,} already stored")
    if result.duplicates:
        parts.append(_plural(result.duplicates, "duplicate") + " (the latest row kept)")
    skipped = sum(result.skipped.values())
    if skipped:
        reasons = ", ".join(f"{reason.removeprefix('not an attack: ')} {count:,}"
                            for reason, count in sorted(result.skipped.items(),
                                                        key=lambda item: (-item[1], item[0])))
        parts.append(f"{skipped:,} skipped as not attacks ({reasons})")
    if result.rejected:
        parts.append(f"{result.rejected:,} rejected (see {result.rejects_path})")
    line = ", ".join(parts)
    read_as = [f"dates {result.date_format}" if result.date_format else "",
               f"encoding {result.encoding}" if result.encoding else ""]
    read_as = [text for text in read_as if text]
    return line + ("; " + ", ".join(read_as) if read_as else "")
