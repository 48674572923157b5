"""Relative expressions: deictic ones on the writing day, anaphoric ones on the narrated time, general
references: dateline.timex.relative."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dateline.timex.component import timexes_for

from ._helpers import tagged

WED = date(2017, 3, 15)  # a Wednesday, ISO week 11


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # Counted from the day the narration named, not from the writing day.
        ("The board met on March 3. Two days earlier, the chairman had quit.", "en",
         [("March 3", "DATE", "2017-03-03"), ("Two days earlier", "DATE", "2017-03-01")]),
        ("The plant closed in May 2015 and reopened 20 months later.", "en",
         [("May 2015", "DATE", "2015-05"), ("20 months later", "DATE", "2017-01")]),
        ("The strike began on June 6, 2016. The following week, talks resumed.", "en",
         [("June 6, 2016", "DATE", "2016-06-06"), ("The following week", "DATE", "2016-W24")]),
        ("Le gymnase fut inauguré le 4 mai 2012. L'année suivante, son toit fuyait.", "fr",
         [("le 4 mai 2012", "DATE", "2012-05-04"), ("L'année suivante", "DATE", "2013")]),
        ("La chorale naquit en 1998. Cette année-là, elle chanta à Quimper.", "fr",
         [("1998", "DATE", "1998"), ("Cette année-là", "DATE", "1998")]),
        # Without a narrated time, the writing day.
        ("L'année suivante verra deux tours de piste inédits.", "fr", [("L'année suivante", "DATE", "2018")]),
    ],
)  # fmt: skip
def test_anaphoric_expressions_count_from_the_narrated_time(
    sentence: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(sentence, lang, WED) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Le potier vendra son four d'ici la fin de l'année.", "fr", [("la fin de l'année", "DATE", "2017")]),
        ("Les cerises manquent aux étals depuis le début du mois.", "fr", [("le début du mois", "DATE", "2017-03")]),
        ("Le chat a miaulé toute la nuit, puis boudé tout le week-end.", "fr",
         [("toute la nuit", "TIME", "2017-03-15TNI"), ("tout le week-end", "DATE", "2017-W11-WE")]),
        ("Le phare fut repeint il y a moins d'un an.", "fr", [("il y a moins d'un an", "DATE", "2016")]),
        ("The deal should close by the end of the year.", "en", [("the end of the year", "DATE", "2017")]),
        ("Both firms hope to sign the merger around year-end.", "en", [("year-end", "DATE", "2017")]),
        ("Sales for the full year rose 5%.", "en", [("the full year", "DATE", "2017")]),
        ("Net income for the year ended June 30 fell.", "en",
         [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2017-06-30")]),
        ("Prices have risen in recent years.", "en", [("recent years", "DURATION", "PXY")]),
    ],
)  # fmt: skip
def test_parts_of_units_and_whole_units(sentence: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence, lang, WED) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Pour l'instant, le vélo rouge attend son pneu.", "fr", [("Pour l'instant", "TIME", "PRESENT_REF")]),
        ("Dernièrement, le meunier a vendu ses ânes.", "fr", [("Dernièrement", "TIME", "PAST_REF")]),
        ("Le futur maire des Écrins aime le ski.", "fr", [("futur", "TIME", "FUTURE_REF")]),
        ("The bank said it would soon raise rates.", "en", [("soon", "DATE", "FUTURE_REF")]),
        ("He cited recent gains in the market.", "en", [("recent", "DATE", "PAST_REF")]),
        ("The mill closed several years ago.", "en", [("several years ago", "DATE", "PAST_REF")]),
        ("The valley may one day host a dam.", "en", [("one day", "DATE", "FUTURE_REF")]),
        ("The talks will resume at a later date.", "en", [("a later date", "DATE", "FUTURE_REF")]),
    ],
)
def test_general_references(sentence: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence, lang, WED) == expected


@pytest.mark.parametrize(
    "sentence", ["He resigned soon after the vote.", "Call me as soon as you can.", "How soon will it end?"]
)
def test_soon_in_a_sequence_is_not_a_time(sentence: str) -> None:
    assert tagged(sentence, "en", WED) == []


MARCH = (date(2017, 3, 1), date(2017, 3, 31))


def test_a_month_only_date_is_narrowed_by_the_weekday_and_stamp_the_text_gives() -> None:
    # Written in March 2017 on a day named Tuesday: one of four Tuesdays, an honest interval.
    found, window = timexes_for(spacy.blank("fr")("Aujourd'hui mardi, le marché aux puces ouvre."), "fr", MARCH)
    assert window == (date(2017, 3, 7), date(2017, 3, 28)) and found[0]["value"] == "2017-03"
    # A publication stamp fixes the day, and with it "hier".
    text = "Publié le 14/03/2017 à 9 h. Hier, la foire aux vins a fermé."
    found, window = timexes_for(spacy.blank("fr")(text), "fr", MARCH)
    assert window == (date(2017, 3, 14), date(2017, 3, 14))
    assert ("Hier", "2017-03-13") in [(t["text"], t["value"]) for t in found]


def test_a_publication_reported_inside_a_sentence_is_not_the_articles_stamp() -> None:
    # "publiée jeudi 9 mars" here dates a survey the article reports, not the article itself: the
    # month-only window stays open, and "hier" an honest interval.
    text = "Selon une enquête publiée jeudi 9 mars par un institut, les cerises coûtent cher. Hier, rien."
    found, window = timexes_for(spacy.blank("fr")(text), "fr", MARCH)
    assert window == MARCH
    hier = next(t for t in found if t["text"] == "Hier")
    assert (hier["earliest"], hier["latest"]) == ("2017-02-28", "2017-03-30")
    # The same words opening a line are the article's stamp.
    found, window = timexes_for(spacy.blank("fr")("Titre\nPublié le jeudi 9 mars 2017\nHier, rien."), "fr", MARCH)
    assert window == (date(2017, 3, 9), date(2017, 3, 9))


def test_the_quarter_of_a_report_is_the_quarter_it_named() -> None:
    text = "Acme said its third-quarter profit rose. Costs for the quarter fell, the company said."
    assert ("the quarter", "DATE", "1989-Q3") in tagged(text, "en", date(1989, 10, 26))


def test_a_year_ago_comparison_is_no_narrative_anchor() -> None:
    # "a year earlier" compares with the year before the writing day, not with the year before the
    # year-ago quarter just named.
    text = "Sales rose 5% from the year-ago quarter. Profit fell from a year earlier."
    found = tagged(text, "en", date(1989, 10, 26))
    assert ("a year earlier", "DATE", "1988") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks ended Wednesday night.", ("Wednesday night", "TIME", "2017-03-15TNI")),
        ("The vote was held this morning.", ("this morning", "TIME", "2017-03-16TMO")),
    ],
)
def test_an_english_part_of_day_is_in_the_time_value(sentence: str, expected: tuple[str, str, str]) -> None:
    assert tagged(sentence, "en", date(2017, 3, 16)) == [expected]


def test_quarter_phrases_of_a_results_story() -> None:
    text = (
        "Acme said third-quarter profit rose. In the 1988 quarter it earned $5 million. The 1988 second "
        "quarter was weak. In the year-ago third quarter it lost money, and in the quarter a year ago it "
        "paid no dividend. Costs in the 1989 period fell, after the year-ago period's rise."
    )
    found = [(t, v) for t, _, v in tagged(text, "en", date(1989, 10, 26))]
    assert found == [
        ("third-quarter", "1989-Q3"),
        ("the 1988 quarter", "1988-Q3"),
        ("The 1988 second quarter", "1988-Q2"),
        ("the year-ago third quarter", "1988-Q3"),
        ("the quarter a year ago", "1988-Q3"),
        ("the 1989 period", "1989-Q3"),
        ("the year-ago period", "1988-Q3"),
    ]


def test_a_weekday_is_not_settled_by_a_dated_day_on_the_other_side_of_the_writing_day() -> None:
    # "jeudi dernier" lies before the writing day, "jeudi 30 mars prochain" after it: not the same day.
    text = "Le rapport sera rendu jeudi 30 mars prochain. Jeudi dernier, le maire en a parlé."
    found, _ = timexes_for(spacy.blank("fr")(text), "fr", MARCH)
    assert next(t for t in found if t["text"] == "Jeudi dernier")["value"] != "2017-03-30"
    # The same Thursday named ahead settles "jeudi prochain".
    text = "Le rapport sera rendu jeudi 30 mars prochain. Jeudi prochain, le maire en parlera."
    found, _ = timexes_for(spacy.blank("fr")(text), "fr", MARCH)
    assert next(t for t in found if t["text"] == "Jeudi prochain")["value"] == "2017-03-30"


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("Le pont a été fermé hier, lundi 6 mars, après la crue.", "fr", date(2017, 3, 7)),
        ("La foire ouvrira demain (jeudi 9 mars) sur la place.", "fr", date(2017, 3, 8)),
        ("The bridge reopened yesterday, March 6, after the flood.", "en", date(2017, 3, 7)),
        ("Le pont a rouvert il y a trois jours, le 6 mars, après la crue.", "fr", date(2017, 3, 9)),
    ],
)
def test_a_deictic_day_beside_its_date_gives_the_writing_day(text: str, lang: str, day: date) -> None:
    _, window = timexes_for(spacy.blank(lang)(text), lang, MARCH)
    assert window == (day, day)


def test_a_quoted_deictic_day_does_not_give_the_writing_day() -> None:
    # The speaker's "hier" counts from the day they spoke.
    text = "« Nous avons fermé le pont hier, lundi 6 mars », a expliqué le maire."
    _, window = timexes_for(spacy.blank("fr")(text), "fr", MARCH)
    assert window == MARCH
