"""The local engine: ``analyse_articles`` in this process, or on a pool of worker processes.

Each worker loads the spaCy model once (in the pool initializer) and returns plain records, never Docs.
Results come back in input order and at most ``2 * workers`` batches are in flight, so memory stays
bounded on inputs of any size and ``--workers N`` gives exactly the records of ``--workers 1``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from dateline.article import Article
from dateline.errors import DatelineError
from dateline.readers.files import DEFAULT_MAX_CHARS

__all__ = ["MAX_POOL_BREAKS", "Result", "analyse_batches"]

Result = dict[str, Any] | DatelineError

_LANG: str | None = None
_MAX_CHARS = DEFAULT_MAX_CHARS

# A batch whose worker dies is tried again on a fresh pool; one that kills its worker twice is
# most likely the cause (an article that exhausts memory), not a bystander, and is given up.
MAX_POOL_BREAKS = 2


def _init_worker(lang: str | None, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    global _LANG, _MAX_CHARS
    # One BLAS/OpenMP thread per process: the pool already uses every core, and nested threads only
    # contend for them.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    _LANG, _MAX_CHARS = lang, max_chars
    from dateline.pipeline import load_pipeline

    for code in (lang,) if lang and lang != "auto" else ("fr",):
        load_pipeline(code)


def _work(batch: list[Article | DatelineError]) -> list[Result]:
    from dateline.pipeline import analyse_articles

    return list(analyse_articles(batch, lang=_LANG, batch_size=len(batch) or 1, max_chars=_MAX_CHARS))


def analyse_batches(
    batches: Iterable[list[Article | DatelineError]],
    *,
    workers: int = 1,
    lang: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[tuple[list[Article | DatelineError], list[Result]]]:
    """Yield ``(batch, results)`` for each batch, in order, analysed on ``workers`` processes.

    A worker that dies (killed, out of memory, a crash in native code) breaks the whole process pool;
    the batches in flight are then submitted again to a fresh pool. A batch that breaks the pool
    :data:`MAX_POOL_BREAKS` times is given up: each of its articles gets a ``worker-died`` error, so
    the run goes on and reports them instead of dying with them.
    """
    if workers <= 1:
        from dateline.pipeline import analyse_articles

        for batch in batches:
            yield batch, list(analyse_articles(batch, lang=lang, batch_size=len(batch) or 1, max_chars=max_chars))
        return
    ctx = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(lang, max_chars)
        )

    pool = new_pool()
    # Each entry: the batch, its future, and how many times it has broken the pool so far.
    window: deque[tuple[list[Article | DatelineError], Future[list[Result]], int]] = deque()

    def take() -> tuple[list[Article | DatelineError], list[Result]]:
        nonlocal pool
        while True:
            done, fut, _ = window[0]
            try:
                results = fut.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                pending = list(window)
                window.clear()
                for i, (b, _, n) in enumerate(pending):
                    # Only the oldest batch is blamed: the others were merely in flight with it.
                    n = n + 1 if i == 0 else n
                    if n >= MAX_POOL_BREAKS:
                        window.append((b, _given_up(b), n))
                    else:
                        window.append((b, pool.submit(_work, b), n))
                continue
            window.popleft()
            return done, results

    try:
        for batch in batches:
            window.append((batch, pool.submit(_work, batch), 0))
            if len(window) >= 2 * workers:
                yield take()
        while window:
            yield take()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _given_up(batch: list[Article | DatelineError]) -> Future[list[Result]]:
    fut: Future[list[Result]] = Future()
    fut.set_result(
        [
            item
            if isinstance(item, DatelineError)
            else DatelineError(
                "worker-died",
                f"the worker process analysing this article's batch died {MAX_POOL_BREAKS} times",
                hint="a crash or out-of-memory kill; run with --workers 1 to find the article, or give more memory",
                source=item.origin,
            )
            for item in batch
        ]
    )
    return fut
