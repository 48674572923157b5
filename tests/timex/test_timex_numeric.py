"""Numeric dates (day/month order), split-year labels, years: dateline.timex.numeric."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex.detect import find_candidates
from dateline.timex.numeric import digits_date

from ._helpers import tagged


def test_digits_date_reads_the_language_order_and_says_when_it_could_swap() -> None:
    fr = digits_date(5, 3, 2011, day_first=True)
    en = digits_date(5, 3, 2011, day_first=False)
    assert fr is not None and (fr.month, fr.day, fr.swap) == (3, 5, False)  # French writes day first only
    assert en is not None and (en.month, en.day, en.swap) == (5, 3, True)
    # A number above 12 cannot be the month: the other order is the only reading, not ambiguous.
    uk = digits_date(15, 3, 1987, day_first=False)
    assert uk is not None and (uk.month, uk.day, uk.swap) == (3, 15, False)
    same = digits_date(4, 4, 2017, day_first=False)
    assert same is not None and not same.swap
    assert digits_date(31, 13, 2017, day_first=True) is None


@pytest.mark.parametrize(
    ("sentence", "lang", "day", "value"),
    [
        # French reads day first, whatever the distance.
        ("Le colloque s'est tenu le 05/03/2011 à Lyon.", "fr", date(2011, 3, 8), "2011-03-05"),
        ("Le colloque s'est tenu le 05/03/2011 à Lyon.", "fr", date(2011, 5, 8), "2011-03-05"),
        # English reads month first (US wire copy), also when the other reading is a little nearer ...
        ("The plan was filed on 3/4/2017 in Ohio.", "en", date(2017, 3, 20), "2017-03-04"),
        ("The plan was filed on 3/4/2017 in Ohio.", "en", date(2017, 4, 20), "2017-03-04"),
        # ... unless only the day-first reading lies within a month of the writing day (a British
        # writer): 5 March is three days before, 3 May two months after.
        ("The hearing was held on 05/03/2011 in Leeds.", "en", date(2011, 3, 8), "2011-03-05"),
        # A day above 12 leaves one reading in either language.
        ("The hearing was held on 15/03/87 in Leeds.", "en", date(1987, 3, 20), "1987-03-15"),
        ("Le texte est daté du 12/25/2016 dans l'original.", "fr", date(2017, 1, 4), "2016-12-25"),
    ],
)
def test_numeric_dates_take_the_reading_language_and_date_support(
    sentence: str, lang: str, day: date, value: str
) -> None:
    ((_, typ, val),) = tagged(sentence, lang, day)
    assert (typ, val) == ("DATE", value)


def test_french_day_and_month_after_the_article() -> None:
    assert tagged("Il reviendra le 12/05 pour signer.", "fr", date(2017, 5, 2)) == [("12/05", "DATE", "2017-05-12")]
    # Without the article a pair of numbers is a score or a fraction.
    assert tagged("Ils ont gagné 3/1 hier soir.", "fr", date(2017, 5, 2))[:1] == [
        ("hier soir", "TIME", "2017-05-01TEV")
    ]


def test_split_year_labels_are_one_date_of_their_first_year() -> None:
    found = tagged("The 1986/87 season was poor and the 1987-88 crop is larger.", "en", date(1987, 3, 26))
    assert found == [("1986/87", "DATE", "1986"), ("1987-88", "DATE", "1987")]
    # Years further apart are a range: each end is its own date.
    assert [c.text for c in find_candidates("Output doubled in 1980-1985.", "en")] == ["1980", "1985"]
