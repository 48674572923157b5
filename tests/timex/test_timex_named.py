"""Dates with calendar names, parts of days with their day, names that only look temporal:
dateline.timex.named and the name list of dateline.timex.detect."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex.detect import find_candidates

from ._helpers import tagged

WED = date(2017, 3, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Elle arrivera samedi 3 juin au soir à Nantes.", [("samedi 3 juin au soir", "TIME", "2017-06-03TEV")]),
        ("Il partira le soir du 3 août vers Lyon.", [("le soir du 3 août", "TIME", "2017-08-03TEV")]),
        # The night of Saturday to Sunday is Saturday's night.
        ("La nuit de samedi à dimanche a été agitée.", [("La nuit de samedi à dimanche", "TIME", "2017-03-18TNI")]),
        ("Ils se sont vus mardi en soirée au café.", [("mardi en soirée", "TIME", "2017-03-14TEV")]),
        ("Le 14-Juillet, les pompiers défilent.", [("Le 14-Juillet", "DATE", "2017-07-14")]),
    ],
)
def test_french_days_with_their_part_and_hyphenated_days(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence, "fr", WED) == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Le Printemps de Bourges accueille des groupes.", "fr"),
        ("Les soldes du Printemps Haussmann commencent.", "fr"),
        ("Les Parisiens ont fêté Mardi gras en musique.", "fr"),
        ("Selon Le Soir, la ministre hésite.", "fr"),
        ("La manifestation est passée rue du 8-Mai-1945 et place du 14-Juillet.", "fr"),
        ("The Sunday Times said the Future Movement would join.", "en"),
        ("He spoke on the Today programme and to the Daily Telegraph.", "en"),
        ("Revellers marked Mardi Gras with a parade.", "en"),
    ],
)
def test_names_that_only_look_temporal_are_not_timexes(sentence: str, lang: str) -> None:
    assert find_candidates(sentence, lang) == []


def test_a_season_or_weekday_as_written_in_running_text_is_still_found() -> None:
    assert tagged("Le festival aura lieu au printemps prochain.", "fr", date(2017, 2, 1)) == [
        ("printemps prochain", "DATE", "2017-SP")
    ]
    assert tagged("The paper said on Sunday that talks had stalled.", "en", WED) == [("Sunday", "DATE", "2017-03-12")]


def test_a_month_after_a_hyphen_and_a_month_end() -> None:
    assert [c.text for c in find_candidates("Exports in January-March rose.", "en")] == ["January", "March"]
    assert tagged("Stocks at end-March were lower.", "en", WED) == [("end-March", "DATE", "2017-03")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Prices last fell in January nineteen eighty-six.", ("January nineteen eighty-six", "1986-01")),
        (
            "Snow fell far south during the winter of nineteen eighty-seven.",
            ("the winter of nineteen eighty-seven", "1987-WI"),
        ),
    ],
)
def test_a_month_or_season_with_its_year_said_aloud_is_one_date(sentence: str, expected: tuple[str, str]) -> None:
    assert [(t, v) for t, _, v in tagged(sentence, "en", date(1998, 2, 27))] == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "found"),
    [
        ('The minister, a guest of "Sunday Morning" on the radio, spoke.', "en", []),
        ('"Sunday Morning" is a radio show.', "en", []),
        ('He said: "This week we vote."', "en", ["This week"]),
        ('"Prices stay high."  Last April, the mill closed.', "en", ["Last April"]),
    ],
)
def test_a_quoted_title_is_not_a_time(sentence: str, lang: str, found: list[str]) -> None:
    assert [t for t, _, _ in tagged(sentence, lang, WED)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Thousands joined the annual March for Peace downtown.", []),
        ("He led the March of the Hungry Farmers.", []),
        ("Sales rose in March for the third month.", ["March"]),
        ("Sales rose in March of last year.", ["March of last year"]),
    ],
)
def test_the_march_of_a_demonstration_is_not_the_month(sentence: str, found: list[str]) -> None:
    assert [t for t, _, _ in tagged(sentence, "en", WED)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The quarter-to-quarter comparison improved.", []),
        ("Prices saw a year-on-year rise.", []),
        ("The mill reported a loss for the fiscal first quarter.", [("the fiscal first quarter", "2017-Q1")]),
    ],
)
def test_unit_to_unit_phrases_and_fiscal_quarters(sentence: str, found: list[tuple[str, str]]) -> None:
    assert [(t, v) for t, _, v in tagged(sentence, "en", date(2017, 10, 26))] == found
