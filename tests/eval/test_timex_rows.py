"""The rows eval/timex.py scores by default: the French news dev set only when its file is there."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dl_testing import ROOT


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dateline_eval_timex_rows", ROOT / "eval" / "timex.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_the_french_news_dev_row_is_left_out_with_a_note_when_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ev = _scorer()
    data = ev.default_data(tmp_path / "fr_dev.jsonl")
    assert not any("fr_dev" in spec for spec in data)
    assert "no French news dev set" in capsys.readouterr().err
    assert sum(ev.split_of(spec) == "test" for spec in data) == 2


def test_the_french_news_dev_row_is_dev_and_named_by_its_role(tmp_path: Path) -> None:
    ev = _scorer()
    path = tmp_path / "fr_dev.jsonl"
    path.write_text("", "utf-8")
    data = ev.default_data(path)
    assert f"{path}:fr" in data and ev.split_of(f"{path}:fr") == "dev"
    label, lang, docs = ev.load_corpus(f"{path}:fr")
    assert (label, lang, docs) == ("dev: French news dev (fr_dev.jsonl)", "fr", [])
