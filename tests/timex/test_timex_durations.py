"""Durations and sets: approximate amounts, halves, frequency adjectives, rates: dateline.timex.durations."""

from __future__ import annotations

from datetime import date

import pytest

from ._helpers import tagged

WED = date(2017, 3, 15)


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Il a attendu une quinzaine de jours.", "fr", [("une quinzaine de jours", "DURATION", "P15D")]),
        ("Le chantier prendra une dizaine d'années.", "fr", [("une dizaine d'années", "DURATION", "P10Y")]),
        ("Le trajet dure deux heures et demie.", "fr", [("deux heures et demie", "DURATION", "PT2H30M")]),
        ("Les travaux ont pris un an et demi.", "fr", [("un an et demi", "DURATION", "P18M")]),
        ("La pause dure une demi-heure.", "fr", [("une demi-heure", "DURATION", "PT30M")]),
        ("Le lot quotidien des soldats est lourd.", "fr", [("quotidien", "SET", "P1D")]),
        ("Tous les 1er mai, ils défilent.", "fr", [("Tous les 1er mai", "SET", "XXXX-05-01")]),
        ("Chaque été, la ville se vide.", "fr", [("Chaque été", "SET", "XXXX-SU")]),
        ("The fund pays out twice a year.", "en", [("a year", "SET", "P1Y")]),
        ("The plant was shut for a year.", "en", [("a year", "DURATION", "P1Y")]),
        ("The loan can run for at least two more years.", "en", [("at least two more years", "DURATION", "P2Y")]),
        ("The board meets daily.", "en", [("daily", "SET", "P1D")]),
        ("The canal took two and a half years to dig.", "en", [("two and a half years", "DURATION", "P2Y6M")]),
        ("The crossing took 5 1/2 hours.", "en", [("5 1/2 hours", "DURATION", "PT5H30M")]),
        ("The lease runs for half a year.", "en", [("half a year", "DURATION", "P6M")]),
        ("The mill stood idle for a year and a half.", "en", [("a year and a half", "DURATION", "P1Y6M")]),
        ("The dam stood for two decades.", "en", [("two decades", "DURATION", "P20Y")]),
        ("It runs 13 mills, up from seven a year ago.", "en", [("a year ago", "DATE", "2016")]),
        ("The mill lost money for two quarters.", "en", [("two quarters", "DURATION", "P2Q")]),
        ("La scierie a perdu de l'argent deux trimestres.", "fr", [("deux trimestres", "DURATION", "P6M")]),
        ("Le bail court sur quatre-vingt-un jours.", "fr", [("quatre-vingt-un jours", "DURATION", "P81D")]),
        ("La digue a tenu une décennie.", "fr", [("une décennie", "DURATION", "P10Y")]),
        ("Le pont a duré un siècle.", "fr", [("un siècle", "DURATION", "P100Y")]),
    ],
)
def test_durations_and_sets(sentence: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence, lang, WED) == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Le quotidien régional a changé de titre.", "fr"),
        ("L'hebdomadaire satirique paraît demain.", "fr"),
        ("The ferry line offers 300 berths a week in summer.", "en"),
        ("Output was 1.2 mln barrels per day.", "en"),
        ("The line plans daily flights to Perth.", "en"),
        ("It earns 4 mln dlrs a year from the mine.", "en"),
        ("The mill ships three-quarters of its timber by rail.", "en"),
        ("Farms hold more than a quarter of the land.", "en"),
    ],
)
def test_rates_periodicals_and_adjectives_are_not_timexes(sentence: str, lang: str) -> None:
    assert [t for t in tagged(sentence, lang, WED) if t[1] in ("SET", "DURATION")] == []


_DAY = date(2018, 12, 3)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Plural weekdays are every such day; coordinated ones each; with dates after them, dates.
        (
            "Le conseil ne siégera plus les samedis et dimanches.",
            [("les samedis", "SET", "XXXX-WXX-6"), ("dimanches", "SET", "XXXX-WXX-7")],
        ),
        ("Le marché des mardis attire du monde.", [("mardis", "SET", "XXXX-WXX-2")]),
        (
            "Elle joue les jeudis et les vendredis.",
            [("les jeudis", "SET", "XXXX-WXX-4"), ("les vendredis", "SET", "XXXX-WXX-5")],
        ),
        # A unit repeated around "après" recurs.
        ("Le nombre de visiteurs baisse mois après mois.", [("mois après mois", "SET", "P1M")]),
        # The first years or months of a span are a length; one ordinal year is one year.
        ("Durant les trois premières années, le loyer reste bas.", [("les trois premières années", "DURATION", "P3Y")]),
        ("Les premiers mois ont été durs.", [("Les premiers mois", "DURATION", "PXM")]),
        ("Il entame sa troisième année à ce poste.", [("sa troisième année", "DURATION", "P1Y")]),
        # ... but not when a month follows: that is a date.
        ("La première semaine de juin sera chargée.", [("juin", "DATE", "2018-06")]),
        # The weeks or months to come, as "les prochaines semaines".
        ("Il décidera dans les mois à venir.", [("les mois à venir", "DURATION", "PXM")]),
        ("Ils se verront dans les semaines qui viennent.", [("les semaines qui viennent", "DURATION", "PXW")]),
    ],
)
def test_plural_weekdays_ordinal_years_and_coming_weeks(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence, "fr", _DAY) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Il a parlé sur le plateau du 20 heures de la chaîne.",
        "Le ministre était l'invité du 13h mardi soir.",
        "Le reportage est passé au journal de 20 heures hier.",
        "À 52 ans, le chanteur revient sur scène.",
        "Il a fini ses études. A 25 ans, il part à l'étranger.",
    ],
)
def test_programme_hours_and_ages_at_the_opening_are_not_lengths(sentence: str) -> None:
    assert all(t[1] != "DURATION" and "20:00" not in t[2] and "13:00" not in t[2] for t in tagged(sentence, "fr", _DAY))


def test_hours_and_years_stay_lengths_and_clock_times_elsewhere() -> None:
    assert tagged("Le débat a duré 20 heures.", "fr", _DAY) == [("20 heures", "DURATION", "PT20H")]
    assert tagged("Il parlera à 20 heures.", "fr", _DAY) == [("20 heures", "TIME", "2018-12-03T20:00")]
    assert tagged("À deux ans du scrutin, il hésite.", "fr", _DAY) == [("deux ans", "DURATION", "P2Y")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Two coordinated numbers with one unit: each a length, the unit supplied to the first.
        ("Le chantier prendra un ou deux mois.", [("un", "DURATION", "P1M"), ("deux mois", "DURATION", "P2M")]),
        ("On patientera trois et cinq jours.", [("trois", "DURATION", "P3D"), ("cinq jours", "DURATION", "P5D")]),
        ("Le vol dure six à sept heures.", [("six", "DURATION", "PT6H"), ("sept heures", "DURATION", "PT7H")]),
        # "et" inside a number joins a ten and its unit.
        ("Elle a passé quarante et un jours en mer.", [("quarante et un jours", "DURATION", "P41D")]),
    ],
)
def test_coordinated_numbers_share_the_unit(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence, "fr", _DAY) == expected


def test_a_clock_range_in_digits_is_not_a_length() -> None:
    assert all(t[1] != "DURATION" for t in tagged("Le guichet ouvre de 8 à 11 heures.", "fr", _DAY))
