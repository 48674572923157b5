"""Write ``eval/entities/fr_gold_clusters.jsonl`` from the hand decisions.

Inputs: the candidate table printed by ``entity_candidates.py sample`` (regenerated, not stored: it holds
corpus text), ``eval/entities/annotation/decisions.txt`` (one hand decision per candidate row) and
``eval/entities/annotation/additions.tsv`` (mentions found while reading that the sampler did not list).
Neither annotation file holds corpus text: only row numbers, offsets and cluster names.

Decision syntax, one per line ``N:OP`` (N = the candidate's row number ``n``)::

    N:=                   keep, cluster = the row's guess (only for guesses that name one referent)
    N:Cluster|TYPE        keep, with this cluster
    N:+K Cluster|TYPE     keep, end moved K characters right  ("France" -> "France 2")
    N:-K Cluster|TYPE     keep, start moved K characters left ("Républicains" -> "Les Républicains")
    N:DROP                not a mention of a single referent, or undecidable from its article

Usage::

    python eval/tools/entity_candidates.py sample > /tmp/candidates.tsv
    python eval/tools/build_entity_gold.py /tmp/candidates.tsv > eval/entities/fr_gold_clusters.jsonl
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entity_candidates import CONFUSABLE, CORPUS, REFERENTS

HERE = Path(__file__).resolve().parents[1] / "entities" / "annotation"


def parse_decision(op: str, guess: str) -> tuple[str, str, int, int] | None:
    """(cluster, type, start shift, end shift), or None for DROP."""
    op = op.strip()
    if op == "DROP":
        return None
    if op == "=":
        table = {**CONFUSABLE, **REFERENTS}
        if guess not in table:
            raise ValueError(f"'=' needs a single-referent guess, got {guess!r}")
        return guess, table[guess][0], 0, 0
    ds = de = 0
    if op[0] in "+-":
        shift, op = op.split(" ", 1)
        if shift[0] == "+":
            de = int(shift[1:])
        else:
            ds = -int(shift[1:])
    cluster, etype = op.rsplit("|", 1)
    return cluster, etype, ds, de


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("candidates", type=Path)
    ap.add_argument("--decisions", type=Path, default=HERE / "decisions.txt")
    ap.add_argument("--additions", type=Path, default=HERE / "additions.tsv")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)

    texts: dict[str, str] = {}
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["id"]] = rec["text"]
    decisions: dict[int, str] = {}
    for line in args.decisions.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            n, op = line.split(":", 1)
            decisions[int(n)] = op
    rows: list[tuple[str, int, int, str, str]] = []
    with args.candidates.open(encoding="utf-8") as fh:
        for cand in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            n = int(cand["n"])
            if n not in decisions:
                raise SystemExit(f"candidate {n} has no decision")
            aid, s, e = cand["id"], int(cand["start"]), int(cand["end"])
            if texts[aid][s:e] != cand["form"]:
                raise SystemExit(f"candidate {n}: the table does not match the corpus")
            got = parse_decision(decisions.pop(n), cand["guess"])
            if got is not None:
                cluster, etype, ds, de = got
                rows.append((aid, s + ds, e + de, cluster, etype))
    if decisions:
        raise SystemExit(f"decisions for rows not in the table: {sorted(decisions)[:10]}")
    for line in args.additions.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            aid, s, e, cluster, etype = line.split("\t")
            rows.append((aid, int(s), int(e), cluster, etype))
    for aid, s, e, cluster, etype in sorted(rows):
        sha1 = hashlib.sha1(texts[aid].encode("utf-8")).hexdigest()
        rec = {"corpus": "fr_tvnews_2017", "id": aid, "sha1": sha1, "start": s, "end": e}
        rec.update({"cluster": cluster, "type": etype})
        print(json.dumps(rec, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
