"""The extractor on the shared labelled corpus keeps the quality it has reached.

Reads ``../shared/corpus/dev.jsonl`` and scores with ``../shared/tools/score_extract.py``;
skipped when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trucewatch.text import extract

from ..conftest import SHARED

CORPUS = SHARED / "corpus" / "dev.jsonl"
SCORER = SHARED / "tools" / "score_extract.py"

#: Levels reached on the dev corpus (doc F1 0.98, strict F1 0.92, perpetrator 0.99 when
#: written), with a little room; docs/design.md's targets are 0.90, 0.75 and 0.90.
FLOORS = {"doc": 0.95, "strict": 0.88, "perpetrator_accuracy": 0.95}


def _score(gold: Path, tmp_path: Path) -> dict:
    """Extract every document of ``gold`` and score it with the shared scorer."""
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for doc in docs:
            reports = extract(doc["text"], doc.get("published"), doc.get("language"))
            fh.write(json.dumps({"id": doc["id"], "reports": [
                r.model_dump(mode="json", exclude={"reasons"}) for r in reports]}) + "\n")
    done = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    # --json prints the figures, then the one-line summary
    return json.loads(done.stdout[:done.stdout.rindex("}") + 1])


@pytest.mark.slow
def test_dev_corpus_figures(tmp_path):
    if not CORPUS.exists() or not SCORER.exists():
        pytest.skip("../shared/corpus is not available")
    figures = _score(CORPUS, tmp_path)
    assert figures["doc"]["f1"] >= FLOORS["doc"]
    assert figures["strict"]["f1"] >= FLOORS["strict"]
    assert figures["perpetrator_accuracy"] >= FLOORS["perpetrator_accuracy"]


HELDOUT = Path(__file__).parent / "heldout"

#: Levels reached on the held-out sets after the fixes they prompted, with a little room:
#: our own texts (all 1.00 when written) and the blind set written by someone who had not
#: seen the extractor (doc 1.00, strict 0.93, perpetrator 0.96, claimed_by 0.90, negated
#: 0.98), the second (0.98, 0.87, 0.95, 0.88, 0.98), the third (0.98, 0.75, 0.96, 0.81,
#: 0.98) and the fourth (0.97, 0.83, 1.00, 0.91, 1.00). First passes are in BENCHMARKS.md.
HELDOUT_FLOORS = {
    "heldout.jsonl": {"doc": 0.95, "strict": 0.93, "perpetrator_accuracy": 0.95,
                      "claimed_by_accuracy": 0.9, "negated_accuracy": 0.9},
    "blind.jsonl": {"doc": 0.95, "strict": 0.88, "perpetrator_accuracy": 0.93,
                    "claimed_by_accuracy": 0.85, "negated_accuracy": 0.93},
    "blind2.jsonl": {"doc": 0.95, "strict": 0.82, "perpetrator_accuracy": 0.92,
                     "claimed_by_accuracy": 0.84, "negated_accuracy": 0.95},
    "blind3.jsonl": {"doc": 0.93, "strict": 0.70, "perpetrator_accuracy": 0.93,
                     "claimed_by_accuracy": 0.77, "negated_accuracy": 0.95},
    "blind4.jsonl": {"doc": 0.95, "strict": 0.79, "perpetrator_accuracy": 0.95,
                     "claimed_by_accuracy": 0.87, "negated_accuracy": 0.95},
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_figures(tmp_path, name):
    if not SCORER.exists():
        pytest.skip("../shared/tools is not available")
    path = HELDOUT / name
    languages = {json.loads(line)["language"]
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert languages == {"en", "uk", "ru"}
    figures = _score(path, tmp_path)
    floors = HELDOUT_FLOORS[name]
    assert figures["doc"]["f1"] >= floors["doc"]
    assert figures["strict"]["f1"] >= floors["strict"]
    for key in ("perpetrator_accuracy", "claimed_by_accuracy", "negated_accuracy"):
        assert figures[key] >= floors[key], key
