"""Ingest: read inputs, analyse what is new, store records; report what happened to every article.

Re-running an ingest is cheap and safe: an article whose input is unchanged (same id, same input hash)
is not analysed again, and each batch of records is written in one transaction, so an interrupted run
resumed later finishes the job without duplicates.

One bad article never costs the others: a reader or analysis error is that article's, and a batch whose
write the database refuses because of one article's record is written again article by article, so
only that one fails. An id met twice in one run is handled as across runs: the last version read wins
(its text, its facts and its input hash), counted as ``replaced``. A failure of the store itself (a full
disk, a lost server) stops the run; the summary passed in still says what was done.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dateline import __version__
from dateline.article import Article
from dateline.engines.local import analyse_batches
from dateline.errors import DatelineError
from dateline.pipeline import BATCH_SIZE, SKIP_CODES
from dateline.readers import DEFAULT_MAX_CHARS, read_paths
from dateline.store.base import REFUSED, Store

__all__ = ["IngestSummary", "ingest", "input_hash"]

logger = logging.getLogger(__name__)


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
    # True once every input has been read (a run stopped before then did not see the rest).
    all_read: bool = False

    @property
    def ok(self) -> bool:
        """True when nothing failed (skips are not failures)."""
        return self.failed == 0

    @property
    def unfinished(self) -> int:
        """Articles read whose fate is not known yet: when a run stops, those read but not stored."""
        return self.read - (self.stored + self.replaced + self.unchanged + self.skipped + self.failed)

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
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
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
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Read ``paths``, analyse new or changed articles and store their records; return the summary.

    ``engine`` is ``local`` (this process, or a pool of ``workers`` processes) or ``dask`` (a Dask
    cluster at ``scheduler``, or a LocalCluster of ``workers`` processes); both give the same records.
    Pass ``summary`` to have it filled in place: when the store fails and the run stops (the
    :class:`DatelineError` is raised), it still says what was stored and what was not.
    """
    summary = IngestSummary() if summary is None else summary
    forced = None if lang in (None, "auto") else lang

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
                if store.known_hash(item.id) == input_hash(item, forced):
                    summary.unchanged += 1
                else:
                    yield item
            if on_progress:
                on_progress(summary)

    def batches() -> Iterator[list[Article | DatelineError]]:
        # One article read ahead, so the summary knows the input is exhausted before its last batch is
        # written (a run stopped there has read everything).
        batch: list[Article | DatelineError] = []
        arts = pending()
        art = next(arts, None)
        while art is not None:
            batch.append(art)
            art = next(arts, None)
            summary.all_read = art is None
            if len(batch) >= batch_size or art is None:
                yield batch
                batch = []
        summary.all_read = True

    if engine == "dask":
        try:
            from dateline.engines.dask import analyse_batches_dask
        except ImportError as exc:  # the dask extra is not installed
            raise DatelineError(
                "missing-extra", "the Dask engine needs dask.distributed", hint="pip install 'dateline[dask]'"
            ) from exc

        stream = analyse_batches_dask(batches(), scheduler=scheduler, workers=workers, lang=forced, max_chars=max_chars)
    elif engine == "local":
        stream = analyse_batches(batches(), workers=workers, lang=forced, max_chars=max_chars)
    else:
        raise DatelineError("bad-option", f"unknown engine {engine!r}", hint="local or dask")

    def count(status: str) -> None:
        if status == "stored":
            summary.stored += 1
        elif status == "replaced":
            summary.replaced += 1
        else:
            summary.unchanged += 1

    for batch, results in stream:
        to_write: list[tuple[dict[str, Any], str, str | None]] = []
        for art, res in zip(batch, results, strict=True):
            assert isinstance(art, Article)
            if isinstance(res, DatelineError):
                err = res if res.source else res.located(art.origin)
                if res.code in SKIP_CODES:
                    try:
                        store.record_skip(art.origin or "", art.id, res.code, res.reason)
                    except DatelineError as refused:
                        if refused.code != REFUSED:
                            raise
                        fail(refused.located(art.origin))
                    else:
                        summary.skipped += 1
                        summary.skips.append(err)
                else:
                    fail(err)
            else:
                # The hash of this very version, computed again rather than looked up by id: an id read
                # twice in the run must be stored with the hash of the text it is stored with.
                to_write.append((res, input_hash(art, forced), art.origin))
        try:
            statuses = store.write_records(to_write)
        except DatelineError as err:
            if err.code != REFUSED:
                raise  # the store itself failed: the run stops (what is stored is complete)
            if len(to_write) == 1:
                fail(err.located(to_write[0][2]))
            else:
                _write_one_by_one(store, to_write, err, count, fail)
        else:
            for status in statuses:
                count(status)
        if on_progress:
            on_progress(summary)
    return summary


def _write_one_by_one(
    store: Store,
    items: list[tuple[dict[str, Any], str, str | None]],
    first: DatelineError,
    count: Callable[[str], None],
    fail: Callable[[DatelineError], None],
) -> None:
    """The database refused a batch because of (at least) one article's record: write the articles one
    transaction each, so that the others are stored and only the faulty ones fail."""
    logger.warning("the store refused a batch of %d records (%s); writing them one by one", len(items), first.reason)
    for item in items:
        try:
            (status,) = store.write_records([item])
        except DatelineError as err:
            if err.code != REFUSED:
                raise
            fail(err.located(item[2]))
        else:
            count(status)
