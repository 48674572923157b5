"""Validate the entity-resolution gold set against the corpus and print its statistics.

Checks (each failure is reported with its line number): every line is a JSON object with exactly the
fields of the format in ``eval/entities/GUIDELINES.md``; the article exists and its text has the stored
sha1; ``0 <= start < end <= len(text)``; the span has no edge space or punctuation and sits on word
boundaries (no letter or digit just outside it); the type is one of PER/ORG/LOC/GPE and the same for every
mention of a cluster; no two mentions overlap; and there are at least ``--min-mentions`` mentions and
``--min-clusters`` clusters.

Statistics: mentions and distinct surface forms per cluster, how many clusters have more than one form,
how many forms are shared by several clusters, and the B³ scores of the exact-string baseline (mentions
with the same text are one cluster), which is what a resolver has to beat: if that baseline were already
perfect the set would test nothing.

Usage: ``python eval/tools/check_entity_gold.py [eval/entities/fr_gold_clusters.jsonl] [--corpus PATH]``
(exit status 1 when a check fails).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "entities" / "fr_gold_clusters.jsonl"
CORPUS = ROOT.parent / "shared" / "corpora" / "fr_tvnews_2017.jsonl.gz"
FIELDS = {"corpus", "id", "sha1", "start", "end", "cluster", "type"}
TYPES = {"PER", "ORG", "LOC", "GPE"}
# The issue asks for at least 300 mentions of the 30 most frequent referents.
MIN_MENTIONS = 300
MIN_CLUSTERS = 30
_EDGE = " \t\r\n,;:!?«»“”\"()[]{}–—'’"


@dataclass
class Mention:
    line: int
    id: str
    start: int
    end: int
    cluster: str
    type: str
    text: str


@dataclass
class Report:
    mentions: list[Mention] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


FRENCH_CORPORA = ("fr_tvnews_2017", "fr_orangesum_2011_2019")


def load_texts(corpus: Path, ids: set[str]) -> dict[str, str]:
    """Texts of the wanted ids from `corpus` and the other French corpora beside it (ids are unique across them)."""
    texts: dict[str, str] = {}
    paths = [corpus] + [corpus.parent / f"{c}.jsonl.gz" for c in FRENCH_CORPORA if corpus.name != f"{c}.jsonl.gz"]
    for path in paths:
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in ids:
                    texts[rec["id"]] = rec["text"]
    return texts


def check(gold: Path, corpus: Path, min_mentions: int = MIN_MENTIONS, min_clusters: int = MIN_CLUSTERS) -> Report:
    """Read and validate the gold file; ``Report.errors`` is empty when it is valid."""
    report = Report()
    raw: list[tuple[int, dict[str, object]]] = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report.errors.append(f"{gold.name}:{n}: not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict) or set(obj) != FIELDS:
            report.errors.append(f"{gold.name}:{n}: fields must be exactly {sorted(FIELDS)}")
            continue
        raw.append((n, obj))
    texts = load_texts(corpus, {str(o["id"]) for _n, o in raw})
    for n, o in raw:
        where = f"{gold.name}:{n}"
        aid, start, end = str(o["id"]), o["start"], o["end"]
        if o["corpus"] not in FRENCH_CORPORA:
            report.errors.append(f"{where}: corpus {o['corpus']!r} is not one of {', '.join(FRENCH_CORPORA)}")
            continue
        if aid not in texts:
            report.errors.append(f"{where}: article {aid} not in the corpus")
            continue
        text = texts[aid]
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != o["sha1"]:
            report.errors.append(f"{where}: sha1 differs from the corpus text of {aid}")
            continue
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            report.errors.append(f"{where}: offsets {start}..{end} out of bounds (text has {len(text)} chars)")
            continue
        span = text[start:end]
        if span[0] in _EDGE or span[-1] in _EDGE:
            report.errors.append(f"{where}: span {span!r} starts or ends with space or punctuation")
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            report.errors.append(f"{where}: span {span!r} cuts a word")
        if o["type"] not in TYPES:
            report.errors.append(f"{where}: type {o['type']!r} not in {sorted(TYPES)}")
        if not isinstance(o["cluster"], str) or not o["cluster"].strip():
            report.errors.append(f"{where}: empty cluster name")
        report.mentions.append(Mention(n, aid, start, end, str(o["cluster"]), str(o["type"]), span))
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for m in report.mentions:
        types[m.cluster][m.type] += 1
    for cluster, counts in sorted(types.items()):
        if len(counts) > 1:
            report.errors.append(f"cluster {cluster!r} has several types: {dict(counts)}")
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in report.mentions:
        by_doc[m.id].append(m)
    for ms in by_doc.values():
        ms.sort(key=lambda m: (m.start, m.end))
        for a, b in itertools.pairwise(ms):
            if b.start < a.end:
                report.errors.append(f"{gold.name}:{b.line}: overlaps line {a.line} in {a.id}")
    if len(report.mentions) < min_mentions:
        report.errors.append(f"only {len(report.mentions)} mentions (need {min_mentions})")
    if len(types) < min_clusters:
        report.errors.append(f"only {len(types)} clusters (need {min_clusters})")
    return report


def b_cubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """B³ precision, recall, F1 of a predicted clustering against gold (both: one label per mention)."""
    g_members: dict[Hashable, set[int]] = defaultdict(set)
    p_members: dict[Hashable, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        g_members[g].add(i)
        p_members[p].add(i)
    prec = rec = 0.0
    for g, p in zip(gold, pred, strict=True):
        both = len(g_members[g] & p_members[p])
        prec += both / len(p_members[p])
        rec += both / len(g_members[g])
    n = len(gold)
    prec, rec = prec / n, rec / n
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def stats(mentions: list[Mention]) -> dict[str, object]:
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    clusters_of_form: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        forms[m.cluster][m.text] += 1
        clusters_of_form[m.text].add(m.cluster)
    p, r, f = b_cubed([m.cluster for m in mentions], [m.text for m in mentions])
    return {
        "mentions": len(mentions),
        "clusters": len(forms),
        "articles": len({m.id for m in mentions}),
        "types": dict(Counter(m.type for m in {m.cluster: m for m in mentions}.values())),
        "clusters_with_several_forms": sum(1 for c in forms.values() if len(c) > 1),
        "distinct_forms": len(clusters_of_form),
        "forms_in_several_clusters": {f: sorted(c) for f, c in sorted(clusters_of_form.items()) if len(c) > 1},
        "exact_string_b3": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
        "per_cluster": {
            c: {"mentions": sum(fs.values()), "forms": len(fs)}
            for c, fs in sorted(forms.items(), key=lambda kv: -sum(kv[1].values()))
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--forms", action="store_true", help="also list each cluster's surface forms")
    args = ap.parse_args(argv)
    report = check(args.gold, args.corpus)
    for err in report.errors:
        print("ERROR", err, file=sys.stderr)
    st = stats(report.mentions)
    per = st.pop("per_cluster")
    print(json.dumps(st, ensure_ascii=False, indent=1))
    assert isinstance(per, dict)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for m in report.mentions:
        forms[m.cluster][m.text] += 1
    for cluster, row in per.items():
        extra = f"\t{dict(forms[cluster].most_common())}" if args.forms else ""
        print(f"{row['mentions']:4d} mentions {row['forms']:2d} forms  {cluster}{extra}")
    print("OK" if not report.errors else f"{len(report.errors)} errors", file=sys.stderr)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
