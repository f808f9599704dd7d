"""Batch runs past one machine: input files mapped, merged and judged on DuckDB or Apache
Spark with the same rules, written as Parquet, and brought into a store.

>>> from trucewatch.batch import DuckDBEngine, run_batch  # doctest: +SKIP
>>> run_batch(DuckDBEngine(work), load_spec("truce.yaml"), "gdelt", ["exports/"], "out/")
"""

from trucewatch.batch.engines import ENGINES, DuckDBEngine, SparkEngine, spark_session
from trucewatch.batch.load import load_results
from trucewatch.batch.pipeline import FORMATS, BatchResult, run_batch
from trucewatch.batch.run import batch

__all__ = ["ENGINES", "FORMATS", "BatchResult", "DuckDBEngine", "SparkEngine", "batch",
           "load_results", "run_batch", "spark_session"]
