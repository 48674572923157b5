"""The Dask engine: the same ``analyse_articles`` on dask.distributed workers.

Each worker loads the spaCy model once (a worker plugin, at worker start), runs with one BLAS thread,
and sends back compact records — never ``Doc`` objects. Batches are submitted with a bounded window and
their results consumed in input order, so the records are exactly those of the local engine, and memory
on the client stays flat whatever the input size. A worker that dies mid-batch has its batch re-run on
another worker by Dask; a batch whose task still fails after Dask's retries (its workers keep dying:
an article that exhausts memory, a crash in native code) is given up, its articles reported
``worker-died``, and the run goes on, as on the local engine. The store's idempotent writes make a whole
run that is killed and restarted finish without duplicates or losses.

A worker may run several threads (``dask worker --nthreads 4``): the model a worker loads is shared by
its threads, and neither spaCy's ``Language`` nor its memory zones may be used by two threads at once,
so dateline's tasks take a per-process lock and run one at a time in each worker process. Threads add
nothing to dateline's throughput: start workers with ``--nthreads 1`` and as many processes as cores.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from dateline.article import Article
from dateline.engines.local import Result
from dateline.errors import DatelineError
from dateline.readers.files import DEFAULT_MAX_CHARS

__all__ = ["RETRIES", "DatelinePlugin", "analyse_batches_dask"]

logger = logging.getLogger(__name__)

# How many times Dask runs a failed batch again before it is given up.
RETRIES = 2

# One model per worker process, shared by the worker's threads, used by one of them at a time.
_MODEL_LOCK = threading.Lock()


class DatelinePlugin(WorkerPlugin):
    """A Dask worker plugin that prepares a worker for dateline: one BLAS thread, models loaded once."""

    name = "dateline"

    def __init__(self, langs: tuple[str, ...] = ("fr",)) -> None:
        self.langs = langs

    def setup(self, worker: Any) -> None:
        """Called by Dask when the plugin is registered on a (new or restarted) worker."""
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = "1"
        from dateline.pipeline import load_pipeline

        with _MODEL_LOCK:
            for lang in self.langs:
                load_pipeline(lang)

    def teardown(self, worker: Any) -> None:
        """Nothing to release: the process goes away with the worker."""


def _work(batch: list[Article | DatelineError], lang: str | None, max_chars: int = DEFAULT_MAX_CHARS) -> list[Result]:
    from dateline.pipeline import analyse_articles

    with _MODEL_LOCK:
        return list(analyse_articles(batch, lang=lang, batch_size=len(batch) or 1, max_chars=max_chars))


def _results(batch: list[Article | DatelineError], fut: Any) -> list[Result]:
    """The results of a batch's task; if the task failed for good, an error for each of its articles.

    Only a task that failed is given up (``fut.status == "error"``: its worker died too often, or it
    raised every time it ran); a client that lost its scheduler fails every task, and that stops the run.
    """
    try:
        results: list[Result] = fut.result()
        return results
    except Exception as exc:
        if getattr(fut, "status", None) != "error":
            raise
        failure = exc
    logger.warning("a batch of %d articles was given up: %s: %s", len(batch), type(failure).__name__, failure)
    if type(failure).__name__ == "KilledWorker":
        code = "worker-died"
        first = str(failure).split(". ")[0]  # Dask's message goes on with where to read more
        reason = f"the Dask workers analysing this article's batch kept dying: {first}"
        hint = "a crash or out-of-memory kill; run with --workers 1 (local engine) to find the article, or add memory"
    else:
        code = "analysis-failed"
        reason = (
            f"the Dask task analysing this article's batch failed {RETRIES + 1} times: "
            f"{type(failure).__name__}: {failure}"
        )
        hint = "the other batches are not affected; please report this article with the message"
    return [
        item if isinstance(item, DatelineError) else DatelineError(code, reason, hint=hint, source=item.origin)
        for item in batch
    ]


def analyse_batches_dask(
    batches: Iterable[list[Article | DatelineError]],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    lang: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[tuple[list[Article | DatelineError], list[Result]]]:
    """Yield ``(batch, results)`` in input order, analysed on a Dask cluster.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without one a
    ``LocalCluster`` of ``workers`` single-threaded worker processes is started for the run.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # the dask extra is not installed
        raise DatelineError(
            "missing-extra", "the Dask engine needs dask.distributed", hint="pip install 'dateline[dask]'"
        ) from exc

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        langs = (lang,) if lang and lang != "auto" else ("fr",)
        client.register_plugin(DatelinePlugin(langs), name="dateline")
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window: deque[tuple[list[Article | DatelineError], Any]] = deque()
        for batch in batches:
            # pure=False: two identical batches are still two tasks (their articles may repeat on purpose)
            window.append((batch, client.submit(_work, batch, lang, max_chars, pure=False, retries=RETRIES)))
            if len(window) >= 2 * n_workers:
                done, fut = window.popleft()
                yield done, _results(done, fut)
        while window:
            done, fut = window.popleft()
            yield done, _results(done, fut)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
