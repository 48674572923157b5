"""Clock times are TIME values on their day, never the duration the same words make: dateline.timex.clock."""

from __future__ import annotations

from datetime import date

import pytest

from ._helpers import tagged

WED = date(2017, 3, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Le train est arrivé à 17 heures en gare.", "fr", [("17 heures", "TIME", "2017-03-15T17:00")]),
        ("La poste ouvre dès 8 heures pour les colis.", "fr", [("8 heures", "TIME", "2017-03-15T08:00")]),
        ("Il a appelé vers midi sans réponse.", "fr", [("vers midi", "TIME", "2017-03-15T12:00")]),
        ("Le rendez-vous est fixé à 3 heures de l'après-midi.", "fr",
         [("3 heures de l'après-midi", "TIME", "2017-03-15T15:00")]),
        ("La cantine sert de midi à 14 h les jours de classe.", "fr",
         [("midi", "TIME", "2017-03-15T12:00"), ("14 h", "TIME", "2017-03-15T14:00")]),
        ("Le guichet est ouvert de 9 heures à 12 heures.", "fr",
         [("9 heures", "TIME", "2017-03-15T09:00"), ("12 heures", "TIME", "2017-03-15T12:00")]),
        # A day right after the hour, without a preposition, is one expression with it.
        ("Le concert commencera 20 heures samedi au stade.", "fr", [("20 heures samedi", "TIME", "2017-03-18T20:00")]),
        ("The vote is due at 3 p.m. in the chamber.", "en", [("3 p.m.", "TIME", "2017-03-15T15:00")]),
        ("The index closed at 1600 GMT on thin trade.", "en", [("1600 GMT", "TIME", "2017-03-15T16:00")]),
        ("Talks broke off at midday without a deal.", "en", [("midday", "TIME", "2017-03-15T12:00")]),
    ],
)  # fmt: skip
def test_clock_times(sentence: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence, lang, WED) == expected


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Le débat a duré 17 heures sans pause.", "17 heures"),
        ("Il a parlé pendant 48 heures au total.", "48 heures"),
    ],
)
def test_lengths_in_hours_stay_durations(sentence: str, span: str) -> None:
    ((text, typ, _),) = tagged(sentence, "fr", WED)
    assert (text, typ) == (span, "DURATION")


def test_a_distance_in_hours_is_not_a_clock_time() -> None:
    assert all(t != "TIME" for _, t, _ in tagged("Le village est à 2 heures de route.", "fr", WED))
    # A bare four-digit number is a year or an amount, not a clock time.
    assert tagged("They sold 1600 units.", "en", WED) == []


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # French guidelines (4.2): "minuit" is 00:00 of the day that begins.
        ("Le couvre-feu commence samedi 18 mars à minuit.", "fr",
         [("samedi 18 mars", "DATE", "2017-03-18"), ("minuit", "TIME", "2017-03-19T00:00")]),
        ("La fête a fini vers minuit.", "fr", [("vers minuit", "TIME", "2017-03-16T00:00")]),
        # TimeML and English TimeBank: "midnight" is T24:00 of the day it is said on.
        ("The offer expires at midnight Friday.", "en", [("midnight Friday", "TIME", "2017-03-17T24:00")]),
        ("The strike began at midnight.", "en", [("midnight", "TIME", "2017-03-15T24:00")]),
    ],
)  # fmt: skip
def test_midnight_as_each_language_writes_it(sentence: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(sentence, lang, WED) == expected
