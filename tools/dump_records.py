"""Dump the analysis of a fixed corpus sample, to show that a change (a speed-up, a refactoring) leaves
every record — or every time-expression candidate — exactly as it was.

Run it once with the old code and once with the new, then compare the two files byte for byte:

    git worktree add /tmp/old <rev>
    PYTHONPATH=/tmp/old/src python tools/dump_records.py /tmp/old.jsonl
    python tools/dump_records.py /tmp/new.jsonl
    cmp /tmp/old.jsonl /tmp/new.jsonl

Records: 800 fr_tvnews_2017 articles (from the 5,001st), the first 500 of fr_orangesum and of
en_reuters21578, through the whole pipeline (the analysis time stamp left out). With ``--timex``,
``find_candidates`` alone on the first 8,000 + 6,000 French and 6,000 English texts (no model needed).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from itertools import islice
from pathlib import Path

from dateline.article import Article
from dateline.readers import read_file

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
RECORDS = [
    ("fr_tvnews_2017", "fr", 5000, 800),
    ("fr_orangesum_2011_2019", "fr", 0, 500),
    ("en_reuters21578", "en", 0, 500),
]
TIMEX = [
    ("fr_tvnews_2017", "fr", 0, 8000),
    ("fr_orangesum_2011_2019", "fr", 0, 6000),
    ("en_reuters21578", "en", 0, 6000),
]


def _articles(shared: Path, corpus: str, skip: int, n: int) -> list[Article]:
    found = (a for a in read_file(str(shared / "corpora" / f"{corpus}.jsonl.gz")) if isinstance(a, Article))
    return list(islice(found, skip, skip + n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--shared", default=str(SHARED))
    ap.add_argument("--timex", action="store_true", help="time-expression candidates only")
    args = ap.parse_args()
    shared = Path(args.shared)
    with open(args.out, "w", encoding="utf-8") as out:
        if args.timex:
            from dateline.timex.detect import find_candidates

            for corpus, lang, skip, n in TIMEX:
                for a in _articles(shared, corpus, skip, n):
                    found = [dataclasses.astuple(c) for c in find_candidates(a.text, lang)]
                    out.write(json.dumps([a.id, found], ensure_ascii=False, default=str) + "\n")
            return
        from dateline.pipeline import analyse_articles

        for corpus, lang, skip, n in RECORDS:
            for r in analyse_articles(_articles(shared, corpus, skip, n), lang=lang):
                if isinstance(r, dict):
                    r.pop("analysed_at", None)
                out.write(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str) + "\n")


if __name__ == "__main__":
    main()
