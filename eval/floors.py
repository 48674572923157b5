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

# Set from `python eval/floors.py --suggest` on 2026-12-03: each floor is the measured value (in the comment) -
# 0.02, rounded down to 0.005, and never lowered after a gain elsewhere, except the two events-fr accuracies
# noted below, over a larger set of matched events. "over baseline" rows are dateline minus the baseline of
# the same run.
FLOORS: dict[str, dict[str, float]] = {
    "time-fr": {
        "strict_p": 0.805,  # measured 0.828
        "strict_r": 0.805,  # measured 0.825
        "strict_f1": 0.805,  # measured 0.826
        "relaxed_p": 0.925,  # measured 0.948
        "relaxed_r": 0.920,  # measured 0.944
        "relaxed_f1": 0.925,  # measured 0.946
        "type_acc": 0.950,  # measured 0.970
        "value_acc (day DCT)": 0.895,  # measured 0.916
        "value_f1 (day DCT)": 0.850,  # measured 0.866
        "coverage (day DCT)": 0.905,  # measured 0.926
        "value_acc (month DCT)": 0.620,  # measured 0.641
        "value_f1 (month DCT)": 0.585,  # measured 0.607
        "coverage (month DCT)": 0.940,  # measured 0.960
    },
    "time-en": {
        "strict_p": 0.920,  # measured 0.942
        "strict_r": 0.875,  # measured 0.899
        "strict_f1": 0.900,  # measured 0.920
        "relaxed_p": 0.965,  # measured 0.989
        "relaxed_r": 0.920,  # measured 0.944
        "relaxed_f1": 0.945,  # measured 0.966
        "type_acc": 0.965,  # measured 0.985
        "value_acc (day DCT)": 0.910,  # measured 0.934
        "value_f1 (day DCT)": 0.880,  # measured 0.902
        "coverage (day DCT)": 0.925,  # measured 0.947
        "value_acc (month DCT)": 0.905,  # measured 0.926
        "value_f1 (month DCT)": 0.875,  # measured 0.895
        "coverage (month DCT)": 0.935,  # measured 0.957
    },
    "quotes-fr": {
        "p30": 0.910,  # measured 0.932
        "r30": 0.785,  # measured 0.809
        "f30": 0.845,  # measured 0.866
        "p80": 0.880,  # measured 0.902
        "r80": 0.760,  # measured 0.783
        "f80": 0.815,  # measured 0.838
        "exact_f1": 0.730,  # measured 0.754
        "speaker_acc": 0.820,  # measured 0.844
        "entity_recall": 0.725,  # measured 0.745
        "entity_precision": 0.790,  # measured 0.814
        "entity_recall_all": 0.575,  # measured 0.599
        "entity_precision_all": 0.760,  # measured 0.782
        "r30_direct": 0.805,  # measured 0.829
        "r30_indirect": 0.690,  # measured 0.714
        "r30_mixed": 0.820,  # measured 0.842
        "f30 over baseline": 0.060,  # measured 0.081
    },
    "quotes-en": {
        "p30": 0.965,  # measured 0.987
        "r30": 0.785,  # measured 0.806
        "f30": 0.865,  # measured 0.888
        "p80": 0.905,  # measured 0.928
        "r80": 0.735,  # measured 0.758
        "f80": 0.810,  # measured 0.834
        "exact_f1": 0.670,  # measured 0.692
        "speaker_acc": 0.940,  # measured 0.960
        "entity_recall": 0.665,  # measured 0.687
        "entity_precision": 0.885,  # measured 0.909
        "entity_recall_all": 0.545,  # measured 0.570
        "entity_precision_all": 0.885,  # measured 0.909
        "r30_direct": 0.910,  # measured 0.933
        "r30_indirect": 0.795,  # measured 0.815
        "r30_mixed": 0.550,  # measured 0.571
        "f30 over baseline": 0.775,  # measured 0.795
    },
    "events-fr": {
        "type P": 0.685,  # measured 0.691
        "type R": 0.355,  # measured 0.375
        "type F1": 0.465,  # measured 0.487
        "source_right": 0.370,  # measured 0.394
        "target_right": 0.415,  # measured 0.437
        "dyad_right": 0.160,  # measured 0.183
        "src_country": 0.510,  # measured 0.531
        "src_sector": 0.400,  # measured 0.422
        "tgt_country": 0.270,  # measured 0.292
        "tgt_sector": 0.285,  # measured 0.308
        "modality": 0.795,  # measured 0.815
        "negation": 0.950,  # measured 0.972
        "mode": 0.810,  # measured 0.831
        "date_right": 0.620,  # measured 0.643
        "happening F1": 0.485,  # measured 0.508
        # Both by the trigger rule since 2026-12-03 (before: the keyword tagger's per-article type sets).
        "F1 over keyword baseline": 0.090,  # measured 0.111
        "type-set F1 over keyword baseline": 0.150,  # measured 0.170
    },
    "events-en": {
        # A new test set since 2026-12-03 (eval/events/en_test_b.jsonl, draw events-en-b): the first one was
        # looked at and became dev (en_dev_b.jsonl), so these floors were set afresh on the new set, lower
        # than the old ones on every line the new set measures worse. The old set's figures were fit.
        # The same day the learned acceptance of English candidates became the default (docs/evaluation.md):
        # type F1 0.357 -> 0.483 at higher precision, and the events it adds mostly have actors the rules
        # could not resolve, so the slot accuracies over the larger matched set fall as ratios while the
        # right slots grow in number (source right 16 -> 18). Those floors were set afresh on it, marked.
        "type P": 0.680,  # measured 0.700
        "type R": 0.345,  # measured 0.369
        "type F1": 0.460,  # measured 0.483
        "source_right": 0.345,  # measured 0.367; was 0.465 before the learned acceptance (see above)
        "target_right": 0.345,  # measured 0.367
        "dyad_right": 0.120,  # measured 0.143; was 0.190 before the learned acceptance (see above)
        "src_country": 0.395,  # measured 0.417; was 0.525 before the learned acceptance (see above)
        "src_sector": 0.395,  # measured 0.417; was 0.495 before the learned acceptance (see above)
        "tgt_country": 0.235,  # measured 0.256; was 0.300 before the learned acceptance (see above)
        "tgt_sector": 0.210,  # measured 0.231; was 0.265 before the learned acceptance (see above)
        "modality": 0.765,  # measured 0.788
        "negation": 0.950,  # measured 0.970
        "mode": 0.855,  # measured 0.878; was 0.885 before the learned acceptance (see above)
        "date_right": 0.690,  # measured 0.714
        "happening F1": 0.500,  # measured 0.521
        # Both by the trigger rule since 2026-12-03 (before: the keyword tagger's per-article type sets).
        "F1 over keyword baseline": 0.110,  # measured 0.133
        "type-set F1 over keyword baseline": 0.140,  # measured 0.160
    },
    "entities-fr": {
        "B3 precision": 0.960,  # measured 0.983
        "B3 recall": 0.920,  # measured 0.945
        "B3 F1": 0.940,  # measured 0.964
        "NER matched": 0.955,  # measured 0.979
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
    # Like with like (until 2026-12-03 dateline's trigger-matched F1 was set against the keyword tagger's
    # per-article type sets, a lenient measure): both by the trigger rule, and both by type sets.
    out["F1 over keyword baseline"] = float(rep["dateline"]["F1"] - rep["keyword_baseline"]["F1"])
    out["type-set F1 over keyword baseline"] = float(
        rep["dateline_type_sets"]["F1"] - rep["keyword_baseline_type_sets"]["F1"]
    )
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
