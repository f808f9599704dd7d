"""``trucewatch batch``: map, merge and judge input files on DuckDB or Spark, into Parquet."""

from __future__ import annotations

import typer

from trucewatch.batch import ENGINES, FORMATS, batch

from .render import console


def register(app: typer.Typer) -> None:
    app.command("batch")(run)


def run(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...",
                                       help="Files or folders (GDELT: a folder of exports, "
                                            "zipped or not); URIs on Spark."),
    agreement: str = typer.Option(..., "--agreement", metavar="SPEC",
                                  help="Agreement spec (YAML) to judge under."),
    source_format: str = typer.Option(..., "--format",
                                      help="One of: " + ", ".join(FORMATS) + "."),
    out: str = typer.Option(..., "--out", metavar="DIR", help="Output folder (replaced)."),
    engine: str = typer.Option("duckdb", "--engine", help="One of: " + ", ".join(ENGINES) + "."),
    master: str | None = typer.Option(None, "--master",
                                      help="Spark master (default local[2], or spark-submit's)."),
) -> None:
    """Map rows to reports, merge them into incidents and judge them under every reading,
    writing reports, incidents and verdicts as Parquet partitioned by month and country.
    Bring the results into a store with [bold]trucewatch ingest parquet DIR[/].

    Example: [bold]trucewatch batch --engine spark --agreement truce.yaml --format gdelt
    exports/ --out out/[/]
    """
    result = batch(engine, agreement, source_format, inputs, out, master=master)
    line = (f"{result.out}: {result.reports} reports, {result.incidents} incidents, "
            f"{result.verdicts} verdicts ({result.engine})")
    if result.left_out:
        line += f"; {result.left_out} rows left out (unparsable day or coordinates)"
    console.print(line)
