"""Finding time expressions in text, with exact character spans, and parsing what they say.

Detection is a set of regular expressions per language built from the lexicons (month and weekday
names, numbers written in words, units, cue words), run over the raw text so that spans are exactly
on it. Each rule has a builder that turns its match into an :class:`~dateline.timex.normalize.Expr`
(what the expression says, language-independent). Overlapping matches are resolved longest first,
so "le samedi 24 juillet" wins over "samedi" and "il y a trois ans" over "trois ans".

Span conventions follow TimeML annotation practice: a determiner that is part of the expression is
inside ("le 28 janvier", "l'an dernier", "the third quarter"), a preposition before it is not ("du",
"depuis", "à", "on"), and "vers"/"about"/"plus de" modifiers are inside.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.timex.lexicon import alternation, lexicon, lookup, parse_number
from dateline.timex.normalize import SEASON_FIRST_DAY, Expr

__all__ = ["Candidate", "find_candidates"]

_B = r"(?<![\w-])"  # start of a word ("d'hier" and "qu'un an" are found too)
_E = r"(?!\w)"  # end of a word ("Friday's" and "two-year" are found)


@dataclass(frozen=True)
class Candidate:
    """A time expression found in the text: ``text[start:end]`` and what it says."""

    start: int
    end: int
    text: str
    expr: Expr
    rule: str


Builder = Callable[[re.Match[str], str], "Expr | tuple[int, int, Expr] | None"]


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    build: Builder
    # The same pattern without IGNORECASE, for the lower-cased text (see ``_case_free``), or None.
    lowered: re.Pattern[str] | None = None


# Escapes (\s, \S, \d ...) and group syntax ("(?P<name>") hold capitals that are not letters to match.
_NOT_LETTERS = re.compile(r"\\.|\(\?P[<=]")


def _case_free(pattern: str, flags: int) -> re.Pattern[str] | None:
    """``pattern`` compiled to run case-sensitively on lower-cased text, when that finds exactly what
    it finds case-insensitively on the text itself: it ignores case throughout and spells every letter
    in lower case. Case-insensitive matching folds each character as it compares, which makes a scan
    over the whole text about a third slower; lower-casing the text once costs next to nothing."""
    if not flags & re.IGNORECASE or "(?-i" in pattern or "(?i" in pattern:
        return None
    if any(c.isupper() for c in _NOT_LETTERS.sub("", pattern)):
        return None
    return re.compile(pattern, (flags & ~re.IGNORECASE) | re.UNICODE)


def _rule(name: str, pattern: str, build: Builder, flags: int = re.IGNORECASE) -> _Rule:
    return _Rule(name, re.compile(pattern, flags | re.UNICODE), build, _case_free(pattern, flags))


# Letters that match a Latin letter case-insensitively yet do not lower-case to it (the dotless "ı"
# matches "i", the long "ſ" matches "s"): a text with one is scanned as written.
_ODD_CASES = "ıſṡẛﬅﬆ"


def _matches(rule: _Rule, text: str, low: str | None) -> list[re.Match[str]]:
    """The matches of ``rule`` in ``text``: found on ``low`` (``text`` lower-cased, same length) when
    the rule allows it, then read again on ``text`` at the same place, so that builders see the words
    as written (some look at capitals)."""
    if rule.lowered is None or low is None:
        return list(rule.regex.finditer(text))
    out = []
    for found in rule.lowered.finditer(low):
        m = rule.regex.match(text, found.start())
        if m is None or m.end() != found.end():
            # Only a character that case-folds unlike its lower case could do this (the long s "ſ"
            # matches "s" case-insensitively, but lower-cases to itself): scan the text as written.
            return list(rule.regex.finditer(text))
        out.append(m)
    return out


def _year(text: str | None, *, pivot: int = 30) -> int | None:
    """A year written with 4 digits, or 2 ("98", "'93"): 00-30 are 20xx, the rest 19xx."""
    if not text:
        return None
    t = text.strip("'’ ")
    y = int(t)
    if len(t) == 2:
        y += 2000 if y <= pivot else 1900
    return y


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 3) : i].rstrip(' \t«"“(')
    return not before or before[-1] in ".!?\n:"


# ----------------------------------------------------------------------------------------- shared builders


def _cue(lex: Any, word: str | None) -> int:
    if not word:
        return 0
    w = word.lower()
    if w in lex.PAST_CUES:
        return -1
    if w in lex.FUTURE_CUES:
        return 1
    return 0


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if w.startswith(("début", "early", "the beginning", "earlier")):
        return "START"
    if w.startswith(("fin", "late", "the end")):
        return "END"
    if w.startswith(("mi", "milieu", "the middle")):
        return "MID"
    if w.startswith(("plus", "more", "over", "au moins", "at least")):
        return "MORE_THAN"
    if w.startswith(("moins", "less", "up to")):
        return "LESS_THAN"
    return "APPROX"


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _num(m: re.Match[str], lang: str, name: str = "num") -> float | None:
    s = _g(m, name)
    return parse_number(s, lang) if s else None


# ------------------------------------------------------------------------------------------------ rules


def _rules(lang: str) -> list[_Rule]:
    return _rules_fr() if lang == "fr" else _rules_en()


def _b_digits(m: re.Match[str], text: str) -> Expr | None:
    """A date in digits with named groups ``d``, ``m``, ``y`` (their order is the rule's business)."""
    d, mo, y = int(m["d"]), int(m["m"]), _year(m["y"])
    if not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    return Expr("cal", year=y, month=mo, day=d)


def _every(k: int, unit: str) -> Expr:
    """The SET "every ``k`` ``unit``": ``P1W``, ``PT1H``."""
    if unit in ("H", "MIN", "S"):
        return Expr("set", set_value=f"PT{k}{'M' if unit == 'MIN' else unit}")
    return Expr("set", set_value=f"P{k}{unit}")


def _b_year(m: re.Match[str], text: str) -> Expr | None:
    return Expr("cal", year=int(m["year"]), mod=_mod(_g(m, "mod")))


def _b_decade(m: re.Match[str], text: str) -> Expr | None:
    """ "les années 1990", "the '90s": the decade's three-digit prefix (two digits are the 1900s)."""
    d = m["dec"].strip("'’")
    n = int(d) // 10 if len(d) == 4 else 190 + int(d) // 10
    return Expr("decade", number=n, mod=_mod(_g(m, "mod")))


# Time zones after a clock time belong to the expression ("5 p.m. EST", "14 h GMT", "20 h 30 (heure
# de Paris)", "12 h 30 locales"). The value keeps the clock time alone, as TimeBank writes it.
_EN_TZ = r"(?:\s+(?:(?-i:[ECMP][SD]T|GMT|UTC|CES?T)|local\s+time))?(?!\w)"
_FR_TZ = (
    r"(?:,?\s+\(?(?:(?-i:GMT|UTC|TU|HEC)|heure\s+(?:de\s+Paris|française|locale|de\s+France)|locales?"
    r"|en\s+France)\)?)?(?!\w)"
)


# Ordinals that pick a weekday in a month or season ("le dernier dimanche de mars"); -1 is the last.
_FR_NTH = {"premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4, "dernier": -1}
_EN_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


@lru_cache(maxsize=1)
def _rules_fr() -> list[_Rule]:
    lx = lexicon("fr")
    mon = alternation(lx.MONTHS)
    wd = alternation(lx.WEEKDAYS)
    numw = alternation(lx.NUMBERS)
    num = rf"(?:\d+(?:[.,]\d+)?|{numw}(?:(?:-|\s+)(?:et(?:-|\s+))?{numw})*)"
    unit = alternation(lx.UNITS)
    cue = alternation(lx.PAST_CUES + lx.FUTURE_CUES)
    part = alternation([*lx.PARTS_OF_DAY, "midi"])
    yr = r"(?P<year>(?:1[5-9]|20)\d\d(?!\d)|['’]\d\d(?!\d)|\d\d(?=\s*[,.;:)»]|\s*$))"
    dayn = r"(?P<day>1er|1re|premier|[12]\d|3[01]|0?[1-9])"
    ordw = alternation(lx.ORDINALS)
    season = alternation(lx.SEASONS)
    L = "fr"

    def part_of(m: re.Match[str]) -> str | None:
        p = _g(m, "part")
        if not p:
            return None
        if p.lower() == "midi":
            return None
        return str(lookup(lx.PARTS_OF_DAY, p))

    def b_dmy(m: re.Match[str], text: str) -> Expr | None:
        d = m["day"].lower()
        day = 1 if d in ("1er", "1re", "premier") else int(d)
        month = int(lookup(lx.MONTHS, m["month"]))
        w = _g(m, "wd")
        return Expr(
            "cal",
            year=_year(_g(m, "year")),
            month=month,
            day=day,
            weekday=int(lookup(lx.WEEKDAYS, w)) if w else None,
            cue=_cue(lx, _g(m, "cue")),
        )

    def b_my(m: re.Match[str], text: str) -> Expr | None:
        word = m["month"]
        bare = not (_g(m, "year") or _g(m, "cue") or _g(m, "mod") or _g(m, "moisde"))
        if bare and (word.endswith(".") or (word[0].isupper() and not _sentence_start(text, m.start()))):
            return None
        return Expr(
            "cal",
            year=_year(_g(m, "year")),
            month=int(lookup(lx.MONTHS, word)),
            cue=_cue(lx, _g(m, "cue")),
            mod=_mod(_g(m, "mod")),
        )

    def b_wd(m: re.Match[str], text: str) -> Expr | None:
        if re.match(r"\s+Saint", text[m.end() : m.end() + 7]):
            return None  # "le Vendredi saint" is a feast, and its date needs Easter
        w = int(lookup(lx.WEEKDAYS, m["wd"]))
        if "même" in m.group(0).lower():
            # "ce même lundi": the Monday the narration just named.
            return Expr("narr", offset=0, weekday=w, part=part_of(m))
        if m.group(0)[:3].lower() == "le " and not (_g(m, "cue") or _g(m, "part")):
            # "le mercredi" alone is habitual in French ("ouvert le mercredi"): every Wednesday.
            return Expr("set", set_value=f"XXXX-WXX-{w + 1}")
        return Expr(
            "weekday",
            weekday=int(lookup(lx.WEEKDAYS, m["wd"])),
            cue=_cue(lx, _g(m, "cue")),
            part=part_of(m),
            hour=12 if (_g(m, "part") or "").lower() == "midi" else None,
        )

    def b_relday(m: re.Match[str], text: str) -> Expr | None:
        if m["rel"].lower().startswith("aujourd") and not (_g(m, "part") or _g(m, "wd")):
            after = text[m.end() : m.end() + 2]
            # A fronted or parenthetical "aujourd'hui," is "nowadays", not the day of writing.
            if after.startswith(",") or (_sentence_start(text, m.start()) and "," in after):
                return Expr("ref", ref="PRESENT_REF", ref_type=lx.REF_TYPE)
        return Expr(
            "relday",
            offset=int(lookup(lx.REL_DAYS, m["rel"])),
            part=part_of(m),
            hour=12 if (_g(m, "part") or "").lower() == "midi" else None,
        )

    def b_thispart(m: re.Match[str], text: str) -> Expr | None:
        return Expr("relday", offset=0, part=part_of(m))

    def b_relunit(m: re.Match[str], text: str) -> Expr | None:
        u = str(lookup(lx.UNITS, m["unit"]) or lookup(lx.SEASONS, m["unit"]))
        c = _cue(lx, _g(m, "cue"))
        if u == "WE":
            return Expr("weekday", weekday=5, unit="WE", cue=c)
        if u in ("SP", "SU", "FA", "WI"):
            return Expr("season", season=u, cue=c)
        return Expr("relunit", unit=u, offset=c)

    def b_ago(m: re.Match[str], text: str) -> Expr | None:
        n = _num(m, L)
        u = str(lookup(lx.UNITS, m["unit"]))
        if n is None or not float(n).is_integer():
            return Expr("ref", ref="PAST_REF")
        return Expr("shift", unit=u, offset=-int(n))

    def b_in(m: re.Match[str], text: str) -> Expr | None:
        n = _num(m, L)
        u = str(lookup(lx.UNITS, m["unit"]))
        if n is None or not float(n).is_integer():
            return None
        return Expr("shift", unit=u, offset=int(n))

    def b_dur(m: re.Match[str], text: str) -> Expr | None:
        u = str(lookup(lx.UNITS, m["unit"]))
        raw = _g(m, "num") or _g(m, "num2")
        if raw and raw.lower() in ("une", "un") and u in ("S",):
            return None  # "une seconde fois"
        n = parse_number(raw, L) if raw else None
        if raw and n is None:
            return None
        if u == "Y" and raw and raw.isdigit() and _is_age(text, m.start("num"), m.end()):
            return None
        return Expr("duration", amount=n, unit=u, mod=_mod(_g(m, "mod")))

    def b_durword(m: re.Match[str], text: str) -> Expr | None:
        v = str(lookup(lx.DURATION_WORDS, m["w"]))
        return Expr("duration", amount=float(v[1:-1]), unit=v[-1])

    def b_par(m: re.Match[str], text: str) -> Expr | None:
        u = str(lookup(lx.UNITS, m["what"]))
        if u == "HY":
            return Expr("set", set_value="P6M")
        if u == "Q":
            return Expr("set", set_value="P3M")
        return Expr("set", set_value=f"P1{u}")

    def b_range(m: re.Match[str], text: str) -> tuple[int, int, Expr] | None:
        day = 1 if m["d1"].lower() in ("1er", "1re") else int(m["d1"])
        month = int(lookup(lx.MONTHS, m["month"]))
        return m.start(), m.end("d1"), Expr("cal", year=_year(_g(m, "year")), month=month, day=day)

    def b_daypart(m: re.Match[str], text: str) -> Expr | None:
        return Expr("narr", offset=0, part=part_of(m))

    def b_clock(m: re.Match[str], text: str) -> Expr | None:
        h = int(m["h"])
        mi = int(m["m"]) if _g(m, "m") else 0
        if h > 24:
            return None
        return Expr("clock", hour=h, minute=mi, mod="APPROX" if _g(m, "vers") else None)

    def b_noon(m: re.Match[str], text: str) -> Expr | None:
        return Expr("clock", hour=12 if m["w"].lower() == "midi" else 24, minute=0)

    def b_set(m: re.Match[str], text: str) -> Expr | None:
        what = m["what"].lower()
        n = _num(m, L)
        k = int(n) if n and float(n).is_integer() else 1
        w = lookup(lx.WEEKDAYS, what.rstrip("s"))
        if w is not None:
            return Expr("set", set_value=f"XXXX-WXX-{int(w) + 1}")
        if what.startswith("matin"):
            return Expr("set", set_value="TMO")
        if what.startswith("soir"):
            return Expr("set", set_value="TEV")
        return _every(k, str(lookup(lx.UNITS, what)))

    def b_freq(m: re.Match[str], text: str) -> Expr | None:
        return Expr("set", set_value=str(lookup(lx.FREQUENCY, m["f"])))

    def b_century(m: re.Match[str], text: str) -> Expr | None:
        r = _roman(m["roman"])
        return Expr("century", number=r - 1) if r and 1 <= r <= 21 else None

    def b_season(m: re.Match[str], text: str) -> Expr | None:
        s = str(lookup(lx.SEASONS, m["season"]))
        det, year, c = _g(m, "det"), _g(m, "year"), _g(m, "cue")
        before = text[max(0, m.start() - 6) : m.start()].lower()
        # "été" is most often the participle of "être": only after "d'", "en" or a capital.
        if (
            s == "SU"
            and not (det or year or c)
            and not (before.endswith(("d'", "d’", "en ")) or m["season"][0].isupper())
        ):
            return None
        if before.endswith(("d'", "d’")) and not re.search(
            r"(?:mois|saison|période|vacances|heure|horaire|jour|soir|nuit|matin)s?\s+d['’]$",
            text[max(0, m.start() - 14) : m.start()].lower(),
        ):
            return None  # "les Jeux d'hiver", "une station d'été": a kind, not a time
        if re.match(r"\s+(?:de|du|des)\s", text[m.end() : m.end() + 5]) and not (year or c):
            return None  # "le Printemps de l'environnement": a name, not the season
        # Without a determiner or a year ("en été", "été comme hiver") the season is generic.
        generic = not (det or year or c) and not before.endswith(("à l'", "à l’"))
        return Expr("season", season=s, year=_year(year), cue=_cue(lx, c), generic=generic)

    def b_quarter(m: re.Match[str], text: str) -> Expr | None:
        o = lookup(lx.ORDINALS, m["ord"])
        u = "Q" if m["unit"].lower().startswith("tri") else "HY"
        if o is None or (u == "HY" and int(o) > 2):
            return None
        return Expr("quarter", number=int(o), unit=u, year=_year(_g(m, "year")))

    def b_ref(m: re.Match[str], text: str) -> Expr | None:
        return Expr("ref", ref=str(lookup(lx.REFS, m["ref"])), ref_type=lx.REF_TYPE)

    def b_narr(m: re.Match[str], text: str) -> Expr | None:
        return Expr("narr", offset=int(lookup(lx.NARRATIVE_DAYS, m["narr"])), part=part_of(m))

    def b_holiday(m: re.Match[str], text: str) -> Expr | None:
        return _holiday(m, text, lx, _cue(lx, _g(m, "cue")))

    def b_nth_wd(m: re.Match[str], text: str) -> Expr | None:
        return _nth_weekday(m, lx, _FR_NTH, _year(_g(m, "year")), 0)

    plural_wd = "(?:" + "|".join(w + "s" for w in lx.WEEKDAYS) + ")"
    return [
        _rule(
            "nth_weekday",
            rf"{_B}(?:le\s+)?(?P<ord>{alternation(_FR_NTH)})\s+(?P<wd>{wd})\s+(?:du\s+mois\s+|de\s+l['’]\s*|de\s+|d['’]\s*|du\s+)"
            rf"(?:mois\s+d(?:e\s+|['’]\s*))?(?P<what>{mon}|{season})(?:\s+{yr})?{_E}",
            b_nth_wd,
        ),
        _rule(
            "holiday",
            rf"{_B}(?:(?:la|le|l['’]|cette|ce)\s*)?(?:(?:fête|jour)\s+de\s+(?:la\s+|l['’])?)?"
            rf"(?P<hol>{alternation(lx.HOLIDAYS)})(?:\s+(?P<year>(?:1[6-9]|20)\d\d))?(?:\s+(?P<cue>{cue}))?{_E}",
            b_holiday,
        ),
        _rule(
            "dmy",
            rf"{_B}(?:le\s+)?(?:(?P<wd>{wd})\s+)?{dayn}\s+(?P<month>{mon})(?:\s+{yr})?(?:\s+(?P<cue>{cue}))?{_E}",
            b_dmy,
        ),
        _rule("num", r"(?<![\w/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d{4}|\d{2})(?![\w/]|\.\d)", _b_digits),
        _rule("iso", r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])", _b_digits),
        _rule(
            "my",
            rf"{_B}(?:(?P<mod>début|fin|mi|courant|milieu)[-\s]+)?(?P<moisde>(?:le\s+)?mois\s+d(?:e\s+|['’]))?"
            rf"(?P<month>{mon})(?:\s+(?:de\s+(?:l['’]année\s+)?)?{yr})?(?:\s+(?P<cue>{cue}))?{_E}",
            b_my,
        ),
        _rule(
            "year",
            r"(?<![\w,.])(?:(?:l['’]année|l['’]an|(?P<mod>fin|début|mi|courant))[-\s]+)?(?P<year>(?:1[6-9]|20)\d\d)"
            r"(?![\w]|[.,]\d)(?!\s*(?:€|%|euros?|francs?|dollars?|habitants|personnes|mètres|m\b|km|tonnes"
            r"|hectares|voix|salariés|emplois|exemplaires|spectateurs|élèves|étudiants|morts|victimes))",
            _b_year,
        ),
        _rule(
            "weekday",
            rf"{_B}(?:(?:ce|le)(?:\s+même)?\s+)?(?P<wd>{wd})(?:\s+(?P<cue>{cue}))?(?:\s+(?P<part>{part}))?{_E}",
            b_wd,
        ),
        _rule(
            "relday",
            rf"{_B}(?P<rel>{alternation(lx.REL_DAYS)})(?:\s+(?:en\s+)?(?:(?:début|fin)\s+(?:de\s+|d['’]))?"
            rf"(?P<part>{part}))?(?:\s+(?P<wd>{wd}))?{_E}",
            b_relday,
        ),
        _rule("thispart", rf"{_B}(?:ce|cet|cette)\s+(?P<part>{part}){_E}", b_thispart),
        _rule(
            "relunit_this",
            rf"{_B}(?:ce|cet|cette)(?:\s+même)?\s+(?P<unit>semaine|mois|année|an|week-end|weekend|trimestre"
            rf"|semestre|{season}){_E}",
            b_relunit,
        ),
        _rule(
            "relunit_cue",
            rf"{_B}(?:la\s+|le\s+|l['’]\s*)(?P<unit>semaine|mois|année|an|week-end|weekend|trimestre|semestre"
            rf"|{season})\s+(?P<cue>{cue}){_E}",
            b_relunit,
        ),
        _rule(
            "ago",
            rf"{_B}(?:il\s+y\s+a|voici|voilà)\s+(?:(?:plus\s+de|près\s+de|environ|moins\s+de)\s+)?"
            rf"(?:(?P<vague>quelques|plusieurs)|(?P<num>{num}))\s+(?P<unit>{unit}){_E}",
            b_ago,
        ),
        _rule("in", rf"{_B}dans\s+(?P<num>{num})\s+(?P<unit>{unit}){_E}", b_in),
        _rule(
            "duration",
            rf"{_B}(?:(?P<mod>plus\s+de|moins\s+de|près\s+de|environ|presque|au\s+moins|quelque)\s+)?"
            rf"(?:(?P<vague>quelques|plusieurs)|(?P<num>{num}))\s+(?P<unit>{unit}){_E}",
            b_dur,
        ),
        _rule(
            "duration_last",
            rf"{_B}(?:les|ces)\s+(?:(?P<num>{num})\s+)?(?:derniers|dernières|prochains|prochaines)\s+"
            rf"(?:(?P<num2>{num})\s+)?(?P<unit>{unit}){_E}",
            b_dur,
        ),
        _rule("duration_des", rf"{_B}des\s+(?P<unit>années|mois|semaines|décennies|siècles){_E}", b_dur),
        _rule(
            "clock",
            r"(?<![\w,.])(?:(?P<vers>vers)\s+)?(?P<h>[01]?\d|2[0-4])\s?h\s?(?P<m>[0-5]\d)?(?![\w])" + _FR_TZ,
            b_clock,
        ),
        _rule(
            "clock_heures",
            r"(?:(?P<vers>vers)\s+|(?<=à\s)|(?<=dès\s))(?P<h>[01]?\d|2[0-4])\s+heures?(?:\s+(?P<m>[0-5]\d))?(?!\w)"
            + _FR_TZ,
            b_clock,
        ),
        _rule("noon", r"(?<=à\s)(?P<w>midi|minuit)(?!\w)", b_noon),
        _rule(
            "set",
            rf"{_B}(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<num>{num})\s+)?"
            rf"(?P<what>{unit}|{plural_wd}|{wd}|matins?|soirs?){_E}",
            b_set,
        ),
        _rule("freq", rf"{_B}(?P<f>{alternation(lx.FREQUENCY)}){_E}", b_freq),
        _rule("durword", rf"{_B}(?P<w>{alternation(lx.DURATION_WORDS)}){_E}", b_durword),
        _rule("par", rf"(?<=\bpar\s)(?P<what>jour|semaine|mois|an|année|semestre|trimestre){_E}", b_par),
        _rule(
            "range",
            rf"{_B}(?:(?<=du\s)|(?<=entre\sle\s)|les\s+)(?P<d1>1er|1re|[12]\d|3[01]|0?[1-9])\s+(?:au|et|à)\s+"
            rf"(?:le\s+)?(?:1er|[12]\d|3[01]|0?[1-9])\s+(?P<month>{mon})(?:\s+{yr})?{_E}",
            b_range,
        ),
        _rule(
            "daypart",
            rf"{_B}(?:(?:en|dans\s+la|dans\s+l['’]|la|le|l['’])\s*)(?:(?:fin|début)\s+(?:de\s+|d['’]))?"
            rf"(?P<part>soirée|nuit|matinée|après-midi|matin)(?:\s+même)?{_E}",
            b_daypart,
        ),
        _rule(
            "decade",
            rf"{_B}(?:(?P<mod>début|fin|milieu)\s+)?(?:(?:les|des|aux)\s+)?années\s+(?P<dec>(?:19|20)?\d0){_E}",
            _b_decade,
        ),
        _rule(
            "century",
            r"(?<!\w)(?:(?i:le)\s+)?(?P<roman>[XVI]{1,5})(?:e|ème|è|eme|ᵉ)\s+(?i:siècle)(?!\w)",
            b_century,
            flags=0,
        ),
        _rule(
            "season",
            rf"{_B}(?:(?P<det>l['’]|le|cet|ce|cette)\s*)?(?P<season>{season})(?:\s+(?P<year>(?:1[6-9]|20)\d\d))?"
            rf"(?:\s+(?P<cue>{cue}))?{_E}",
            b_season,
        ),
        _rule(
            "quarter",
            rf"{_B}(?:le\s+)?(?P<ord>{ordw})\s+(?P<unit>trimestre|semestre)(?:\s+(?:de\s+|d['’]\s*)?"
            rf"(?P<year>(?:1[6-9]|20)\d\d))?{_E}",
            b_quarter,
        ),
        _rule("ref", rf"{_B}(?P<ref>{alternation(lx.REFS)}){_E}", b_ref),
        _rule(
            "narr",
            rf"{_B}(?P<narr>{alternation(lx.NARRATIVE_DAYS)})(?:\s+(?P<part>{part}))?{_E}",
            b_narr,
        ),
    ]


@lru_cache(maxsize=1)
def _rules_en() -> list[_Rule]:
    lx = lexicon("en")
    # Month and weekday names are matched capitalised only: "may" and "march" are also common words.
    mon = "(?-i:" + alternation([w.capitalize() for w in lx.MONTHS] + [w.upper() for w in lx.MONTHS]) + ")"
    wd = "(?-i:" + alternation([w.capitalize() for w in lx.WEEKDAYS] + [w.upper() for w in lx.WEEKDAYS]) + ")"
    numw = alternation(lx.NUMBERS)
    num = rf"(?:\d+(?:[.,]\d+)?|{numw}(?:(?:-|\s+)(?:and\s+)?{numw})*)"
    unit = alternation(k for k in lx.UNITS if k not in ("half",))
    part = alternation(lx.PARTS_OF_DAY)
    yr4 = r"(?P<year>(?:1[6-9]|20)\d\d)(?!\d)"
    season = alternation(lx.SEASONS)
    ordw = alternation(lx.ORDINALS)
    L = "en"

    def part_of(m: re.Match[str]) -> str | None:
        p = _g(m, "part")
        return str(lookup(lx.PARTS_OF_DAY, p)) if p else None

    def ecue(word: str | None) -> int:
        if not word:
            return 0
        w = re.sub(r"^the\s+", "", word.lower())
        if w in ("this", "current", "same"):
            return 0
        return _cue(lx, w)

    def b_date(m: re.Match[str], text: str) -> Expr | None:
        w = _g(m, "wd")
        return Expr(
            "cal",
            year=_year(_g(m, "year")),
            month=int(lookup(lx.MONTHS, m["month"])),
            day=int(m["day"]),
            weekday=int(lookup(lx.WEEKDAYS, w)) if w else None,
        )

    def b_my(m: re.Match[str], text: str) -> Expr | None:
        word = m["month"]
        bare = not (_g(m, "year") or _g(m, "cue") or _g(m, "mod"))
        if bare and word.lower() in ("may", "march") and _sentence_start(text, m.start()):
            return None
        if bare and (word.endswith(".") or len(word) <= 3) and word.lower() != "may":
            return None  # "Jan" alone is more often a first name than a month
        c = ecue(_g(m, "cue"))
        if (_g(m, "cue") or "").lower() == "this" and not _g(m, "year"):
            # "this September": September of the year being written in, whichever side of today.
            return Expr("cal", month=int(lookup(lx.MONTHS, word)), unit="Y", offset=0, mod=_mod(_g(m, "mod")))
        return Expr(
            "cal",
            year=_year(_g(m, "year")),
            month=int(lookup(lx.MONTHS, word)),
            cue=c,
            mod=_mod(_g(m, "mod")),
        )

    def b_wd(m: re.Match[str], text: str) -> tuple[int, int, Expr] | Expr | None:
        if text[max(0, m.start() - 5) : m.start()] == "Good ":
            return None  # "Good Friday" is a holiday, or the name of an agreement, never "Friday"
        c = _g(m, "cue")
        e = Expr(
            "weekday",
            weekday=int(lookup(lx.WEEKDAYS, m["wd"])),
            cue=ecue(c) if c and c.lower() != "on" else 0,
            part=part_of(m),
        )
        if c and c.lower() == "on":
            return m.start("wd"), m.end(), e
        return e

    def b_relday(m: re.Match[str], text: str) -> Expr | None:
        return Expr("relday", offset=int(lookup(lx.REL_DAYS, m["rel"])), part=part_of(m))

    def b_thispart(m: re.Match[str], text: str) -> Expr | None:
        w = m["w"].lower()
        if w == "tonight":
            return Expr("relday", offset=0, part="NI")
        return Expr("relday", offset=-1 if w.startswith("last") else 0, part=part_of(m))

    def b_relunit(m: re.Match[str], text: str) -> Expr | None:
        u = str(lookup(lx.UNITS, m["unit"]) or lookup(lx.SEASONS, m["unit"]))
        c = ecue(_g(m, "cue"))
        if u == "WE":
            return Expr("weekday", weekday=5, unit="WE", cue=c)
        if u in ("SP", "SU", "FA", "WI"):
            return Expr("season", season=u, cue=c)
        return Expr("relunit", unit=u, offset=c, mod=_mod(_g(m, "mod")))

    def b_shift(m: re.Match[str], text: str) -> Expr | None:
        n = _num(m, L)
        u = str(lookup(lx.UNITS, m["unit"]))
        if n is None or not float(n).is_integer():
            return None
        sign = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
        return Expr("shift", unit=u, offset=sign * int(n))

    def b_dur(m: re.Match[str], text: str) -> Expr | tuple[int, int, Expr] | None:
        u = str(lookup(lx.UNITS, m["unit"]))
        raw = _g(m, "num")
        if raw and raw.lower() in ("a", "an") and u in ("S",):
            return None
        n = parse_number(raw, L) if raw else None
        if raw and n is None:
            return None
        if raw is None and _g(m, "vague") is None:
            n = 1.0  # "the past year"
        if raw and raw.lower() in ("a", "an") and not _g(m, "cue"):
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if re.search(r"(\d|\$|million|billion|cents?|percent|%)\s*$", before):
                return None  # "$5 a year": a rate, not a time
        if re.match(r"[-\s]old\b", text[m.end() - 4 : m.end()]) or re.match(
            r"[-\s]+old\b", text[m.end() : m.end() + 5]
        ):
            return None  # "a 44-year-old protester": an age
        e = Expr("duration", amount=n, unit=u, mod=_mod(_g(m, "mod")))
        if raw and re.match(r"an?\s+\S", raw, re.I) and m.start() == m.start("num"):
            return m.start("num") + len(raw.split()[0]) + 1, m.end(), e  # "a two-year term": "two-year"
        return e

    def b_clock(m: re.Match[str], text: str) -> Expr | None:
        h = int(m["h"])
        mi = int(m["m"]) if _g(m, "m") else 0
        ap = (_g(m, "ampm") or "").lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        if h > 24:
            return None
        return Expr("clock", hour=h, minute=mi)

    def b_noon(m: re.Match[str], text: str) -> Expr | None:
        return Expr("clock", hour=12 if m["w"].lower() == "noon" else 24, minute=0)

    def b_set(m: re.Match[str], text: str) -> Expr | None:
        what = m["what"].lower()
        n = _num(m, L)
        k = int(n) if n and float(n).is_integer() else 1
        w = lookup(lx.WEEKDAYS, what)
        if w is not None:
            return Expr("set", set_value=f"XXXX-WXX-{int(w) + 1}")
        if what in ("morning", "evening", "night"):
            return Expr("set", set_value="T" + str(lookup(lx.PARTS_OF_DAY, what)))
        return _every(k, str(lookup(lx.UNITS, what)))

    def b_freq(m: re.Match[str], text: str) -> Expr | None:
        return Expr("set", set_value=str(lookup(lx.FREQUENCY, m["f"])))

    def b_century(m: re.Match[str], text: str) -> Expr | None:
        n = int(m["ord"])
        return Expr("century", number=n - 1) if 1 <= n <= 21 else None

    def b_season(m: re.Match[str], text: str) -> Expr | None:
        s = str(lookup(lx.SEASONS, m["season"]))
        c, year = _g(m, "cue"), _g(m, "year")
        if m["season"].lower() in ("fall", "spring") and not (c or year):
            return None
        return Expr("season", season=s, year=_year(year), cue=ecue(c))

    def b_quarter(m: re.Match[str], text: str) -> Expr | None:
        o = lookup(lx.ORDINALS, m["ord"])
        u = "Q" if m["unit"].lower() == "quarter" else "HY"
        if o is None or (u == "HY" and int(o) > 2):
            return None
        yw = (_g(m, "yw") or "").lower()
        c = -1 if "last" in yw else 1 if "next" in yw else 0
        return Expr("quarter", number=int(o), unit=u, year=_year(_g(m, "year")), cue=c)

    def b_latestq(m: re.Match[str], text: str) -> Expr | None:
        return Expr("relunit", unit="Q", offset=-1)

    def b_theq(m: re.Match[str], text: str) -> Expr | None:
        return Expr("relunit", unit="Q", follow_tense=True)

    def b_yearago_q(m: re.Match[str], text: str) -> Expr | None:
        # "the year-earlier quarter": the latest quarter, a year before.
        return Expr("relunit", unit="Q", offset=-5)

    def b_month_rel(m: re.Match[str], text: str) -> Expr | None:
        off = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        return Expr("cal", month=int(lookup(lx.MONTHS, m["month"])), unit="Y", offset=off)

    def b_clock_day(m: re.Match[str], text: str) -> Expr | None:
        c = b_clock(m, text) if _g(m, "h") else b_noon(m, text)
        if c is None:
            return None
        day = m["day"].lower()
        if day in ("today", "yesterday", "tomorrow"):
            return Expr("relday", offset=int(lookup(lx.REL_DAYS, day)), hour=c.hour, minute=c.minute)
        return Expr("weekday", weekday=int(lookup(lx.WEEKDAYS, day)), hour=c.hour, minute=c.minute)

    def b_ref(m: re.Match[str], text: str) -> Expr | None:
        return Expr("ref", ref=str(lookup(lx.REFS, m["ref"])), ref_type=lx.REF_TYPE)

    def b_narr(m: re.Match[str], text: str) -> Expr | None:
        return Expr("narr", offset=int(lookup(lx.NARRATIVE_DAYS, m["narr"])))

    def b_holiday(m: re.Match[str], text: str) -> Expr | None:
        return _holiday(m, text, lx, ecue(_g(m, "cue")))

    def b_nth_wd(m: re.Match[str], text: str) -> Expr | None:
        return _nth_weekday(m, lx, _EN_NTH, _year(_g(m, "year")), 0)

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
    return [
        _rule(
            "nth_weekday",
            rf"{_B}(?:the\s+)?(?P<ord>{alternation(_EN_NTH)})\s+(?P<wd>{wd})\s+(?:of|in)\s+(?:the\s+)?"
            rf"(?P<what>{mon}|(?i:{season}))(?:,?\s+{yr4})?{_E}",
            b_nth_wd,
        ),
        _rule(
            "spelled_year",
            rf"{_B}(?:(?:the\s+year\s+)?(?P<hi>seventeen|eighteen|nineteen)[-\s]+(?P<lo>{spelled_lo})"
            rf"|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<lo2>{tens}(?:[-\s]{units})?|{teens}|{units}))?)"
            rf"(?![-\s]+(?:{units}|{tens}|hundred|thousand|years?|days?|percent|people|dollars)\b){_E}",
            b_spelled_year,
        ),
        _rule(
            "holiday",
            rf"{_B}(?:(?P<cue>last|next|this)\s+)?(?P<hol>{alternation(lx.HOLIDAYS)})(?:,?\s+{yr4})?{_E}",
            b_holiday,
        ),
        _rule(
            "mdy",
            rf"{_B}(?:(?P<wd>{wd}),?\s+)?(?P<month>{mon})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
            rf"(?:,?\s+{yr4})?{_E}",
            b_date,
        ),
        _rule(
            "dmy",
            rf"{_B}(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{mon})"
            rf"(?:,?\s+{yr4})?{_E}",
            b_date,
        ),
        _rule("num", r"(?<![\w/.])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)", _b_digits),
        _rule("iso", r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])", _b_digits),
        _rule(
            "my",
            rf"{_B}(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|earlier\s+this"
            rf"|later\s+this)[-\s]+)?(?:(?P<cue>last|next|this|past|coming)\s+)?(?P<month>{mon})"
            rf"(?:,?\s+(?:of\s+)?{yr4})?{_E}",
            b_my,
        ),
        _rule(
            "year",
            r"(?<![\w,.$])(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[-\s]+|(?:fiscal|calendar)\s+)?"
            r"(?P<year>(?:1[6-9]|20)\d\d)(?![\w%]|[.,]\d|-\d)(?!\s*(?:%|percent|people|dollars|shares|tons|feet"
            r"|miles|units|employees|workers|members|troops|cars))",
            _b_year,
        ),
        _rule(
            "weekday",
            rf"{_B}(?:(?P<cue>last|next|this|past|coming|on)\s+)?(?P<wd>{wd})(?:\s+(?P<part>{part}))?{_E}",
            b_wd,
        ),
        _rule(
            "relday",
            rf"{_B}(?P<rel>today|yesterday|tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?{_E}",
            b_relday,
        ),
        _rule(
            "thispart",
            rf"{_B}(?P<w>tonight|(?:this|last)\s+(?P<part>morning|afternoon|evening|night)){_E}",
            b_thispart,
        ),
        _rule(
            "relunit",
            rf"{_B}(?:(?P<mod>earlier|later|early|late)\s+)?(?P<cue>this|last|next|the\s+previous|the\s+following"
            rf"|the\s+current|the\s+coming|the\s+same)\s+(?P<unit>week|month|year|quarter|weekend|decade"
            rf"|century|{season}){_E}",
            b_relunit,
        ),
        _rule("weekend", rf"{_B}the\s+(?P<unit>weekend){_E}", b_relunit),
        _rule("the_quarter", rf"{_B}the\s+(?:fiscal\s+)?quarter{_E}", b_theq),
        _rule(
            "yearago_q",
            rf"{_B}(?:the\s+)?year[-\s](?:earlier|ago)(?:\s+(?:quarter|period))?{_E}",
            b_yearago_q,
        ),
        _rule(
            "month_rel",
            rf"{_B}(?P<month>{mon})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year{_E}",
            b_month_rel,
        ),
        _rule(
            "clock_day",
            rf"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)|(?P<w>noon|midnight))"
            rf"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC))?,?\s+(?:on\s+)?(?P<day>{wd}|today|yesterday|tomorrow){_E}",
            b_clock_day,
        ),
        _rule(
            "duration_vague",
            r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bafter\s)|(?<=\blast\s))"
            r"(?P<vague>)(?P<unit>years|months|weeks|decades|days|centuries)(?!\w)",
            b_dur,
        ),
        _rule(
            "latest_quarter",
            rf"{_B}the\s+(?:latest|most\s+recent|last)\s+(?:quarter|period){_E}",
            b_latestq,
        ),
        _rule(
            "shift",
            rf"{_B}(?:(?:about|almost|nearly|some|more\s+than)\s+)?(?P<num>{num})\s+(?P<unit>{unit})\s+"
            rf"(?P<dir>ago|earlier|before|later|from\s+now|hence){_E}",
            b_shift,
        ),
        _rule(
            "duration",
            rf"{_B}(?:the\s+(?:(?P<cue>past|last|next|first|coming|previous|final|latest|following)\s+)?)?"
            rf"(?:(?P<mod>more\s+than|less\s+than|about|almost|nearly|at\s+least|over|up\s+to|roughly"
            rf"|approximately)\s+)?(?:(?P<vague>several|a\s+few|few|many)|(?P<num>{num}))[-\s]+(?P<unit>{unit})"
            rf"(?:[-\s](?:long|old))?{_E}",
            b_dur,
        ),
        _rule(
            "duration_the",
            rf"{_B}the\s+(?P<cue>past|last|next|coming|previous|first)\s+(?P<unit>year|month|week|decade|day"
            rf"|century){_E}",
            b_dur,
        ),
        _rule(
            "clock",
            r"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)" + _EN_TZ,
            b_clock,
        ),
        _rule("clock24", r"(?<![\w:.$])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:])" + _EN_TZ, b_clock),
        _rule("oclock", r"(?<![\w:.])(?P<h>[01]?\d)\s+o['’]clock(?!\w)", b_clock),
        _rule("noon", rf"{_B}(?P<w>noon|midnight){_E}", b_noon),
        _rule(
            "set",
            rf"{_B}(?:every|each|per)\s+(?:(?P<num>{num})\s+)?(?P<what>{unit}|{wd}|morning|evening|night){_E}",
            b_set,
        ),
        _rule("freq", rf"{_B}(?P<f>{alternation(lx.FREQUENCY)}){_E}", b_freq),
        _rule(
            "decade",
            r"(?<![\w'’])(?:the\s+)?(?:(?P<mod>early|late|mid)[-\s]+)?(?P<dec>(?:1[6-9]|20)\d0|['’]\d0)['’]?s(?!\w)",
            _b_decade,
        ),
        _rule("century", rf"{_B}(?:the\s+)?(?P<ord>\d{{1,2}})(?:st|nd|rd|th)\s+century{_E}", b_century),
        _rule(
            "season",
            rf"{_B}(?:(?P<cue>this|last|next|the|early|late|this\s+past)\s+)?(?P<season>{season})"
            rf"(?:\s+(?:of\s+)?{yr4})?{_E}",
            b_season,
        ),
        _rule(
            "quarter",
            rf"{_B}(?:the\s+)?(?P<ord>{ordw})[-\s](?P<unit>quarter|half)(?:\s+of\s+(?:{yr4}|(?P<yw>(?:this|last"
            rf"|next|the)\s+(?:fiscal\s+)?year)))?{_E}",
            b_quarter,
        ),
        _rule("ref", rf"{_B}(?P<ref>{alternation(lx.REFS)}){_E}", b_ref),
        _rule("narr", rf"{_B}(?P<narr>{alternation(lx.NARRATIVE_DAYS)}){_E}", b_narr),
    ]


def _nth_weekday(m: re.Match[str], lx: Any, ordinals: dict[str, int], year: int | None, cue: int) -> Expr | None:
    """ "le premier dimanche de mars", "the last Monday in May", "le premier dimanche du printemps":
    the day a month or season and an ordinal weekday name, as a holiday rule (see holiday_day)."""
    n = ordinals.get(m["ord"].lower())
    wd = int(lookup(lx.WEEKDAYS, m["wd"]))
    if n is None:
        return None
    month = lookup(lx.MONTHS, m["what"])
    if month is not None:
        return Expr("holiday", holiday=f"{int(month)}-{wd}-{n}", year=year, cue=cue)
    season = lookup(lx.SEASONS, m["what"])
    if season is None or n < 0:
        return None
    sm, sd = SEASON_FIRST_DAY[str(season)]
    return Expr("holiday", holiday=f"{sm}/{sd}-{wd}-{n}", year=year, cue=cue)


def _holiday(m: re.Match[str], text: str, lx: Any, cue: int) -> Expr | None:
    """A holiday ("Noël", "la Pentecôte", "Thanksgiving"), unless it is part of a name: it must be
    capitalised, and not followed by a capitalised word ("Noël Mamère", "Easter Island") nor name an
    island ("l'île de Pâques") or a treaty ("l'accord du Vendredi saint")."""
    name = m["hol"]
    if not any(ch.isupper() for ch in name):
        return None
    if re.match(r"\s+(?:[A-ZÉÈ][a-zé]|Island)", text[m.end() : m.end() + 8]) and not _g(m, "year"):
        return None
    if re.search(r"(?:île|ile|island)\s+(?:de\s+|d['’])?$", text[max(0, m.start() - 10) : m.start()], re.I):
        return None
    # "l'accord du Vendredi saint", "the Good Friday agreement": a treaty named after the day.
    if re.search(r"accords?\s+d[eu]\s+(?:la\s+|l['’])?$", text[max(0, m.start() - 14) : m.start()], re.I):
        return None
    if re.match(r"\s+(?:agreement|accords?|peace)\b", text[m.end() : m.end() + 12], re.I):
        return None
    return Expr("holiday", holiday=str(lookup(lx.HOLIDAYS, name)), year=_year(_g(m, "year")), cue=cue)


_AGE_BEFORE = re.compile(
    r"(?:,|\bâgée?s?\s+de|(?<!plus\s)(?<!moins\s)(?<!près\s)\bde|\bde\s+\d+\s+à|\bles\s+(?:moins|plus)\s+de)\s*$",
    re.I,
)


def _is_age(text: str, start: int, end: int) -> bool:
    """ "Jean Burget, 87 ans," and "une fillette de 6 ans": an age, which TimeML does not annotate."""
    return bool(_AGE_BEFORE.search(text[max(0, start - 20) : start]))


# ---------------------------------------------------------------------------------------------- finding


def find_candidates(text: str, lang: str) -> list[Candidate]:
    """All time expressions in ``text``, non-overlapping, in text order.

    Every rule is run over the whole text; overlapping matches are resolved longest first (then by
    rule order), because the longer reading carries more of what the writer said.
    """
    found: list[tuple[int, int, int, Expr, str]] = []
    lowered = text.lower()
    # "İ" lower-cases into two characters (offsets would drift); see _ODD_CASES for the others.
    low = None if len(lowered) != len(text) or any(ch in text for ch in _ODD_CASES) else lowered
    for i, rule in enumerate(_rules(lang)):
        for m in _matches(rule, text, low):
            if m.end() <= m.start():
                continue
            built = rule.build(m, text)
            if built is None:
                continue
            if isinstance(built, tuple):
                s, e, expr = built
            else:
                s, e, expr = m.start(), m.end(), built
            # Keep spans tight: no surrounding whitespace or trailing comma.
            while s < e and text[s].isspace():
                s += 1
            while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
                e -= 1
            if e > s:
                found.append((s, e, i, expr, rule.name))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out: list[Candidate] = []
    for s, e, _i, expr, name in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(Candidate(s, e, text[s:e], expr, name))
    out.sort(key=lambda c: c.start)
    return out
