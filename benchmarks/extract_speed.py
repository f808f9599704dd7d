"""Extraction speed: documents per second per language on one core, against a baseline.

Texts are ~2 KB news texts built from the shared corpus (``../shared/corpus/dev.jsonl``)
for each language: corpus texts cut and recombined so that every document is different.
The baseline, measured in the same run on the same texts, is spaCy blank tokenisation alone
(``spacy.blank(lang)(text)``). Each figure is the median of several runs after a warm-up,
in documents per second of process CPU time on one pinned core.

    python benchmarks/extract_speed.py [--docs 300] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from trucewatch.text import extract

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "dev.jsonl"
SIZE = 2000


def texts_for(language: str, count: int, docs: list[dict]) -> list[str]:
    """``count`` distinct texts of about SIZE characters made from the corpus's lines."""
    lines = [line.strip() for d in docs if d.get("language") == language
             for line in d["text"].splitlines() if len(line.strip()) > 40]
    if not lines:
        sys.exit(f"no {language} texts in {CORPUS}")
    out = []
    for i in range(count):
        parts: list[str] = []
        k = i * 7
        while sum(len(p) + 1 for p in parts) < SIZE:
            parts.append(lines[k % len(lines)])
            k += 3 + i % 5
        out.append("\n".join(parts)[: SIZE + 200])
    return out


def rate(func: Callable[[str], object], texts: list[str], runs: int) -> float:
    """Median documents per CPU second of ``func`` over ``texts`` (process CPU time, so other
    work on a shared machine does not count)."""
    for text in texts[:20]:
        func(text)
    speeds = []
    for _ in range(runs):
        start = time.process_time()
        for text in texts:
            func(text)
        speeds.append(len(texts) / (time.process_time() - start))
    return statistics.median(speeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found; run from a checkout with ../shared beside it")
    docs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    print(f"{'lang':<6}{'docs':>6}{'chars':>7}{'extract/s':>11}{'tokenize/s':>12}{'ratio':>7}")
    for language in ("en", "uk", "ru"):
        texts = texts_for(language, args.docs, docs)
        blank = spacy.blank(language)
        ours = rate(lambda t, lang=language: extract(t, "2025-04-01", lang), texts, args.runs)
        base = rate(blank, texts, args.runs)
        mean = sum(map(len, texts)) // len(texts)
        print(f"{language:<6}{len(texts):>6}{mean:>7}{ours:>11.0f}{base:>12.0f}"
              f"{base / ours:>6.1f}x")


if __name__ == "__main__":
    main()
