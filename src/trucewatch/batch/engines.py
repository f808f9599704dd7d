"""The two engines a batch runs on, behind one small interface: DuckDB in this process, or
Apache Spark (``local[2]`` here, a cluster through ``spark-submit``).

Both run the same SQL (:mod:`trucewatch.store.dialect`, the one dialect map, spells the few
functions that differ):
an engine names relations (``table`` computes and keeps one, ``view`` only names a query),
registers small Arrow lookups, reads inputs, answers small queries and writes Parquet.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from trucewatch.store.dialect import DUCKDB, SPARK, Dialect
from trucewatch.store.memory import INGEST_MEMORY

__all__ = ["ENGINES", "DuckDBEngine", "Engine", "SparkEngine", "spark_session"]

#: Reads one input file's bytes (named by its path) into Arrow batches.
FileReader = Callable[[str, Any], Iterator[pa.RecordBatch]]


class Engine(Protocol):
    """What the batch pipeline asks of an engine."""

    name: str
    dialect: Dialect

    def table(self, name: str, query: str) -> None: ...
    def view(self, name: str, query: str) -> None: ...
    def register(self, name: str, table: pa.Table) -> None: ...
    def rows(self, query: str) -> list[tuple[Any, ...]]: ...
    def read_csv(self, name: str, paths: Sequence[str], header: Sequence[str],
                 missing: Sequence[str] = ("",)) -> None:
        """Name ``name`` the rows of the CSV files ``paths`` (with the ``header``), every
        column as text and the ``missing`` values as NULL."""
    def read_files(self, name: str, paths: Sequence[str], reader: FileReader,
                   schema: pa.Schema) -> None: ...
    def read_parquet(self, name: str, paths: Sequence[str]) -> list[str]: ...
    def write(self, query: str, out: str, partition_by: Sequence[str]) -> None: ...
    def close(self) -> None: ...


class DuckDBEngine:
    """DuckDB in this process, its memory capped (and spilling to ``work``)."""

    name = "duckdb"
    dialect = DUCKDB

    def __init__(self, work: Path, memory: str = INGEST_MEMORY) -> None:
        self.conn = duckdb.connect()
        self.conn.execute(f"SET memory_limit = '{memory}'")
        self.conn.execute("SET temp_directory = ?", [str(work)])
        self.conn.execute("SET preserve_insertion_order = false")

    def table(self, name: str, query: str) -> None:
        self.conn.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {query}")

    def view(self, name: str, query: str) -> None:
        self.conn.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS {query}")

    def register(self, name: str, table: pa.Table) -> None:
        self.conn.register(f"{name}_arrow", table)
        self.table(name, f"SELECT * FROM {name}_arrow")
        self.conn.unregister(f"{name}_arrow")

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        return self.conn.execute(query).fetchall()

    def read_csv(self, name: str, paths: Sequence[str], header: Sequence[str],
                 missing: Sequence[str] = ("",)) -> None:
        columns = "{" + ", ".join(f"{_literal(c)}: 'VARCHAR'" for c in header) + "}"
        self.view(name, f"SELECT * FROM read_csv({_list(paths)}, header = true, "
                  f"auto_detect = false, columns = {columns}, delim = ',', quote = '\"', "
                  "escape = '\"', strict_mode = true, null_padding = false, "
                  f"nullstr = {_list(missing)})")

    def read_files(self, name: str, paths: Sequence[str], reader: FileReader,
                   schema: pa.Schema) -> None:
        def batches() -> Iterator[pa.RecordBatch]:
            for path in paths:
                with Path(path).open("rb") as stream:
                    yield from reader(path, stream)

        self.register(name, pa.RecordBatchReader.from_batches(schema, batches()))

    def read_parquet(self, name: str, paths: Sequence[str]) -> list[str]:
        files = [str(p) for p in _parquet_files(paths)]
        self.view(name, f"SELECT * FROM read_parquet({_list(files)}, union_by_name = true)")
        return [row[0] for row in self.rows(f"DESCRIBE {name}")]

    def write(self, query: str, out: str, partition_by: Sequence[str]) -> None:
        self.conn.execute(f"COPY ({query}) TO {_literal(out)} (FORMAT PARQUET, "
                          f"PARTITION_BY ({', '.join(partition_by)}), OVERWRITE_OR_IGNORE)")

    def close(self) -> None:
        self.conn.close()


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _list(texts: Sequence[str]) -> str:
    return "[" + ", ".join(map(_literal, texts)) + "]"


def _parquet_files(paths: Sequence[str]) -> list[Path]:
    found: list[Path] = []
    for path in map(Path, paths):
        found += sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
    return found


def spark_session(master: str | None = None, app: str = "trucewatch batch") -> Any:
    """The active Spark session, or a new one: ``master`` (default ``local[2]``) unless
    ``spark-submit`` already set one. Python workers run this interpreter."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = (SparkSession.builder.appName(app)
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true"))
    if master is not None or "spark.master" not in _submitted_conf():
        builder = (builder.master(master or "local[2]")
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "4")
                   .config("spark.driver.memory", "1g"))
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _submitted_conf() -> dict[str, str]:
    """Spark settings given by ``spark-submit`` (it passes them to the driver's JVM)."""
    from pyspark import SparkConf

    return dict(SparkConf().getAll())


class SparkEngine:
    """A Spark session: tables are cached DataFrames under temp view names."""

    name = "spark"
    dialect = SPARK

    def __init__(self, session: Any) -> None:
        self.spark = session
        self._cached: list[Any] = []

    def table(self, name: str, query: str) -> None:
        frame = self.spark.sql(query).cache()
        self._cached.append(frame)
        frame.createOrReplaceTempView(name)

    def view(self, name: str, query: str) -> None:
        self.spark.sql(query).createOrReplaceTempView(name)

    def register(self, name: str, table: pa.Table) -> None:
        self.spark.createDataFrame(table).createOrReplaceTempView(name)

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.spark.sql(query).collect()]

    def read_csv(self, name: str, paths: Sequence[str], header: Sequence[str],
                 missing: Sequence[str] = ("",)) -> None:
        from pyspark.sql import functions as F
        from pyspark.sql.types import StringType, StructField, StructType

        schema = StructType([StructField(c, StringType()) for c in header])
        frame = self.spark.read.csv(list(paths), schema=schema, header=True, multiLine=True,
                                    quote='"', escape='"', mode="FAILFAST", enforceSchema=False)
        # Spark's reader knows one missing value; the others (quoted ones too) become NULL here
        (frame.select([F.when(F.col(c).isin(list(missing)), None).otherwise(F.col(c)).alias(c)
                       for c in header])
         .createOrReplaceTempView(name))

    def read_files(self, name: str, paths: Sequence[str], reader: FileReader,
                   schema: pa.Schema) -> None:
        import io

        from pyspark.sql.pandas.types import from_arrow_schema

        def each_file(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
            for batch in batches:
                for path, content in zip(batch.column("path").to_pylist(),
                                         batch.column("content").to_pylist(), strict=True):
                    yield from reader(path, io.BytesIO(content))

        files = self.spark.read.format("binaryFile").load(list(paths))
        (files.select("path", "content")
         .mapInArrow(each_file, from_arrow_schema(schema))
         .createOrReplaceTempView(name))

    def read_parquet(self, name: str, paths: Sequence[str]) -> list[str]:
        frame = self.spark.read.option("mergeSchema", "true").parquet(*paths)
        frame.createOrReplaceTempView(name)
        return list(frame.columns)

    def write(self, query: str, out: str, partition_by: Sequence[str]) -> None:
        # one task per output folder: a file per folder, not one per folder per task
        (self.spark.sql(query).repartition(*partition_by)
         .write.mode("overwrite").partitionBy(*partition_by).parquet(str(out)))

    def close(self) -> None:
        for frame in self._cached:
            frame.unpersist()


ENGINES = ("duckdb", "spark")
