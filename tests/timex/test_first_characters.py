"""The first-character look-ahead put in front of every timex rule changes no match."""

from __future__ import annotations

import re

import pytest

from dateline.timex.patterns import first_characters

TEXTS = [
    "Le lundi 3 mars, puis mardi, la réunion a eu lieu vers 17 h 30.",
    "LUNDI dernier et le Mardi suivant, rien ne s'est passé en 2019.",
    "On Monday, March 3, 2014 and again on tuesday morning at 5 p.m.",
]


@pytest.mark.parametrize(
    "pattern,flags",
    [
        (r"(?<![\w-])(?:le\s+)?(?P<wd>lundi|mardi)(?!\w)", re.IGNORECASE),
        (r"(?<![\w,.])(?P<h>[01]?\d|2[0-4])\s?h\s?(?P<m>[0-5]\d)?", re.IGNORECASE),
        (r"(?<![\w-])(?:on\s+)?(?:monday|tuesday)(?:\s+morning)?", re.IGNORECASE),
        (r"(?<!\w)(?P<y>\d{4})(?!\w)", 0),
    ],
)
def test_same_matches_with_the_lookahead(pattern: str, flags: int) -> None:
    lead = first_characters(pattern, flags)
    assert lead.startswith("(?=[")
    plain, led = re.compile(pattern, flags), re.compile(lead + pattern, flags)
    for text in TEXTS:
        assert [(m.span(), m.groupdict()) for m in plain.finditer(text)] == [
            (m.span(), m.groupdict()) for m in led.finditer(text)
        ]


def test_the_class_holds_what_can_start_a_match() -> None:
    lead = first_characters(r"(?<![\w-])(?:le\s+)?(?:lundi|mardi)", re.IGNORECASE)
    assert set(lead[4:-2]) == {"l", "m"}


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:le)?",  # may match the empty string
        r"[^a]bc",  # a negated class
        r".+h",  # any character
        r"(?i:le)\s+siècle",  # a case flag set inside
    ],
)
def test_no_lookahead_when_the_start_is_not_known(pattern: str) -> None:
    assert first_characters(pattern) == ""
