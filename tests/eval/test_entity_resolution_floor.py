"""CI floor: cross-document entity resolution on the hand-made French gold clustering (B³).

The floors are the scores reached when they were pinned, less a small margin; a change that lowers
them fails here. See eval/entities.py for the scoring and eval/entities/README.md for the gold set.
"""

from __future__ import annotations

import importlib.util
import sys

from dl_testing import ROOT, need_shared

# Pinned from `python eval/entities.py` (P/R/F1 0.989/0.931/0.959 on 488 mentions, branch er), less a
# margin of about 0.01.
FLOOR_F1 = 0.95
FLOOR_PRECISION = 0.98


def test_entity_resolution_floor() -> None:
    shared = need_shared("corpora", "fr_tvnews_2017.jsonl.gz").parent.parent
    spec = importlib.util.spec_from_file_location("eval_entities", ROOT / "eval" / "entities.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    res = mod.evaluate(shared=shared)
    ours, exact = res["scores"]["dateline"], res["scores"]["exact string"]
    assert ours["f1"] >= FLOOR_F1, res
    assert ours["precision"] >= FLOOR_PRECISION, res
    assert ours["f1"] > exact["f1"] + 0.03, res
