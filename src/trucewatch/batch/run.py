"""One batch run by engine name: the engine opened, the spec loaded, the pipeline run."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from trucewatch.agreements import load_spec
from trucewatch.batch.engines import ENGINES, DuckDBEngine, SparkEngine, spark_session
from trucewatch.batch.pipeline import BatchResult, run_batch
from trucewatch.errors import TrucewatchError, UsageError

__all__ = ["batch"]


def batch(engine: str, spec: str | Path, source_format: str, inputs: Sequence[str | Path],
          out: str | Path, *, master: str | None = None) -> BatchResult:
    """Run the batch pipeline on ``engine`` (``duckdb`` or ``spark``; ``master`` is Spark's,
    default ``local[2]`` unless ``spark-submit`` set one)."""
    try:
        return _run(engine, spec, source_format, inputs, out, master)
    except TrucewatchError:
        raise
    except Exception as exc:  # the engine's own errors (DuckDB, Spark, Java), one line each
        if type(exc).__module__.split(".")[0] not in ("duckdb", "_duckdb", "pyspark", "py4j"):
            raise
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise TrucewatchError(f"the {engine} engine failed: {message}",
                              hint="run with --debug for the engine's whole message") from exc


def _run(engine: str, spec: str | Path, source_format: str, inputs: Sequence[str | Path],
         out: str | Path, master: str | None) -> BatchResult:
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}", hint="use duckdb or spark")
    agreement = load_spec(spec)
    if engine == "duckdb":
        with tempfile.TemporaryDirectory(prefix="trucewatch-batch-") as work:
            duck = DuckDBEngine(Path(work))
            try:
                return run_batch(duck, agreement, source_format, inputs, out)
            finally:
                duck.close()
    try:
        session = spark_session(master)
    except ImportError as exc:
        raise UsageError("the spark engine needs pyspark",
                         hint="pip install 'trucewatch[spark]' and a Java 17 or 21 runtime"
                         ) from exc
    spark = SparkEngine(session)
    try:
        return run_batch(spark, agreement, source_format, inputs, out)
    finally:
        spark.close()
