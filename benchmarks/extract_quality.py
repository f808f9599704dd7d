"""Extraction quality on real published texts only.

Runs ``trucewatch.text.extract`` over the labelled real news of the shared corpus
(``../shared/corpus/dev.jsonl``, ``dev2_en.jsonl``, ``dev2_ukru.jsonl``, relative to the repo)
or over the labelled real texts given with ``--corpus`` (repeatable), writes the predictions
to a temporary JSONL file and scores them with ``../shared/tools/score_extract.py``, overall
and for each language, with the number of documents and incidents each figure rests on.

The texts written for this project (``tests/text/heldout/``) are regression tests only: no
quality figure comes from them.

    python benchmarks/extract_quality.py [--show-errors N] [--corpus PATH ...]
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
CORPORA = [SHARED / "corpus" / name for name in ("dev.jsonl", "dev2_en.jsonl", "dev2_ukru.jsonl")]


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
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a labelled file of real texts (default: the shared corpus)")
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    corpora = args.corpus or CORPORA
    absent = [path for path in corpora if not path.exists()]
    if absent:
        sys.exit(f"{absent[0]} not found; run from a checkout with ../shared beside it")
    for path in corpora:
        print(f"== {path.name}")
        report(path, args.show_errors)


def report(corpus: Path, show_errors: int) -> None:
    """Score ``corpus`` overall, then print one summary line per language."""
    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for lang in sorted({d.get("language") for d in docs}):
        mine = [d for d in docs if d.get("language") == lang]
        print(f"[{lang}] {len(mine)} documents, "
              f"{sum(len(d.get('incidents') or []) for d in mine)} incidents")
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
