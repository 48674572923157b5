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


def test_the_error_listing_refuses_test_sets_and_their_documents(tmp_path: Path) -> None:
    ev = _scorer()
    assert ev.refuse_test(f"{ROOT}/eval/timex/fr_test.jsonl:fr", [])
    assert ev.refuse_test(f"{tmp_path}/fr_test_b.jsonl:fr", [])
    assert ev.refuse_test(f"{ROOT}/eval/timex/fr_test.second.jsonl:fr", [])
    held = next(iter(ev.test_document_ids()))
    doc = ev.TimeMLDoc(held, "", ev.date(2017, 1, 1))
    assert ev.refuse_test(f"{tmp_path}/mine.jsonl:fr", [doc])
    assert ev.refuse_test(f"{tmp_path}/fr_dev.jsonl:fr", [ev.TimeMLDoc("x", "", ev.date(2017, 1, 1))]) is None


def test_the_error_listing_gives_class_values_interval_and_context() -> None:
    ev = _scorer()
    d = ev.date
    text = "Il est venu hier et partira en 2020 pour trois ans."
    gold = [ev.Timex(12, 16, "DATE", "2017-01-09"), ev.Timex(31, 35, "DATE", "2020")]
    doc = ev.TimeMLDoc("mine", text, d(2017, 1, 10), gold)
    pred = [ev.Timex(12, 16, "DATE", "2017-01", d(2017, 1, 1), d(2017, 1, 30)), ev.Timex(41, 50, "DURATION", "P3Y")]
    out = ev.error_listing([doc], [pred])
    assert "DATE day | gold DATE 2017-01-09 | pred DATE 2017-01 [2017-01-01..2017-01-30] in |" in out
    assert "⟦hier⟧" in out
    assert "MISSED DATE year or coarser" in out and "SPURIOUS | pred DURATION P3Y" in out
    assert "DATE day: 1 wrong, 1 with the gold inside the interval" in out


@pytest.mark.model
def test_one_pipeline_run_gives_the_rules_row_and_the_learned_row() -> None:
    """dateline-learned is the time component run again on the analysed document: the rules' row of
    the same run is the one a run without the learned detector gives, and the learned row keeps every
    rule timex."""
    from datetime import date

    ev = _scorer()
    text = "Le conseil s'est réuni mardi pendant trois heures ; il se réunira de nouveau dans quinze jours."
    doc = ev.TimeMLDoc("written-for-this-test", text, date(2017, 4, 6), [])
    both = ev.dateline_runs([doc], "fr", "day", learned=True)
    (rules,), _ = ev.run_dateline([doc], "fr", "day")
    assert both["dateline"][0] == [rules]
    assert rules and set(rules) <= set(both["dateline-learned"][0][0])
    assert set(ev.dateline_runs([doc], "fr", "month")) == {"dateline"}
