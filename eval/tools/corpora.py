"""Read the French corpora of ../shared for the gold sets (texts never leave ../shared).

The gold files store only (corpus, id, sha1, offsets); every tool that needs the text reads it
from here, so there is one place that knows where the corpora live and how a text is hashed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Same convention as tests/conftest.py: shared/ beside the clone, or DATELINE_SHARED.
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
CORPORA = ("fr_tvnews_2017", "fr_orangesum_2011_2019")
# Every corpus a gold line may name. CORPORA stays the French pair: the dev draws
# (pick_articles.py) iterate it, and adding a corpus there would change what they drew.
ALL_CORPORA = (*CORPORA, "en_reuters21578")


def corpus_path(corpus: str, shared: Path | None = None) -> Path:
    """Path of a corpus file under shared/corpora; raises ValueError for an unknown corpus name."""
    if corpus not in ALL_CORPORA:
        raise ValueError(f"unknown corpus {corpus!r} (expected one of {', '.join(ALL_CORPORA)})")
    return (shared or SHARED) / "corpora" / f"{corpus}.jsonl.gz"


def iter_records(corpus: str, shared: Path | None = None) -> Iterator[dict]:
    """Every record of a corpus, in file order."""
    with gzip.open(corpus_path(corpus, shared), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_records(corpus: str, ids: Iterable[str] | None = None, shared: Path | None = None) -> dict[str, dict]:
    """Records of a corpus by id; only the given ids when `ids` is not None (keeps memory small)."""
    wanted = None if ids is None else set(ids)
    out: dict[str, dict] = {}
    for rec in iter_records(corpus, shared):
        if wanted is None or rec["id"] in wanted:
            out[rec["id"]] = rec
    return out


def text_sha1(text: str) -> str:
    """The sha1 hex digest of an article text encoded as UTF-8: what the gold files store."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
