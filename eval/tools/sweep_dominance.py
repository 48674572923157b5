"""Dev sweep of the resolver's dominance rule: B³ on the dev clusters for each (share, ratio) setting.

    python eval/tools/sweep_dominance.py            # eval/entities/fr_gold_clusters.jsonl (dev)

When a short name ("Fillon", "PS") fits several stored groups, entities/resolve.py gives it to the
one holding at least ``_DOMINANT_SHARE`` of their mentions and ``_DOMINANT_RATIO`` times the next
one, else leaves it apart. This prints what other settings would give on dev, so that the constants
rest on the dev set as a whole rather than on one name; test sets are refused (they are scored by
eval/entities.py, never tuned on). The articles are analysed once; each setting re-runs the store's
resolution only.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))

SHARES = (0.5, 0.6, 0.67, 0.75, 0.8, 0.9, 1.01)
RATIOS = (1.5, 2.0, 3.0, 5.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT / "eval" / "entities" / "fr_gold_clusters.jsonl")
    args = ap.parse_args(argv)
    if "_test" in args.gold.name:
        ap.error("test sets are scored by eval/entities.py, never swept")
    import dateline
    import entities  # eval/entities.py
    from dateline.entities import resolve

    cached: list[Any] = []
    real = dateline.analyse_articles

    def analyse_once(arts: Any, **kw: Any) -> Any:
        if not cached:
            cached.extend(real(arts, **kw))
        return iter(copy.deepcopy(cached))

    dateline.analyse_articles = analyse_once  # type: ignore[assignment]
    print("| share | ratio | B³ P | B³ R | B³ F1 |")
    print("|---|---|---|---|---|")
    for share in SHARES:
        for ratio in RATIOS if share <= 1 else (RATIOS[0],):
            resolve._DOMINANT_SHARE, resolve._DOMINANT_RATIO = share, ratio
            s = entities.evaluate(args.gold)["scores"]["dateline"]
            label = "never" if share > 1 else f"{share:.2f}"
            print(f"| {label} | {ratio:.1f} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
