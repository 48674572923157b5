"""The hand-made entity-resolution gold set (eval/entities/fr_gold_clusters.jsonl) is valid and not trivial.

Runs eval/tools/check_entity_gold.py against the corpus in ../shared (skipped when it is absent), checks
that the checker rejects broken lines, and checks the B³ arithmetic on a small example worked by hand.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dl_testing import ROOT, need_shared

GOLD = ROOT / "eval" / "entities" / "fr_gold_clusters.jsonl"


def _checker() -> ModuleType:
    path = ROOT / "eval" / "tools" / "check_entity_gold.py"
    spec = importlib.util.spec_from_file_location("check_entity_gold", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> Path:
    path: Path = need_shared("corpora", "fr_tvnews_2017.jsonl.gz")
    return path


def test_b_cubed_on_a_hand_worked_example() -> None:
    ck = _checker()
    # gold {0,1,2} {3}; predicted {0,1} {2,3}. Precision per mention: 1, 1, 1/2, 1/2 -> 0.75.
    # Recall per mention: 2/3, 2/3, 1/3, 1 -> 2/3.
    p, r, f = ck.b_cubed(["A", "A", "A", "B"], ["x", "x", "y", "y"])
    assert p == pytest.approx(0.75)
    assert r == pytest.approx(2 / 3)
    assert f == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    assert ck.b_cubed(["A", "B"], ["A", "B"]) == (1.0, 1.0, 1.0)


def test_gold_file_is_valid_against_the_corpus(corpus: Path) -> None:
    ck = _checker()
    report = ck.check(GOLD, corpus)
    assert report.errors == []
    st = ck.stats(report.mentions)
    assert st["mentions"] >= 300
    assert st["clusters"] >= 30
    # The set must test resolution: many referents have several names, some names several referents,
    # so exact-string identity is far from perfect in both directions.
    assert st["clusters_with_several_forms"] >= 20
    assert len(st["forms_in_several_clusters"]) >= 5
    assert st["exact_string_b3"]["recall"] < 0.8
    assert st["exact_string_b3"]["precision"] < 0.97


def test_checker_rejects_broken_lines(corpus: Path, tmp_path: Path) -> None:
    ck = _checker()
    good = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    bad_hash = {**good, "sha1": "0" * 40}
    cut_word = {**good, "start": good["start"] + 1}
    out_of_bounds = {**good, "end": 10**7}
    bad_type = {**good, "type": "MISC"}
    lines = [good, bad_hash, cut_word, out_of_bounds, bad_type, {"id": good["id"]}]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    report = ck.check(path, corpus, min_mentions=1, min_clusters=1)
    text = "\n".join(report.errors)
    assert "sha1 differs" in text
    assert "cuts a word" in text
    assert "out of bounds" in text
    assert "type 'MISC'" in text
    assert "fields must be exactly" in text
    assert "not JSON" in text
    # the good line and the shifted one overlap in the same article
    assert "overlaps" in text
