"""Dates written in digits: numeric dates, ISO dates, years, split-year labels, decades, centuries.

Numeric dates are ambiguous between day-first (French, British) and month-first (American) readings:
"05/03/2011" is 5 March or 3 May. The rule reads them in the language's order (day first in French,
month first in English, as US newswire writes them); when a number cannot be a month (``15/03/87``)
the other order is the only reading. English is written in both orders (US and UK), so when both
readings are possible the :class:`Expr` says so (``swap``) and :func:`dateline.timex.normalize.resolve`
keeps month-first unless only the day-first reading lies within a plausible distance of the
publication date (see there). French is read day first.
"""

from __future__ import annotations

import re

from dateline.timex.lexicon import alternation, parse_number
from dateline.timex.normalize import Expr
from dateline.timex.patterns import B, Ctx, E, Rule, group, mod_of, roman, rule, year_of

__all__ = ["digits_date", "rules"]


def digits_date(first: int, second: int, year: int | None, day_first: bool) -> Expr | None:
    """The date ``first/second/year`` read day-first or month-first; the other order when the
    preferred one is impossible; ``swap`` when both are possible, differ, and the language writes both
    orders (English)."""
    d, m = (first, second) if day_first else (second, first)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        d, m = m, d
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return None
        return Expr("cal", year=year, month=m, day=d)
    # French writes day first only; English news is written in both conventions (US month first, UK
    # day first), so only there may the other reading be the writer's.
    return Expr("cal", year=year, month=m, day=d, swap=not day_first and d != m and d <= 12)


def rules(c: Ctx) -> dict[str, Rule]:
    """The numeric rules of ``c``'s language, by name (their order is :mod:`detect`'s business)."""
    return _fr(c) if c.lang == "fr" else _en(c)


def _b_decade(m: re.Match[str], text: str) -> Expr | None:
    """ "les années 1990", "the '90s": the decade's three-digit prefix (two digits are the 1900s)."""
    d = m["dec"].strip("'’")
    n = int(d) // 10 if len(d) == 4 else 190 + int(d) // 10
    return Expr("decade", number=n, mod=mod_of(group(m, "mod")))


def _b_year(m: re.Match[str], text: str) -> Expr | None:
    return Expr("cal", year=int(m["year"]), mod=mod_of(group(m, "mod")))


def _b_iso(m: re.Match[str], text: str) -> Expr | None:
    mo, d = int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Expr("cal", year=int(m["y"]), month=mo, day=d)


_ISO = r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])"
# Three numbers joined by slashes (or dots in French): a date, unless more digits or slashes follow
# (a reference number, a fraction, a version).
_NUM3 = r"(?<![\w/.])(?P<a>[0-3]?\d){sep}(?P<b>[0-3]?\d){sep}(?P<y>\d{{4}}|\d{{2}})(?![\w/]|\.\d)"


def _fr(c: Ctx) -> dict[str, Rule]:
    def b_num(m: re.Match[str], text: str) -> Expr | None:
        return digits_date(int(m["a"]), int(m["b"]), year_of(m["y"]), day_first=True)

    def b_num_short(m: re.Match[str], text: str) -> Expr | None:
        # "le 12/05": day and month only, after the article that makes it a date (a bare "3/4" is a
        # score or a fraction as often as a date).
        return digits_date(int(m["a"]), int(m["b"]), None, day_first=True)

    def b_century(m: re.Match[str], text: str) -> Expr | None:
        r = roman(m["roman"])
        return Expr("century", number=r - 1) if r and 1 <= r <= 21 else None

    return {
        "num": rule("num", _NUM3.format(sep="[/.]"), b_num),
        "num_short": rule("num_short", r"(?<=\ble\s)(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\w/]|[.,]\d)", b_num_short),
        "iso": rule("iso", _ISO, _b_iso),
        "year": rule(
            "year",
            r"(?<![\w,.])(?:(?:l['’]année|l['’]an|(?P<mod>fin|début|mi|courant))[-\s]+)?(?P<year>(?:1[6-9]|20)\d\d)"
            r"(?![\w]|[.,]\d)(?!\s*(?:€|%|euros?|francs?|dollars?|habitants|personnes|mètres|m\b|km|tonnes"
            r"|hectares|voix|salariés|emplois|exemplaires|spectateurs|élèves|étudiants|morts|victimes))",
            _b_year,
        ),
        "decade": rule(
            "decade",
            rf"{B}(?:(?P<mod>début|fin|milieu)\s+)?(?:(?:les|des|aux)\s+)?années\s+(?P<dec>(?:19|20)?\d0){E}",
            _b_decade,
        ),
        "century": rule(
            "century",
            r"(?<!\w)(?:(?i:le)\s+)?(?P<roman>[XVI]{1,5})(?:e|ème|è|eme|ᵉ)\s+(?i:siècle)(?!\w)",
            b_century,
            flags=0,
        ),
    }


def _en(c: Ctx) -> dict[str, Rule]:
    L = "en"

    def b_num(m: re.Match[str], text: str) -> Expr | None:
        return digits_date(int(m["a"]), int(m["b"]), year_of(m["y"]), day_first=False)

    def b_label(m: re.Match[str], text: str) -> tuple[int, int, Expr] | Expr | None:
        # "the 1986/87 season", "1987-88 crop": a season, crop or fiscal year astride two years is one
        # DATE valued by its first year (TimeML has no value for such a span; the first year keeps the
        # value inside it). Two years further apart are a range: the first one alone here.
        y1 = int(m["y1"])
        tail = m["y2"]
        y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
        if y2 == y1 + 1:
            return Expr("cal", year=y1)
        return m.start("y1"), m.end("y1"), Expr("cal", year=y1)

    def b_century(m: re.Match[str], text: str) -> Expr | None:
        n = int(m["ord"])
        return Expr("century", number=n - 1) if 1 <= n <= 21 else None

    def b_spelled_year(m: re.Match[str], text: str) -> Expr | None:
        # "nineteen ninety-six" (broadcast transcripts), "the year two thousand": a year said aloud.
        if m["hi"]:
            rest = parse_number(m["lo"], L) if m["lo"] else 0
            hi = parse_number(m["hi"], L)
            if rest is None or hi is None or rest >= 100:
                return None
            return Expr("cal", year=int(hi) * 100 + int(rest))
        rest = parse_number(m["lo2"], L) if m["lo2"] else 0
        return Expr("cal", year=2000 + int(rest)) if rest is not None and rest < 100 else None

    tens = alternation(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    units = alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    teens = alternation(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                         "eighteen", "nineteen"])  # fmt: skip
    spelled_lo = rf"{tens}(?:[-\s]{units})?|{teens}"
    return {
        "spelled_year": rule(
            "spelled_year",
            rf"{B}(?:(?:the\s+year\s+)?(?P<hi>seventeen|eighteen|nineteen)[-\s]+(?P<lo>{spelled_lo})"
            rf"|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<lo2>{tens}(?:[-\s]{units})?|{teens}|{units}))?)"
            rf"(?![-\s]+(?:{units}|{tens}|hundred|thousand|years?|days?|percent|people|dollars)\b){E}",
            b_spelled_year,
        ),
        "num": rule("num", _NUM3.format(sep="/"), b_num),
        "iso": rule("iso", _ISO, _b_iso),
        "year_label": rule(
            "year_label",
            r"(?<![\w,.$/-])(?P<y1>(?:19|20)\d\d)[/-](?P<y2>\d\d|(?:19|20)\d\d)(?![\w%/-]|[.,]\d)",
            b_label,
        ),
        "year": rule(
            "year",
            r"(?<![\w,.$])(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[-\s]+|(?:fiscal|calendar)\s+)?"
            r"(?P<year>(?:1[6-9]|20)\d\d)(?![\w%]|[.,]\d|-\d)(?!\s*(?:%|percent|people|dollars|shares|tons|feet"
            r"|miles|units|employees|workers|members|troops|cars))",
            _b_year,
        ),
        "decade": rule(
            "decade",
            r"(?<![\w'’])(?:the\s+)?(?:(?P<mod>early|late|mid)[-\s]+)?(?P<dec>(?:1[6-9]|20)\d0|['’]\d0)['’]?s(?!\w)",
            _b_decade,
        ),
        "century": rule("century", rf"{B}(?:the\s+)?(?P<ord>\d{{1,2}})(?:st|nd|rd|th)\s+century{E}", b_century),
    }
