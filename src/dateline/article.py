"""Articles and their publication dates, kept at their true granularity.

A news article dated ``2017-01`` is known to have been written some day in January 2017, no more. The
:class:`PubDate` keeps that honesty: its ``value`` is the ISO string at the granularity given, and its
``earliest``/``latest`` days bound the interval in which the article was surely written.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from dateline.errors import DatelineError, readable

__all__ = ["MAX_FIELD_CHARS", "Article", "Granularity", "PubDate", "article_id", "check_storable", "quoted"]

Granularity = Literal["year", "month", "day", "minute", "second"]

# ISO 8601 at any granularity, with an optional UTC offset or "Z" after a time. The separator between
# date and time may be "T" or a space, as feeds often write it.
_ISO_RE = re.compile(
    r"""^(?P<y>\d{4})
        (?:-(?P<m>\d{2})
          (?:-(?P<d>\d{2})
            (?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?
               (?P<tz>Z|[+-]\d{2}:?\d{2})?
            )?
          )?
        )?$""",
    re.VERBOSE,
)

# Characters no store can keep, refused wherever an article is made (every reader, the Python API), so
# SQLite and PostgreSQL stores of the same input stay identical: PostgreSQL's text type cannot hold NUL,
# and a lone surrogate (half of a UTF-16 pair, legal in JSON as "\ud800", common in scraped text) is not
# a character at all: neither database driver can encode it, nor can the language detector or spaCy.
# They are refused, not replaced: the text is kept exactly as given, so offsets map back to the input.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

# Longest id, source and language accepted: PostgreSQL cannot index a value over about 2,700 bytes, and
# these columns are indexed; 500 characters is far above any real id or site name.
MAX_FIELD_CHARS = 500

# How much of a bad value an error message shows: enough to recognise it, never a 100 KB echo.
_SHOWN = 60


def quoted(value: object) -> str:
    """``repr(value)``, cut to a readable length for error messages (with the full length said)."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= _SHOWN:
        return repr(value)
    return f"{text[:_SHOWN]!r}… ({len(text):,} characters)"


def check_storable(value: str, field: str = "text") -> None:
    """Raise ``DatelineError('bad-text')`` if ``value`` holds a character no store can keep (NUL, a lone
    surrogate), saying which and where."""
    m = _UNSTORABLE.search(value)
    if m is None:
        return
    ch = m.group()
    what = "a NUL character (U+0000)" if ch == "\x00" else f"a lone surrogate (U+{ord(ch):04X})"
    raise DatelineError(
        "bad-text",
        f"the {field} holds {what} at character {m.start()}, which no store can keep",
        hint="remove or replace it in the input: a lone surrogate is half of a broken emoji or of a badly "
        "decoded character, and dateline keeps texts exactly as given rather than guess",
    )


@dataclass(frozen=True)
class PubDate:
    """A publication date at its true granularity, with the day interval that surely contains it.

    ``value`` is what the contract calls ``dct``: ``2017``, ``2017-01``, ``2017-01-28`` or
    ``2017-01-28T14:30`` (local wall-clock time; a UTC offset given in the input is kept in ``offset``
    because the contract's date pattern has no room for it).
    """

    value: str
    granularity: Granularity
    earliest: date
    latest: date
    offset: str | None = None

    @classmethod
    def parse(cls, text: str) -> PubDate:
        """Parse an ISO 8601 date of any granularity; raise ``DatelineError('bad-date')`` if impossible."""
        if not isinstance(text, str):
            raise DatelineError(
                "bad-date",
                f"the date must be a string, not {type(text).__name__} {quoted(text)}",
                hint="write the date as '2017', '2017-01', '2017-01-28' or '2017-01-28T14:30'",
            )
        s = text.strip()
        m = _ISO_RE.match(s)
        if not m:
            raise DatelineError(
                "bad-date",
                f"not an ISO 8601 date: {quoted(text)}",
                hint="write the date as 2017, 2017-01, 2017-01-28 or 2017-01-28T14:30",
            )
        y = int(m["y"])
        if y < 1:
            raise DatelineError("bad-date", f"impossible year in {quoted(text)}")
        if m["m"] is None:
            return cls(f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31))
        mo = int(m["m"])
        if not 1 <= mo <= 12:
            raise DatelineError("bad-date", f"impossible month {mo} in {quoted(text)}", hint="months run 01-12")
        last = calendar.monthrange(y, mo)[1]
        if m["d"] is None:
            return cls(f"{y:04d}-{mo:02d}", "month", date(y, mo, 1), date(y, mo, last))
        d = int(m["d"])
        if not 1 <= d <= last:
            raise DatelineError(
                "bad-date", f"impossible day {d} in {quoted(text)}", hint=f"{y:04d}-{mo:02d} has {last} days"
            )
        day = date(y, mo, d)
        if m["H"] is None:
            return cls(day.isoformat(), "day", day, day)
        hh, mm = int(m["H"]), int(m["M"])
        ss = int(m["S"]) if m["S"] is not None else None
        if hh > 23 or mm > 59 or (ss is not None and ss > 59):
            raise DatelineError("bad-date", f"impossible time of day in {quoted(text)}")
        offset = None
        if m["tz"]:
            tz = m["tz"]
            offset = "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
            if int(offset[1:3]) > 14 or int(offset[4:6]) > 59:
                raise DatelineError("bad-date", f"impossible UTC offset in {quoted(text)}")
        if ss is None:
            return cls(f"{day.isoformat()}T{hh:02d}:{mm:02d}", "minute", day, day, offset)
        return cls(f"{day.isoformat()}T{hh:02d}:{mm:02d}:{ss:02d}", "second", day, day, offset)

    @property
    def day(self) -> date | None:
        """The calendar day when the granularity is a day or finer, else ``None``."""
        return self.earliest if self.earliest == self.latest else None

    @property
    def width_days(self) -> int:
        """Number of days in the interval (1 for a day)."""
        return (self.latest - self.earliest).days + 1

    def interval(self) -> dict[str, str]:
        """The interval as the contract writes it."""
        return {"earliest": self.earliest.isoformat(), "latest": self.latest.isoformat()}

    def shifted(self, days: int) -> tuple[date, date]:
        """The interval moved by ``days`` (a helper for relative-date arithmetic)."""
        delta = timedelta(days=days)
        return self.earliest + delta, self.latest + delta


def article_id(text: str, dct: PubDate) -> str:
    """A stable id for an article given without one: a hash of its text and date.

    Stable across runs, machines and engines, so re-ingesting the same file changes nothing.
    """
    h = hashlib.sha256()
    h.update(dct.value.encode())
    h.update(b"\x00")
    h.update(text.encode("utf-8", "surrogatepass"))
    return "sha256:" + h.hexdigest()[:16]


@dataclass
class Article:
    """One dated article: text exactly as given, its publication date, and what the input said of it.

    ``text`` is never normalised (no whitespace or quote changes) so every character offset in an
    analysis record maps back to the source. ``origin`` says where it was read (``file`` or
    ``file:line``), for error messages.
    """

    text: str
    dct: PubDate
    id: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None
    origin: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Every reader and the Python API make articles here, so this is where an input that no store
        # could keep is refused, the same way whichever store the run writes to.
        if not isinstance(self.text, str):
            raise DatelineError(
                "bad-argument",
                f"an article's text must be a string, not {type(self.text).__name__}",
                hint="decode bytes first, e.g. data.decode('utf-8')" if isinstance(self.text, bytes) else None,
            )
        if not isinstance(self.dct, PubDate):
            raise DatelineError("bad-argument", f"an article's date must be a PubDate, not {type(self.dct).__name__}")
        check_storable(self.text)
        for name in ("id", "title", "url", "source", "lang"):
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise DatelineError(
                    "bad-argument", f"an article's {name} must be a string, not {type(value).__name__} {quoted(value)}"
                )
            check_storable(value, name)
            if name in ("id", "source", "lang") and len(value) > MAX_FIELD_CHARS:
                raise DatelineError(
                    "too-large",
                    f"the {name} has {len(value):,} characters, over the {MAX_FIELD_CHARS} limit",
                    hint=f"shorten it: an article's {name} is stored in an index",
                )
        self.origin = readable(self.origin)
        if not self.id:
            self.id = article_id(self.text, self.dct)

    @classmethod
    def make(
        cls,
        text: str,
        date: str | PubDate | _dt.date,
        *,
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
        lang: str | None = None,
    ) -> Article:
        """Build an article from plain values, checking their types, the date and that the text is not empty.

        ``date`` is an ISO 8601 string of any granularity, a :class:`PubDate`, or a ``datetime.date`` /
        ``datetime.datetime`` (a day, a second). Every bad value is a :class:`DatelineError` with a code.
        """
        if not isinstance(text, str):
            raise DatelineError(
                "bad-argument",
                f"text must be a string, not {type(text).__name__}",
                hint="decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, bytes) else None,
            )
        if date is None:
            raise DatelineError(
                "missing-date", "no publication date given", hint="pass date='2017-01-28' (any granularity: '2017-01')"
            )
        if isinstance(date, PubDate):
            dct = date
        elif isinstance(date, _dt.date):  # a datetime is a date too
            dct = PubDate.parse(date.isoformat())
        else:
            dct = PubDate.parse(date)
        if not text.strip():
            raise DatelineError("empty-text", "the article has no text", hint="nothing to analyse")
        return cls(text=text, dct=dct, id=id or "", title=title, url=url, source=source, lang=lang)
