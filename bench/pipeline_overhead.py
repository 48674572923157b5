"""Pipeline overhead: bare spaCy ``nlp.pipe`` vs dateline's analysis, same articles, same run.

Machines are noisy, so the number that matters is the ratio measured in one run. Both sides get the
same texts in the same order; the bare side runs the model's own components only, the dateline side
runs ``analyse_articles`` (language detection, the model, dateline's components, record assembly),
once with the foundation only (entities) and once with every component (time, quotes, events).
Each side is timed in alternating passes (--rounds) and the fastest pass of each is kept.

    python bench/pipeline_overhead.py --n 2000 [--corpus ../shared/corpora/fr_tvnews_2017.jsonl.gz]
"""

from __future__ import annotations

import argparse
import platform
import time
from datetime import UTC, datetime
from pathlib import Path

import spacy

from dateline.article import Article
from dateline.pipeline import MODELS, analyse_articles, load_pipeline
from dateline.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "fr_tvnews_2017.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument(
        "--lang-given",
        action="store_true",
        help="also time the foundation with the language given, to isolate language detection",
    )
    ap.add_argument("--rounds", type=int, default=3, help="alternating timed passes per side; the fastest counts")
    args = ap.parse_args()

    arts: list[Article] = []
    for item in read_file(args.corpus):
        if isinstance(item, Article):
            arts.append(item)
            if len(arts) >= args.n:
                break
    texts = [a.text for a in arts]
    chars = sum(map(len, texts))
    bare = spacy.load(MODELS["fr"])
    full = load_pipeline("fr")
    # Warm both (first calls allocate), outside the timings.
    list(bare.pipe(texts[:32]))
    list(analyse_articles(arts[:32], lang=None))

    def time_bare() -> float:
        t = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        return time.perf_counter() - t

    later = [p for p in full.pipe_names if p.startswith("dateline") and p != "dateline_entities"]

    def time_full(only_foundation: bool = False, lang: str | None = None) -> float:
        t = time.perf_counter()
        with full.select_pipes(disable=later if only_foundation else []):
            for rec in analyse_articles(arts, lang=lang, batch_size=args.batch_size):
                assert isinstance(rec, dict), rec
        return time.perf_counter() - t

    bare_t, found_t, given_t, full_t = [], [], [], []
    for _ in range(args.rounds):
        bare_t.append(time_bare())
        found_t.append(time_full(only_foundation=True))
        if args.lang_given:
            given_t.append(time_full(only_foundation=True, lang="fr"))
        full_t.append(time_full())
    b, fo, f = min(bare_t), min(found_t), min(full_t)
    print(
        f"# pipeline overhead — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
        f"{platform.processor() or platform.machine()}, python {platform.python_version()}, spaCy {spacy.__version__}"
    )
    print(f"articles: {len(arts)} from {Path(args.corpus).name}, {chars:,} characters")
    print(f"dateline components: {[p for p in full.pipe_names if p.startswith('dateline')]}")
    print("| pipeline | seconds | articles/s | chars/s |")
    print("|---|---|---|---|")
    print(f"| bare spaCy nlp.pipe ({MODELS['fr']}) | {b:.1f} | {len(arts) / b:.1f} | {chars / b:,.0f} |")
    print(
        f"| dateline foundation (readers, language, entities, records) | {fo:.1f} | {len(arts) / fo:.1f} | "
        f"{chars / fo:,.0f} |"
    )
    if given_t:
        g = min(given_t)
        print(
            f"| dateline foundation, language given (no detection) | {g:.1f} | {len(arts) / g:.1f} | {chars / g:,.0f} |"
        )
    print(f"| dateline full (+ {', '.join(later)}) | {f:.1f} | {len(arts) / f:.1f} | {chars / f:,.0f} |")
    print(f"throughput ratio foundation/bare: {b / fo:.3f} (overhead {100 * (fo / b - 1):.1f}%)")
    print(f"throughput ratio full/bare: {b / f:.3f} (overhead {100 * (f / b - 1):.1f}%)")


if __name__ == "__main__":
    main()
