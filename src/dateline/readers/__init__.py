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


def _walk(top: str) -> Iterator[str | DatelineError]:
    """The files under the folder ``top``: its own first, then each sub-folder's, all sorted by name,
    hidden ones skipped, symbolic links to folders not followed (a loop would never end).

    A folder that cannot be listed is an ``unreadable`` error in place, not an empty folder: a run that
    silently reads nothing of it would look like a success.
    """
    try:
        with os.scandir(top) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield DatelineError(
            "unreadable",
            f"cannot list the folder: {exc.strerror or exc}; nothing under it was read",
            hint="check the folder's permissions (ls -ld), then run the same command again",
            source=top,
        )
        return
    folders = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False  # reading it will say what is wrong with it
        if not is_dir:
            yield entry.path  # non-regular files too: reading refuses them, saying so
        elif not entry.is_symlink():
            folders.append(entry.path)
    for folder in folders:
        yield from _walk(folder)


def expand_paths(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> Iterator[str | DatelineError]:
    """Expand directories (recursively, sorted, hidden files skipped) and glob patterns into files.

    ``paths`` is a list of paths (strings or ``pathlib.Path``); a single path is taken as a list of one,
    not as the characters of its name."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for given in paths:
        if not isinstance(given, str | os.PathLike):
            yield DatelineError(
                "bad-argument", f"a path must be a string or a pathlib.Path, not {type(given).__name__} {given!r}"
            )
            continue
        p = os.fspath(given)
        if os.path.isdir(p):
            yield from _walk(p)
        elif not os.path.exists(p) and any(c in p for c in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield DatelineError("missing-file", "the pattern matches no file", source=p)
            for m in matches:
                if not os.path.isdir(m):
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
    except Exception as exc:  # a reader's bug costs this file (what it read is kept), never the run
        yield DatelineError(
            "unreadable",
            f"reading stopped: {type(exc).__name__}: {exc}",
            hint="the articles before it were read; please report this file with the message",
            source=path,
        )


def read_paths(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
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
