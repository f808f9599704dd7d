"""The few SQL spellings that differ between DuckDB and Spark SQL.

The merge keys, the merge itself and the verdict rules are written once, as SQL in the subset
both engines share (CASE, coalesce, windows, ``count(*) FILTER``, ``VALUES``, md5,
concat_ws, split_part, ...); where the two spell a function differently, that SQL asks a
:class:`Dialect` for it. :data:`DUCKDB` and :data:`SPARK` are the two there are.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DIALECTS", "DUCKDB", "SPARK", "Dialect"]


@dataclass(frozen=True)
class Dialect:
    """SQL spellings of one engine."""

    name: str

    @property
    def spark(self) -> bool:
        return self.name == "spark"

    def literal(self, text: str) -> str:
        """``text`` as a string literal (Spark escapes with backslashes, DuckDB doubles
        quotes)."""
        if self.spark:
            return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
        return "'" + text.replace("'", "''") + "'"

    def materialized(self) -> str:
        """What follows ``name AS`` of a CTE computed once (DuckDB) or as the planner likes."""
        return "" if self.spark else "MATERIALIZED"

    def text(self, value: str) -> str:
        """``value`` cast to a string."""
        return f"CAST({value} AS {'STRING' if self.spark else 'VARCHAR'})"

    def add_days(self, day: str, days: str) -> str:
        """The date ``days`` (an integer expression) after ``day``."""
        return f"date_add({day}, {days})" if self.spark else f"({day} + {days})"

    def days_between(self, later: str, earlier: str) -> str:
        """Whole days from ``earlier`` to ``later`` (dates)."""
        return f"datediff({later}, {earlier})" if self.spark else f"({later} - {earlier})"

    def array(self, *items: str) -> str:
        """An array literal of the SQL expressions ``items``."""
        return (f"array({', '.join(items)})" if self.spark
                else f"[{', '.join(items)}]")

    def collect(self, value: str) -> str:
        """The aggregate array of the non-NULL ``value``s of a group (any order)."""
        return (f"collect_list({value})" if self.spark
                else f"list({value}) FILTER (WHERE {value} IS NOT NULL)")

    def distinct_sorted(self, array: str) -> str:
        """``array`` without repeats, sorted."""
        return (f"array_sort(array_distinct({array}))" if self.spark
                else f"list_sort(list_distinct({array}))")

    def flatten_collect(self, arrays: str) -> str:
        """The aggregate of a group's ``arrays`` into one array."""
        return (f"flatten(collect_list({arrays}))" if self.spark
                else f"flatten(list({arrays}))")

    def size(self, array: str) -> str:
        return f"size({array})" if self.spark else f"len({array})"

    def same(self, left: str, right: str) -> str:
        """``left`` equals ``right``, NULL equal to NULL."""
        return (f"{left} <=> {right}" if self.spark
                else f"{left} IS NOT DISTINCT FROM {right}")

    def contains(self, array: str, value: str) -> str:
        return (f"array_contains({array}, {value})" if self.spark
                else f"list_contains({array}, {value})")

    def any_match(self, array: str, var: str, condition: str) -> str:
        """Whether some element ``var`` of ``array`` meets ``condition``."""
        return (f"exists({array}, {var} -> {condition})" if self.spark
                else f"len(list_filter({array}, lambda {var}: {condition})) > 0")

    def count_matching(self, array: str, var: str, condition: str) -> str:
        """How many elements ``var`` of ``array`` meet ``condition``."""
        return (f"size(filter({array}, {var} -> {condition}))" if self.spark
                else f"len(list_filter({array}, lambda {var}: {condition}))")


DUCKDB = Dialect("duckdb")
SPARK = Dialect("spark")
DIALECTS = {d.name: d for d in (DUCKDB, SPARK)}
