"""``dateline serve``: registered on the dateline command, loopback by default, clear error without a store."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner


@pytest.fixture()
def main() -> Iterator[click.Group]:
    """The ``dateline`` command itself: ``serve`` is one of its commands, loaded when asked for."""
    from dateline.cli import main as group

    yield group


def test_serve_is_a_command_of_the_installed_program() -> None:
    # The console script and ``python -m dateline`` must know it, not only a test that imports it.
    out = subprocess.run([sys.executable, "-m", "dateline", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "serve" in out.stdout
    out = subprocess.run(
        [sys.executable, "-m", "dateline", "serve", "--help"], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "--host" in out.stdout


def test_serve_help(main: click.Group) -> None:
    out = CliRunner().invoke(main, ["serve", "--help"])
    assert out.exit_code == 0
    assert "--db" in out.output and "--host" in out.output and "127.0.0.1" in out.output and "8080" in out.output


def test_serve_without_store_fails_clearly(main: click.Group, tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert out.exit_code == 1
    assert "no-store" in out.output


def test_serve_runs_uvicorn_on_loopback(main: click.Group, api_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []

    def run(self: uvicorn.Server, sockets: list[Any]) -> None:
        calls.append({"app": self.config.app, "names": [s.getsockname()[:2] for s in sockets]})
        for s in sockets:
            s.close()

    monkeypatch.setattr(uvicorn.Server, "run", run)
    out = CliRunner().invoke(main, ["serve", "--db", str(api_db), "--port", "0"])
    assert out.exit_code == 0, out.output
    (call,) = calls
    ((host, port),) = call["names"]
    assert any(getattr(r, "path", None) == "/api/timeline" for r in call["app"].routes)
    # The banner names the socket the server was given: the loopback, and the port the system chose.
    assert host == "127.0.0.1" and port > 0 and f"on http://127.0.0.1:{port}/" in out.stderr
    out = CliRunner().invoke(main, ["serve", "--db", str(api_db), "--port", "70000"])
    assert out.exit_code == 2
    out = CliRunner().invoke(main, ["serve", "--help"])
    assert "--allowed-host" in out.output


def test_readme_documents_serve_and_the_api(api_db: str) -> None:
    """Every option of ``serve``, every API route, the error codes of the hardening and the make target
    of the screenshots are in the README."""
    from dateline.api.app import create_app
    from dateline.api.command import serve

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for opt in serve.params:
        for name in opt.opts:
            assert f"`{name}" in readme, name
    for route in create_app(api_db).openapi()["paths"]:
        documented = route.replace("{entity}", "{name}").replace("{article_id}", "{id}")
        assert f"`{documented}" in readme, route
    for code in ("bad-host", "store-unusable", "store-too-new", "port-busy", "ambiguous-entity", "not-found"):
        assert code in readme, code
    assert "make screenshots" in readme and "docs/screenshots/" in readme
