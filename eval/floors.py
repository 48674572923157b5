"""Every metric of every capability on its test set, measured the way the scorers measure it, and its CI floor.

    python eval/floors.py             # measured now, beside the floor
    python eval/floors.py --suggest   # measured - 0.02 (rounded down to 0.005): the floors to pin after a gain
    python eval/floors.py time-fr     # one capability

``measure(capability)`` runs dateline (the same functions as eval/timex.py, eval/quotes.py,
eval/events.py, eval/entities.py) on one test set and returns a flat {metric: value}. The floors in
FLOORS are checked by tests/eval/test_floors.py; they sit on the test sets, never tuned on
(docs/evaluation.md). Only aggregate figures are computed here.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))

# Set from `python eval/floors.py --suggest` on 2026-12-03, after issues 14-18 were merged: each floor is the
# measured value (in the comment) - 0.02, rounded down to 0.005. "over baseline" rows are dateline minus the
# baseline of the same run (negative where dateline is still below it: the French and English event types).
FLOORS: dict[str, dict[str, float]] = {
    "time-fr": {
        "strict_p": 0.805,  # measured 0.828
        "strict_r": 0.800,  # measured 0.825
        "strict_f1": 0.805,  # measured 0.826
        "relaxed_p": 0.925,  # measured 0.948
        "relaxed_r": 0.920,  # measured 0.944
        "relaxed_f1": 0.925,  # measured 0.946
        "type_acc": 0.950,  # measured 0.975
        "value_acc (day DCT)": 0.895,  # measured 0.920
        "value_f1 (day DCT)": 0.850,  # measured 0.870
        "coverage (day DCT)": 0.905,  # measured 0.926
        "value_acc (month DCT)": 0.620,  # measured 0.641
        "value_f1 (month DCT)": 0.585,  # measured 0.607
        "coverage (month DCT)": 0.940,  # measured 0.960
    },
    "time-en": {
        "strict_p": 0.910,  # measured 0.935
        "strict_r": 0.875,  # measured 0.896
        "strict_f1": 0.890,  # measured 0.915
        "relaxed_p": 0.965,  # measured 0.986
        "relaxed_r": 0.920,  # measured 0.944
        "relaxed_f1": 0.940,  # measured 0.965
        "type_acc": 0.940,  # measured 0.963
        "value_acc (day DCT)": 0.890,  # measured 0.912
        "value_f1 (day DCT)": 0.855,  # measured 0.879
        "coverage (day DCT)": 0.925,  # measured 0.947
        "value_acc (month DCT)": 0.885,  # measured 0.908
        "value_f1 (month DCT)": 0.855,  # measured 0.876
        "coverage (month DCT)": 0.935,  # measured 0.957
    },
    "quotes-fr": {
        "p30": 0.900,  # measured 0.924
        "r30": 0.775,  # measured 0.796
        "f30": 0.835,  # measured 0.855
        "p80": 0.880,  # measured 0.901
        "r80": 0.755,  # measured 0.776
        "f80": 0.810,  # measured 0.834
        "exact_f1": 0.720,  # measured 0.742
        "speaker_acc": 0.780,  # measured 0.800
        "entity_recall": 0.645,  # measured 0.670
        "entity_precision": 0.780,  # measured 0.802
        "entity_recall_all": 0.510,  # measured 0.533
        "entity_precision_all": 0.730,  # measured 0.753
        "r30_direct": 0.805,  # measured 0.829
        "r30_indirect": 0.655,  # measured 0.679
        "r30_mixed": 0.765,  # measured 0.789
        "f30 over baseline": 0.050,  # measured 0.070
    },
    "quotes-en": {
        "p30": 0.965,  # measured 0.987
        "r30": 0.780,  # measured 0.801
        "f30": 0.860,  # measured 0.884
        "p80": 0.905,  # measured 0.927
        "r80": 0.730,  # measured 0.753
        "f80": 0.810,  # measured 0.831
        "exact_f1": 0.650,  # measured 0.671
        "speaker_acc": 0.910,  # measured 0.933
        "entity_recall": 0.610,  # measured 0.631
        "entity_precision": 0.850,  # measured 0.872
        "entity_recall_all": 0.495,  # measured 0.519
        "entity_precision_all": 0.850,  # measured 0.872
        "r30_direct": 0.910,  # measured 0.933
        "r30_indirect": 0.785,  # measured 0.809
        "r30_mixed": 0.550,  # measured 0.571
        "f30 over baseline": 0.770,  # measured 0.792
    },
    "events-fr": {
        "type P": 0.575,  # measured 0.597
        "type R": 0.170,  # measured 0.192
        "type F1": 0.270,  # measured 0.291
        "source_right": 0.235,  # measured 0.256
        "target_right": 0.325,  # measured 0.349
        "dyad_right": 0.070,  # measured 0.093
        "src_country": 0.285,  # measured 0.308
        "src_sector": 0.235,  # measured 0.256
        "tgt_country": 0.140,  # measured 0.161
        "tgt_sector": 0.105,  # measured 0.129
        "modality": 0.720,  # measured 0.744
        "negation": 0.930,  # measured 0.953
        "mode": 0.745,  # measured 0.767
        "date_right": 0.685,  # measured 0.706
        "happening F1": 0.355,  # measured 0.379
        "F1 over keyword baseline": -0.290,  # measured -0.269
    },
    "events-en": {
        "type P": 0.545,  # measured 0.569
        "type R": 0.255,  # measured 0.279
        "type F1": 0.350,  # measured 0.374
        "source_right": 0.150,  # measured 0.172
        "target_right": 0.255,  # measured 0.276
        "dyad_right": 0.080,  # measured 0.103
        "src_country": 0.285,  # measured 0.310
        "src_sector": 0.255,  # measured 0.276
        "tgt_country": 0.285,  # measured 0.308
        "tgt_sector": 0.245,  # measured 0.269
        "modality": 0.840,  # measured 0.862
        "negation": 0.945,  # measured 0.966
        "mode": 0.735,  # measured 0.759
        "date_right": 0.690,  # measured 0.714
        "happening F1": 0.395,  # measured 0.416
        "F1 over keyword baseline": -0.075,  # measured -0.052
    },
    "entities-fr": {
        "B3 precision": 0.960,  # measured 0.980
        "B3 recall": 0.880,  # measured 0.904
        "B3 F1": 0.920,  # measured 0.941
        "NER matched": 0.950,  # measured 0.975
    },
}


def _module(name: str) -> ModuleType:
    """An eval script as a module (they are scripts, not a package)."""
    key = f"dateline_eval_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, ROOT / "eval" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[key] = mod
    spec.loader.exec_module(mod)
    return mod


def _timex(lang: str) -> dict[str, float]:
    ev = _module("timex")
    _, _, docs = ev.load_corpus(f"{ROOT}/eval/timex/{lang}_test.jsonl:{lang}")
    preds = ev.dateline_predictions(docs, lang, ["day", "month"])
    out: dict[str, float] = {}
    for mode in ("day", "month"):
        s = ev.score(docs, preds[mode]).as_dict()
        for k in ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "type_acc"):
            if mode == "day":  # extents and types do not depend on the DCT
                out[k] = s[k]
        for k in ("value_acc", "value_f1", "coverage"):
            out[f"{k} ({mode} DCT)"] = s[k]
    return out


_QUOTE_KEYS = (
    "p30", "r30", "f30", "p80", "r80", "f80", "exact_f1", "speaker_acc", "entity_recall", "entity_precision",
    "entity_recall_all", "entity_precision_all", "r30_direct", "r30_indirect", "r30_mixed",
)  # fmt: skip


def _quotes(lang: str) -> dict[str, float]:
    ev = _module("quotes")
    scores = ev.eval_fr(ev.FR_TEST) if lang == "fr" else ev.eval_attributions(ev.en_test_items(ev.EN_TEST))
    ours, base = scores["dateline"], scores["baseline"]
    out = {k: float(ours[k]) for k in _QUOTE_KEYS if k in ours}
    # The quotation-marks baseline, in the same run: dateline must stay above it.
    out["f30 over baseline"] = float(ours["f30"] - base["f30"])
    return out


def _events(lang: str) -> dict[str, float]:
    from dateline.pipeline import load_pipeline

    ev = _module("events")
    path = ev.FR_TEST if lang == "fr" else ev.EN_TEST
    rep = ev.article_scores(load_pipeline(lang), path, SHARED, lang)
    out: dict[str, float] = {f"type {k}": float(rep["dateline"][k]) for k in ("P", "R", "F1")}
    for key in (
        "source_right", "target_right", "dyad_right", "src_country", "src_sector", "tgt_country", "tgt_sector",
        "modality", "negation", "mode", "date_right",
    ):  # fmt: skip
        if rep[key]["n"]:
            out[key] = float(rep[key]["acc"])
    if "happenings" in rep:
        out["happening F1"] = float(rep["happenings"]["F1"])
    out["F1 over keyword baseline"] = float(rep["dateline"]["F1"] - rep["keyword_baseline_type_sets"]["F1"])
    return out


def _entities() -> dict[str, float]:
    ev = _module("entities")
    res = ev.evaluate(ev.TEST, SHARED)
    s = res["scores"]["dateline"]
    return {
        "B3 precision": float(s["precision"]),
        "B3 recall": float(s["recall"]),
        "B3 F1": float(s["f1"]),
        "NER matched": res["matched_by_ner"] / res["mentions"],
    }


CAPABILITIES: dict[str, Any] = {
    "time-fr": lambda: _timex("fr"),
    "time-en": lambda: _timex("en"),
    "quotes-fr": lambda: _quotes("fr"),
    "quotes-en": lambda: _quotes("en"),
    "events-fr": lambda: _events("fr"),
    "events-en": lambda: _events("en"),
    "entities-fr": _entities,
}


def measure(capability: str) -> dict[str, float]:
    """Every metric of one capability on its test set (the scorers read ../shared, or DATELINE_SHARED)."""
    return CAPABILITIES[capability]()  # type: ignore[no-any-return]


def suggest(value: float) -> float:
    """The floor for a measured value: 0.02 under it, rounded down to 0.005 (never below -1)."""
    return max(-1.0, math.floor((value - 0.02) * 200) / 200)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("capabilities", nargs="*", help=f"any of {', '.join(CAPABILITIES)} (default: all)")
    ap.add_argument("--suggest", action="store_true", help="print floors as a Python dict (measured - 0.02)")
    args = ap.parse_args(argv)
    names = args.capabilities or list(CAPABILITIES)
    for name in names:
        if name not in CAPABILITIES:
            ap.error(f"unknown capability {name!r}")
    measured = {name: measure(name) for name in names}
    if args.suggest:
        print("FLOORS: dict[str, dict[str, float]] = {")
        for name, got in measured.items():
            print(f'    "{name}": {{')
            for k, v in got.items():
                print(f'        "{k}": {suggest(v):.3f},  # measured {v:.3f}')
            print("    },")
        print("}")
        return 0
    for name, got in measured.items():
        for k, v in got.items():
            floor = FLOORS.get(name, {}).get(k)
            mark = "" if floor is None else (" ok" if v >= floor else " BELOW")
            print(f"{name:12s} {k:28s} {v:.3f}   floor {'—' if floor is None else f'{floor:.3f}'}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
