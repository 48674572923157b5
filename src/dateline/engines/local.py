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
from typing import Any

from dateline.article import Article
from dateline.errors import DatelineError

__all__ = ["Result", "analyse_batches"]

Result = dict[str, Any] | DatelineError

_LANG: str | None = None


def _init_worker(lang: str | None) -> None:
    global _LANG
    # One BLAS/OpenMP thread per process: the pool already uses every core, and nested threads only
    # contend for them.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    _LANG = lang
    from dateline.pipeline import load_pipeline

    for code in (lang,) if lang and lang != "auto" else ("fr",):
        load_pipeline(code)


def _work(batch: list[Article | DatelineError]) -> list[Result]:
    from dateline.pipeline import analyse_articles

    return list(analyse_articles(batch, lang=_LANG, batch_size=len(batch) or 1))


def analyse_batches(
    batches: Iterable[list[Article | DatelineError]], *, workers: int = 1, lang: str | None = None
) -> Iterator[tuple[list[Article | DatelineError], list[Result]]]:
    """Yield ``(batch, results)`` for each batch, in order, analysed on ``workers`` processes."""
    if workers <= 1:
        from dateline.pipeline import analyse_articles

        for batch in batches:
            yield batch, list(analyse_articles(batch, lang=lang, batch_size=len(batch) or 1))
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(lang,)) as pool:
        window: deque[tuple[list[Article | DatelineError], Future[list[Result]]]] = deque()
        for batch in batches:
            window.append((batch, pool.submit(_work, batch)))
            if len(window) >= 2 * workers:
                done, fut = window.popleft()
                yield done, fut.result()
        while window:
            done, fut = window.popleft()
            yield done, fut.result()
