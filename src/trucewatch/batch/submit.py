"""The batch pipeline as a ``spark-submit`` application.

    spark-submit --master yarn --deploy-mode cluster \\
        "$(python -c 'import trucewatch.batch.submit as m; print(m.__file__)')" \\
        --agreement truce.yaml --format gdelt s3a://bucket/gdelt/2025/ \\
        --out s3a://bucket/trucewatch/2025/

The master, executors and storage settings come from ``spark-submit`` (docs/spark.md); the
spec is read on the driver. Prints one line of counts, like ``trucewatch batch``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from trucewatch.batch.pipeline import FORMATS
from trucewatch.batch.run import batch

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one batch on Spark with the arguments of ``trucewatch batch``."""
    parser = argparse.ArgumentParser(prog="trucewatch.batch.submit", description=__doc__)
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--agreement", required=True, metavar="SPEC")
    parser.add_argument("--format", required=True, choices=FORMATS, dest="source_format")
    parser.add_argument("--out", required=True, metavar="DIR")
    args = parser.parse_args(argv)
    result = batch("spark", args.agreement, args.source_format, args.inputs, args.out)
    print(f"{result.out}: {result.reports} reports, {result.incidents} incidents, "
          f"{result.verdicts} verdicts; {result.left_out} rows left out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
