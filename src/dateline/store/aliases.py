"""The alias file: the user's entity corrections as plain text to keep under version control.

One correction a line; blank lines and ``#`` comments are ignored::

    merge: Vladimir Poutine = Putin
    split: Le Pen
    rename: Daech = État islamique

``merge`` makes two names one entity; ``split`` makes a name stand alone; ``rename`` sets the display
name of the entity a name designates.
"""

from __future__ import annotations

from dateline.errors import DatelineError

__all__ = ["format_aliases", "parse_aliases"]

_OPS = ("merge", "split", "rename")


def parse_aliases(path: str) -> list[tuple[str, str, str | None, int]]:
    """Parse an alias file into ``(op, a, b, line)``; any syntax error raises with file and line."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise DatelineError("unreadable", exc.strerror or str(exc), source=path) from exc
    except UnicodeDecodeError as exc:
        raise DatelineError("bad-encoding", "the alias file is not UTF-8", source=path) from exc
    out: list[tuple[str, str, str | None, int]] = []
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        op, sep, rest = line.partition(":")
        op = op.strip().lower()
        if not sep or op not in _OPS:
            raise DatelineError(
                "bad-alias",
                f"expected 'merge:', 'split:' or 'rename:', got {raw.strip()!r}",
                hint="see 'dateline entities --help'",
                source=path,
                line=n,
            )
        if op == "split":
            a, b = rest.strip(), None
            if not a or "=" in a:
                raise DatelineError("bad-alias", "split takes one name", source=path, line=n)
        else:
            a, eq, b2 = rest.partition("=")
            a, b = a.strip(), b2.strip()
            if not eq or not a or not b:
                raise DatelineError("bad-alias", f"{op} takes 'NAME = NAME'", source=path, line=n)
        out.append((op, a, b, n))
    return out


def format_aliases(corrections: list[tuple[str, str, str | None]]) -> str:
    """The alias-file text of a list of ``(op, a, b)`` corrections."""
    lines = ["# dateline entity corrections: merge: A = B | split: A | rename: A = New name"]
    for op, a, b in corrections:
        lines.append(f"{op}: {a}" if op == "split" else f"{op}: {a} = {b}")
    return "\n".join(lines) + "\n"
