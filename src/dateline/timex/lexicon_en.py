"""English words for time: months, weekdays, numbers written in words, units, seasons, cue words."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan.": 1, "jan": 1, "february": 2, "feb.": 2, "feb": 2, "march": 3, "mar.": 3,
    "april": 4, "apr.": 4, "may": 5, "june": 6, "july": 7, "august": 8, "aug.": 8,
    "september": 9, "sept.": 9, "sep.": 9, "october": 10, "oct.": 10, "november": 11, "nov.": 11,
    "december": 12, "dec.": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "half": 0.5,
}  # fmt: skip
MULTIPLIERS = frozenset({"hundred", "thousand"})
NUMBER_JOINERS = ("and",)

VAGUE_AMOUNTS = ("several", "a few", "few", "many", "some", "recent", "coming", "next few", "past few")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip

UNITS: dict[str, str] = {
    "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
    "year": "Y", "years": "Y", "quarter": "Q", "quarters": "Q", "decade": "DE", "decades": "DE",
    "century": "CE", "centuries": "CE", "hour": "H", "hours": "H", "minute": "MIN", "minutes": "MIN",
    "second": "S", "seconds": "S", "weekend": "WE", "weekends": "WE", "half": "HY",
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
}  # fmt: skip

PAST_CUES = ("last", "past", "previous", "latest", "recent")
FUTURE_CUES = ("next", "coming", "following", "upcoming")

REL_DAYS: dict[str, int] = {"today": 0, "yesterday": -1, "tomorrow": 1}
NARRATIVE_DAYS: dict[str, int] = {
    "the next day": 1, "the following day": 1, "the day before": -1, "the previous day": -1,
    "the same day": 0, "that day": 0,
}  # fmt: skip

REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
    "the future": "FUTURE_REF",
}  # fmt: skip

# "once", "previously", "soon", "recent" and the adjectives "future", "annual", "quarterly" are left
# out: in news they mostly qualify things ("a quarterly dividend", "future growth") rather than refer
# to a time, and TimeML leaves them unannotated in most uses.
FREQUENCY: dict[str, str] = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "hourly": "PT1H",
}

# The TIMEX3 type of *_REF values in English TimeML (TimeBank): DATE.
REF_TYPE = "DATE"

DURATION_WORDS: dict[str, str] = {}
OPEN_PREPOSITIONS = ("until", "till", "by", "through")
PROSPECTIVE_LEMMAS = frozenset({"schedule", "plan", "expect", "set", "due"})
SINCE_PREPOSITIONS = ("since",)

# Verbs that move a date ("extended to Nov. 20", "postponed until Monday"): the date they move to is
# a new deadline, ahead of the writing day even though the verb is in the past.
MOVE_LEMMAS = frozenset({"extend", "postpone", "delay", "defer", "push", "move", "adjourn", "reschedule"})
MOVE_PREPOSITIONS = ("to", "until", "till")

# English TimeBank annotates "Wednesday night" and "yesterday morning" as the DATE of that day; the
# part of the day is kept in the timex's "part" field rather than in the value.
PART_IN_VALUE = False

# Holidays, as rules for normalize.holiday_day: a fixed day, days from Easter, or the n-th weekday of
# a month (US holidays: English TimeBank is American news). Matched only when capitalised.
HOLIDAYS: dict[str, str] = {
    "christmas": "12-25", "christmas day": "12-25", "christmas eve": "12-24", "boxing day": "12-26",
    "new year's day": "01-01", "new year's eve": "12-31", "halloween": "10-31",
    "valentine's day": "02-14", "independence day": "07-04", "veterans day": "11-11",
    "veterans' day": "11-11", "easter": "EASTER+0", "easter sunday": "EASTER+0",
    "easter monday": "EASTER+1", "good friday": "EASTER-2", "pentecost": "EASTER+49",
    "thanksgiving": "11-3-4", "thanksgiving day": "11-3-4", "labor day": "9-0-1",
    "memorial day": "5-0--1", "martin luther king day": "1-0-3", "presidents' day": "2-0-3",
    "columbus day": "10-0-2", "election day": "11-0-1+1",
}  # fmt: skip
