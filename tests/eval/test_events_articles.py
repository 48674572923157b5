"""eval/events.py's article reading, which the English events trainer shares: gold lines to analysed
articles, and a gold span's events (hand-built records and events written for these tests)."""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import spacy

from dl_testing import ROOT

sys.path.insert(0, str(ROOT / "eval"))
import events as ev_eval


def _ev(typ: str, *triggers: tuple[int, int]) -> dict[str, Any]:
    first, *more = ({"start": s, "end": e} for s, e in triggers)
    return {"type": typ, "trigger": first, "trigger_more": more}


def test_span_events_keep_the_triggers_that_start_in_the_span() -> None:
    merged = _ev("CONSULT", (5, 10), (40, 45))
    outside = _ev("AGREE", (60, 66))
    straddling = _ev("ACCUSE", (28, 35))
    got = ev_eval.span_events([merged, outside, straddling], 0, 30)
    assert got == [("CONSULT", [(5, 10)], merged), ("ACCUSE", [(28, 35)], straddling)]
    assert ev_eval.span_events([merged], 30, 50) == [("CONSULT", [(40, 45)], merged)]
    assert ev_eval.span_events([], 0, 100) == []


def test_gold_articles_analyse_each_article_once_and_skip_changed_texts(tmp_path: Path) -> None:
    texts = {"a1": "The two ministers met on Monday. They agreed to talk again.", "a2": "Nothing happened here."}
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    with gzip.open(corpora / "wire.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i, t in texts.items():
            fh.write(json.dumps({"id": i, "text": t, "date": "2016-05-02"}) + "\n")

    def line(i: str, start: int, end: int, sha1: str | None = None) -> dict[str, Any]:
        sha = sha1 or hashlib.sha1(texts[i].encode("utf-8")).hexdigest()
        return {"corpus": "wire", "id": i, "sha1": sha, "start": start, "end": end, "events": []}

    gold = [line("a1", 0, 32), line("a2", 0, 10, sha1="0" * 40), line("a1", 33, 59)]
    got = list(ev_eval.gold_articles(spacy.blank("en"), gold, tmp_path))
    assert [(rec and rec["id"], [g["start"] for g in lines]) for rec, lines, _ in got] == [("a1", [0, 33]), (None, [0])]
    assert got[0][2].text == texts["a1"] and got[1][2] is None
