"""The Dask engine gives exactly the records of the local engine (its survival of a dead worker: test_faults)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from dateline.engines.local import analyse_batches
from dateline.errors import DatelineError
from dateline.readers import read_file

from dl_testing import need_shared

distributed = pytest.importorskip("distributed")


def _articles(tmp_path: Path, n: int) -> list:  # type: ignore[type-arg]
    corpus = need_shared("corpora", "fr_tvnews_2017.jsonl.gz")
    subset = tmp_path / "subset.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return list(read_file(str(subset)))


def _dump(results: list) -> list[str]:  # type: ignore[type-arg]
    return [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in results]


def test_dask_local_cluster_gives_the_local_records(tmp_path: Path) -> None:
    from dateline.engines.dask import analyse_batches_dask

    arts = _articles(tmp_path, 200)
    batches = [arts[i : i + 25] for i in range(0, len(arts), 25)]
    local = [r for _, rs in analyse_batches(iter(batches), workers=1, lang="fr") for r in rs]
    dask = [r for _, rs in analyse_batches_dask(iter(batches), workers=2, lang="fr") for r in rs]
    assert len(local) == 200
    assert _dump(dask) == _dump(local)


# -- faults: a batch that keeps failing, a worker that keeps dying, workers with several threads ----------

TEXTS = [
    "Claire Dubois a inauguré mardi une médiathèque à Lyon, a annoncé la mairie.",
    "Marc Lefèvre a rencontré le 3 mai à Nantes les représentants des pêcheurs.",
    "Sophie Martin a déclaré à Rennes que le chantier serait achevé en juin.",
]


class Chaos(distributed.WorkerPlugin):  # type: ignore[misc]
    """On every (new or restarted) worker: the batch holding the article 'boom' raises, every time."""

    name = "chaos"

    def setup(self, worker: object) -> None:
        import dateline.pipeline as pipeline

        real = pipeline.analyse_articles

        def analyse_articles(batch, **kw):  # type: ignore[no-untyped-def]
            if "boom" in {getattr(a, "id", None) for a in batch}:
                raise RuntimeError("this batch always fails")
            return real(batch, **kw)

        pipeline.analyse_articles = analyse_articles


def test_a_batch_that_keeps_failing_is_given_up_and_threads_share_the_model_safely() -> None:
    from dateline.article import Article, PubDate
    from dateline.engines.dask import RETRIES, analyse_batches_dask

    def art(i: int, aid: str | None = None) -> Article:
        return Article(text=TEXTS[i % 3], dct=PubDate.parse("2017-05"), id=aid or f"a{i}", lang="fr", origin=f"in:{i}")

    batches = [[art(0), art(1)], [art(2), art(3, "boom")], [art(4), art(5)], [art(6), art(7), art(8)]]
    # One worker of two threads (a cluster started with --nthreads 2): its tasks share one model.
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.register_plugin(Chaos(), name="chaos")
        out = list(analyse_batches_dask(iter(batches), scheduler=cluster.scheduler_address, lang="fr"))
    assert [b for b, _ in out] == batches  # every batch comes back, in order: the run went on
    results = [r for _, rs in out for r in rs]
    codes = [r.code if isinstance(r, DatelineError) else "ok" for r in results]
    assert codes == ["ok"] * 2 + ["analysis-failed"] * 2 + ["ok"] * 5
    boom = results[3]
    assert isinstance(boom, DatelineError) and f"failed {RETRIES + 1} times: RuntimeError" in boom.reason
    assert boom.source == "in:3"
    good = [b for i, b in enumerate(batches) if i != 1]
    local = [r for _, rs in analyse_batches(iter(good), workers=1, lang="fr") for r in rs]
    assert _dump([r for i, (_, rs) in enumerate(out) if i != 1 for r in rs]) == _dump(local)


class _Future:
    """What the engine reads of a Dask future: its status and its result."""

    def __init__(self, status: str, exc: BaseException) -> None:
        self.status, self.exc = status, exc

    def result(self) -> object:
        raise self.exc


def test_a_task_whose_workers_keep_dying_is_worker_died_but_a_lost_scheduler_stops_the_run() -> None:
    # A real worker dying again and again takes a worker restart (a model load) each time: the test of
    # that path gives the engine the futures Dask gives it (a worker killed once is test_faults').
    from concurrent.futures import CancelledError

    from distributed.scheduler import KilledWorker

    from dateline.article import Article, PubDate
    from dateline.engines.dask import _results

    batch: list[Article | DatelineError] = [
        Article(text=t, dct=PubDate.parse("2017"), origin=f"in:{i}") for i, t in enumerate(TEXTS[:2])
    ]
    batch.append(DatelineError("bad-date", "not a date", source="in:3"))
    last = SimpleNamespace(address="tcp://127.0.0.1:1")
    died = _results(batch, _Future("error", KilledWorker("_work-1", last, 3)))
    assert [r.code for r in died] == ["worker-died", "worker-died", "bad-date"]  # type: ignore[union-attr]
    assert [r.source for r in died] == ["in:0", "in:1", "in:3"]  # type: ignore[union-attr]
    assert "kept dying: Attempted to run task '_work-1' on 4 different workers" in str(died[0])
    with pytest.raises(CancelledError):
        _results(batch, _Future("cancelled", CancelledError()))


def test_the_tasks_of_one_worker_take_turns_with_its_model(monkeypatch: pytest.MonkeyPatch) -> None:
    # The lock itself: four threads run dateline's task at once in one process; never two inside it.
    import threading
    import time

    import dateline.pipeline as pipeline
    from dateline.engines.dask import _work

    inside: list[int] = []
    most: list[int] = [0]
    guard = threading.Lock()

    def analyse_articles(batch, **kw):  # type: ignore[no-untyped-def]
        with guard:
            inside.append(1)
            most[0] = max(most[0], len(inside))
        time.sleep(0.05)
        with guard:
            inside.pop()
        return []

    monkeypatch.setattr(pipeline, "analyse_articles", analyse_articles)
    threads = [threading.Thread(target=_work, args=([], "fr")) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert most[0] == 1
