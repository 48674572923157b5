"""Which gold files and documents are test: the one place the scorers ask before listing items.

A test set is scored, never explained (docs/evaluation.md): the scorers' error listings (``--errors``,
``--details``) refuse a file named like a test set (``*_test*``, a second reading ``*.second*``) and a
file that holds a document of a recorded test draw (``eval/drawn_test*.tsv``), whatever its name, so
that a copy or a renamed file cannot pass a test document off as dev.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval" / "tools"))

from draw_retest import DEMOTED  # noqa: E402
from draw_test import recorded  # noqa: E402

# Every recorded test draw: the first (draw_test.py) and the replacements (draw_retest.py).
DRAWS = ("drawn_test.tsv", "drawn_test_b.tsv")


def test_document_ids(root: Path = ROOT) -> set[str]:
    """The ids of every document a recorded test draw holds, spares included, but for the sets demoted to
    dev when they were looked at (draw_retest.DEMOTED: eval/events/en_dev_b.jsonl is one)."""
    return {
        rid
        for name in DRAWS
        if (root / "eval" / name).exists()
        for set_name, _, rid, _ in recorded(name.removesuffix(".tsv"), root)
        if set_name not in DEMOTED
    }


def is_test_name(name: str) -> bool:
    """A file named as a test set or as a second reading of one."""
    return "_test" in name or ".second" in name


def refusal(label: str, names: Iterable[str], ids: Iterable[str] = ()) -> str | None:
    """Why ``label`` (files ``names`` holding documents ``ids``) may not be listed item by item, or ``None``."""
    if any(is_test_name(Path(n).name) for n in names):
        return f"{label} is a test set: test sets are scored, never explained"
    held = set(ids) & test_document_ids()
    if held:
        return f"{label}: holds {len(held)} document(s) of a test draw: test sets are scored, never explained"
    return None
