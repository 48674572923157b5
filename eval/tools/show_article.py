"""Print a corpus article with character offsets, to annotate the gold sets precisely.

    python eval/tools/show_article.py fr_tvnews_2017 tvnews-0071309ec4400d0f
    python eval/tools/show_article.py fr_tvnews_2017 tvnews-0071309ec4400d0f --find "a déclaré"
    python eval/tools/show_article.py fr_tvnews_2017 tvnews-0071309ec4400d0f --span 120 245

Default: the text cut into lines of at most --width characters (at spaces, and at every newline of
the text), each prefixed by its start offset. --find prints start/end of every exact occurrence of a
phrase; --span prints text[start:end] between brackets so a span can be checked.
"""

from __future__ import annotations

import argparse
import sys

from corpora import ALL_CORPORA, load_records, text_sha1


def numbered_lines(text: str, width: int) -> list[tuple[int, str]]:
    """(start offset, piece) pairs covering the text; pieces break at newlines and near `width`."""
    out: list[tuple[int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        start = pos
        while len(raw) > width:
            cut = raw.rfind(" ", 0, width)
            cut = width if cut <= 0 else cut + 1
            out.append((start, raw[:cut]))
            start += cut
            raw = raw[cut:]
        out.append((start, raw))
        pos = start + len(raw) + 1
    return out


def find_all(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every (start, end) of an exact occurrence of `phrase` in `text`, overlapping ones included."""
    hits = []
    i = text.find(phrase)
    while i != -1:
        hits.append((i, i + len(phrase)))
        i = text.find(phrase, i + 1)
    return hits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", choices=ALL_CORPORA)
    ap.add_argument("id")
    ap.add_argument("--find", action="append", default=[], help="exact phrase to locate (repeatable)")
    ap.add_argument("--span", nargs=2, type=int, action="append", default=[], metavar=("START", "END"))
    ap.add_argument("--width", type=int, default=100)
    args = ap.parse_args(argv)
    recs = load_records(args.corpus, [args.id])
    if args.id not in recs:
        print(f"{args.id} not in {args.corpus}", file=sys.stderr)
        return 1
    rec = recs[args.id]
    text = rec["text"]
    if args.find or args.span:
        for phrase in args.find:
            hits = find_all(text, phrase)
            print(f"{phrase!r}: " + (", ".join(f"{s}-{e}" for s, e in hits) or "not found"))
        for s, e in args.span:
            print(f"{s}-{e}: [{text[s:e]}]")
        return 0
    print(f"# {args.corpus} {rec['id']} date={rec['date']} len={len(text)} sha1={text_sha1(text)}")
    print(f"# title: {rec['title']}")
    print(f"# url: {rec['url']}")
    for start, piece in numbered_lines(text, args.width):
        print(f"{start:6d} {piece}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
