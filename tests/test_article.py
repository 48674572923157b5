"""Publication dates keep their true granularity and an interval that surely contains them."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.article import Article, PubDate, article_id
from dateline.errors import DatelineError


@pytest.mark.parametrize(
    ("text", "value", "gran", "earliest", "latest"),
    [
        ("2017", "2017", "year", date(2017, 1, 1), date(2017, 12, 31)),
        ("2017-01", "2017-01", "month", date(2017, 1, 1), date(2017, 1, 31)),
        ("2016-02", "2016-02", "month", date(2016, 2, 1), date(2016, 2, 29)),
        ("2017-01-28", "2017-01-28", "day", date(2017, 1, 28), date(2017, 1, 28)),
        ("2017-01-28T14:30", "2017-01-28T14:30", "minute", date(2017, 1, 28), date(2017, 1, 28)),
        ("2017-01-28 14:30:05", "2017-01-28T14:30:05", "second", date(2017, 1, 28), date(2017, 1, 28)),
    ],
)
def test_pubdate_granularities(text: str, value: str, gran: str, earliest: date, latest: date) -> None:
    d = PubDate.parse(text)
    assert (d.value, d.granularity, d.earliest, d.latest) == (value, gran, earliest, latest)


def test_offset_is_kept_apart_from_the_wall_clock_value() -> None:
    d = PubDate.parse("2017-01-28T14:30+0100")
    assert d.value == "2017-01-28T14:30"
    assert d.offset == "+01:00"
    assert PubDate.parse("2017-01-28T14:30:00Z").offset == "+00:00"


@pytest.mark.parametrize(
    "bad",
    [
        "2017-13",
        "2017-02-30",
        "2017-00",
        "2017-01-32",
        "17-01",
        "janvier 2017",
        "",
        "2017-01-28T25:00",
        "2017-01-28T10:61",
        "0000",
    ],
)
def test_impossible_dates_are_refused(bad: str) -> None:
    with pytest.raises(DatelineError) as exc:
        PubDate.parse(bad)
    assert exc.value.code == "bad-date"


def test_article_id_is_stable_and_depends_on_text_and_date() -> None:
    d = PubDate.parse("2017-01")
    assert article_id("abc", d) == article_id("abc", d)
    assert article_id("abc", d) != article_id("abd", d)
    assert article_id("abc", d) != article_id("abc", PubDate.parse("2017-01-02"))
    assert Article.make("abc", "2017-01", id="given").id == "given"


def test_empty_text_is_an_error() -> None:
    with pytest.raises(DatelineError) as exc:
        Article.make("  \n ", "2017")
    assert exc.value.code == "empty-text"
