"""Cross-document entity resolution against the hand-made gold clustering (B³), beside baselines.

Reads the dev set ``eval/entities/fr_gold_clusters.jsonl`` and the test set ``fr_test_clusters.jsonl`` (corpus ids
and offsets; texts come from ../shared) and, for each on its own, analyses the gold articles (plus, with ``--context
N``, the first N other articles of the corpus, which gives the resolver more names to decide with), stores them in a
fresh SQLite store, and scores the clusters of the gold mentions with B³ precision/recall/F1 (Bagga & Baldwin 1998),
micro-averaged over mentions. A gold mention takes the cluster of the stored mention that overlaps it most; a gold
mention the NER missed is a singleton, as it would be for a user.

Baselines in the same run:
- exact string: mentions with the same surface text are one entity (what counting names gives);
- in-article: dateline's per-article grouping only, no cross-document resolution (each article's
  entities are separate, names equal across articles joined by exact normalised name).

With ``--errors`` it also lists the resolver's precision errors — gold mentions that share a predicted
cluster with mentions of another gold cluster — grouped by cause (see :func:`error_report`), and its
recall errors (gold clusters split over several predicted clusters).

    python eval/entities.py                     # dev and test side by side
    python eval/entities.py --gold eval/entities/fr_gold_clusters.jsonl --errors   # dev error listing
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "entities" / "fr_gold_clusters.jsonl"
# The test set (issue 13): every named mention of 60 articles nobody tuned on.
TEST = ROOT / "eval" / "entities" / "fr_test_clusters.jsonl"
SHARED = ROOT.parent / "shared"


def b_cubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a predicted clustering against a gold one (same mention order)."""
    spec = importlib.util.spec_from_file_location("check_entity_gold", ROOT / "eval" / "tools" / "check_entity_gold.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    result: tuple[float, float, float] = mod.b_cubed(gold, pred)
    return result


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(gold_path: Path = GOLD, shared: Path = SHARED, context: int = 0) -> dict[str, Any]:
    """Run the resolver on the gold articles and return the scores of it and of the baselines."""
    import dateline
    from dateline.ingest import input_hash
    from dateline.readers import read_file
    from dateline.store import open_store

    gold = load_gold(gold_path)
    ids = {g["id"] for g in gold}
    arts: dict[str, dateline.Article] = {}
    extra: list[dateline.Article] = []
    # The gold's own corpora (the dev set is fr_tvnews_2017 only; the test set draws from both French ones);
    # context articles come from the first of them.
    corpora = sorted({g["corpus"] for g in gold}, key=lambda c: c != "fr_tvnews_2017")
    for corpus in corpora:
        for item in read_file(str(shared / "corpora" / f"{corpus}.jsonl.gz")):
            if not isinstance(item, dateline.Article):
                continue
            if item.id in ids:
                arts[item.id] = item
            elif len(extra) < context and corpus == corpora[0]:
                extra.append(item)
            if all(i in arts for i in ids) and len(extra) >= context:
                break
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "eval.db") as store:
        batch: list[tuple[dict[str, Any], str, str | None]] = []
        for rec in dateline.analyse_articles([*arts.values(), *extra], lang="fr"):
            assert isinstance(rec, dict), rec
            art = arts.get(rec["article"]["id"])
            batch.append((rec, input_hash(art, "fr") if art else rec["article"]["id"], None))
            if len(batch) >= 64:
                store.write_records(batch)
                batch = []
        store.write_records(batch)
        seconds = time.perf_counter() - t0
        # Stored mentions of the gold articles with their cluster and their in-article entity.
        stored: dict[str, list[tuple[int, int, str, str, str]]] = {}
        for row in store.conn.execute(
            """SELECT a.id, m.start, m."end", f.cluster, e.name_key, e.local_id, e.form_key
               FROM mentions m JOIN articles a ON a.rowid = m.article_rowid
               JOIN entities e ON e.article_rowid = m.article_rowid AND e.local_id = m.entity_local_id
               JOIN forms f ON f.key = e.form_key"""
        ):
            if row[0] in ids:
                stored.setdefault(row[0], []).append((row[1], row[2], row[3], row[4], row[6]))
    gold_ids, pred, in_article, exact = [], [], [], []
    details: list[dict[str, Any]] = []
    matched = 0
    for i, g in enumerate(gold):
        text = arts[g["id"]].text
        gold_ids.append(g["cluster"])
        exact.append(text[g["start"] : g["end"]])
        best = None
        best_overlap = 0
        for s, e, cluster, key, form in stored.get(g["id"], []):
            overlap = min(e, g["end"]) - max(s, g["start"])
            if overlap > best_overlap:
                best, best_overlap = (cluster, key, form, s, e), overlap
        detail = {"gold": g["cluster"], "id": g["id"], "start": g["start"], "end": g["end"]}
        detail["text"] = text[g["start"] : g["end"]]
        detail["context"] = text[max(0, g["start"] - 60) : g["end"] + 60].replace("\n", " ")
        if best is None:
            pred.append(("missed", i))
            in_article.append(("missed", i))
        else:
            matched += 1
            pred.append(best[0])
            in_article.append(best[1])
            detail.update(cluster=best[0], form=best[2], span=text[best[3] : best[4]])
        details.append(detail)
    scores = {
        "dateline": b_cubed(gold_ids, pred),
        "exact string": b_cubed(gold_ids, exact),
        "in-article names": b_cubed(gold_ids, in_article),
    }
    return {
        "mentions": len(gold),
        "clusters": len(set(gold_ids)),
        "articles": len(arts),
        "context_articles": len(extra),
        "matched_by_ner": matched,
        "seconds": round(seconds, 1),
        "scores": {k: {"precision": p, "recall": r, "f1": f} for k, (p, r, f) in scores.items()},
        "errors": error_report(details),
    }


def _cause(d: dict[str, Any], majority_forms: set[str]) -> str:
    """Why a gold mention sits in a predicted cluster with another referent's mentions.

    - ``span``: the stored mention does not cover the gold span (an NER boundary error: "France" of
      "France 2");
    - ``country``: the gazetteer made the name a state, and states share one form per country;
    - ``same form``: the name itself is the majority referent's name (an ambiguous name read one way);
    - ``rule``: a cross-document rule joined two different names (surname, first name, acronym ...).
    """
    if d["span"] != d["text"]:
        return "span"
    if d["form"].startswith("@"):
        return "country"
    if d["form"] in majority_forms:
        return "same form"
    return "rule"


def error_report(details: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision errors grouped by cause, and recall errors (gold clusters split over predictions).

    In a predicted cluster holding several gold referents, the referent with most mentions there is
    taken as the cluster's reading; the mentions of the others are its precision errors. A gold referent
    whose mentions are spread over several predicted clusters has every part but its largest listed as
    recall errors (missed mentions are singletons).
    """
    by_pred: dict[str, list[dict[str, Any]]] = {}
    by_gold: dict[str, list[dict[str, Any]]] = {}
    for d in details:
        if "cluster" in d:
            by_pred.setdefault(d["cluster"], []).append(d)
        by_gold.setdefault(d["gold"], []).append(d)
    precision: dict[str, list[dict[str, Any]]] = {}
    mixed: list[dict[str, Any]] = []
    for cluster, members in sorted(by_pred.items()):
        counts: dict[str, int] = {}
        for d in members:
            counts[d["gold"]] = counts.get(d["gold"], 0) + 1
        if len(counts) < 2:
            continue
        # What the cluster costs B³ precision, in mentions (divide by the number of gold mentions).
        loss = sum(1 - counts[d["gold"]] / len(members) for d in members)
        mixed.append({"cluster": cluster, "mentions": len(members), "gold": counts, "loss": round(loss, 2)})
        major = max(sorted(counts), key=lambda c: counts[c])
        major_forms = {d["form"] for d in members if d["gold"] == major}
        for d in members:
            if d["gold"] != major:
                row = {k: d[k] for k in ("gold", "text", "span", "form", "id", "context")}
                row.update(cluster=cluster, cluster_reading=major)
                precision.setdefault(_cause(d, major_forms), []).append(row)
    recall: list[dict[str, Any]] = []
    for gold, members in sorted(by_gold.items()):
        parts: dict[str, list[dict[str, Any]]] = {}
        for d in members:
            parts.setdefault(d.get("cluster", f"(missed {d['id']}:{d['start']})"), []).append(d)
        if len(parts) < 2:
            continue
        biggest = max(sorted(parts), key=lambda c: len(parts[c]))
        for cluster, ds in sorted(parts.items()):
            if cluster != biggest:
                recall.append(
                    {
                        "gold": gold,
                        "cluster": cluster,
                        "main_cluster": biggest,
                        "texts": sorted({d["text"] for d in ds}),
                    }
                )
    mixed.sort(key=lambda m: -m["loss"])
    return {"precision": precision, "mixed_clusters": mixed, "recall": recall}


def print_errors(errors: dict[str, Any]) -> None:
    n = sum(len(v) for v in errors["precision"].values())
    print(f"\n## precision errors ({n} mentions in clusters read as another referent)")
    print("\nmixed predicted clusters by B³ precision loss (in mentions):")
    for m in errors["mixed_clusters"]:
        print(f"- {m['cluster']!r}: {m['mentions']} mentions, loss {m['loss']}, gold {m['gold']}")
    for cause, rows in sorted(errors["precision"].items()):
        print(f"\n### {cause} ({len(rows)})")
        for r in sorted(rows, key=lambda r: (r["cluster_reading"], r["gold"], r["text"])):
            print(
                f"- {r['text']!r} (gold {r['gold']}) in cluster {r['cluster']!r} read as {r['cluster_reading']};"
                f" form {r['form']!r}, span {r['span']!r}, {r['id']}: …{r['context']}…"
            )
    print(f"\n## recall errors ({len(errors['recall'])} split-off parts)")
    for r in errors["recall"]:
        print(f"- {r['gold']}: {r['texts']} in {r['cluster']!r} apart from {r['main_cluster']!r}")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=None, help="score this gold file alone (default: dev and test)")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--context", type=int, default=0, help="also ingest the first N other corpus articles")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list precision and recall errors (dev files only)")
    args = ap.parse_args(argv)
    paths = {"gold": args.gold} if args.gold else {"dev": GOLD, "test": TEST}
    if args.errors and any("_test" in p.name for p in paths.values()):
        ap.error("--errors lists items: give a dev file with --gold; test sets are scored, never explained")
    results = {name: evaluate(path, args.shared, args.context) for name, path in paths.items()}
    for res in results.values():
        if not args.errors:
            del res["errors"]
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    print("| set | mentions | clusters | articles | NER matched | system | B³ precision | B³ recall | B³ F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, res in results.items():
        for system, s in res["scores"].items():
            print(
                f"| {name} | {res['mentions']} | {res['clusters']} | {res['articles']} | {res['matched_by_ner']} "
                f"| {system} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |"
            )
    if args.errors:
        for res in results.values():
            print_errors(res["errors"])


if __name__ == "__main__":
    main()
