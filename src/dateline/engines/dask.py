"""The Dask engine: the same ``analyse_articles`` on dask.distributed workers.

Each worker loads the spaCy model once (a worker plugin, at worker start), runs with one BLAS thread,
and sends back compact records — never ``Doc`` objects. Batches are submitted with a bounded window and
their results consumed in input order, so the records are exactly those of the local engine, and memory
on the client stays flat whatever the input size. A worker that dies mid-batch has its batch re-run on
another worker by Dask; the store's idempotent writes make a whole run that is killed and restarted
finish without duplicates or losses.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from dateline.article import Article
from dateline.engines.local import Result
from dateline.errors import DatelineError

__all__ = ["DatelinePlugin", "analyse_batches_dask"]


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

        for lang in self.langs:
            load_pipeline(lang)

    def teardown(self, worker: Any) -> None:
        """Nothing to release: the process goes away with the worker."""


def _work(batch: list[Article | DatelineError], lang: str | None) -> list[Result]:
    from dateline.pipeline import analyse_articles

    return list(analyse_articles(batch, lang=lang, batch_size=len(batch) or 1))


def analyse_batches_dask(
    batches: Iterable[list[Article | DatelineError]],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    lang: str | None = None,
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
            window.append((batch, client.submit(_work, batch, lang, pure=False, retries=2)))
            if len(window) >= 2 * n_workers:
                done, fut = window.popleft()
                yield done, fut.result()
        while window:
            done, fut = window.popleft()
            yield done, fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
