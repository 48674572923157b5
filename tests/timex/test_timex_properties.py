"""Property tests on the normaliser: whatever it is given, it never crashes, and any interval it
returns is ordered and consistent with the value (contains it, or lies inside the coarser value when
the window does not determine the day)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.timex.detect import find_candidates
from dateline.timex.normalize import Expr, resolve, value_interval

KINDS = ["cal", "weekday", "relday", "narr", "relunit", "shift", "clock", "duration", "set", "decade",
         "century", "season", "quarter", "ref", "invalid"]  # fmt: skip
UNITS = ["D", "W", "WE", "M", "Q", "HY", "Y", "DE", "CE", "H", "MIN", "S"]

exprs = st.builds(
    Expr,
    kind=st.sampled_from(KINDS),
    year=st.none() | st.integers(1800, 2100),
    month=st.none() | st.integers(1, 12),
    day=st.none() | st.integers(1, 31),
    weekday=st.none() | st.integers(0, 6),
    offset=st.integers(-30, 30),
    unit=st.none() | st.sampled_from(UNITS),
    amount=st.none() | st.floats(0.5, 100, allow_nan=False),
    number=st.none() | st.integers(1, 4) | st.integers(180, 210),
    cue=st.sampled_from([-1, 0, 1]),
    part=st.none() | st.sampled_from(["MO", "AF", "EV", "NI"]),
    hour=st.none() | st.integers(0, 23),
    minute=st.none() | st.integers(0, 59),
    ref=st.none() | st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF"]),
    season=st.none() | st.sampled_from(["SP", "SU", "FA", "WI"]),
    generic=st.booleans(),
)


@st.composite
def windows(draw: st.DrawFn) -> tuple[date, date] | None:
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    lo = draw(st.dates(date(1900, 1, 1), date(2090, 12, 31)))
    width = draw(st.sampled_from([0, 0, 3, 30, 364]))
    return lo, lo + timedelta(days=width)


@settings(max_examples=400, deadline=None)
@given(exprs, windows(), st.sampled_from([-1, 0, 1]), st.none() | st.dates(date(1900, 1, 1), date(2090, 1, 1)))
def test_any_interval_is_ordered_and_consistent_with_the_value(
    e: Expr, window: tuple[date, date] | None, direction: int, ref_day: date | None
) -> None:
    r = resolve(e, window, direction, ref_day)
    assert isinstance(r.value, str) and r.value
    assert (r.earliest is None) == (r.latest is None)
    if r.earliest is None or r.latest is None:
        return
    assert r.earliest <= r.latest
    iv = value_interval(r.value)
    if iv is None:
        return  # X placeholders and *_REF values name no fixed days
    if r.determined:
        assert r.earliest <= iv[0] and iv[1] <= r.latest, (r, iv)  # the interval contains the value
    else:
        assert iv[0] <= r.earliest and r.latest <= iv[1], (r, iv)  # the value is the coarser period


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 31),
    st.sampled_from(["janvier", "février", "mars", "avril", "juin", "août", "décembre"]),
    st.none() | st.integers(1900, 2099),
    st.dates(date(1950, 1, 1), date(2050, 1, 1)),
)
def test_french_day_month_dates_are_real_or_flagged(day: int, month: str, year: int | None, dct: date) -> None:
    text = f"La réunion du {day} {month}{' ' + str(year) if year else ''} a eu lieu."
    (c,) = find_candidates(text, "fr")
    assert text[c.start : c.end] == c.text
    r = resolve(c.expr, (dct, dct), -1)
    if r.earliest is None:
        assert r.value.endswith("-XX")  # an impossible day is never turned into a real one
    else:
        assert r.earliest == r.latest and r.value == r.earliest.isoformat()
        assert r.earliest.day == day and (year is None or r.earliest.year == year)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 0123456789/.-'hHéèàç,;:\n")), max_size=80))
def test_detection_never_breaks_on_odd_text(text: str) -> None:
    for lang in ("fr", "en"):
        for c in find_candidates(text, lang):
            assert text[c.start : c.end] == c.text and c.start < c.end
            resolve(c.expr, (date(2017, 1, 1), date(2017, 1, 31)))
