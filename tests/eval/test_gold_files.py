"""The French gold files must stay valid against the corpus texts they point into.

A gold file holds only ids, sha1s and offsets; if it is edited by hand or the corpus changes, the
offsets silently point at the wrong text. These tests run eval/tools/check_gold.py on both files
(skipped when ../shared is absent) and check that the checker does catch a corrupted line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from dl_testing import ROOT, need_shared

sys.path.insert(0, str(ROOT / "eval" / "tools"))
import check_gold

QUOTES = ROOT / "eval" / "quotes" / "fr_gold.jsonl"
EVENTS = ROOT / "eval" / "events" / "fr_gold.jsonl"


@pytest.fixture(scope="module")
def shared_corpora() -> Path:
    need_shared("corpora", "fr_tvnews_2017.jsonl.gz")
    need_shared("corpora", "fr_orangesum_2011_2019.jsonl.gz")
    return need_shared()


def test_quote_gold_is_valid(shared_corpora: Path) -> None:
    n, problems = check_gold.check_file(QUOTES, shared_corpora)
    assert problems == []
    assert n >= 40  # issue 4 asks for at least 40 annotated articles


def test_event_gold_is_valid(shared_corpora: Path) -> None:
    n, problems = check_gold.check_file(EVENTS, shared_corpora)
    assert problems == []
    assert n >= 60  # issue 5 asks for at least 60 annotated sentences


def test_checker_catches_shifted_offsets_and_wrong_hash(shared_corpora: Path, tmp_path: Path) -> None:
    line = next(json.loads(x) for x in QUOTES.read_text("utf-8").splitlines() if json.loads(x)["quotes"])
    shifted = json.loads(json.dumps(line))
    shifted["quotes"][0]["start"] += 1  # now starts inside a word (or on a space)
    shifted["quotes"][0]["kind"] = "paraphrase"
    rehashed = dict(line, sha1="0" * 40)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (shifted, rehashed)), "utf-8")
    n, problems = check_gold.check_file(bad, shared_corpora)
    assert n == 2
    assert any("kind 'paraphrase'" in p for p in problems)
    assert any("sha1 does not match" in p for p in problems)
    assert any("inside a word" in p or "whitespace" in p for p in problems)
