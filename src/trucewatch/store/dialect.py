"""The few SQL spellings that differ between DuckDB and Spark SQL: the one dialect map.

The mapping of the bulk formats, the merge keys, the merge itself and the verdict rules are
written once, as SQL in the subset both engines share (CASE, coalesce, windows,
``count(*) FILTER``, ``VALUES``, md5, concat_ws, split_part, ``||``, struct fields, ...). Where
the two spell something differently that SQL is spelled in one of two ways, both backed by
the same :class:`Dialect` methods:

* SQL built in Python asks a :class:`Dialect` (:data:`DUCKDB` or :data:`SPARK`) for the
  spelling, e.g. ``d.contains("area", "country")``;
* SQL written as text (the verdict rules of ``assess/rules.yaml``) calls the portable
  functions of :data:`FUNCTIONS`, and :func:`translate` rewrites them (and Spark's string
  literals) for an engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["DIALECTS", "DUCKDB", "FUNCTIONS", "SPARK", "Dialect", "dialect_named", "translate"]


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

    def string_type(self) -> str:
        """The name of the string type."""
        return "STRING" if self.spark else "VARCHAR"

    def type_named(self, kind: str) -> str:
        """The engine's name of the SQL type ``kind``: ``STRING`` is a string, ``TIMESTAMP``
        a date and time without a zone (the store's instants in UTC); others are the same."""
        if kind == "STRING":
            return self.string_type()
        if kind == "TIMESTAMP":
            return "TIMESTAMP_NTZ" if self.spark else "TIMESTAMP"
        return kind

    def text(self, value: str) -> str:
        """``value`` (a date, timestamp or number) cast to a string; dates as YYYY-MM-DD."""
        return f"CAST({value} AS {self.string_type()})"

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

    def join(self, array: str, separator: str) -> str:
        """The elements of ``array`` as one string, ``separator`` between them."""
        return (f"array_join({array}, {separator})" if self.spark
                else f"array_to_string({array}, {separator})")

    def first(self, array: str) -> str:
        """The first element of ``array`` (NULL when it is empty)."""
        return f"element_at({array}, 1)" if self.spark else f"list_extract({array}, 1)"

    def first_matching(self, array: str, var: str, condition: str) -> str:
        """The first element ``var`` of ``array`` that meets ``condition``, or NULL."""
        return (f"try_element_at(filter({array}, {var} -> {condition}), 1)" if self.spark
                else f"list_extract(list_filter({array}, lambda {var}: {condition}), 1)")

    def collect(self, value: str) -> str:
        """The aggregate array of the non-NULL ``value``s of a group (any order; empty, not
        NULL, when every value is NULL)."""
        return (f"collect_list({value})" if self.spark
                else f"coalesce(list({value}) FILTER (WHERE {value} IS NOT NULL), [])")

    def distinct_sorted(self, array: str) -> str:
        """``array`` without repeats, sorted."""
        return (f"array_sort(array_distinct({array}))" if self.spark
                else f"list_sort(list_distinct({array}))")

    def flatten_collect(self, arrays: str) -> str:
        """The aggregate of a group's ``arrays`` into one array."""
        return (f"flatten(collect_list({arrays}))" if self.spark
                else f"flatten(list({arrays}))")

    def min_by(self, value: str, key: str) -> str:
        """The aggregate ``value`` of the group's row with the least non-NULL ``key``."""
        return f"min_by({value}, {key})" if self.spark else f"arg_min({value}, {key})"

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
                else f"(len(list_filter({array}, lambda {var}: {condition})) > 0)")

    def count_matching(self, array: str, var: str, condition: str) -> str:
        """How many elements ``var`` of ``array`` meet ``condition``."""
        return (f"size(filter({array}, {var} -> {condition}))" if self.spark
                else f"len(list_filter({array}, lambda {var}: {condition}))")


DUCKDB = Dialect("duckdb")
SPARK = Dialect("spark")
DIALECTS = {d.name: d for d in (DUCKDB, SPARK)}


def dialect_named(dialect: Dialect | str) -> Dialect:
    """The :class:`Dialect` named ``dialect`` (a :class:`Dialect` is returned as it is)."""
    if isinstance(dialect, Dialect):
        return dialect
    if dialect not in DIALECTS:
        raise ValueError(f"unknown SQL dialect {dialect!r}; use one of {', '.join(DIALECTS)}")
    return DIALECTS[dialect]


def _covering(d: Dialect, periods: str, day: str) -> str:
    """The first period of ``periods`` (structs with ``from_date``, NULL: since ever, and
    ``until_date``, exclusive, NULL: still running) covering ``day``; a list of one period,
    the common case, is tested without a lambda."""
    def test(period: str) -> str:
        return (f"({period}.from_date IS NULL OR {period}.from_date <= {day}) "
                f"AND ({period}.until_date IS NULL OR {day} < {period}.until_date)")

    first = d.first(periods)
    return (f"CASE WHEN {d.size(periods)} = 0 THEN NULL "
            f"WHEN {d.size(periods)} = 1 THEN CASE WHEN {test(first)} THEN {first} END "
            f"ELSE {d.first_matching(periods, 'p', test('p'))} END")


#: The portable functions SQL written as text may call: name -> its spelling in a dialect,
#: given the (translated) arguments.
FUNCTIONS: dict[str, Callable[[Dialect, list[str]], str]] = {
    # list_contains(list, value): whether the list holds the value
    "list_contains": lambda d, a: d.contains(a[0], a[1]),
    # len(list): the number of elements
    "len": lambda d, a: d.size(a[0]),
    # list_has_like(list, pattern): whether any element is LIKE the pattern
    "list_has_like": lambda d, a: d.any_match(a[0], "x", f"x LIKE {a[1]}"),
    # join(list, separator): the elements as one string
    "join": lambda d, a: d.join(a[0], a[1]),
    # text(value): a date, timestamp or number as text (dates as YYYY-MM-DD)
    "text": lambda d, a: d.text(a[0]),
    # list_of(a, b, ...): a list literal
    "list_of": lambda d, a: d.array(*a),
    # covering(periods, day): the first period of the list that covers the day, or NULL
    "covering": lambda d, a: _covering(d, a[0], a[1]),
}

_CALL = re.compile(r"\b(" + "|".join(FUNCTIONS) + r")\s*\(")


def translate(sql: str, dialect: Dialect | str) -> str:
    """``sql`` written in the portable subset, in ``dialect``.

    String literals are written in standard SQL (a quote inside doubled); Spark SQL reads
    backslash escapes instead, and would read ``'a''b'`` as two adjacent literals.
    """
    d = dialect_named(dialect)
    spelled = _functions(sql, d)
    return _backslash_literals(spelled) if d.spark else spelled


def _arguments(sql: str, start: int) -> tuple[list[str], int]:
    """The top-level arguments of the call whose ``(`` is at ``start``, and the index after
    its ``)``. Commas inside parentheses, brackets or quotes do not split."""
    depth, quote, args, begin = 0, False, [], start + 1
    for i in range(start, len(sql)):
        char = sql[i]
        if char == "'":
            quote = not quote
        elif quote:
            continue
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                args.append(sql[begin:i].strip())
                return [a for a in args if a], i + 1
        elif char == "," and depth == 1:
            args.append(sql[begin:i].strip())
            begin = i + 1
    raise ValueError(f"unbalanced parentheses in {sql!r}")


def _functions(sql: str, d: Dialect) -> str:
    out, position = [], 0
    for match in _CALL.finditer(sql):
        if match.start() < position or _in_quotes(sql, match.start()):
            continue
        args, end = _arguments(sql, match.end() - 1)
        spelled = FUNCTIONS[match[1]](d, [_functions(a, d) for a in args])
        out += [sql[position:match.start()], spelled]
        position = end
    out.append(sql[position:])
    return "".join(out)


def _in_quotes(sql: str, index: int) -> bool:
    return sql[:index].count("'") % 2 == 1


def _backslash_literals(sql: str) -> str:
    """Standard SQL string literals rewritten with backslash escapes (Spark SQL's)."""
    out: list[str] = []
    inside, i = False, 0
    while i < len(sql):
        char = sql[i]
        if char == "'" and inside and sql[i + 1:i + 2] == "'":
            out.append("\\'")
            i += 2
            continue
        if char == "'":
            inside = not inside
        elif char == "\\" and inside:
            char = "\\\\"
        out.append(char)
        i += 1
    return "".join(out)
