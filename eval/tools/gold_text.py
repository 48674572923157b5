"""Find third-party text in the project: runs of words shared with the gold sets and their documents.

    python eval/tools/gold_text.py            # every run of 7+ words of a gold text found in the repo
    python eval/tools/gold_text.py --n 6      # a shorter run length

The project keeps no third-party text: tests and comments use sentences written for them, and gold
regressions run from ../shared by id (issue 13). This tool keeps that true. It reads the texts of every
gold set in ../shared and in eval/ (dev and test: the corpus articles named by eval/*/*.jsonl, the
documents drawn for the test sets, PolNeAR, French TimeBank, TimeBank/AQUAINT, the PLOVER gold
sentences), cuts them into runs of N words (lower case, words = letters and
digits), and reports every run that also appears in a file of src/, tests/, eval/, bench/, tools/,
docs/, samples/ or the README. Seven words is the issue's measure: shorter runs are common phrases
("le ministre des Affaires étrangères"), longer ones are copies. The brief's sample article is not a
gold set: the brief itself quotes its phrases, and the tests read it from ../shared.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from corpora import ALL_CORPORA, ROOT, SHARED, iter_records, load_records
from draw_test import recorded

WORD = re.compile(r"\w+", re.UNICODE)
SCANNED = ("src", "tests", "eval", "bench", "tools", "docs", "samples", "README.md", "BENCHMARKS.md")
SUFFIXES = {".py", ".md", ".txt", ".json", ".jsonl", ".tsv", ".csv", ".html", ".js", ".toml", ".yml", ".yaml"}
# Files whose job is to hold gold offsets or generated data, never prose: ids and numbers cannot form
# a run of words of an article, so they are skipped only to save time.
SKIP_PARTS = {"vendor", "__pycache__", ".venv", "node_modules"}


# A run in this many distinct corpus articles is a stock phrase (see stock_phrases).
STOCK_DF = 3


def words(text: str) -> list[str]:
    """The words of a text, lower-cased."""
    return [w.lower() for w in WORD.findall(text)]


def shingles(text: str, n: int) -> Iterator[tuple[str, ...]]:
    """Every run of n consecutive words."""
    ws = words(text)
    for i in range(len(ws) - n + 1):
        yield tuple(ws[i : i + n])


def _timeml_text(path: Path) -> str:
    raw = path.read_text("utf-8", errors="replace")
    m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    return re.sub(r"<[^>]+>", "", m.group(1) if m else raw)


def gold_texts(shared: Path = SHARED) -> Iterator[tuple[str, str]]:
    """(where, text) of every gold text the project must not copy."""
    wanted: dict[str, set[str]] = {}
    for path in sorted((ROOT / "eval").glob("*/*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("corpus") in ALL_CORPORA:
                    wanted.setdefault(rec["corpus"], set()).add(rec["id"])
    # Every document drawn for a test set (spares included), as recorded when the draw was made.
    test_ids: set[str] = set()
    # Replacement test sets (eval/tools/draw_retest.py) are recorded beside the first draw.
    for _, corpus, rid, _ in recorded("drawn_test") + recorded("drawn_test_b"):
        wanted.setdefault(corpus, set()).add(rid)
        test_ids.add(rid)
    for corpus, ids in sorted(wanted.items()):
        for rid, rec in sorted(load_records(corpus, ids, shared).items()):
            # A test document's words are never printed, even here: nobody reads the test sets.
            yield (f"test:{corpus}:{rid}" if rid in test_ids else f"{corpus}:{rid}"), rec["text"]
    for path in sorted((shared / "eval" / "quotes" / "polnear" / "data").glob("*/text/*.txt")):
        yield f"polnear:{path.name}", path.read_text("utf-8", errors="replace")
    for path in sorted((shared / "eval" / "timex").rglob("*.tml")):
        yield f"timeml:{path.name}", _timeml_text(path)
    for path in sorted((shared / "eval" / "events" / "gold").glob("*")):
        if path.is_file():
            # Markup and JSON keys are nobody's prose; only the sentences count.
            yield f"events-gold:{path.name}", re.sub(r"<[^>]+>", " ", path.read_text("utf-8", errors="replace"))


def repo_files(root: Path = ROOT) -> Iterator[Path]:
    """The project's files that could hold copied prose."""
    for name in SCANNED:
        base = root / name
        paths: Iterable[Path] = [base] if base.is_file() else sorted(base.rglob("*")) if base.exists() else []
        for p in paths:
            if p.is_file() and p.suffix in SUFFIXES and not SKIP_PARTS & set(p.parts):
                yield p


def find_copies(n: int = 7, shared: Path = SHARED, root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(repo file, gold source, the shared run) for every run of n words a repo file shares with a gold text."""
    index: dict[tuple[str, ...], str] = {}
    for where, text in gold_texts(shared):
        for sh in shingles(text, n):
            index.setdefault(sh, where)
    found: list[tuple[str, str, tuple[str, ...]]] = []
    for path in repo_files(root):
        seen: set[str] = set()
        for sh in shingles(path.read_text("utf-8", errors="replace"), n):
            src = index.get(sh)
            if src is not None and src not in seen:
                seen.add(src)
                found.append((str(path.relative_to(root)), src, sh))
    stock = stock_phrases({sh for _, _, sh in found}, shared)
    return [(p, src, " ".join(sh)) for p, src, sh in found if sh not in stock]


def stock_phrases(runs: set[tuple[str, ...]], shared: Path = SHARED) -> set[tuple[str, ...]]:
    """The runs that occur in at least STOCK_DF articles of the corpora: stock phrases, not copies.

    "du Conseil de sécurité de l'ONU" or "le ministre russe des Affaires étrangères Sergueï" are how
    the language names things; a run that dozens of independent articles share is nobody's text.
    """
    if not runs:
        return set()
    n = len(next(iter(runs)))
    df: dict[tuple[str, ...], int] = dict.fromkeys(runs, 0)
    firsts = {r[0] for r in runs}
    for corpus in ALL_CORPORA:
        for rec in iter_records(corpus, shared):
            ws = words(rec.get("text") or "")
            hit = set()
            for i in range(len(ws) - n + 1):
                if ws[i] in firsts:
                    sh = tuple(ws[i : i + n])
                    if sh in df:
                        hit.add(sh)
            for sh in hit:
                df[sh] += 1
    return {sh for sh, k in df.items() if k >= STOCK_DF}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=7, help="run length in words (7)")
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args(argv)
    hits = find_copies(args.n, args.shared)
    for path, src, run in hits:
        print(f"{path}\t{src}\t{'(words of a test document not shown)' if src.startswith('test:') else run}")
    print(f"{len(hits)} file/source pairs share a run of {args.n} words", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
