"""Readers: files, directories and globs in; a stream of :class:`Article` (or errors) out.

Dispatch is by extension (``.gz`` is transparent): ``.jsonl``/``.ndjson``/``.json`` are JSON Lines,
``.html``/``.htm`` are web pages, anything else is the header text format. Every reader streams, so a
corpus of any size is read in constant memory, and every bad input is yielded as a
:class:`DatelineError` in place, so the caller reports it and goes on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

from dateline.article import Article
from dateline.errors import DatelineError
from dateline.readers.files import DEFAULT_MAX_CHARS, logical_name, read_text
from dateline.readers.header import parse_header_text
from dateline.readers.html import parse_html
from dateline.readers.jsonl import article_from_mapping, read_jsonl

__all__ = [
    "DEFAULT_MAX_CHARS",
    "article_from_mapping",
    "expand_paths",
    "parse_header_text",
    "parse_html",
    "read_file",
    "read_paths",
]

_JSONL = (".jsonl", ".ndjson", ".json")
_HTML = (".html", ".htm", ".xhtml")


def expand_paths(paths: Iterable[str]) -> Iterator[str | DatelineError]:
    """Expand directories (recursively, sorted, hidden files skipped) and glob patterns into files."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield os.path.join(root, f)
        elif not os.path.exists(p) and any(c in p for c in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield DatelineError("missing-file", "the pattern matches no file", source=p)
            for m in matches:
                if os.path.isfile(m):
                    yield m
        else:
            yield p


def read_file(
    path: str,
    *,
    default_date: str | None = None,
    lang: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | DatelineError]:
    """Read one file of any supported format."""
    name = logical_name(path).lower()
    try:
        if name.endswith(_JSONL):
            yield from read_jsonl(path, default_date=default_date, lang=lang, max_chars=max_chars)
            return
        raw = read_text(path, max_chars)
        if name.endswith(_HTML):
            yield parse_html(raw, source=path, default_date=default_date, lang=lang)
        else:
            yield parse_header_text(raw, source=path, default_date=default_date, lang=lang)
    except DatelineError as err:
        yield err if err.source else err.located(path)


def read_paths(
    paths: Iterable[str],
    *,
    default_date: str | None = None,
    lang: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | DatelineError]:
    """Read every article under ``paths`` (files, directories, globs), yielding errors in place."""
    for p in expand_paths(paths):
        if isinstance(p, DatelineError):
            yield p
            continue
        yield from read_file(p, default_date=default_date, lang=lang, max_chars=max_chars)
