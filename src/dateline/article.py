"""Articles and their publication dates, kept at their true granularity.

A news article dated ``2017-01`` is known to have been written some day in January 2017, no more. The
:class:`PubDate` keeps that honesty: its ``value`` is the ISO string at the granularity given, and its
``earliest``/``latest`` days bound the interval in which the article was surely written.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from dateline.errors import DatelineError

__all__ = ["Article", "Granularity", "PubDate", "article_id"]

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
        s = text.strip()
        m = _ISO_RE.match(s)
        if not m:
            raise DatelineError(
                "bad-date",
                f"not an ISO 8601 date: {text!r}",
                hint="write the date as 2017, 2017-01, 2017-01-28 or 2017-01-28T14:30",
            )
        y = int(m["y"])
        if y < 1:
            raise DatelineError("bad-date", f"impossible year in {text!r}")
        if m["m"] is None:
            return cls(f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31))
        mo = int(m["m"])
        if not 1 <= mo <= 12:
            raise DatelineError("bad-date", f"impossible month {mo} in {text!r}", hint="months run 01-12")
        last = calendar.monthrange(y, mo)[1]
        if m["d"] is None:
            return cls(f"{y:04d}-{mo:02d}", "month", date(y, mo, 1), date(y, mo, last))
        d = int(m["d"])
        if not 1 <= d <= last:
            raise DatelineError("bad-date", f"impossible day {d} in {text!r}", hint=f"{y:04d}-{mo:02d} has {last} days")
        day = date(y, mo, d)
        if m["H"] is None:
            return cls(day.isoformat(), "day", day, day)
        hh, mm = int(m["H"]), int(m["M"])
        ss = int(m["S"]) if m["S"] is not None else None
        if hh > 23 or mm > 59 or (ss is not None and ss > 59):
            raise DatelineError("bad-date", f"impossible time of day in {text!r}")
        offset = None
        if m["tz"]:
            tz = m["tz"]
            offset = "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
            if int(offset[1:3]) > 14 or int(offset[4:6]) > 59:
                raise DatelineError("bad-date", f"impossible UTC offset in {text!r}")
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
        if not self.id:
            self.id = article_id(self.text, self.dct)

    @classmethod
    def make(
        cls,
        text: str,
        date: str | PubDate,
        *,
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
        lang: str | None = None,
    ) -> Article:
        """Build an article from plain values, checking the date and that the text is not empty."""
        dct = date if isinstance(date, PubDate) else PubDate.parse(date)
        if not text.strip():
            raise DatelineError("empty-text", "the article has no text", hint="nothing to analyse")
        return cls(text=text, dct=dct, id=id or "", title=title, url=url, source=source, lang=lang)
