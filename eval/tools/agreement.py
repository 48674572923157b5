"""Inter-annotator agreement on the test sets: the first pass against the second reader's tenth.

    python eval/tools/agreement.py            # every set that has a *.second.jsonl beside it
    python eval/tools/agreement.py --json

A second reader annotated a seeded tenth of each test set without seeing the first pass
(docs/evaluation.md). Agreement is scored as the systems are, with the first pass in the role of the
gold, on the documents both annotated, so the figures say how far a system can be trusted to be
measured by them:
- time: TempEval-3 strict and relaxed extent F1, then type and value agreement on relaxed matches;
- quotes (French) and attributions (English): F1 at 30 % overlap of the gold span, kind agreement and
  speaker-entity agreement on matched quotes;
- events: type F1 with triggers overlapping, then source code, target code and modality agreement on
  matched events;
- entities: mention F1 (exact spans) and B³ F1 of the clusterings over the mentions both marked.
Only counts and scores are printed, never an item: these are test sets.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from corpora import ROOT

Span = tuple[int, int]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _f1(m: int, n_a: int, n_b: int) -> float:
    return 2 * m / (n_a + n_b) if n_a + n_b else 1.0


def _match(a: Sequence[Any], b: Sequence[Any], ok: Callable[[Any, Any], float]) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching by decreasing score; pairs scoring 0 never match."""
    pairs = sorted(((ok(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score <= 0 or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((a[i], b[j]))
    return out


def _share(pairs: list[tuple[Any, Any]], same: Callable[[Any, Any], bool]) -> float:
    return sum(1 for x, y in pairs if same(x, y)) / len(pairs) if pairs else 1.0


def _paired(first: Path, second: Path, key: str) -> list[tuple[list[Any], list[Any]]]:
    """(first pass items, second pass items) per document the second reader annotated."""
    by_id = {(r["corpus"], r["id"]): r for r in _lines(first)}
    out = []
    for r in _lines(second):
        a = by_id.get((r["corpus"], r["id"]))
        if a is None:
            raise SystemExit(f"{second.name}: {r['id']} is not in {first.name}")
        out.append((a[key], r[key]))
    return out


def timex_agreement(first: Path, second: Path) -> dict[str, float]:
    """Strict/relaxed extent F1, type and value agreement (TempEval-3 style)."""
    n_a = n_b = strict = relaxed = 0
    matched: list[tuple[Any, Any]] = []
    for a, b in _paired(first, second, "timexes"):
        n_a, n_b = n_a + len(a), n_b + len(b)
        strict += len({(t["start"], t["end"]) for t in a} & {(t["start"], t["end"]) for t in b})
        pairs = _match(a, b, lambda x, y: _overlap((x["start"], x["end"]), (y["start"], y["end"])))
        relaxed += len(pairs)
        matched += pairs
    return {
        "docs": len(_paired(first, second, "timexes")),
        "first": n_a,
        "second": n_b,
        "strict_f1": _f1(strict, n_a, n_b),
        "relaxed_f1": _f1(relaxed, n_a, n_b),
        "type_agreement": _share(matched, lambda x, y: x["type"] == y["type"]),
        "value_agreement": _share(matched, lambda x, y: x["value"] == y["value"]),
    }


def _covers(g: Span, p: Span) -> float:
    """Overlap as a share of the first span, 0 below 30 % (the quote scorers' threshold)."""
    share = _overlap(g, p) / max(1, g[1] - g[0])
    return share if share >= 0.3 else 0.0


def quote_agreement(first: Path, second: Path, key: str = "quotes") -> dict[str, float]:
    """F1 at 30 % overlap, kind and speaker-entity agreement on matched quotes."""
    start = "start" if key == "quotes" else "content"
    ent = "speaker_entity" if key == "quotes" else "source_entity"

    def span(q: dict[str, Any]) -> Span:
        return (q["start"], q["end"]) if start == "start" else (q["content"][0], q["content"][1])

    n_a = n_b = 0
    matched: list[tuple[Any, Any]] = []
    docs = _paired(first, second, key)
    for a, b in docs:
        n_a, n_b = n_a + len(a), n_b + len(b)
        matched += _match(a, b, lambda x, y: _covers(span(x), span(y)))
    both = [(x, y) for x, y in matched if x.get(ent) or y.get(ent)]
    return {
        "docs": len(docs),
        "first": n_a,
        "second": n_b,
        "f1_30": _f1(len(matched), n_a, n_b),
        "kind_agreement": _share(matched, lambda x, y: x.get("kind") == y.get("kind")),
        "speaker_entity_agreement": _share(both, lambda x, y: (x.get(ent) or "").lower() == (y.get(ent) or "").lower()),
    }


def event_agreement(first: Path, second: Path) -> dict[str, float]:
    """Type F1 (overlapping triggers, same type), then actor codes and modality on matched events."""
    n_a = n_b = 0
    matched: list[tuple[Any, Any]] = []
    docs = _paired(first, second, "events")
    for a, b in docs:
        n_a, n_b = n_a + len(a), n_b + len(b)
        matched += _match(
            a,
            b,
            lambda x, y: float(x["type"] == y["type"]) * _overlap(tuple(x["trigger"]), tuple(y["trigger"])),
        )

    def code(ev: dict[str, Any], role: str) -> str | None:
        return (ev.get(role) or {}).get("code")

    return {
        "docs": len(docs),
        "first": n_a,
        "second": n_b,
        "type_f1": _f1(len(matched), n_a, n_b),
        "source_code_agreement": _share(matched, lambda x, y: code(x, "source") == code(y, "source")),
        "target_code_agreement": _share(matched, lambda x, y: code(x, "target") == code(y, "target")),
        "modality_agreement": _share(matched, lambda x, y: x.get("modality") == y.get("modality")),
        "negated_agreement": _share(matched, lambda x, y: bool(x.get("negated")) == bool(y.get("negated"))),
    }


def b_cubed(a: dict[Any, str], b: dict[Any, str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of clustering b against clustering a, over their common items."""
    items = sorted(set(a) & set(b))
    if not items:
        return 1.0, 1.0, 1.0
    ca: dict[str, set[Any]] = {}
    cb: dict[str, set[Any]] = {}
    for i in items:
        ca.setdefault(a[i], set()).add(i)
        cb.setdefault(b[i], set()).add(i)
    p = sum(len(ca[a[i]] & cb[b[i]]) / len(cb[b[i]]) for i in items) / len(items)
    r = sum(len(ca[a[i]] & cb[b[i]]) / len(ca[a[i]]) for i in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def entity_agreement(first: Path, second: Path) -> dict[str, float]:
    """Mention F1 (exact spans, on the second reader's documents) and B³ F1 over the common mentions."""
    sec = _lines(second)
    docs = {r["id"] for r in sec}
    fst = [r for r in _lines(first) if r["id"] in docs]
    a = {(r["id"], r["start"], r["end"]): r["cluster"] for r in fst}
    b = {(r["id"], r["start"], r["end"]): r["cluster"] for r in sec}
    type_a = {(r["id"], r["start"], r["end"]): r["type"] for r in fst}
    type_b = {(r["id"], r["start"], r["end"]): r["type"] for r in sec}
    common = sorted(set(a) & set(b))
    _, _, f = b_cubed(a, b)
    return {
        "docs": len(docs),
        "first": len(a),
        "second": len(b),
        "mention_f1": _f1(len(common), len(a), len(b)),
        "type_agreement": _share([(k, k) for k in common], lambda x, y: type_a[x] == type_b[y]),
        "b3_f1": f,
    }


SETS: dict[str, tuple[str, Callable[[Path, Path], dict[str, float]]]] = {
    "time fr": ("eval/timex/fr_test.jsonl", timex_agreement),
    "time en": ("eval/timex/en_test.jsonl", timex_agreement),
    "quotes fr": ("eval/quotes/fr_test.jsonl", quote_agreement),
    "quotes en": ("eval/quotes/en_test.jsonl", lambda a, b: quote_agreement(a, b, "attributions")),
    "events fr": ("eval/events/fr_test.jsonl", event_agreement),
    "events en": ("eval/events/en_test_b.jsonl", event_agreement),
    "events en (dev B, was test)": ("eval/events/en_dev_b.jsonl", event_agreement),
    "entities fr": ("eval/entities/fr_test_clusters.jsonl", entity_agreement),
}


def second_of(first: Path) -> Path:
    """The second reader's file beside a first-pass file."""
    return first.with_name(first.name.replace(".jsonl", ".second.jsonl"))


def agreement(root: Path = ROOT) -> dict[str, dict[str, float]]:
    """Scores for every set whose second pass exists."""
    out = {}
    for name, (rel, fn) in SETS.items():
        first = root / rel
        if first.exists() and second_of(first).exists():
            out[name] = fn(first, second_of(first))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = agreement()
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    for name, scores in res.items():
        cells = (f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in scores.items())
        print(f"{name:12s} " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
