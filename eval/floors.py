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

# Measured by `python eval/floors.py --suggest` when set; each is the measured value - 0.02.
FLOORS: dict[str, dict[str, float]] = {}


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


def measure(capability: str, shared: Path = SHARED) -> dict[str, float]:
    """Every metric of one capability on its test set."""
    del shared  # the scorers read ../shared (or DATELINE_SHARED) themselves
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
