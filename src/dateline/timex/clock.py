"""Clock times: "17 h 30", "à 17 heures", "vers midi", "3 p.m. EST", "1600 GMT", "noon Friday".

A clock time is a TIME on the day the narration is at (see
:func:`dateline.timex.anchor.narrative_anchor`), valued ``…T17:00``; never the duration ``PT17H``
that the same words make in "pendant 17 heures".
"""

from __future__ import annotations

import re
from typing import Any

from dateline.timex.lexicon import lookup
from dateline.timex.normalize import Expr
from dateline.timex.patterns import EN_TZ, FR_TZ, B, Ctx, E, Rule, group, rule

__all__ = ["rules"]


def rules(c: Ctx) -> dict[str, Rule]:
    """The clock-time rules of ``c``'s language, by name."""
    return _fr(c) if c.lang == "fr" else _en(c)


# Words before "N heures" that make it a clock time rather than a length: "à 17 heures", "vers 8
# heures", "dès 6 heures", "avant 10 heures", "à partir de 14 heures". "pendant 17 heures", "en 24
# heures", "depuis 48 heures" stay durations (the duration rule finds them). "vers", "aux alentours
# de", "autour de" are inside the expression (mod APPROX); the others are prepositions outside it.
# Checked on the text before a match rather than in the pattern: lookbehinds tried at every position
# of the text made the rule the slowest of all.
_FR_AT_BEFORE = re.compile(
    r"(?:(?P<vers>\bvers|\baux\s+alentours\s+de|\bautour\s+de)|\bà|\bdès|\bavant|\baprès|\bentre"
    r"|\bpartir\s+de|\bjusqu['’]à)\s+$",
    re.I,
)
# "de 8 heures à 12 heures": the first end of a span of the clock.
_FR_FROM_BEFORE = re.compile(r"\bde\s+$", re.I)
_FR_SPAN_AFTER = re.compile(r"\s+(?:à|et)\s+\d{1,2}\s*h", re.I)
# Not "à deux heures de route", "à 3 heures de Paris": a distance in time.
_FR_NOT_DISTANCE = r"(?!\s+(?:de\s+(?!l['’]après-midi)|d['’](?!après-midi)))"
# "du matin", "de l'après-midi", "du soir" after the hour say which half of the day it is in.
_FR_HALF = r"(?:\s+(?P<half>du\s+matin|de\s+l['’]après-midi|du\s+soir|de\s+la\s+nuit))?"


def _fr_clock_context(m: re.Match[str], text: str) -> tuple[int, bool] | None:
    """Where an "N heures" or "midi" clock time starts and whether it is approximate, when the words
    before it (or a day right after it: "20 heures samedi") make it a time of day; else None."""
    before = text[max(0, m.start() - 24) : m.start()]
    at = _FR_AT_BEFORE.search(before)
    if at is not None:
        if at.group("vers"):
            return m.start() - (len(before) - at.start("vers")), True
        return m.start(), False
    if group(m, "day"):
        return m.start(), False
    end = m.end("unit") if "unit" in m.re.groupindex else m.end()  # after "heures", or "midi"
    if _FR_FROM_BEFORE.search(before) and _FR_SPAN_AFTER.match(text, end):
        return m.start(), False
    return None


def _midnight(lx: Any, minute: int, mod: str | None) -> Expr:
    """Midnight as the language's guidelines write it (``MIDNIGHT_STARTS_NEXT_DAY``): the end of the
    day it is said on, T24:00 (TimeML, English TimeBank: "midnight Friday" = Friday T24:00), or 00:00
    of the day that begins (the French guidelines: "samedi à minuit" = Sunday T00:00)."""
    if lx.MIDNIGHT_STARTS_NEXT_DAY:
        return Expr("clock", hour=0, minute=minute, offset=1, mod=mod)
    return Expr("clock", hour=24, minute=minute, mod=mod)


def _fr(c: Ctx) -> dict[str, Rule]:
    lx = c.lx
    # A day right after the clock time, without a preposition, is one expression with it ("20 heures
    # samedi", "17 h 30 hier"), unless a date follows ("à 20 h samedi 3 mai" is two).
    day = rf"(?:\s+(?P<day>{c.wd}|hier|aujourd['’]hui|demain)(?!\s+\d|\w))?"

    def clock(m: re.Match[str], approx: bool) -> Expr | None:
        h = int(m["h"])
        mi = int(m["m"]) if group(m, "m") else 0
        half = (group(m, "half") or "").lower()
        if half and not half.endswith("matin") and h < 12:
            h += 12
        if h > 24:
            return None
        mod = "APPROX" if approx else None
        d = group(m, "day")
        if d:
            rel = lookup(lx.REL_DAYS, d)
            if rel is not None:
                return Expr("relday", offset=int(rel), hour=h, minute=mi, mod=mod)
            return Expr("weekday", weekday=int(lookup(lx.WEEKDAYS, d)), hour=h, minute=mi, mod=mod)
        return Expr("clock", hour=h, minute=mi, mod=mod)

    def b_clock(m: re.Match[str], text: str) -> Expr | None:
        return clock(m, bool(group(m, "vers")))

    def b_heures(m: re.Match[str], text: str) -> tuple[int, int, Expr] | None:
        ctx = _fr_clock_context(m, text)
        e = clock(m, ctx[1]) if ctx is not None else None
        return (ctx[0], m.end(), e) if ctx is not None and e is not None else None

    def b_noon(m: re.Match[str], text: str) -> tuple[int, int, Expr] | None:
        ctx = _fr_clock_context(m, text)
        if ctx is None:
            return None
        mi = 30 if group(m, "demi") else 0
        mod = "APPROX" if ctx[1] else None
        if m["w"].lower() == "midi":
            return ctx[0], m.end(), Expr("clock", hour=12, minute=mi, mod=mod)
        return ctx[0], m.end(), _midnight(lx, mi, mod)

    return {
        "clock": rule(
            "clock",
            r"(?<![\w,.])(?:(?P<vers>vers)\s+)?(?P<h>[01]?\d|2[0-4])\s?h\s?(?P<m>[0-5]\d)?(?![\w])" + FR_TZ + day,
            b_clock,
        ),
        "clock_heures": rule(
            "clock_heures",
            rf"(?<![\w,.])(?P<h>[01]?\d|2[0-4])\s+(?P<unit>heures?)(?:\s+(?P<m>[0-5]\d))?(?!\w){_FR_NOT_DISTANCE}"
            + _FR_HALF
            + FR_TZ
            + day,
            b_heures,
        ),
        "noon": rule("noon", r"(?<!\w)(?P<w>midi|minuit)(?P<demi>\s+et\s+demie?)?(?!\w)", b_noon),
    }


def _en(c: Ctx) -> dict[str, Rule]:
    lx = c.lx

    def b_clock(m: re.Match[str], text: str) -> Expr | None:
        h = int(m["h"])
        mi = int(m["m"]) if group(m, "m") else 0
        ap = (group(m, "ampm") or "").lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        if h > 24:
            return None
        return Expr("clock", hour=h, minute=mi)

    def b_noon(m: re.Match[str], text: str) -> Expr | None:
        return _midnight(lx, 0, None) if m["w"].lower() == "midnight" else Expr("clock", hour=12, minute=0)

    def b_clock_day(m: re.Match[str], text: str) -> Expr | None:
        t = b_clock(m, text) if group(m, "h") else b_noon(m, text)
        if t is None:
            return None
        day = m["day"].lower()
        if day in ("today", "yesterday", "tomorrow"):
            return Expr("relday", offset=int(lookup(lx.REL_DAYS, day)), hour=t.hour, minute=t.minute)
        return Expr("weekday", weekday=int(lookup(lx.WEEKDAYS, day)), hour=t.hour, minute=t.minute)

    return {
        "clock_day": rule(
            "clock_day",
            rf"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)|(?P<w>noon|midnight))"
            rf"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC))?,?\s+(?:on\s+)?(?P<day>{c.wd}|today|yesterday|tomorrow){E}",
            b_clock_day,
        ),
        "clock": rule(
            "clock",
            r"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)" + EN_TZ,
            b_clock,
        ),
        "clock24": rule("clock24", r"(?<![\w:.$])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:])" + EN_TZ, b_clock),
        "oclock": rule("oclock", r"(?<![\w:.])(?P<h>[01]?\d)\s+o['’]clock(?!\w)", b_clock),
        # "1600 GMT", "0830 local time": the four-digit clock of wire copy, always with its zone (a
        # bare "1600" is a year or a number).
        "clock_mil": rule(
            "clock_mil",
            r"(?<![\w:.$,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?=\s+(?:(?-i:GMT|UTC|[ECMP][SD]T|BST|CES?T)|local\s+time)\b)"
            + EN_TZ,
            b_clock,
        ),
        "noon": rule("noon", rf"{B}(?P<w>noon|midnight|midday){E}", b_noon),
    }
