"""CI floors for time-expression tagging, scored on the shared TimeML gold data.

The floors sit about 0.005-0.01 under what ``python eval/timex.py --systems dateline`` measured when
they were set (French TimeBank, 72 docs: value F1 0.905 with the day DCT, 0.621 with the month DCT at
coverage 0.984, relaxed F1 0.970; English TimeBank+AQUAINT, 256 docs: value F1 0.781 with the day DCT
and 0.563 with the month DCT at coverage 0.943, relaxed F1 0.923), so a change that lowers them fails
while run-to-run noise does not. The English day floor stays above HeidelTime's 0.772 on the same data.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dl_testing import ROOT, need_shared

pytestmark = pytest.mark.model


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dateline_eval_timex", ROOT / "eval" / "timex.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _scores(spec: str, modes: list[str]) -> dict[str, dict[str, float]]:
    ev = _scorer()
    _, lang, docs = ev.load_corpus(spec)
    preds = ev.dateline_predictions(docs, lang, modes)
    return {m: ev.score(docs, preds[m]).as_dict() for m in modes}


def test_french_timebank_floors() -> None:
    path = need_shared("eval", "timex", "fr_timebank")
    s = _scores(f"{path}:fr", ["day", "month"])
    day, month = s["day"], s["month"]
    assert day["n_gold"] == 252  # the 72 documents of the shared subset
    assert day["value_f1"] >= 0.895, day
    assert day["relaxed_f1"] >= 0.96, day
    assert day["strict_f1"] >= 0.94, day
    assert month["value_f1"] >= 0.615, month
    assert month["relaxed_f1"] >= 0.96, month
    assert month["coverage"] >= 0.975, month  # honest intervals: the true day inside them


def test_english_tbaq_floors() -> None:
    tb = need_shared("eval", "timex", "tbaq", "TimeBank")
    aq = need_shared("eval", "timex", "tbaq", "AQUAINT")
    s = _scores(f"{Path(tb)},{Path(aq)}:en", ["day", "month"])
    day, month = s["day"], s["month"]
    assert day["value_f1"] >= 0.775, day
    assert day["relaxed_f1"] >= 0.915, day
    assert month["value_f1"] >= 0.555, month
    assert month["coverage"] >= 0.935, month
