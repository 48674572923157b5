"""Pipeline overhead: bare spaCy ``nlp.pipe`` vs dateline's analysis, same articles, same run.

Machines are noisy, so the number that matters is the ratio measured in one run. Both sides get the
same texts in the same order; the bare side runs the model's own components only, the dateline side
runs ``analyse_articles`` (language detection, the model, dateline's components, record assembly),
once with the foundation only (entities) and once with every component (time, quotes, events).
The sides take turns batch by batch, each batch in a memory zone on both sides (see ``bare_batch``),
over --rounds passes; each side's fastest pass counts, when every cache of both models is warm.

    python bench/pipeline_overhead.py --n 2000 [--corpus ../shared/corpora/fr_tvnews_2017.jsonl.gz]
"""

from __future__ import annotations

import argparse
import platform
import time
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language

from dateline.article import Article
from dateline.lang import detect_language, preload
from dateline.pipeline import MODELS, analyse_articles, load_pipeline, make_doc
from dateline.readers import read_file
from dateline.record import doc_to_record

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "fr_tvnews_2017.jsonl.gz"
# The row of --timex-learned: the time component with the learned detector on, timed beside the rules'
# one, which every later stage reads.
LEARNED_ROW = "dateline_timex (learned on, instead; later stages read the rules' timexes)"


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
    ap.add_argument(
        "--timex-learned",
        action="store_true",
        help="also time the time component with the learned extent detector on (a row of the stage table)",
    )
    args = ap.parse_args()

    arts: list[Article] = list(islice((a for a in read_file(args.corpus) if isinstance(a, Article)), args.n))
    texts = [a.text for a in arts]
    chars = sum(map(len, texts))
    bare = spacy.load(MODELS["fr"])
    full = load_pipeline("fr")
    # Warm both (first calls allocate), outside the timings; loading the language detectors' models is
    # start-up, like loading spaCy's, so it is done here too.
    preload()
    list(bare.pipe(texts[:32]))
    list(analyse_articles(arts[:32], lang=None))

    later = [p for p in full.pipe_names if p.startswith("dateline") and p != "dateline_entities"]

    def bare_batch(batch: list[Article]) -> float:
        t = time.perf_counter()
        # In a memory zone like dateline's batches: otherwise the bare model keeps every word it has
        # seen, and from the second pass on it meets these 2,000 articles with a warm vocabulary that
        # no run over new articles has (and a memory that only grows).
        with bare.memory_zone():
            for _ in bare.pipe([a.text for a in batch], batch_size=args.batch_size):
                pass
        return time.perf_counter() - t

    def ours_batch(batch: list[Article], only_foundation: bool = False, lang: str | None = None) -> float:
        t = time.perf_counter()
        with full.select_pipes(disable=later if only_foundation else []):
            for rec in analyse_articles(batch, lang=lang, batch_size=args.batch_size):
                assert isinstance(rec, dict), rec
        return time.perf_counter() - t

    # The sides take turns batch by batch, so that a slow minute of a shared machine falls on all of
    # them alike; each side's time is the sum over batches, the fastest round counts.
    # CPU seconds of this process too: the time the machine's other jobs take is not in them.
    bare_t, found_t, given_t, full_t = [], [], [], []
    bare_cpu, full_cpu = [], []
    for _ in range(args.rounds):
        sums = [0.0, 0.0, 0.0, 0.0]
        cpus = [0.0, 0.0]
        for i in range(0, len(arts), args.batch_size):
            batch = arts[i : i + args.batch_size]
            c = time.process_time()
            sums[0] += bare_batch(batch)
            cpus[0] += time.process_time() - c
            sums[1] += ours_batch(batch, only_foundation=True)
            if args.lang_given:
                sums[2] += ours_batch(batch, only_foundation=True, lang="fr")
            c = time.process_time()
            sums[3] += ours_batch(batch)
            cpus[1] += time.process_time() - c
        bare_cpu.append(cpus[0])
        full_cpu.append(cpus[1])
        bare_t.append(sums[0])
        found_t.append(sums[1])
        if args.lang_given:
            given_t.append(sums[2])
        full_t.append(sums[3])
    b, fo, f = min(bare_t), min(found_t), min(full_t)
    parts = decompose(full, arts, args.batch_size, args.timex_learned)
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
    bc, fc = min(bare_cpu), min(full_cpu)
    print(f"throughput ratio full/bare in CPU seconds: {bc / fc:.3f} (overhead {100 * (fc / bc - 1):.1f}%)")
    model = sum(v for k, v in parts.items() if k == "tokenizer" or not k.startswith(("dateline", "language", "record")))
    ours = {k: v for k, v in parts.items() if k.startswith(("dateline", "language", "record")) and "learned" not in k}
    print()
    print("Where the time goes (one more pass, each stage timed on the same batches in CPU seconds; robust to load):")
    print("| stage | CPU seconds | % of the spaCy model's own time |")
    print("|---|---|---|")
    for k, v in parts.items():
        print(f"| {k} | {v:.2f} | {100 * v / model:.1f}% |")
    foundation = ("language detection", "dateline make_doc steps", "dateline_entities", "record assembly")
    found = sum(ours[k] for k in foundation)
    print(
        f"foundation overhead over the model: {100 * found / model:.1f}%; full: {100 * sum(ours.values()) / model:.1f}%"
    )


def decompose(nlp: Language, arts: list[Article], batch_size: int, timex_learned: bool = False) -> dict[str, float]:
    """Seconds spent in each stage of the analysis, the stages run one after the other on each batch;
    with ``timex_learned``, the time component with the learned extent detector on is timed too, on the
    same Docs right after the time component (a stage of its own, not counted in the totals), and its
    timexes are then dropped for the rules' ones: every other stage runs on the same input with or
    without it.

    Wall-clock ratios of two whole runs swing by 20% on a shared machine; timing each stage on the same
    batch, back to back, exposes both sides to the same load, so their ratio is steady.

    Stages are timed in CPU seconds of this process (``time.process_time``): the time the machine's other
    jobs take from it is not counted against any stage. ``make_doc`` is spaCy's tokenizer and dateline's
    steps before the parser (unwrapping, glued seams, wire datelines, the publication date): spaCy's
    tokenizer is timed alone on the same texts, and the rest is dateline's own row.
    """
    times: dict[str, float] = {}
    clock = time.process_time
    learned = None
    if timex_learned:
        from dateline.timex.component import TimexTagger

        learned = TimexTagger(nlp, "dateline_timex", "fr", learned="on")

    def add(key: str, t: float) -> None:
        times[key] = times.get(key, 0.0) + clock() - t

    for i in range(0, len(arts), batch_size):
        batch = arts[i : i + batch_size]
        t = clock()
        for a in batch:
            detect_language(a.text)
        add("language detection", t)
        with nlp.memory_zone():
            t = clock()
            for a in batch:
                nlp.make_doc(a.text)
            add("tokenizer", t)
        with nlp.memory_zone():
            t = clock()
            docs = [make_doc(nlp, a) for a in batch]
            add("make_doc", t)
            for name, proc in nlp.pipeline:
                t = clock()
                docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                add(name, t)
                if name == "dateline_timex" and learned is not None:
                    # Timed on the same Docs, then the rules' timexes put back: the later stages (and the
                    # records) read what they read in the default run, so their rows compare.
                    rules = [(d._.timexes, d._.published) for d in docs]
                    t = clock()
                    docs = list(learned.pipe(docs, batch_size=batch_size))
                    add(LEARNED_ROW, t)
                    for d, (timexes, published) in zip(docs, rules, strict=True):
                        d._.timexes, d._.published = timexes, published
            t = clock()
            for doc, a in zip(docs, batch, strict=True):
                doc_to_record(doc, a, "fr")
            add("record assembly", t)
    times["dateline make_doc steps"] = times.pop("make_doc") - times["tokenizer"]
    return times


if __name__ == "__main__":
    main()
