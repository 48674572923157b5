"""The one reader of sectioned word files (``[name]`` opens a section, one entry per line, ``#`` comments).

Several areas keep their language knowledge in such files (entities' ``words.<lang>.txt``, quotes'
``formulas.<lang>.txt``); each says which sections it allows and how an entry line is normalised,
and this module reads them the same way, with errors that name the file and the line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = ["parse_sections"]


def parse_sections(
    text: str,
    sections: Iterable[str],
    origin: str = "<text>",
    entries: Callable[[str, str], Iterable[str]] = lambda _section, line: [line],
) -> dict[str, frozenset[str]]:
    """Every allowed section (empty when absent) with its entries; ``entries(section, line)`` turns one
    line into the entries it holds. An unknown section or an entry before any section is a
    ``ValueError`` that says ``origin:line``."""
    out: dict[str, set[str]] = {name: set() for name in sections}
    current: str | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            if current not in out:
                raise ValueError(f"{origin}:{n}: unknown section [{current}]")
            continue
        if current is None:
            raise ValueError(f"{origin}:{n}: entry before any section")
        out[current].update(entries(current, line))
    return {k: frozenset(v) for k, v in out.items()}
