"""Scaling on one machine: 1 vs 2 workers, local pool and Dask, beside a trivially parallel reference.

Shared machines give a CPU-bound job anything between about 1.1x and 1.65x on two cores, so an absolute
speedup means little: the reference is a pure-Python CPU-bound job split into the same number of
processes in the same run, and the number that matters is our speedup over its speedup. Throughput is
the steady state — timed from the first batch that comes back, so that loading the model in each
worker is not counted — and the peak resident memory of each worker process is reported beside it.

    python bench/scaling.py [--n 600] [--batch-size 25] [--corpus ../shared/corpora/fr_tvnews_2017.jsonl.gz]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from dateline.article import Article
from dateline.engines.local import analyse_batches
from dateline.errors import DatelineError
from dateline.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "fr_tvnews_2017.jsonl.gz"

Batches = list[list[Article | DatelineError]]


def _spin(rounds: int) -> int:
    """The reference job: CPU-bound, no I/O, no shared state."""
    h = b"dateline"
    for _ in range(rounds):
        h = hashlib.sha256(h).digest()
    return h[0]


def reference_speedup(tasks: int = 8, rounds: int = 600_000) -> tuple[float, float]:
    """Seconds for ``tasks`` spins on 1 process and on 2 processes."""
    out = []
    for workers in (1, 2):
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_spin, [1000] * workers))  # start the processes outside the timing
            t = time.perf_counter()
            list(pool.map(_spin, [rounds] * tasks))
            out.append(time.perf_counter() - t)
    return out[0], out[1]


def steady(stream: Iterable[tuple[list[Any], list[Any]]]) -> tuple[float, int]:
    """Articles per second after the first batch is back, and how many articles that counts."""
    it: Iterator[tuple[list[Any], list[Any]]] = iter(stream)
    first = next(it)
    assert all(isinstance(r, dict) for r in first[1])
    t = time.perf_counter()
    n = 0
    for _, results in it:
        assert all(isinstance(r, dict) for r in results), [r for r in results if not isinstance(r, dict)][:2]
        n += len(results)
    return n / (time.perf_counter() - t), n


def _children_peak_mib() -> float:
    # ru_maxrss of RUSAGE_CHILDREN is the largest peak of any terminated child, in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def local_run(batches: Batches, workers: int) -> tuple[float, float]:
    """Steady articles/s and peak MiB of one worker, on the local engine."""
    if workers == 1:
        # In-process: the peak is this process's own, which also holds the benchmark's inputs.
        rate, _ = steady(analyse_batches(iter(batches), workers=1, lang="fr"))
        return rate, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate, _ = steady(analyse_batches(iter(batches), workers=workers, lang="fr"))
    return rate, _children_peak_mib()


def dask_run(batches: Batches, workers: int) -> tuple[float, float]:
    """Steady articles/s and peak MiB of the largest worker, on a Dask LocalCluster."""
    from distributed import Client, LocalCluster

    from dateline.engines.dask import analyse_batches_dask

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        rate, _ = steady(analyse_batches_dask(iter(batches), scheduler=cluster.scheduler_address, lang="fr"))
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return rate, max(peaks.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--n", type=int, default=600, help="articles per run")
    ap.add_argument("--batch-size", type=int, default=25)
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask runs")
    args = ap.parse_args()
    found = (a for a in read_file(args.corpus) if isinstance(a, Article))
    arts: list[Article | DatelineError] = list(islice(found, args.n))
    batches = [arts[i : i + args.batch_size] for i in range(0, len(arts), args.batch_size)]

    ref1, ref2 = reference_speedup()
    ref = ref1 / ref2
    runs: list[tuple[str, Callable[[Batches, int], tuple[float, float]]]] = [("local", local_run)]
    if not args.no_dask:
        runs.append(("dask", dask_run))
    rows = []
    for name, run in runs:
        r1, m1 = run(batches, 1)
        r2, m2 = run(batches, 2)
        rows.append((name, r1, r2, m1, m2))

    print(
        f"# scaling — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, python {platform.python_version()}"
    )
    print(f"articles: {len(arts)} from {Path(args.corpus).name}, batches of {args.batch_size}, full pipeline")
    print(
        f"reference (pure-Python CPU job, 8 tasks): 1 process {ref1:.1f} s, "
        f"2 processes {ref2:.1f} s, speedup {ref:.2f}x"
    )
    print("| engine | 1 worker art/s | 2 workers art/s | speedup | speedup / reference | peak MiB per worker (1 / 2) |")
    print("|---|---|---|---|---|---|")
    for name, r1, r2, m1, m2 in rows:
        print(f"| {name} | {r1:.1f} | {r2:.1f} | {r2 / r1:.2f}x | {r2 / r1 / ref:.2f} | {m1:.0f} / {m2:.0f} |")
    print("(1-worker local runs in this process: its peak includes the benchmark's own inputs.)")


if __name__ == "__main__":
    main()
