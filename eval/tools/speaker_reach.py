"""How far after its reporting verb a post-verbal speaker stands, in the dev gold sets.

    python eval/tools/speaker_reach.py

Reads the French dev quote sets (eval/quotes/fr_gold.jsonl, fr_dev.jsonl) and, for every quotation
whose speaker span follows its cue ("…, a déclaré lundi le ministre X"), counts the words between
the end of the cue and the start of the speaker. quotes/indirect.py's ``_NAME_REACH`` bounds how far
the finder looks for such a speaker: this prints the distribution it is read from (test sets are
not read).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import load_records  # noqa: E402

DEV = (ROOT / "eval" / "quotes" / "fr_gold.jsonl", ROOT / "eval" / "quotes" / "fr_dev.jsonl")
WORD = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")


def distances() -> Counter[int]:
    """Words (punctuation counted as a word, as a tokenizer does) from the cue's end to the speaker."""
    out: Counter[int] = Counter()
    for path in DEV:
        lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
        by_corpus: dict[str, set[str]] = {}
        for g in lines:
            by_corpus.setdefault(g["corpus"], set()).add(g["id"])
        texts = {rid: rec["text"] for c, ids in by_corpus.items() for rid, rec in load_records(c, ids).items()}
        for g in lines:
            text = texts[g["id"]]
            for q in g["quotes"]:
                cue, sp = q.get("cue"), q.get("speaker")
                if cue and sp and sp[0] >= cue[1]:
                    out[len(WORD.findall(text[cue[1] : sp[0]]))] += 1
    return out


def main() -> int:
    d = distances()
    total = sum(d.values())
    run = 0
    print("| words between cue and speaker | quotes | cumulative share |")
    print("|---|---|---|")
    for k in sorted(d):
        run += d[k]
        print(f"| {k} | {d[k]} | {run / total:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
