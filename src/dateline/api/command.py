"""The ``dateline serve`` command, which :data:`dateline.cli.main` loads when it is asked for."""

from __future__ import annotations

import socket
import sys

import click

from dateline.cli import DB_OPTION, _report
from dateline.errors import DatelineError
from dateline.store import shown

__all__ = ["bind", "serve"]


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port`` (port 0: one the system picks), or ``port-busy`` /
    ``bad-host`` as a DatelineError. Bound before anything is printed as served, so the banner gives
    the real address, and a busy port fails first."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise DatelineError(
            "bad-host", f"cannot listen on {host!r}: {err.strerror}", hint="pass --host an address"
        ) from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as err:
        sock.close()
        if err.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise DatelineError(
                "port-busy", f"port {port} on {host} is already in use", hint="pass another --port (0 picks a free one)"
            ) from None
        raise DatelineError(
            "bad-host", f"cannot listen on {host}:{port}: {err.strerror}", hint="check --host"
        ) from None
    sock.set_inheritable(True)
    return sock


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option(
    "--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="TCP port (0: any free one)."
)
@click.option(
    "--allowed-host",
    "allowed",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this host name (repeatable); localhost, 127.0.0.1, ::1 and --host always are.",
)
def serve(db: str, host: str, port: int, allowed: tuple[str, ...]) -> None:
    """Serve the store read-only: a REST API under /api (OpenAPI at /docs) and the web UI at /.

    Requests whose Host header names another host than these are refused (400), so that a web page
    elsewhere cannot reach the store through a name made to point here (DNS rebinding).
    """
    import uvicorn

    from dateline.api.app import create_app

    try:
        app = create_app(db, hosts=[host, *allowed])
        sock = bind(host, port)
    except DatelineError as err:
        _report(err)
        sys.exit(1)
    real_host, real_port = sock.getsockname()[:2]
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: the store is readable by anyone who can reach it", err=True)
    click.echo(f"dateline: serving {shown(db)} on {_url(real_host, real_port)} (Ctrl-C to stop)", err=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
    server.run(sockets=[sock])
