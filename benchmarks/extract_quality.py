"""Extraction quality on the shared labelled corpus and on our own held-out texts.

Runs ``trucewatch.text.extract`` over ``../shared/corpus/dev.jsonl`` (relative to the repo)
and over the held-out sets ``tests/text/heldout/heldout.jsonl`` (news texts written and
labeled for this project, never used to tune the lexicons before they were first scored) and
``blind*.jsonl`` (written and labeled by someone who had not seen the
extractor), writes the
predictions to a temporary JSONL file and scores them with
``../shared/tools/score_extract.py``, overall and for each language.

    python benchmarks/extract_quality.py [--show-errors N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from trucewatch.text import extract

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
HELDOUT = [REPO / "tests" / "text" / "heldout" / name
           for name in ("heldout.jsonl", "blind.jsonl", "blind2.jsonl", "blind3.jsonl",
                        "blind4.jsonl")]


def predict(docs: list[dict]) -> list[dict]:
    out = []
    for doc in docs:
        reports = extract(doc["text"], doc.get("published"), doc.get("language"))
        out.append({"id": doc["id"], "language": doc.get("language"),
                    "reports": [r.model_dump(mode="json", exclude={"reasons"}) for r in reports]})
    return out


def score(gold: Path, pred: Path, *extra: str) -> str:
    tool = SHARED / "tools" / "score_extract.py"
    done = subprocess.run([sys.executable, str(tool), str(gold), str(pred), *extra],
                          capture_output=True, text=True, check=True)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev.jsonl")
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} not found; run from a checkout with ../shared beside it")
    print(f"== {args.corpus.name} (shared labelled corpus)")
    report(args.corpus, args.show_errors)
    for path in HELDOUT:
        print(f"\n== held-out: {path.name}")
        report(path, args.show_errors)


def report(corpus: Path, show_errors: int) -> None:
    """Score ``corpus`` overall, then print one summary line per language."""
    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        lines = (json.dumps(p, ensure_ascii=False) for p in predict(docs))
        pred_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(score(corpus, pred_path, "--show-errors", str(show_errors)))
        for lang in sorted({d.get("language") for d in docs}):
            gold_path = Path(tmp) / f"gold-{lang}.jsonl"
            gold_path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs
                                           if d.get("language") == lang) + "\n",
                                 encoding="utf-8")
            summary = score(gold_path, pred_path).strip().splitlines()[-1]
            print(f"[{lang}] {summary}")


if __name__ == "__main__":
    main()
