"""``trucewatch serve``: the web dashboard over the database."""

from __future__ import annotations

import typer

from .render import console


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to bind; 0.0.0.0 exposes it to the "
                             "network (the dashboard has no login)."),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on."),
    tiles: str | None = typer.Option(
        None, help="Base-map tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png;"
        " without it the map is drawn offline on a blank background."),
) -> None:
    """Serve the dashboard: agreements, incidents (map, timeline, filters), incident detail
    and review. JSON under /api, API description at /docs.

    Example: [bold]trucewatch --db workspace/trucewatch.duckdb serve --port 8000[/]
    """
    import uvicorn

    from trucewatch.web import create_app

    web_app = create_app(ctx.obj.db, tiles=tiles)
    console.print(f"dashboard on http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
