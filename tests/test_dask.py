"""The Dask engine gives exactly the records of the local engine (its survival of a dead worker: test_faults)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dateline.engines.local import analyse_batches
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
