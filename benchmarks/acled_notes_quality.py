"""How well the ACLED importer reads its rows' notes: target class, perpetrator, claimant.

Reads a labelled ACLED-layout file (``tests/ingest/heldout/acled_blind.csv``, written and
labelled by someone who had not seen the importer, with ``acled_blind_gold.jsonl``) through
``trucewatch.sources.read("acled", ...)`` and prints the share of rows read right per field,
against a baseline in the same run that answers each field's most common gold value.

    python benchmarks/acled_notes_quality.py [CSV GOLD]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from trucewatch.sources import read

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "ingest" / "heldout"
FIELDS = ("target_class", "perpetrator", "claimed_by", "negated")


def predictions(csv_path: Path) -> dict[str, dict[str, Any]]:
    """The importer's reading of each attack row, by ``event_id_cnty``."""
    out = {}
    for record in read("acled", csv_path):
        report = record["reports"][0]
        out[record["source_key"].removeprefix("acled:")] = {f: report[f] for f in FIELDS}
    return out


def score(gold: list[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Accuracy per field over the rows the importer kept as attacks, the baseline's, and
    what was not kept."""
    kept = [g for g in gold if g["event_id_cnty"] in predicted]
    figures: dict[str, Any] = {"rows": len(gold), "attack_rows_read": len(kept),
                               "rows_not_read_as_attacks": len(gold) - len(kept)}
    for field in FIELDS:
        right = sum(predicted[g["event_id_cnty"]][field] == g[field] for g in kept)
        majority = Counter(g[field] for g in kept).most_common(1)[0][0] if kept else None
        figures[field] = round(right / len(kept), 3) if kept else None
        figures[f"{field}_baseline"] = (round(sum(g[field] == majority for g in kept) / len(kept),
                                              3) if kept else None)
    figures["misses"] = [
        {"id": g["event_id_cnty"], **{f: (g[f], predicted[g["event_id_cnty"]][f])
                                      for f in FIELDS
                                      if predicted[g["event_id_cnty"]][f] != g[f]}}
        for g in kept if any(predicted[g["event_id_cnty"]][f] != g[f] for f in FIELDS)]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=HELDOUT / "acled_blind.csv")
    parser.add_argument("gold", nargs="?", type=Path, default=HELDOUT / "acled_blind_gold.jsonl")
    parser.add_argument("--misses", action="store_true", help="list every row read wrong")
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    figures = score(gold, predictions(args.csv))
    misses = figures.pop("misses")
    print(json.dumps(figures, indent=2))
    if args.misses:
        for miss in misses:
            print(json.dumps(miss, ensure_ascii=False))


if __name__ == "__main__":
    main()
