"""``dateline serve``: registered on the dateline command, loopback by default, clear error without a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner


@pytest.fixture()
def main() -> Iterator[click.Group]:
    """``dateline`` with ``serve`` registered (importing dateline.api.command does it), left as it was
    found afterwards, so that other test modules see the command list that cli.py itself defines."""
    from dateline.api.command import serve
    from dateline.cli import main as group

    had = "serve" in group.commands
    group.add_command(serve)
    yield group
    if not had:
        group.commands.pop("serve", None)


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
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    out = CliRunner().invoke(main, ["serve", "--db", str(api_db), "--port", "9123"])
    assert out.exit_code == 0, out.output
    (call,) = calls
    assert call["host"] == "127.0.0.1" and call["port"] == 9123
    assert any(getattr(r, "path", None) == "/api/timeline" for r in call["app"].routes)
    out = CliRunner().invoke(main, ["serve", "--db", str(api_db), "--port", "70000"])
    assert out.exit_code == 2
