"""Seeded draw of *replacement* test sets: drawn after the dev sets, for a test set that was looked at.

    python eval/tools/draw_retest.py events-en-b    # 30 Reuters stories (+ spares) for eval/events/en_test_b.jsonl
    python eval/tools/draw_retest.py --list

Why: a test set stops being a test once its figures have steered a rule. The first English events
test set (events-en, seed 1306) was: a rule change was rethought because a floor on it failed
(docs/evaluation.md, "Looked-at sets"). It became dev (eval/events/en_dev_b.jsonl) and this set
replaces it.

What keeps it unseen:
- no document of eval/drawn_test.tsv nor of eval/drawn_dev.tsv (spares included), no article of the
  first dev sets, no id written in the repository (draw_test.py's scan) is eligible;
- no Reuters story of a day that holds a dev-drawn document or a document of the demoted set: the
  wire tells the same story several times a day, and those documents are now tuned on;
- the draw depends only on the corpora, the two recorded draws, the dev files and the seed. It is
  recorded in eval/drawn_test_b.tsv (tests/eval/test_test_sets.py checks both agree).
"""

from __future__ import annotations

import sys

from draw_dev import AFTER_RETEST, DEV_SETS
from draw_test import (
    EN_EVENT_CUE,
    REUTERS,
    SetSpec,
    cli,
    dev_periods,
    draw,
    ids_named_in_repo,
    recorded,
    reuters_ids_on,
)

RETEST_SETS = (
    SetSpec("events-en-b", 1308, (REUTERS,), 30, 20, 500, 3000, EN_EVENT_CUE, 2 / 3, minimum=">= 100 events"),
)

# Sets whose documents are dev now: their Reuters days are left out of the replacement draws.
DEMOTED = ("events-en",)


def draw_all() -> dict[str, list[dict]]:
    """Every replacement set, in the order of RETEST_SETS, from what the test and dev draws left."""
    first_dev, _, _ = dev_periods()
    tests = recorded("drawn_test")
    # Only the dev sets drawn before this one: those appended after it (draw_dev.AFTER_RETEST on) come
    # from what it left, so they must not change it.
    names = [spec.name for spec in DEV_SETS]
    before = set(names[: names.index(AFTER_RETEST)])
    devs = [d for d in recorded("drawn_dev") if d[0] in before]
    excluded = first_dev | ids_named_in_repo() | {rid for _, _, rid, _ in tests + devs}
    tuned = [d for d in devs if d[1] == REUTERS] + [d for d in tests if d[0] in DEMOTED]
    # draw()'s day filter is for tvnews; the Reuters days are applied to its pool through `excluded`.
    excluded |= reuters_ids_on({date[:10] for *_, date in tuned})
    out: dict[str, list[dict]] = {}
    for spec in RETEST_SETS:
        picks = draw(spec, excluded, set(), set())
        out[spec.name] = picks
        excluded |= {d["id"] for d in picks}
    return out


def main(argv: list[str] | None = None) -> int:
    return cli(argv, __doc__, RETEST_SETS, draw_all)


if __name__ == "__main__":
    sys.exit(main())
