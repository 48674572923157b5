"""The CLI: every command runs, has --help, is documented in the README, and reports bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dateline.cli import main

from dl_testing import Databases

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "fr"
COMMANDS = main.list_commands(click.Context(main))


@pytest.fixture(scope="module")
def db(module_dbs: Databases) -> str:
    path = module_dbs.new()
    res = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", path])
    assert res.exit_code == 0, res.output
    assert "stored 11" in res.output
    return path


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_everywhere(command: list[str]) -> None:
    res = CliRunner().invoke(main, [*command, "--help"])
    assert res.exit_code == 0
    assert "Usage:" in res.output


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"dateline ([a-z]+)", readme))
    assert set(COMMANDS) <= documented, set(COMMANDS) - documented
    assert "make demo" in readme and "make test" in readme


# Where a code is given in the sources: DatelineError("code", ...), the API's _error(status, "code", ...),
# and the backends' `code = "..."` / `code, hint = "...", ...` / REFUSED = "..." assignments.
_CODE = r'"([a-z]+(?:-[a-z]+)*)"'
_CODE_SITES = re.compile(
    rf"(?:DatelineError|super\(\)\.__init__)\(\s*{_CODE}|_error\(\s*\d+,\s*{_CODE}|\b(?:code(?:,\s*hint)?|REFUSED)\s*=\s*\(?\s*{_CODE}"
)


def test_readme_lists_every_error_code_and_no_other() -> None:
    in_code = set()
    for path in (ROOT / "src" / "dateline").rglob("*.py"):
        for groups in _CODE_SITES.findall(path.read_text(encoding="utf-8")):
            in_code.update(g for g in groups if g)
    assert {"bad-text", "store-refused", "store-unusable", "analysis-failed", "no-text"} <= in_code  # the regex works
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Error codes", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"`([a-z]+(?:-[a-z]+)*)`", section))
    assert in_code - listed == set(), "codes the README does not list"
    assert listed - in_code == set(), "codes the README lists that dateline never gives"


def test_analyse_formats(shared: Path) -> None:
    sample = str(shared / "samples" / "fr-2017-01-lavrov.txt")
    res = CliRunner().invoke(main, ["analyse", sample])
    assert res.exit_code == 0
    rec = json.loads(res.output)
    assert rec["schema"] == "dateline.analysis/1" and rec["article"]["dct"] == "2017-01"
    res = CliRunner().invoke(main, ["analyse", "--format", "text", sample])
    assert res.exit_code == 0 and "[Sergueï Lavrov|PER" in res.output and "(month)" in res.output
    res = CliRunner().invoke(main, ["analyse", "--format", "jsonl", sample, str(SAMPLES / "02-macron-berlin.txt")])
    lines = res.output.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(x)["schema"] == "dateline.analysis/1" for x in lines)


def test_ingest_reports_bad_input_and_goes_on(tmp_path: Path, dbs: Databases) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = inputs / "good.jsonl"
    good.write_text(
        '{"id": "g1", "date": "2017-04", "text": "Emmanuel Macron a rencontré Angela Merkel à Berlin mardi."}\n'
        "{broken\n"
        '{"id": "g3", "date": "2017-04-31", "text": "Une date impossible."}\n'
        '{"id": "g4", "date": "2017-04", "text": "Der Bundestag hat am Dienstag eine Reform beschlossen."}\n',
        encoding="utf-8",
    )
    (inputs / "bin.txt").write_bytes(b"\x00\x01")
    db = dbs.new()
    res = CliRunner().invoke(main, ["ingest", str(inputs), "--db", db])
    assert res.exit_code == 1
    out = res.output
    assert f"{good}:2: bad-json" in out
    assert f"{good}:3: bad-date" in out
    assert "binary-file" in out
    assert "read 5, stored 1, replaced 0, unchanged 0, skipped 1, failed 3" in out
    res = CliRunner().invoke(main, ["skipped", "--db", db, "--format", "json"])
    assert json.loads(res.output)[0]["code"] == "unsupported-language"


def test_query_commands(db: str) -> None:
    r = CliRunner()
    res = r.invoke(main, ["articles", "--db", db, "--format", "json"])
    arts = json.loads(res.output)
    assert len(arts) == 11
    res = r.invoke(main, ["show", arts[0]["id"], "--db", db])
    assert res.exit_code == 0 and "|PER" in res.output
    res = r.invoke(main, ["show", "nope", "--db", db])
    assert res.exit_code == 1 and "unknown-article" in res.output
    res = r.invoke(main, ["entities", "--db", db, "--type", "PER", "--top", "3", "--format", "json"])
    assert len(json.loads(res.output)) == 3
    res = r.invoke(main, ["timeline", "Sergueï Lavrov", "--db", db, "--format", "json"])
    rows = json.loads(res.output)
    assert rows and all(row["kind"] in {"mention", "quote", "event"} for row in rows)
    res = r.invoke(main, ["timeline", "Lavrov", "--db", db, "--since", "2017-07", "--until", "2017-07"])
    assert res.exit_code == 0 and "2017-07-08" in res.output and "2017-02-17" not in res.output
    res = r.invoke(main, ["timeline", "Lavrov", "--db", db, "--since", "2017-09", "--until", "2017-01"])
    assert res.exit_code == 2 and "after" in res.output
    res = r.invoke(main, ["search", "Versailles", "--db", db, "--format", "json"])
    assert len(json.loads(res.output)) == 1
    for cmd in (["quotes"], ["events"]):
        res = r.invoke(main, [*cmd, "--db", db, "--format", "json"])
        assert res.exit_code == 0 and isinstance(json.loads(res.output), list)
    # A correction, through the command that writes.
    res = r.invoke(main, ["entities", "--db", db, "rename", "Sergueï Lavrov", "S. Lavrov"])
    assert res.exit_code == 0, res.output
    res = r.invoke(main, ["entities", "--db", db, "--type", "PER", "--format", "json", "--top", "50"])
    assert "S. Lavrov" in {e["name"] for e in json.loads(res.output)}


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["articles", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and "no-store" in res.output


def test_control_characters_are_shown_escaped_not_sent_to_the_terminal(tmp_path: Path) -> None:
    # Terminal sequences in an article (ESC to clear the screen, C1's CSI, a bell) are written as \xNN in
    # the views for people; JSON keeps the text exactly as it was given.
    text = "Claire Dubois a inauguré\x1b[2J une médiathèque à Lyon.\x07 Le maire\x9b31m a salué le projet."
    p = tmp_path / "ctl.jsonl"
    p.write_text(
        json.dumps({"id": "c1", "date": "2017-05", "lang": "fr", "title": "Titre\x1b]0;pwned\x07", "text": text})
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "ctl.db")
    r = CliRunner()
    assert r.invoke(main, ["ingest", str(p), "--db", db]).exit_code == 0
    raw = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    for args in (["show", "c1"], ["articles"], ["entities"]):
        res = r.invoke(main, [*args, "--db", db])
        assert res.exit_code == 0, res.output
        assert not raw.search(res.output), (args, res.output)
    shown = r.invoke(main, ["show", "c1", "--db", db]).output
    assert "inauguré\\x1b[2J une" in shown and "Titre\\x1b]0;pwned\\x07" in shown and "maire\\x9b31m" in shown
    res = r.invoke(main, ["analyse", "--format", "text", str(p)])
    assert res.exit_code == 0 and not raw.search(res.output) and "\\x1b[2J" in res.output
    # JSON says exactly the same text, with DEL and C1 escaped as JSON escapes the rest of the controls.
    for args in (
        ["show", "c1", "--db", db, "--format", "json"],
        ["analyse", str(p)],
        ["analyse", "--format", "jsonl", str(p)],
    ):
        res = r.invoke(main, args)
        assert res.exit_code == 0 and not raw.search(res.output), (args, res.output)
        rec = json.loads(res.output)
        assert rec["article"]["text"] == text and rec["article"]["title"] == "Titre\x1b]0;pwned\x07"
