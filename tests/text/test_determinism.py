"""Extraction gives the same output, byte for byte, under every string hash seed.

The written held-out sets (texts written for this project, no real article among them) are
extracted in child interpreters started with different ``PYTHONHASHSEED`` values; every
report field, reasons included, must come out identical. A set's iteration order deciding
anything (which place among several, which label of a phrase, which denial wins) shows here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HELDOUT = Path(__file__).parent / "heldout"
SETS = ("heldout.jsonl", "blind.jsonl", "blind2.jsonl", "blind3.jsonl", "blind4.jsonl")
SEEDS = ("0", "1", "4242", "123456789")

_EXTRACT_ALL = """
import json, sys
from trucewatch.text import extract
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        doc = json.loads(line)
        reports = extract(doc["text"], doc.get("published"), doc.get("language"))
        sys.stdout.write(json.dumps([doc["id"], [r.model_dump(mode="json") for r in reports]],
                                    ensure_ascii=False) + "\\n")
"""


def _start(seed: str) -> subprocess.Popen[bytes]:
    paths = [str(HELDOUT / name) for name in SETS]
    return subprocess.Popen([sys.executable, "-c", _EXTRACT_ALL, *paths],
                            stdout=subprocess.PIPE, env={**os.environ, "PYTHONHASHSEED": seed})


def test_extraction_is_identical_under_every_hash_seed():
    children = {seed: _start(seed) for seed in SEEDS}  # side by side: the wall time of one
    outputs = {}
    for seed, child in children.items():
        outputs[seed] = child.communicate()[0]
        assert child.returncode == 0, f"extraction failed under PYTHONHASHSEED={seed}"
    first = outputs[SEEDS[0]]
    assert first.count(b"\n") == sum(
        1 for name in SETS for line in (HELDOUT / name).read_text(encoding="utf-8").splitlines()
        if line.strip())
    assert b'"target_class"' in first  # the sets do report strikes
    differing = [seed for seed, out in outputs.items() if out != first]
    assert not differing, f"output under PYTHONHASHSEED={differing} differs from seed 0"
