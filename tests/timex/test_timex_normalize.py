"""Detection and normalisation of written time expressions, French and English (no model needed).

Each case is a phrase in a sentence, the writing window, and a tense direction where it matters; the
expected values are worked out by hand from the calendar (2017-01-30 is a Monday of ISO week 5).
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dateline.timex.component import timexes_for
from dateline.timex.detect import find_candidates
from dateline.timex.normalize import Resolved, holiday_day, resolve, value_interval

DAY = (date(2017, 1, 30), date(2017, 1, 30))
MONTH = (date(2017, 1, 1), date(2017, 1, 31))


def one(text: str, lang: str, window: tuple[date, date] | None = DAY, direction: int = 0) -> tuple[str, Resolved]:
    """The single time expression found in ``text``, with its span text and resolution."""
    found = find_candidates(text, lang)
    assert len(found) == 1, [c.text for c in found]
    c = found[0]
    assert text[c.start : c.end] == c.text
    return c.text, resolve(c.expr, window, direction)


FR_CASES = [
    # (sentence, span text, type, value, direction)
    ("Ils se sont vus le 28 janvier.", "le 28 janvier", "DATE", "2017-01-28", 0),
    ("Le texte daté du 28/01/2017 est clair.", "28/01/2017", "DATE", "2017-01-28", 0),
    ("Les ventes de janvier 2017 ont baissé.", "janvier 2017", "DATE", "2017-01", 0),
    ("Il est arrivé en 2016 à Paris.", "2016", "DATE", "2016", 0),
    ("Elle est née le 1er mars 2015 à Lyon.", "le 1er mars 2015", "DATE", "2015-03-01", 0),
    ("Ils se sont entretenus samedi.", "samedi", "DATE", "2017-01-28", -1),
    ("Ils se rencontreront samedi.", "samedi", "DATE", "2017-02-04", 1),
    ("Il est venu samedi dernier.", "samedi dernier", "DATE", "2017-01-28", 0),
    ("Il viendra lundi prochain.", "lundi prochain", "DATE", "2017-02-06", 0),
    ("Le ministre a parlé hier.", "hier", "DATE", "2017-01-29", 0),
    ("Le ministre parle aujourd'hui à Paris.", "aujourd'hui", "DATE", "2017-01-30", 0),
    ("Le ministre parlera demain.", "demain", "DATE", "2017-01-31", 0),
    ("Il a atterri ce matin.", "ce matin", "TIME", "2017-01-30TMO", 0),
    ("Il est rentré hier soir.", "hier soir", "TIME", "2017-01-29TEV", 0),
    ("Le vote a lieu cette semaine.", "cette semaine", "DATE", "2017-W05", 0),
    ("Le vote a eu lieu la semaine dernière.", "la semaine dernière", "DATE", "2017-W04", 0),
    ("Le vote aura lieu le mois prochain.", "le mois prochain", "DATE", "2017-02", 0),
    ("Le chômage a baissé l'an dernier.", "l'an dernier", "DATE", "2016", 0),
    ("Il est parti il y a trois jours.", "il y a trois jours", "DATE", "2017-01-27", 0),
    ("Il reviendra dans deux mois.", "dans deux mois", "DATE", "2017-03", 0),
    ("Il dirige le club depuis 2014.", "2014", "DATE", "2014", 0),
    ("La séance commence à 14h30.", "14h30", "TIME", "2017-01-30T14:30", 0),
    ("La séance commence à 14 h précises.", "14 h", "TIME", "2017-01-30T14:00", 0),
    ("Il a régné pendant deux ans.", "deux ans", "DURATION", "P2Y", 0),
    ("Les travaux dureront trois mois.", "trois mois", "DURATION", "P3M", 0),
    ("Il a attendu vingt-quatre heures.", "vingt-quatre heures", "DURATION", "PT24H", 0),
    ("Le chantier a pris dix-huit mois.", "dix-huit mois", "DURATION", "P18M", 0),
    ("Le marché se tient chaque lundi.", "chaque lundi", "SET", "XXXX-WXX-1", 0),
    ("La fête revient tous les ans.", "tous les ans", "SET", "P1Y", 0),
    ("La crise des années 1990 a marqué le pays.", "des années 1990", "DATE", "199", 0),
    ("Ce fut le cas au XXe siècle.", "XXe siècle", "DATE", "19", 0),
    ("Il a plu l'été dernier.", "l'été dernier", "DATE", "2016-SU", 0),
    ("Le bénéfice du premier trimestre 2016 a doublé.", "premier trimestre 2016", "DATE", "2016-Q1", 0),
    ("Il est actuellement en poste.", "actuellement", "TIME", "PRESENT_REF", 0),
]

EN_CASES = [
    ("The talks opened on March 3rd in Geneva.", "March 3rd", "DATE", "2017-03-03", 0),
    ("The law took effect on 3 March 2017.", "3 March 2017", "DATE", "2017-03-03", 0),
    ("Sales in January 2017 fell.", "January 2017", "DATE", "2017-01", 0),
    ("The ministers met last Friday.", "last Friday", "DATE", "2017-01-27", 0),
    ("The ministers met Saturday.", "Saturday", "DATE", "2017-01-28", -1),
    ("The ministers will meet Saturday.", "Saturday", "DATE", "2017-02-04", 1),
    ("The minister spoke yesterday.", "yesterday", "DATE", "2017-01-29", 0),
    ("The minister arrives tomorrow.", "tomorrow", "DATE", "2017-01-31", 0),
    ("The vote is this week.", "this week", "DATE", "2017-W05", 0),
    ("Prices fell last year.", "last year", "DATE", "2016", 0),
    ("The vote is next month.", "next month", "DATE", "2017-02", 0),
    ("He left three days ago.", "three days ago", "DATE", "2017-01-27", 0),
    ("He left two years ago.", "two years ago", "DATE", "2015", 0),
    ("The session opens at 3:30 p.m. sharp.", "3:30 p.m.", "TIME", "2017-01-30T15:30", 0),
    ("He ruled for two years.", "two years", "DURATION", "P2Y", 0),
    ("The market opens every Monday.", "every Monday", "SET", "XXXX-WXX-1", 0),
    ("It was a hit in the 1990s.", "the 1990s", "DATE", "199", 0),
    ("It was common in the 20th century.", "the 20th century", "DATE", "19", 0),
    ("It rained last summer.", "last summer", "DATE", "2016-SU", 0),
    ("Profit doubled in the first quarter of 2016.", "the first quarter of 2016", "DATE", "2016-Q1", 0),
    ("He has led the club since 2014.", "2014", "DATE", "2014", 0),
]


@pytest.mark.parametrize(("sentence", "span", "ttype", "value", "direction"), FR_CASES)
def test_french_forms(sentence: str, span: str, ttype: str, value: str, direction: int) -> None:
    text, r = one(sentence, "fr", DAY, direction)
    assert (text, r.type, r.value) == (span, ttype, value)


@pytest.mark.parametrize(("sentence", "span", "ttype", "value", "direction"), EN_CASES)
def test_english_forms(sentence: str, span: str, ttype: str, value: str, direction: int) -> None:
    text, r = one(sentence, "en", DAY, direction)
    assert (text, r.type, r.value) == (span, ttype, value)


def test_numbers_in_words_normalise_like_digits() -> None:
    for words, digits in (
        ("trois jours", "3 jours"),
        ("vingt et un ans", "21 ans"),
        ("douze mois", "12 mois"),
    ):
        assert one(f"Cela a duré {words}.", "fr")[1].value == one(f"Cela a duré {digits}.", "fr")[1].value
    assert one("It lasted twenty-four hours.", "en")[1].value == "PT24H"


def test_determined_values_have_their_own_interval() -> None:
    _, r = one("Ils se sont vus le 28 janvier.", "fr")
    assert (r.earliest, r.latest) == (date(2017, 1, 28), date(2017, 1, 28))
    _, r = one("Le vote a lieu cette semaine.", "fr")
    assert (r.earliest, r.latest) == (date(2017, 1, 30), date(2017, 2, 5))
    _, r = one("Il a régné pendant deux ans.", "fr")
    assert (r.earliest, r.latest) == (None, None)  # a duration has no place on the calendar


# ------------------------------------------------------------------------------------- month-only DCT


def test_month_only_window_gives_interval_not_a_guessed_day() -> None:
    _, r = one("Le ministre a parlé hier.", "fr", MONTH)
    assert (r.earliest, r.latest) == (date(2016, 12, 31), date(2017, 1, 30))
    assert not r.determined
    assert r.value == "201"  # only the decade is determined by both ends of the window
    iv = value_interval(r.value)
    assert iv is not None and iv[0] <= r.earliest and r.latest <= iv[1]


def test_month_only_window_keeps_what_the_text_determines() -> None:
    _, r = one("Ils se sont vus le 28 janvier.", "fr", MONTH)
    assert (r.value, r.determined) == ("2017-01-28", True)
    _, r = one("Le bilan de l'an dernier est lourd.", "fr", MONTH)
    assert r.value == "2016"


def test_weekday_in_a_short_window_is_determined_and_in_a_long_one_is_not() -> None:
    # Written some day between the 28th and the 31st: the last Saturday is always the 28th.
    _, r = one("Ils se sont entretenus samedi.", "fr", (date(2017, 1, 28), date(2017, 1, 31)), -1)
    assert (r.value, r.earliest, r.latest) == ("2017-01-28", date(2017, 1, 28), date(2017, 1, 28))
    # Written between the 26th and the 31st: the 21st or the 28th, so an interval.
    _, r = one("Ils se sont entretenus samedi.", "fr", (date(2017, 1, 26), date(2017, 1, 31)), -1)
    assert (r.earliest, r.latest) == (date(2017, 1, 21), date(2017, 1, 28))
    assert r.value == "2017-01" and not r.determined


def test_clock_time_without_a_known_day_keeps_the_day_unknown() -> None:
    _, r = one("La séance commence à 14h30.", "fr", MONTH)
    assert r.value == "XXXX-XX-XXT14:30"
    assert (r.earliest, r.latest) == MONTH


# ------------------------------------------------------------------------------------------ bad input


def test_unanchored_expressions_get_x_placeholders_and_no_interval() -> None:
    _, r = one("Ils se sont vus le 28 janvier.", "fr", None)
    assert (r.value, r.earliest, r.latest) == ("XXXX-01-28", None, None)
    _, r = one("They met on Saturday.", "en", None)
    assert (r.value, r.earliest, r.latest) == ("XXXX-WXX-6", None, None)
    _, r = one("Le ministre a parlé hier.", "fr", None)
    assert r.value.startswith("XXXX") and r.earliest is None


@pytest.mark.parametrize("text", ["Le 31 février, rien.", "Il viendra le 30 février 2017.", "On April 31 nothing."])
def test_impossible_dates_are_not_made_real(text: str) -> None:
    lang = "en" if "April" in text else "fr"
    _, r = one(text, lang, DAY)
    assert r.earliest is None and r.latest is None
    assert r.value.endswith("-XX")
    assert value_interval(r.value) is None


def test_text_without_time_expressions_gives_nothing() -> None:
    assert find_candidates("Le chat dort sur le canapé, 87 ans après.", "fr") == []
    assert find_candidates("", "en") == []
    assert find_candidates("A 44-year-old man paid $5 a year.", "en") == []


def test_false_friends_are_not_time_expressions() -> None:
    assert find_candidates("Il a été élu par le quotidien local.", "fr") == []
    assert find_candidates("Les Jeux d'hiver commencent.", "fr") == []
    assert find_candidates("You may go. Jan Kavan said so.", "en") == []


# -------------------------------------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    ("rule", "year", "day"),
    [
        ("EASTER+0", 2017, date(2017, 4, 16)),
        ("EASTER+0", 2000, date(2000, 4, 23)),
        ("EASTER+49", 1999, date(1999, 5, 23)),  # Pentecost
        ("EASTER-2", 2017, date(2017, 4, 14)),  # Good Friday
        ("11-3-4", 1998, date(1998, 11, 26)),  # Thanksgiving: fourth Thursday of November
        ("5-0--1", 2017, date(2017, 5, 29)),  # Memorial Day: last Monday of May
        ("11-0-1+1", 1998, date(1998, 11, 3)),  # US Election Day: the Tuesday after the first Monday
        ("11-0-1+1", 2016, date(2016, 11, 8)),
        ("12-25", 2017, date(2017, 12, 25)),
    ],
)
def test_holiday_days_from_the_calendar(rule: str, year: int, day: date) -> None:
    assert holiday_day(rule, year) == day


@pytest.mark.parametrize(
    ("sentence", "lang", "span", "value"),
    [
        ("Ils se retrouveront à Noël 2018.", "fr", "Noël 2018", "2018-12-25"),
        ("Le pèlerinage a lieu à la Pentecôte.", "fr", "la Pentecôte", "2017-06-04"),
        ("Les magasins ferment le jour de l'An.", "fr", "le jour de l'An", "2017-01-01"),
        ("Stores were crowded on Christmas Eve.", "en", "Christmas Eve", "2016-12-24"),
        ("The vote is on Election Day, 2018.", "en", "Election Day, 2018", "2018-11-06"),
    ],
)
def test_holidays_are_dates(sentence: str, lang: str, span: str, value: str) -> None:
    text, r = one(sentence, lang, MONTH, -1 if "crowded" in sentence else 0)
    assert (text, r.type, r.value) == (span, "DATE", value)
    assert r.earliest == r.latest == date.fromisoformat(value)


def test_holiday_in_a_month_only_window_is_determined_when_every_day_agrees() -> None:
    # Written some day in December 2017, looking ahead: Christmas 2017 whatever the day.
    _, r = one("Les enfants attendent Noël.", "fr", (date(2017, 12, 1), date(2017, 12, 20)), 1)
    assert (r.value, r.determined) == ("2017-12-25", True)
    # Looking back from some day of January-December: this year's Easter or last year's, honestly.
    _, r = one("They met at Easter.", "en", (date(2017, 1, 1), date(2017, 12, 31)), -1)
    assert (r.earliest, r.latest, r.determined) == (date(2016, 3, 27), date(2017, 4, 16), False)


def test_names_and_places_are_not_holidays() -> None:
    assert find_candidates("Noël Mamère a parlé.", "fr") == []
    assert find_candidates("Ils ont visité l'île de Pâques.", "fr") == []
    assert find_candidates("They flew to Easter Island.", "en") == []
    assert find_candidates("Une ascension rapide.", "fr") == []


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The plant closed in nineteen ninety-six, they said.", "nineteen ninety-six", "1996"),
        ("It was built in nineteen sixty.", "nineteen sixty", "1960"),
        ("By the year two thousand and one, it was gone.", "the year two thousand and one", "2001"),
    ],
)
def test_english_years_said_aloud(sentence: str, span: str, value: str) -> None:
    text, r = one(sentence, "en")
    assert (text, r.value) == (span, value)


def test_english_numbers_that_are_not_years() -> None:
    assert find_candidates("Nineteen people and two thousand dollars.", "en") == []


@pytest.mark.parametrize(
    ("sentence", "lang", "span", "value", "direction"),
    [
        ("Elle aura lieu le premier dimanche du printemps.", "fr", "le premier dimanche du printemps", "2017-03-26", 1),
        ("Il a voté le dernier dimanche de mars 2015.", "fr", "le dernier dimanche de mars 2015", "2015-03-29", -1),
        ("They meet on the first Monday in September.", "en", "the first Monday in September", "2017-09-04", 1),
        ("It opened the last Monday of May, 2016.", "en", "the last Monday of May, 2016", "2016-05-30", -1),
    ],
)
def test_an_ordinal_weekday_of_a_month_or_season_is_a_day(
    sentence: str, lang: str, span: str, value: str, direction: int
) -> None:
    text, r = one(sentence, lang, MONTH, direction)
    assert (text, r.value, r.determined) == (span, value, True)


def test_a_treaty_named_after_a_holiday_is_not_a_date() -> None:
    assert find_candidates("Ils défendent l'accord du Vendredi Saint.", "fr") == []
    assert find_candidates("They signed the Good Friday agreement.", "en") == []


@pytest.mark.parametrize(
    ("sentence", "lang", "values"),
    [
        # Written in March looking back: April alone would be last April, but it ends a range from March.
        ("Le salon a eu lieu du 3 mars au 5 avril.", "fr", ["2017-03-03", "2017-04-05"]),
        ("Il se tiendra du 3 mars au 5 avril 2018.", "fr", ["2018-03-03", "2018-04-05"]),
        ("Sales ran from Dec. 3 to Jan. 5, 2018.", "en", ["2017-12-03", "2018-01-05"]),
        ("The fair ran from March 3 to April 5.", "en", ["2017-03-03", "2017-04-05"]),
    ],
)
def test_the_ends_of_a_range_are_in_order(sentence: str, lang: str, values: list[str]) -> None:
    found, _ = timexes_for(spacy.blank(lang)(sentence), lang, (date(2017, 3, 10), date(2017, 3, 10)))
    assert [t["value"] for t in found] == values


@pytest.mark.parametrize(
    ("sentence", "lang", "span", "value"),
    [
        ("The market closed at 5 p.m. EST.", "en", "5 p.m. EST", "2017-01-30T17:00"),
        ("The talks resumed at 17:00 GMT.", "en", "17:00 GMT", "2017-01-30T17:00"),
        ("Le vote a eu lieu à 14 h GMT.", "fr", "14 h GMT", "2017-01-30T14:00"),
        ("L'avion a atterri vers 12 h 30 locales.", "fr", "vers 12 h 30 locales", "2017-01-30T12:30"),
        ("Le match commence à 20 h 30 (heure de Paris).", "fr", "20 h 30 (heure de Paris)", "2017-01-30T20:30"),
    ],
)
def test_a_time_zone_belongs_to_the_clock_time(sentence: str, lang: str, span: str, value: str) -> None:
    found = [c for c in find_candidates(sentence, lang) if c.expr.kind == "clock"]
    assert [c.text for c in found] == [span]
    assert resolve(found[0].expr, DAY, 0, DAY[0]).value == value


def test_this_month_name_is_in_the_year_being_written_in() -> None:
    # Written in January 2017, in the past tense: still this year's September, not last year's.
    _, r = one("The plant reopened this September.", "en", DAY, -1)
    assert (r.value, r.earliest) == ("2017-09", date(2017, 9, 1))


def test_case_never_changes_what_is_found() -> None:
    # Most rules scan the lower-cased text; what they find must not depend on how the text is cased,
    # and builders still see the words as written.
    text = "Le 5 septembre 2017, vers 14 h GMT, et hier soir. Cette année, au printemps."
    found = [(c.start, c.end, c.text) for c in find_candidates(text, "fr")]
    assert found and [(c.start, c.end) for c in find_candidates(text.upper(), "fr")][:1] == [found[0][:2]]
    assert all(text[s:e] == t for s, e, t in found)
    # "İ" lower-cases into two characters; the offsets must still be those of the text as written.
    dotted = "İSTANBUL, le 12 mai 2016 — hier soir"
    assert [c.text for c in find_candidates(dotted, "fr")] == ["le 12 mai 2016", "hier soir"]


def test_letters_that_fold_unlike_their_lower_case_do_not_break_the_tagger() -> None:
    # The long s matches "s" case-insensitively; the month lookup used to miss it and crash.
    (c,) = find_candidates("Paris, le 5 ſeptembre 2017.", "fr")
    assert c.text == "le 5 ſeptembre 2017" and (c.expr.month, c.expr.day) == (9, 5)
