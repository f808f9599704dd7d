"""Score statement terms against labeled real statements (docs/labeling.md, "Statements").

Usage: .venv/bin/python benchmarks/readouts_quality.py [PATH ...] [--runs N] [--json]

Scores each labeled JSONL file of real published statements given (default:
../shared/corpus/statements.jsonl, relative to the repository; a blind round such as
/work/blind/statements-r1.jsonl is given by path), one block per file. Every file stays outside
the repository; the statements written in the project (tests/readouts/heldout/) are regression
tests, never a figure here. It extracts every statement's terms with trucewatch.readouts, and
prints per term: scope (expanded class sets: exact and mean Jaccard; patterns exact), duration,
start and bound parties (exact), the start hour with its offset (exact, over the statements
whose labels give ``start_time``), follow-ons (micro precision/recall/F1 and exact sets),
numbers (exact) and conditions (loose recall: a gold condition counts as found when a predicted
one holds 60% of its words; loose precision: a predicted condition counts when 60% of its words
are in one gold condition, so whole sentences given as conditions score low). A majority
baseline (energy.*, nothing else stated) is scored in the same run; the extraction speed is the
median of --runs runs, next to spaCy blank tokenisation of the same texts. A file that is
absent is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

from trucewatch.readouts import Statement, Terms, read_statement
from trucewatch.readouts.compare import reference_date
from trucewatch.taxonomy import expand_scope

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "statements.jsonl"
_WORD = re.compile(r"\w+")


def _classes(patterns: list[str]) -> set[str]:
    return {c for p in patterns for c in expand_scope(p)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return 1.0 if not a and not b else len(a & b) / len(a | b)


def _found(gold: str, predicted: list[str]) -> bool:
    words = set(_WORD.findall(gold.lower()))
    return any(len(words & set(_WORD.findall(p.lower()))) >= 0.6 * len(words) for p in predicted)


def _within(predicted: str, gold: list[str]) -> bool:
    words = set(_WORD.findall(predicted.lower()))
    return any(len(words & set(_WORD.findall(g.lower()))) >= 0.6 * len(words) for g in gold)


def score(pairs: list[tuple[dict[str, Any], Terms]]) -> dict[str, float | str]:
    """Figures per term over (gold terms, predicted terms) pairs."""
    n = len(pairs)
    tp = fp = fn = 0
    conditions_gold = conditions_found = conditions_predicted = conditions_right = 0
    figures: dict[str, float | str] = {"statements": n}
    for gold, got in pairs:
        g, p = set(gold["follow_on"]), set(got.follow_on)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
        conditions_gold += len(gold["conditions"])
        conditions_found += sum(_found(c, got.conditions) for c in gold["conditions"])
        conditions_predicted += len(got.conditions)
        conditions_right += sum(_within(c, gold["conditions"]) for c in got.conditions)

    def share(test: Callable[[dict[str, Any], Terms], bool]) -> float:
        return round(sum(test(g, t) for g, t in pairs) / n, 3)

    figures["scope_classes_exact"] = share(lambda g, t: _classes(g["scope"]) == _classes(t.scope))
    figures["scope_jaccard"] = round(statistics.mean(
        _jaccard(_classes(g["scope"]), _classes(t.scope)) for g, t in pairs), 3)
    figures["scope_patterns_exact"] = share(lambda g, t: sorted(g["scope"]) == sorted(t.scope))
    figures["duration_accuracy"] = share(lambda g, t: g["duration_days"] == t.duration_days)
    figures["start_accuracy"] = share(
        lambda g, t: g["start"] == (t.start.isoformat() if t.start else None))
    figures["bound_parties_exact"] = share(
        lambda g, t: sorted(g["bound_parties"]) == sorted(t.bound_parties))
    timed = [(g, t) for g, t in pairs if "start_time" in g]
    figures["start_time_labeled"] = len(timed)
    figures["start_time_exact"] = (
        round(sum(g["start_time"] == t.start_time for g, t in timed) / len(timed), 3)
        if timed else "")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    figures["follow_on_precision"] = round(precision, 3)
    figures["follow_on_recall"] = round(recall, 3)
    figures["follow_on_f1"] = round(2 * precision * recall / (precision + recall), 3) if tp else 0.0
    figures["follow_on_exact"] = share(lambda g, t: set(g["follow_on"]) == set(t.follow_on))
    figures["numbers_exact"] = share(lambda g, t: g["numbers"] == t.numbers)
    figures["conditions_loose_recall"] = (
        round(conditions_found / conditions_gold, 3) if conditions_gold else 1.0)
    figures["conditions_loose_precision"] = (
        round(conditions_right / conditions_predicted, 3) if conditions_predicted else 1.0)
    return figures


def _statements(path: Path) -> list[tuple[Statement, dict[str, Any]]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    fields = set(Statement.model_fields)
    return [(Statement.model_validate({k: v for k, v in r.items() if k in fields}), r["terms"])
            for r in rows]


def evaluate(path: Path, runs: int, profile: str | None = None) -> dict[str, Any]:
    """Every figure for one labeled file, read under conflict ``profile``: overall, baseline,
    per language, and speed."""
    labeled = _statements(path)
    statements = [s for s, _ in labeled]
    read_statement(statements[0], profile=profile)  # load the pipelines outside the timed runs
    timings, predicted = [], []
    for _ in range(runs):
        started = time.perf_counter()
        predicted = [read_statement(s, reference=reference_date(s, statements),
                                    profile=profile).terms for s in statements]
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    blank = {lang: spacy.blank(lang) for lang in {s.language or "en" for s in statements}}
    token_timings = []
    for _ in range(runs):
        started = time.perf_counter()
        for statement in statements:
            blank[statement.language or "en"](statement.text)
        token_timings.append(time.perf_counter() - started)
    results: dict[str, Any] = {"corpus": str(path.resolve()), "statements": len(statements)}
    results["readouts"] = score([(g, t) for (_, g), t in zip(labeled, predicted, strict=True)])
    results["readouts"]["statements_per_s"] = round(len(statements) / median, 1)
    results["tokenise_only_statements_per_s"] = round(
        len(statements) / statistics.median(token_timings), 1)
    results["baseline_majority"] = score([(g, Terms(scope=["energy.*"])) for _, g in labeled])
    by_language: dict[str, list[tuple[dict[str, Any], Terms]]] = {}
    for (statement, gold), terms in zip(labeled, predicted, strict=True):
        by_language.setdefault(statement.language or "?", []).append((gold, terms))
    results["by_language"] = {lang: score(pairs) for lang, pairs in sorted(by_language.items())}
    return results


def _print_block(results: dict[str, Any]) -> None:
    print(f"corpus: {results['corpus']} ({results['statements']} statements)")
    print("speed baseline (spaCy blank tokenisation only, same run): "
          f"{results['tokenise_only_statements_per_s']} statements/s")
    columns = ["readouts", "baseline_majority", *(f"lang:{k}" for k in results["by_language"])]
    rows = {"readouts": results["readouts"], "baseline_majority": results["baseline_majority"],
            **{f"lang:{k}": v for k, v in results["by_language"].items()}}
    print(f"{'figure':28}" + "".join(f"{c:>20}" for c in columns))
    for key in results["readouts"]:
        print(f"{key:28}" + "".join(f"{rows[c].get(key, ''):>20}" for c in columns))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="labeled real statements JSONL files (default: the shared corpus)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--profile", help="the conflict profile to read under (default: "
                                          "trucewatch's default profile)")
    options = parser.parse_args()
    blocks = []
    for path in options.paths or [DEFAULT_CORPUS]:
        if not path.exists():
            print(f"skipped: no labeled statements at {path}", file=sys.stderr)
            continue
        blocks.append(evaluate(path, options.runs, options.profile))
    if options.json:
        print(json.dumps(blocks, indent=2))
        return 0
    for index, results in enumerate(blocks):
        if index:
            print()
        _print_block(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
