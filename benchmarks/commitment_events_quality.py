"""How well the exchange and meeting readers read real published texts.

    .venv/bin/python benchmarks/commitment_events_quality.py TEXTS.jsonl [TEXTS.jsonl ...]

Each line: ``id``, ``url``, ``language``, ``published``, ``text`` and the gold labels:
``exchange``, the (item, quantity) pairs the text reports as handed over (not promised), and
``meetings``, the (state, city or null) of each meeting it reports held, scheduled or
cancelled. Both are compared as sets per text (a pair reported twice counts once). Texts are
not part of the repository (they are kept where the measurement was made); BENCHMARKS.md
names the sources and the figures. Prints precision and recall per reader and language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path

from trucewatch.commitments.exchange import read_exchanges
from trucewatch.commitments.talks import read_meetings


def _score(gold: Counter, found: Counter) -> tuple[int, int, int]:
    hit = sum((gold & found).values())
    return hit, sum(found.values()), sum(gold.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    docs = 0
    for path in args.files:
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            docs += 1
            day = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
            found_x = Counter({(i["item"], i["quantity"]): 1
                               for e in read_exchanges(doc["text"], doc["language"], day)
                               for i in e["items"]})
            found_m = Counter({(m["state"], m["place"]): 1
                               for m in read_meetings(doc["text"], doc["language"], day)})
            for reader, gold, found in (
                    ("exchange", Counter(dict.fromkeys(map(tuple, doc["exchange"]), 1)),
                     found_x),
                    ("meetings", Counter(dict.fromkeys(map(tuple, doc["meetings"]), 1)),
                     found_m)):
                for key in ((reader, doc["language"]), (reader, "all")):
                    for n, value in enumerate(_score(gold, found)):
                        totals[key][n] += value
                if gold != found:
                    print(f"  {doc['id']} {reader}: gold {sorted(gold.elements(), key=str)} "
                          f"found {sorted(found.elements(), key=str)}")
    print(f"{docs} texts")
    for (reader, language), (hit, found, gold) in sorted(totals.items()):
        precision = hit / found if found else 1.0
        recall = hit / gold if gold else 1.0
        print(f"{reader:9} {language:4} precision {precision:.2f} ({hit}/{found}) "
              f"recall {recall:.2f} ({hit}/{gold})")


if __name__ == "__main__":
    main()
