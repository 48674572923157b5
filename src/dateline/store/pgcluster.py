"""A throwaway PostgreSQL server on a loopback port, for the tests and the benchmarks (and for trying the
shared store without setting a server up): Debian's server binaries (``apt-get install postgresql``)
run a new cluster in a temporary folder, removed when it stops.

PostgreSQL refuses to run as root: as root, the binaries run as the ``postgres`` user (``runuser``),
which owns the folder.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

__all__ = ["LocalCluster", "create_database", "drop_database", "find_bindir", "terminate_sessions"]


def find_bindir() -> Path | None:
    """The folder of the newest PostgreSQL server binaries installed (Debian's layout, else PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalCluster:
    """``with LocalCluster() as pg: url = create_database(pg.admin_url, "x")`` — a server for the block's
    time. The data folder is owned by ``postgres`` when run as root (the server's files too)."""

    def __init__(self, bindir: Path | None = None, *, durable: bool = False) -> None:
        """``durable``: the server's default durability (fsync, full page writes), for benchmarks; by
        default a throwaway cluster skips it."""
        found = bindir or find_bindir()
        if found is None:
            raise FileNotFoundError("no PostgreSQL server binaries (initdb): apt-get install postgresql")
        self.bindir = found
        self.root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
        self.data = self.root / "data"
        self.port = 0
        self.durable = durable
        self._as: list[str] = []
        if os.geteuid() == 0:
            self._as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres", "postgres")

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._as, str(self.bindir / tool), *args], capture_output=True, text=True, check=True, timeout=120
        )

    def start(self) -> LocalCluster:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": "''",
            # A throwaway cluster: surviving a power cut buys nothing. (Commits still reach the OS before
            # they return, so a server that crashes or is stopped at once loses no committed write.)
            **({} if self.durable else {"fsync": "off", "full_page_writes": "off"}),
            # The tests open many stores, and the web API one connection per worker thread.
            "max_connections": "300",
        }
        for attempt in range(3):  # another job may take the free port first
            self.port = _free_port()
            conf = {**settings, "port": str(self.port)}
            (self.data / "postgresql.auto.conf").write_text("".join(f"{k} = {v}\n" for k, v in conf.items()))
            try:
                return self.resume()
            except RuntimeError:
                if attempt == 2:
                    raise
                time.sleep(0.5)
        return self

    def resume(self) -> LocalCluster:
        """Start the server (again, after :meth:`halt`) on the same port."""
        try:
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60", "start")
        except subprocess.CalledProcessError:
            raise RuntimeError(f"PostgreSQL did not start: {self.log()[-2000:]}") from None
        return self

    def halt(self) -> None:
        """Stop the server at once, as a crash or a power cut would, keeping its data."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def log(self) -> str:
        try:
            return (self.root / "server.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with suppress(subprocess.SubprocessError):
                self.halt()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> LocalCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _check_name(name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ValueError(f"not a plain database name: {name!r}")
    return name


def create_database(admin_url: str, name: str) -> str:
    """Create database ``name`` on the server of ``admin_url`` (a superuser's, or one allowed to create
    databases); return its URL."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{_check_name(name)}"')
    return _with_dbname(admin_url, name)


def drop_database(admin_url: str, name: str) -> None:
    """Drop database ``name``, ending the sessions still connected to it."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{_check_name(name)}" WITH (FORCE)')


def terminate_sessions(admin_url: str, name: str) -> int:
    """End every session connected to database ``name`` (as a server going away would); return how many."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        row: Any = conn.execute(
            """SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
               WHERE datname = %s AND pid <> pg_backend_pid()""",
            (name,),
        ).fetchone()
    return int(row[0])


def _with_dbname(url: str, name: str) -> str:
    """``url`` with its database name replaced by ``name`` (the query string kept)."""
    head, sep, query = url.partition("?")
    scheme, _, rest = head.partition("://")
    hostpart = rest.split("/", 1)[0]
    return f"{scheme}://{hostpart}/{name}{sep}{query}"
