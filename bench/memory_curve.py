"""Memory over a long run: a worker's resident memory while it analyses N articles, sampled as it goes.

A worker that runs for days must not grow: the vocabulary, caches and Docs of one batch must be gone
by the next (``analyse_articles`` runs each batch inside ``nlp.memory_zone()``). This streams the
French corpora (fr_tvnews_2017, then fr_orangesum, round again if N is larger; ids made unique per
round) through the full pipeline in one process and records the resident set size every ``--every``
articles, as CSV, with a PNG plot when matplotlib is installed (the ``plot`` extra).

    python bench/memory_curve.py --n 100000 [--every 1000] [--out bench/results/memory_curve.csv]

The summary line compares the mean RSS of the first and last tenth of the run after warm-up: a flat
run has a drift close to zero whatever N is.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from dateline.article import Article
from dateline.pipeline import analyse_articles
from dateline.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [
    ROOT.parent / "shared" / "corpora" / "fr_tvnews_2017.jsonl.gz",
    ROOT.parent / "shared" / "corpora" / "fr_orangesum_2011_2019.jsonl.gz",
]


def rss_mib() -> float:
    """This process's resident set size now, from /proc (Linux)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def stream(corpora: list[Path], n: int) -> Iterator[Article]:
    """``n`` articles from the corpora in turn, round after round."""
    count, rnd = 0, 0
    while True:
        for path in corpora:
            for item in read_file(str(path)):
                if not isinstance(item, Article):
                    continue
                yield item if rnd == 0 else replace(item, id=f"{item.id}~{rnd}")
                count += 1
                if count >= n:
                    return
        rnd += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--every", type=int, default=1000)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "memory_curve.csv"))
    ap.add_argument("--corpus", action="append", help="corpus to stream (repeatable; default: the French ones)")
    args = ap.parse_args()
    corpora = [Path(c) for c in args.corpus] if args.corpus else CORPORA
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[int, float, float]] = []
    t0 = time.perf_counter()
    done = 0
    # Rows are written as they come, so a run stopped early still leaves its curve so far.
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["articles", "seconds", "rss_mib"])
        for rec in analyse_articles(stream(corpora, args.n), lang="fr"):
            assert isinstance(rec, dict), rec
            done += 1
            if done % args.every == 0:
                rows.append((done, round(time.perf_counter() - t0, 1), round(rss_mib(), 1)))
                w.writerow(rows[-1])
                f.flush()
    rss = [r[2] for r in rows]
    tenth = max(1, len(rss) // 10)
    warm = rss[tenth:]  # the first tenth is warm-up: caches and arenas fill
    first, last = warm[:tenth], warm[-tenth:]
    drift = sum(last) / len(last) - sum(first) / len(first) if warm else 0.0
    print(
        f"memory curve: {done} articles in {time.perf_counter() - t0:.0f} s, "
        f"RSS min {min(rss):.0f} / max {max(rss):.0f} MiB, drift after warm-up {drift:+.0f} MiB ({out})"
    )
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.plot([r[0] for r in rows], rss)
    ax.set_xlabel("articles analysed")
    ax.set_ylabel("RSS (MiB)")
    ax.set_ylim(bottom=0)
    ax.set_title("dateline worker memory over a run (full pipeline)")
    fig.tight_layout()
    fig.savefig(out.with_suffix(".png"), dpi=100)


if __name__ == "__main__":
    main()
