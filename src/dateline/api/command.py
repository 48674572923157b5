"""The ``dateline serve`` command, which :data:`dateline.cli.main` loads when it is asked for."""

from __future__ import annotations

import sys

import click

from dateline.cli import DB_OPTION, _report
from dateline.errors import DatelineError
from dateline.store import shown

__all__ = ["serve"]


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
def serve(db: str, host: str, port: int) -> None:
    """Serve the store read-only: a REST API under /api (OpenAPI at /docs) and the web UI at /."""
    import uvicorn

    from dateline.api.app import create_app

    try:
        app = create_app(db)
    except DatelineError as err:
        _report(err)
        sys.exit(1)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: the store is readable by anyone who can reach it", err=True)
    click.echo(f"dateline: serving {shown(db)} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
