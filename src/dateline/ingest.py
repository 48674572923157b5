"""Ingest: read inputs, analyse what is new, store records; report what happened to every article.

Re-running an ingest is cheap and safe: an article whose input is unchanged (same id, same input hash)
is not analysed again, and each batch of records is written in one transaction, so an interrupted run
resumed later finishes the job without duplicates.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dateline import __version__
from dateline.article import Article
from dateline.engines.local import analyse_batches
from dateline.errors import DatelineError
from dateline.pipeline import BATCH_SIZE, SKIP_CODES
from dateline.readers import DEFAULT_MAX_CHARS, read_paths
from dateline.store.base import Store

__all__ = ["IngestSummary", "ingest", "input_hash"]


@dataclass
class IngestSummary:
    """Counts of what an ingest did, and every failure with its reason."""

    read: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[DatelineError] = field(default_factory=list)
    skips: list[DatelineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed (skips are not failures)."""
        return self.failed == 0

    def as_dict(self) -> dict[str, int]:
        """The counts, for JSON output."""
        return {k: getattr(self, k) for k in ("read", "stored", "replaced", "unchanged", "skipped", "failed")}


def input_hash(article: Article, lang: str | None) -> str:
    """Hash of everything that determines an article's record: its input and the analysis version.

    For a record read back from an export, the record itself."""
    if "record" in article.meta:
        payload = json.dumps(article.meta["record"], ensure_ascii=False, sort_keys=True)
        return "record:" + hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
    payload = json.dumps(
        [
            __version__,
            article.text,
            article.dct.value,
            article.dct.offset,
            article.title,
            article.url,
            article.source,
            lang or article.lang,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    lang: str | None = None,
    workers: int = 1,
    default_date: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    batch_size: int = BATCH_SIZE,
    engine: str = "local",
    scheduler: str | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    on_error: Callable[[DatelineError], None] | None = None,
) -> IngestSummary:
    """Read ``paths``, analyse new or changed articles and store their records; return the summary.

    ``engine`` is ``local`` (this process, or a pool of ``workers`` processes) or ``dask`` (a Dask
    cluster at ``scheduler``, or a LocalCluster of ``workers`` processes); both give the same records.
    """
    summary = IngestSummary()
    forced = None if lang in (None, "auto") else lang
    hashes: dict[str, str] = {}

    def fail(err: DatelineError) -> None:
        summary.failed += 1
        summary.failures.append(err)
        if on_error:
            on_error(err)

    def pending() -> Iterator[Article]:
        for item in read_paths(paths, default_date=default_date, lang=forced, max_chars=max_chars):
            summary.read += 1
            if isinstance(item, DatelineError):
                fail(item)
            else:
                h = input_hash(item, forced)
                if store.known_hash(item.id) == h:
                    summary.unchanged += 1
                else:
                    hashes[item.id] = h
                    yield item
            if on_progress:
                on_progress(summary)

    def batches() -> Iterator[list[Article | DatelineError]]:
        batch: list[Article | DatelineError] = []
        for art in pending():
            batch.append(art)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    if engine == "dask":
        try:
            from dateline.engines.dask import analyse_batches_dask
        except ImportError as exc:  # the dask extra is not installed
            raise DatelineError(
                "missing-extra", "the Dask engine needs dask.distributed", hint="pip install 'dateline[dask]'"
            ) from exc

        stream = analyse_batches_dask(batches(), scheduler=scheduler, workers=workers, lang=forced)
    elif engine == "local":
        stream = analyse_batches(batches(), workers=workers, lang=forced)
    else:
        raise DatelineError("bad-option", f"unknown engine {engine!r}", hint="local or dask")
    for batch, results in stream:
        to_write = []
        for art, res in zip(batch, results, strict=True):
            assert isinstance(art, Article)
            if isinstance(res, DatelineError):
                err = res if res.source else res.located(art.origin)
                if res.code in SKIP_CODES:
                    summary.skipped += 1
                    summary.skips.append(err)
                    store.record_skip(art.origin or "", art.id, res.code, res.reason)
                else:
                    fail(err)
            else:
                to_write.append((res, hashes.pop(art.id, input_hash(art, forced)), art.origin))
        for status in store.write_records(to_write):
            if status == "stored":
                summary.stored += 1
            elif status == "replaced":
                summary.replaced += 1
            else:
                summary.unchanged += 1
        if on_progress:
            on_progress(summary)
    return summary
