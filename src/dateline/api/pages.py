"""Cursor pagination and list output (JSON, NDJSON, CSV) shared by every list endpoint.

A cursor is the last row's sort key (opaque to clients: URL-safe base64 of JSON). Lists answered by
SQL with a keyset condition (articles, entity search) use it in ``WHERE (key) > (cursor)``; lists
answered by the store's query methods (timeline, quotes, events, ...) are ordered by the store, and the
cursor is looked up in that order, with an ordinal to tell apart rows whose keys are equal.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from dateline.errors import DatelineError

__all__ = [
    "FORMATS",
    "IDENTIFIER_COLUMNS",
    "decode_cursor",
    "encode_cursor",
    "page_rows",
    "render_csv",
    "render_ndjson",
]

FORMATS = {"json": "application/json", "ndjson": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}

# A cursor is a handful of short values; anything longer is not one we made.
_MAX_CURSOR = 2048


def encode_cursor(key: Sequence[Any]) -> str:
    """An opaque cursor for a sort key."""
    raw = json.dumps(list(key), ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int | None = None) -> list[Any]:
    """The sort key inside a cursor (of ``arity`` values if given); ``DatelineError('bad-cursor')`` if
    it is not one of ours."""
    bad = DatelineError("bad-cursor", "the cursor is not valid", hint="use the 'next' link of a previous page as is")
    if len(cursor) > _MAX_CURSOR:
        raise bad
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise bad from None
    if not isinstance(key, list) or not key or (arity is not None and len(key) != arity):
        raise bad
    if not all(v is None or isinstance(v, str | int | float) for v in key):
        raise bad
    return key


def _is_count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def page_rows(
    fetch: Callable[[int], Sequence[dict[str, Any]]],
    key: Callable[[dict[str, Any]], list[Any]],
    cursor: str | None,
    limit: int,
    scan: int,
) -> tuple[list[dict[str, Any]], str | None, Sequence[dict[str, Any]]]:
    """One page of a list that the store returns in a fixed order, the cursor of the next page (or None),
    and the rows fetched (for their columns).

    ``fetch(n)`` returns the first ``n`` rows of the list. The cursor holds the last row's key, how many
    rows with that same key came before it (so rows with equal keys are neither repeated nor skipped)
    and its position: the next page fetches only up to there plus one page, and checks that the row at
    that position still has the cursor's key. If it does not (the store changed), the key is looked up
    in the whole list (up to ``scan`` rows).
    """
    start = 0
    if not cursor:
        rows = fetch(limit + 1)
    else:
        key_and_place = decode_cursor(cursor)
        if len(key_and_place) < 3:  # a key of one value or more, then the two counts
            raise DatelineError("bad-cursor", "the cursor is not valid", hint="use the 'next' link as is")
        *ck, nth, offset = key_and_place
        if not (_is_count(nth) and _is_count(offset)) or nth < 1 or offset < 1:
            raise DatelineError("bad-cursor", "the cursor is not valid", hint="use the 'next' link as is")
        rows = fetch(min(offset + limit + 1, scan))
        if offset <= len(rows) and key(rows[offset - 1]) == ck and sum(1 for r in rows[:offset] if key(r) == ck) == nth:
            start = offset
        else:
            rows = fetch(scan)
            seen = 0
            for i, r in enumerate(rows):
                if key(r) == ck:
                    seen += 1
                    if seen == nth:
                        start = i + 1
                        break
            else:
                raise DatelineError(
                    "stale-cursor", "the cursor does not match this list", hint="start again from the first page"
                )
    out = list(rows[start : start + limit])
    if len(rows) <= start + limit or not out:
        return out, None, rows
    last = key(out[-1])
    nth = sum(1 for r in rows[: start + limit] if key(r) == last)
    return out, encode_cursor([*last, nth, start + limit]), rows


# Columns whose values are identifiers, codes, dates or kinds that the store or the pipeline wrote:
# CSV writes them exactly as stored ("@FRA", a cluster id, is an id, not a formula), so a table can be
# joined back on them. Every other text column (titles, texts, names, quotes, evidence, sources) is
# free text that an article's author controls, and is protected against spreadsheet formulas.
IDENTIFIER_COLUMNS = frozenset(
    """id article speaker_id source_id target_id first_article source_code target_code country cameo type
    kind mode modality lang dct dct_granularity granularity value earliest latest published_earliest
    published_latest period start end""".split()
)


def _cell(value: Any, free_text: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    s = str(value)
    # A spreadsheet runs a cell starting with these as a formula (CSV injection); a leading quote
    # makes it text, as OWASP recommends. Numbers are never written as strings here, so "-1" is safe;
    # identifiers are left as stored (see IDENTIFIER_COLUMNS).
    if free_text and s and s[0] in "=+-@\t\r" and not isinstance(value, int | float):
        return "'" + s
    return s


def render_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV with a header line; free-text cells that a spreadsheet would run as a formula get a
    leading apostrophe, identifier columns never."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    free = [c not in IDENTIFIER_COLUMNS for c in columns]
    for r in rows:
        w.writerow([_cell(r.get(c), f) for c, f in zip(columns, free, strict=True)])
    return buf.getvalue()


def render_ndjson(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as JSON Lines (one object per line)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
