"""--workers N gives exactly the records of --workers 1 (model loaded once per worker process)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dateline.engines import analyse_batches
from dateline.readers import read_file

from dl_testing import need_shared


def test_two_workers_give_identical_records(tmp_path: Path) -> None:
    corpus = need_shared("corpora", "fr_tvnews_2017.jsonl.gz")
    subset = tmp_path / "subset.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= 48:
                break
            dst.write(line)
    arts = list(read_file(str(subset)))

    def run(workers: int) -> list[str]:
        batches = [arts[i : i + 8] for i in range(0, len(arts), 8)]
        out = []
        for _, results in analyse_batches(iter(batches), workers=workers, lang="fr"):
            out.extend(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in results)  # type: ignore[arg-type]
        return out

    one, two = run(1), run(2)
    assert len(one) == 48
    assert one == two
