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
