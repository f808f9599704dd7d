"""The few SQL functions that DuckDB and Spark SQL spell differently, and a translator.

The verdict rules (:mod:`trucewatch.assess.rules`) are written in a portable subset of SQL:
comparisons, ``AND``/``OR``/``NOT``, ``IS [NOT] NULL``, ``IN``, ``LIKE``, ``CASE``,
``coalesce``, ``round``, ``||`` and struct fields (``closure.status``), plus the functions
of :data:`FUNCTIONS`, which :func:`translate` rewrites into each engine's own spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["DIALECTS", "FUNCTIONS", "translate"]

Spelling = Callable[[list[str]], str]


def _covering(filtered: Callable[[str, str], str], element: Callable[[str], str],
              size: str) -> Spelling:
    """The first element of a list of periods (``from_date``, ``until_date``) covering a day;
    a list of one period (the common case) is tested without a lambda."""
    def test(period: str, day: str) -> str:
        return (f"({period}.from_date IS NULL OR {period}.from_date <= {day}) "
                f"AND ({period}.until_date IS NULL OR {day} < {period}.until_date)")

    def spell(args: list[str]) -> str:
        periods, day = args
        first = element(periods)
        return (f"CASE WHEN {size}({periods}) = 0 THEN NULL "
                f"WHEN {size}({periods}) = 1 THEN CASE WHEN {test(first, day)} THEN {first} END "
                f"ELSE {filtered(periods, test('p', day))} END")
    return spell


#: Function name -> its spelling in each dialect, given the translated arguments.
FUNCTIONS: dict[str, dict[str, Spelling]] = {
    # list_contains(list, value): whether the list holds the value
    "list_contains": {
        "duckdb": lambda a: f"list_contains({a[0]}, {a[1]})",
        "spark": lambda a: f"array_contains({a[0]}, {a[1]})",
    },
    # len(list): the number of elements
    "len": {
        "duckdb": lambda a: f"len({a[0]})",
        "spark": lambda a: f"size({a[0]})",
    },
    # list_has_like(list, pattern): whether any element is LIKE the pattern
    "list_has_like": {
        "duckdb": lambda a: f"(len(list_filter({a[0]}, lambda x: x LIKE {a[1]})) > 0)",
        "spark": lambda a: f"exists({a[0]}, x -> x LIKE {a[1]})",
    },
    # join(list, separator): the elements as one string
    "join": {
        "duckdb": lambda a: f"array_to_string({a[0]}, {a[1]})",
        "spark": lambda a: f"array_join({a[0]}, {a[1]})",
    },
    # text(value): a date, timestamp or number as text (dates as YYYY-MM-DD)
    "text": {
        "duckdb": lambda a: f"CAST({a[0]} AS VARCHAR)",
        "spark": lambda a: f"CAST({a[0]} AS STRING)",
    },
    # list_of(a, b, ...): a list literal
    "list_of": {
        "duckdb": lambda a: f"[{', '.join(a)}]",
        "spark": lambda a: f"array({', '.join(a)})",
    },
    # covering(periods, day): the first period of the list that covers the day, or NULL;
    # a period is a struct with from_date (NULL: since ever) and until_date (exclusive; NULL:
    # still running)
    "covering": {
        "duckdb": _covering(
            lambda items, test: f"list_extract(list_filter({items}, lambda p: {test}), 1)",
            lambda items: f"list_extract({items}, 1)", "len"),
        "spark": _covering(
            lambda items, test: f"try_element_at(filter({items}, p -> {test}), 1)",
            lambda items: f"element_at({items}, 1)", "size"),
    },
}

DIALECTS = ("duckdb", "spark")

_CALL = re.compile(r"\b(" + "|".join(FUNCTIONS) + r")\s*\(")


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


def translate(sql: str, dialect: str) -> str:
    """``sql`` written in the portable subset, in ``dialect`` (``duckdb`` or ``spark``).

    String literals are written in standard SQL (a quote inside doubled); Spark SQL reads
    backslash escapes instead, and would read ``'a''b'`` as two adjacent literals.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown SQL dialect {dialect!r}; use one of {', '.join(DIALECTS)}")
    spelled = _functions(sql, dialect)
    return _backslash_literals(spelled) if dialect == "spark" else spelled


def _functions(sql: str, dialect: str) -> str:
    out, position = [], 0
    for match in _CALL.finditer(sql):
        if match.start() < position or _in_quotes(sql, match.start()):
            continue
        args, end = _arguments(sql, match.end() - 1)
        spelled = FUNCTIONS[match[1]][dialect]([_functions(a, dialect) for a in args])
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
