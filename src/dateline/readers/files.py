"""Opening input files safely: transparent gzip, binary detection, strict UTF-8, a size limit.

Everything here raises :class:`DatelineError` with a code, so one bad file never stops a batch.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from typing import IO, Any

from dateline.errors import DatelineError

__all__ = ["DEFAULT_MAX_CHARS", "check_gzip", "iter_lines", "logical_name", "open_binary", "open_regular", "read_text"]

# spaCy's own default ``nlp.max_length`` is 1,000,000 characters, beyond which its parser's memory grows
# past what a worker should use. News articles are a few thousand characters; a million is a book.
# Larger inputs are refused with this limit in the message rather than crashing a worker.
DEFAULT_MAX_CHARS = 1_000_000

_SNIFF = 8192


def logical_name(path: str) -> str:
    """The file name without a trailing ``.gz``, used to pick the reader by extension."""
    return path[:-3] if path.lower().endswith(".gz") else path


_NOT_REGULAR_HINT = "dateline reads regular files only; copy the data into a file and give that"


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _check_regular(mode: int, path: str) -> None:
    if stat.S_ISDIR(mode):
        raise DatelineError("not-a-file", "is a directory", source=path)
    if not stat.S_ISREG(mode):
        raise DatelineError(
            "unreadable", f"is {_file_kind(mode)}, not a regular file", hint=_NOT_REGULAR_HINT, source=path
        )


class _OwnedGzipFile(gzip.GzipFile):
    """A GzipFile over a file object it closes with itself (``GzipFile(fileobj=...)`` leaves it open)."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def open_regular(path: str) -> IO[bytes]:
    """Open a regular file for reading bytes; anything else is a :class:`DatelineError`.

    A named pipe opened for reading waits for a writer, for ever if none comes, and a device may never
    end: such files (and sockets) are refused by what ``stat`` says, before any open, and the open itself
    does not block (``O_NONBLOCK``), then checks the file it got, so a file swapped in between cannot
    hang the run either.
    """
    try:
        _check_regular(os.stat(path).st_mode, path)
        nonblock = getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, os.O_RDONLY | nonblock | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise DatelineError("missing-file", "no such file", source=path) from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise DatelineError("unreadable", getattr(exc, "strerror", None) or str(exc), source=path) from exc
    try:
        _check_regular(os.fstat(fd).st_mode, path)
        if nonblock:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_binary(path: str) -> IO[bytes]:
    """Open the regular file ``path`` for reading bytes, decompressing ``.gz`` on the fly."""
    raw = open_regular(path)
    if path.lower().endswith(".gz"):
        return _OwnedGzipFile(raw)  # type: ignore[return-value]
    return raw


_REPAIR_HINT = "copy or download the file again, then run the same command: articles already stored are skipped"


def check_gzip(path: str) -> int | None:
    """Read a gzip file through once, checking its integrity before any of it is trusted.

    Returns ``None`` when the file is whole, or the number of complete lines it holds when it is cut
    short (an interrupted copy or download: deflate output before the cut is exactly the original, so
    those lines are sound). Raises ``corrupt-file`` when the data is damaged (a bad checksum or an
    invalid deflate stream): a flipped bit can change a character silently long before the error shows,
    so no line of such a file can be trusted. Decompressing twice costs far less than analysing.
    """
    lines = 0
    try:
        with open_regular(path) as raw:
            # zlib itself, not GzipFile: GzipFile drops the output of a read that meets the cut, and we
            # want every complete line before it. wbits=31 reads the gzip wrapper and checks its CRC.
            inflater: Any = None  # None between members: gzip allows several, one after the other
            while block := raw.read(1 << 20):
                while block:
                    if inflater is None:
                        inflater = zlib.decompressobj(wbits=31)
                    lines += inflater.decompress(block).count(b"\n")
                    block = b""
                    if inflater.eof:
                        block, inflater = inflater.unused_data, None
            if inflater is not None:
                return lines + inflater.flush().count(b"\n")
    except zlib.error as exc:
        raise DatelineError(
            "corrupt-file",
            f"the compressed data is damaged ({exc}); nothing was read from this file",
            hint=_REPAIR_HINT,
            source=path,
        ) from exc
    except OSError as exc:
        raise DatelineError("unreadable", f"cannot read: {exc}", source=path) from exc
    return None


def _check_binary(head: bytes, path: str) -> None:
    if b"\x00" in head:
        raise DatelineError(
            "binary-file",
            "looks like a binary file (contains NUL bytes)",
            hint="dateline reads UTF-8 text, JSONL and HTML",
            source=path,
        )


def _decode(data: bytes, path: str, line: int | None = None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f" at byte {exc.start}" if line is None else f" at byte {exc.start} of the line"
        raise DatelineError(
            "bad-encoding",
            f"invalid UTF-8{where}",
            hint="convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
            source=path,
            line=line,
        ) from exc


def read_text(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Read a whole text file as strict UTF-8, refusing binary files and files over ``max_chars``.

    The size check reads at most ``4 * max_chars + 1`` bytes (UTF-8 uses at most 4 bytes a character),
    so a huge file is refused in bounded memory.
    """
    limit = 4 * max_chars + 1
    if path.lower().endswith(".gz") and check_gzip(path) is not None:
        raise DatelineError("truncated-file", "the compressed file ends early", hint=_REPAIR_HINT, source=path)
    try:
        with open_binary(path) as fh:
            data = fh.read(limit)
            _check_binary(data[:_SNIFF], path)
            more = fh.read(1)
    except (OSError, EOFError, zlib.error) as exc:
        if isinstance(exc, DatelineError):
            raise
        raise DatelineError("unreadable", f"cannot read: {exc}", source=path) from exc
    if more or len(data) >= limit:
        raise DatelineError(
            "too-large",
            f"file is larger than the {max_chars:,}-character limit for one article",
            hint="split it into articles, or raise --max-chars",
            source=path,
        )
    text = _decode(data, path)
    if len(text) > max_chars:
        raise DatelineError(
            "too-large",
            f"article has {len(text):,} characters, over the {max_chars:,} limit",
            hint="split it into articles, or raise --max-chars",
            source=path,
        )
    return text


def iter_lines(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[tuple[int, str | DatelineError]]:
    """Yield ``(line_number, text)`` for each line of a (possibly gzipped) UTF-8 file, streaming.

    A line longer than the limit is drained in chunks without being kept and yielded as a
    ``too-large`` error; a line that is not UTF-8 is yielded as a ``bad-encoding`` error; both let the
    caller go on with the next line. A binary file fails as a whole.
    """
    limit = 4 * max_chars + 16
    complete = check_gzip(path) if path.lower().endswith(".gz") and os.path.isfile(path) else None
    try:
        with open_binary(path) as fh:
            head = fh.peek(_SNIFF)[:_SNIFF] if hasattr(fh, "peek") else b""
            _check_binary(head, path)
            n = 0
            while True:
                if complete is not None and n >= complete:
                    read = f"lines 1-{n} were read" if n else "no complete line could be read"
                    yield (
                        n + 1,
                        DatelineError(
                            "truncated-file",
                            f"the compressed file ends early, inside line {n + 1}: {read}, the rest is missing",
                            hint=_REPAIR_HINT,
                            source=path,
                            line=n + 1,
                        ),
                    )
                    return
                raw = fh.readline(limit)
                if not raw:
                    return
                n += 1
                if len(raw) >= limit and not raw.endswith(b"\n"):
                    while True:  # drain the rest of the oversized line without keeping it
                        chunk = fh.readline(1 << 20)
                        if not chunk or chunk.endswith(b"\n"):
                            break
                    yield (
                        n,
                        DatelineError(
                            "too-large",
                            f"line is longer than the {max_chars:,}-character limit for one article",
                            hint="split the article, or raise --max-chars",
                            source=path,
                            line=n,
                        ),
                    )
                    continue
                try:
                    yield n, _decode(raw, path, n)
                except DatelineError as err:
                    yield n, err
    except DatelineError:
        raise
    except (OSError, EOFError, zlib.error) as exc:
        raise DatelineError("unreadable", f"cannot read: {exc}", source=path) from exc
