"""Errors that carry a stable code, a human reason and a hint.

Every failure dateline reports to a user (a bad file, a bad date, an article it cannot analyse) is a
:class:`DatelineError`, so the CLI can print ``file:line: code: reason (hint)`` and keep going.
"""

from __future__ import annotations

__all__ = ["DatelineError", "readable"]


def readable(where: str | None) -> str | None:
    """A file name as messages and the store show it.

    A file name that is not valid UTF-8 reaches Python with its bad bytes as lone surrogates, which can be
    neither printed nor stored; they are shown as ``\\xNN`` escapes instead.
    """
    if where is None or where.isascii():
        return where
    try:
        raw = where.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that did not come from the file system
        raw = where.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


class DatelineError(Exception):
    """A reportable failure with a machine-readable ``code`` and a ``hint`` for the user.

    ``source`` and ``line`` say where the problem was found (a file path and a 1-based line number for
    line-oriented formats), so a batch can report every bad input precisely and go on with the rest.
    """

    def __init__(
        self,
        code: str,
        reason: str,
        *,
        hint: str | None = None,
        source: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.hint = hint
        self.source = readable(source)
        self.line = line

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle through ``args``; ours has keyword fields, so say how to rebuild it. Needed
        # for errors that travel back from worker processes.
        return (_rebuild, (self.code, self.reason, self.hint, self.source, self.line))

    def as_dict(self) -> dict[str, object]:
        """The error as plain data, for JSON reports."""
        return {
            "code": self.code,
            "reason": self.reason,
            "hint": self.hint,
            "source": self.source,
            "line": self.line,
        }

    def located(self, source: str | None, line: int | None = None) -> DatelineError:
        """Return a copy of this error that says where it happened."""
        return DatelineError(self.code, self.reason, hint=self.hint, source=source, line=line)

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = self.source + (f":{self.line}" if self.line is not None else "") + ": "
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}{self.code}: {self.reason}{hint}"


def _rebuild(code: str, reason: str, hint: str | None, source: str | None, line: int | None) -> DatelineError:
    return DatelineError(code, reason, hint=hint, source=source, line=line)
