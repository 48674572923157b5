"""CI floors on the test sets (issue 13): every metric the scorers compute, pinned 0.02 under what was measured.

The test sets (eval/*/*_test*.jsonl, docs/evaluation.md) are documents nobody tuned on; the floors sit on
them so that a figure in CI is a figure a user would get. Each floor is the value measured when it was
set, minus 0.02 (rounded down to 0.005), so run-to-run noise passes and a real loss fails; a metric that
improves is raised here by hand, from a run of the scorers, never from looking at the test items. The
dev floors stay in each capability's own floor test, so a change that trades dev for test is seen too.

    python eval/floors.py          # every test-set metric measured now, beside its floor
    python eval/floors.py --suggest   # measured - 0.02, to paste into eval/floors.py after an improvement
"""

from __future__ import annotations

import sys
from functools import cache

import pytest

from dl_testing import ROOT, need_shared

pytestmark = pytest.mark.model

sys.path.insert(0, str(ROOT / "eval"))
from floors import FLOORS, measure  # noqa: E402


@cache
def _measured(capability: str) -> dict[str, float]:
    need_shared("corpora", "fr_tvnews_2017.jsonl.gz")
    need_shared("corpora", "fr_orangesum_2011_2019.jsonl.gz")
    need_shared("corpora", "en_reuters21578.jsonl.gz")
    return measure(capability)


@pytest.mark.parametrize(
    ("capability", "metric"), [(c, m) for c, floors in FLOORS.items() for m in floors], ids=lambda x: str(x)
)
def test_test_set_floor(capability: str, metric: str) -> None:
    got = _measured(capability)
    assert metric in got, f"{capability}: the scorer no longer reports {metric}"
    assert got[metric] >= FLOORS[capability][metric], (capability, metric, got[metric])


def test_every_metric_has_a_floor() -> None:
    # A metric the scorers compute on a test set and no floor checks would drift unseen.
    for capability, floors in FLOORS.items():
        got = _measured(capability)
        missing = sorted(set(got) - set(floors))
        assert not missing, f"{capability}: no floor for {missing}"
