"""Dates written with calendar names: day and month, month and year, weekdays, holidays, seasons, quarters.

"le samedi 24 juillet", "March 31, 1987", "juin prochain", "the last Monday in May", "la Pentecôte",
"l'été dernier", "the third quarter of 1986". Names of months and weekdays come from the language's
resource file; a name that is part of another name ("Noël Mamère", "Easter Island", "le Printemps de
Bourges") is left to :mod:`dateline.timex.detect`'s list of names that only look temporal, or refused
here when the refusal needs the words around it.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.timex.lexicon import alternation, lookup
from dateline.timex.normalize import SEASON_FIRST_DAY, Expr
from dateline.timex.patterns import B, Ctx, E, Rule, group, mod_of, rule, sentence_start, year_of

__all__ = ["rules"]

# Ordinals that pick a weekday in a month or season ("le dernier dimanche de mars"); -1 is the last.
_FR_NTH = {"premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4, "dernier": -1}
_EN_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


def rules(c: Ctx) -> dict[str, Rule]:
    """The rules of ``c``'s language for named dates, by name."""
    return _fr(c) if c.lang == "fr" else _en(c)


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
    if re.match(r"\s+(?:[A-ZÉÈ][a-zé]|Island)", text[m.end() : m.end() + 8]) and not group(m, "year"):
        return None
    if re.search(r"(?:île|ile|island)\s+(?:de\s+|d['’])?$", text[max(0, m.start() - 10) : m.start()], re.I):
        return None
    # "l'accord du Vendredi saint", "the Good Friday agreement": a treaty named after the day.
    if re.search(r"accords?\s+d[eu]\s+(?:la\s+|l['’])?$", text[max(0, m.start() - 14) : m.start()], re.I):
        return None
    if re.match(r"\s+(?:agreement|accords?|peace)\b", text[m.end() : m.end() + 12], re.I):
        return None
    return Expr("holiday", holiday=str(lookup(lx.HOLIDAYS, name)), year=year_of(group(m, "year")), cue=cue)


# Parts of the day that can follow a date ("samedi 3 mai au soir", "mardi en soirée").
_PARTS = r"(?:soirée|soir|matinée|matin|après-midi|nuit)"


def _fr(c: Ctx) -> dict[str, Rule]:
    lx = c.lx
    mon, wd, season, cue, yr, dayn = c.mon, c.wd, c.season, c.cues, c.FR_YEAR, c.FR_DAY

    def b_dmy(m: re.Match[str], text: str) -> Expr | None:
        d = m["day"].lower()
        day = 1 if d in ("1er", "1re", "premier") else int(d)
        month = int(lookup(lx.MONTHS, m["month"]))
        w = group(m, "wd")
        return Expr(
            "cal",
            year=year_of(group(m, "year")),
            month=month,
            day=day,
            weekday=int(lookup(lx.WEEKDAYS, w)) if w else None,
            cue=c.cue(group(m, "cue")),
            part=c.part_of(m),
        )

    def b_dmy_hyphen(m: re.Match[str], text: str) -> Expr | None:
        if not m["month"][0].isupper():
            return None  # "3-mars" is a typo or a code more often than a date
        return b_dmy(m, text)

    def b_part_of_date(m: re.Match[str], text: str) -> Expr | None:
        if group(m, "month"):
            return b_dmy(m, text)
        w = int(lookup(lx.WEEKDAYS, m["wd2"]))
        return Expr("weekday", weekday=w, part=c.part_of(m))

    def b_my(m: re.Match[str], text: str) -> Expr | None:
        word = m["month"]
        bare = not (group(m, "year") or group(m, "cue") or group(m, "mod") or group(m, "moisde"))
        if bare and (word.endswith(".") or (word[0].isupper() and not sentence_start(text, m.start()))):
            return None
        return Expr(
            "cal",
            year=year_of(group(m, "year")),
            month=int(lookup(lx.MONTHS, word)),
            cue=c.cue(group(m, "cue")),
            mod=mod_of(group(m, "mod")),
        )

    def b_wd(m: re.Match[str], text: str) -> Expr | None:
        if re.match(r"\s+Saint", text[m.end() : m.end() + 7]):
            return None  # "le Vendredi saint" is a feast, and its date needs Easter
        w = int(lookup(lx.WEEKDAYS, m["wd"]))
        if "même" in m.group(0).lower():
            # "ce même lundi": the Monday the narration just named.
            return Expr("narr", offset=0, weekday=w, part=c.part_of(m))
        if m.group(0)[:3].lower() == "le " and not (group(m, "cue") or group(m, "part")):
            # "le mercredi" alone is habitual in French ("ouvert le mercredi"): every Wednesday.
            return Expr("set", set_value=f"XXXX-WXX-{w + 1}")
        return Expr(
            "weekday",
            weekday=w,
            cue=c.cue(group(m, "cue")),
            part=c.part_of(m),
            hour=12 if (group(m, "part") or "").lower() == "midi" else None,
        )

    def b_range(m: re.Match[str], text: str) -> tuple[int, int, Expr] | None:
        day = 1 if m["d1"].lower() in ("1er", "1re") else int(m["d1"])
        month = int(lookup(lx.MONTHS, m["month"]))
        return m.start(), m.end("d1"), Expr("cal", year=year_of(group(m, "year")), month=month, day=day)

    def b_season(m: re.Match[str], text: str) -> Expr | None:
        s = str(lookup(lx.SEASONS, m["season"]))
        det, year, cu = group(m, "det"), group(m, "year"), group(m, "cue")
        before = text[max(0, m.start() - 6) : m.start()].lower()
        # French writes seasons in lower case: a capitalised one inside a sentence is a name ("le
        # Printemps" the department store, "le Printemps arabe", "les Rencontres d'Été").
        word = m["season"]
        if (word[0].isupper() and not word.isupper()) and (
            not sentence_start(text, m.start()) or re.match(r"\s+[A-ZÀ-Ý]", text[m.end() : m.end() + 3])
        ):
            return None
        # "été" is most often the participle of "être": only after "d'", "en" or a capital.
        if (
            s == "SU"
            and not (det or year or cu)
            and not (before.endswith(("d'", "d’", "en ")) or m["season"][0].isupper())
        ):
            return None
        if before.endswith(("d'", "d’")) and not re.search(
            r"(?:mois|saison|période|vacances|heure|horaire|jour|soir|nuit|matin)s?\s+d['’]$",
            text[max(0, m.start() - 14) : m.start()].lower(),
        ):
            return None  # "les Jeux d'hiver", "une station d'été": a kind, not a time
        if re.match(r"\s+(?:de|du|des)\s", text[m.end() : m.end() + 5]) and not (year or cu):
            return None  # "le Printemps de l'environnement": a name, not the season
        # Without a determiner or a year ("en été", "été comme hiver") the season is generic.
        generic = not (det or year or cu) and not before.endswith(("à l'", "à l’"))
        return Expr("season", season=s, year=year_of(year), cue=c.cue(cu), generic=generic)

    def b_quarter(m: re.Match[str], text: str) -> Expr | None:
        o = lookup(lx.ORDINALS, m["ord"])
        u = "Q" if m["unit"].lower().startswith("tri") else "HY"
        if o is None or (u == "HY" and int(o) > 2):
            return None
        return Expr("quarter", number=int(o), unit=u, year=year_of(group(m, "year")))

    def b_holiday(m: re.Match[str], text: str) -> Expr | None:
        return _holiday(m, text, lx, c.cue(group(m, "cue")))

    def b_nth_wd(m: re.Match[str], text: str) -> Expr | None:
        return _nth_weekday(m, lx, _FR_NTH, year_of(group(m, "year")), 0)

    return {
        "nth_weekday": rule(
            "nth_weekday",
            rf"{B}(?:le\s+)?(?P<ord>{alternation(_FR_NTH)})\s+(?P<wd>{wd})\s+(?:du\s+mois\s+|de\s+l['’]\s*|de\s+|d['’]\s*|du\s+)"
            rf"(?:mois\s+d(?:e\s+|['’]\s*))?(?P<what>{mon}|{season})(?:\s+{yr})?{E}",
            b_nth_wd,
        ),
        "holiday": rule(
            "holiday",
            rf"{B}(?:(?:la|le|l['’]|cette|ce)\s*)?(?:(?:fête|jour)\s+de\s+(?:la\s+|l['’])?)?"
            rf"(?P<hol>{alternation(lx.HOLIDAYS)})(?:\s+(?P<year>(?:1[6-9]|20)\d\d))?(?:\s+(?P<cue>{cue}))?{E}",
            b_holiday,
        ),
        "dmy": rule(
            "dmy",
            rf"{B}(?:le\s+)?(?:(?P<wd>{wd})\s+)?{dayn}\s+(?P<month>{mon})(?:\s+{yr})?(?:\s+(?P<cue>{cue}))?"
            rf"(?:\s+(?:au|en)\s+(?P<part>{_PARTS}))?{E}",
            b_dmy,
        ),
        # "le 14-Juillet", "le 8-Mai", "le 1er-Mai": a day that names its holiday, month capitalised.
        "dmy_hyphen": rule(
            "dmy_hyphen",
            rf"{B}(?:le\s+)?(?P<day>1er|[12]\d|3[01]|[1-9])-(?P<month>{mon})(?![\w-])",
            b_dmy_hyphen,
        ),
        # "le soir du 3 août", "la nuit de samedi à dimanche", "le matin du mardi 5 mai": a part of the
        # day named with its day (the night of Saturday to Sunday is Saturday's night).
        "part_of_date": rule(
            "part_of_date",
            rf"{B}(?:le|la|l['’])\s*(?P<part>{_PARTS})\s+(?:du|de)\s+(?:(?P<wd>{wd})\s+)?"
            rf"(?:{dayn}\s+(?:au\s+(?:[12]\d|3[01]|0?[1-9])\s+)?(?P<month>{mon})(?:\s+{yr})?"
            rf"|(?P<wd2>{wd})(?:\s+(?:à|au)\s+(?P<wd3>{wd}))?){E}",
            b_part_of_date,
        ),
        "my": rule(
            "my",
            rf"{B}(?:(?P<mod>début|fin|mi|courant|milieu)[-\s]+)?(?P<moisde>(?:le\s+)?mois\s+d(?:e\s+|['’]))?"
            rf"(?P<month>{mon})(?:\s+(?:de\s+(?:l['’]année\s+)?)?{yr})?(?:\s+(?P<cue>{cue}))?{E}",
            b_my,
        ),
        "weekday": rule(
            "weekday",
            rf"{B}(?:(?:ce|le)(?:\s+même)?\s+)?(?P<wd>{wd})(?:\s+(?P<cue>{cue}))?(?:\s+(?:(?:au|en)\s+)?(?P<part>{c.part}))?{E}",
            b_wd,
        ),
        "range": rule(
            "range",
            rf"{B}(?:(?<=du\s)|(?<=entre\sle\s)|les\s+)(?P<d1>1er|1re|[12]\d|3[01]|0?[1-9])\s+(?:au|et|à)\s+"
            rf"(?:le\s+)?(?:1er|[12]\d|3[01]|0?[1-9])\s+(?P<month>{mon})(?:\s+{yr})?{E}",
            b_range,
        ),
        "season": rule(
            "season",
            rf"{B}(?:(?P<det>l['’]|le|cet|ce|cette)\s*)?(?P<season>{season})(?:\s+(?P<year>(?:1[6-9]|20)\d\d))?"
            rf"(?:\s+(?P<cue>{cue}))?{E}",
            b_season,
        ),
        "quarter": rule(
            "quarter",
            rf"{B}(?:le\s+)?(?P<ord>{c.ordinal})\s+(?P<unit>trimestre|semestre)(?:\s+(?:de\s+|d['’]\s*)?"
            rf"(?P<year>(?:1[6-9]|20)\d\d))?{E}",
            b_quarter,
        ),
    }


# What follows "March" the demonstration: what it is for or against, or whose march it is ("of the"
# and a name); "March of last year", "March of 1987" are the month.
# and it has a determiner ("in March for health reasons" is the month).
_A_MARCH = re.compile(r"\s+(?:for|against)\b|\s+of\s+the\s+[A-Z]")
_MARCH_DET = re.compile(r"\b(?:the|a|an|annual|[A-Za-z]+'s)\s+$", re.I)


def _en(c: Ctx) -> dict[str, Rule]:
    lx = c.lx
    mon, wd, season, yr4 = c.mon, c.wd, c.season, c.EN_YEAR

    def b_date(m: re.Match[str], text: str) -> Expr | None:
        w = group(m, "wd")
        return Expr(
            "cal",
            year=year_of(group(m, "year")),
            month=int(lookup(lx.MONTHS, m["month"])),
            day=int(m["day"]),
            weekday=int(lookup(lx.WEEKDAYS, w)) if w else None,
        )

    def b_my(m: re.Match[str], text: str) -> Expr | None:
        word = m["month"]
        bare = not (group(m, "year") or group(m, "cue") or group(m, "mod"))
        if bare and word.lower() in ("may", "march") and sentence_start(text, m.start()):
            return None
        # The two look-arounds only after the cheap test: this runs on every month name.
        if (
            bare
            and word.lower() == "march"
            and _A_MARCH.match(text, m.end())
            and _MARCH_DET.search(text, max(0, m.start() - 24), m.start())
        ):
            return None  # "the March for Peace", "the March of the Farmers": a demonstration, not the month
        if bare and (word.endswith(".") or len(word) <= 3) and word.lower() != "may":
            return None  # "Jan" alone is more often a first name than a month
        cu = c.cue(group(m, "cue"))
        if (group(m, "cue") or "").lower() == "this" and not group(m, "year"):
            # "this September": September of the year being written in, whichever side of today.
            return Expr("cal", month=int(lookup(lx.MONTHS, word)), unit="Y", offset=0, mod=mod_of(group(m, "mod")))
        return Expr(
            "cal",
            year=year_of(group(m, "year")),
            month=int(lookup(lx.MONTHS, word)),
            cue=cu,
            mod=mod_of(group(m, "mod")),
        )

    def b_wd(m: re.Match[str], text: str) -> tuple[int, int, Expr] | Expr | None:
        if text[max(0, m.start() - 5) : m.start()] == "Good ":
            return None  # "Good Friday" is a holiday, or the name of an agreement, never "Friday"
        cu = group(m, "cue")
        e = Expr(
            "weekday",
            weekday=int(lookup(lx.WEEKDAYS, m["wd"])),
            cue=c.cue(cu) if cu and cu.lower() != "on" else 0,
            part=c.part_of(m),
        )
        if cu and cu.lower() == "on":
            return m.start("wd"), m.end(), e
        return e

    def b_season(m: re.Match[str], text: str) -> Expr | None:
        s = str(lookup(lx.SEASONS, m["season"]))
        cu, year = group(m, "cue"), group(m, "year")
        if m["season"].lower() in ("fall", "spring") and not (cu or year):
            return None
        return Expr("season", season=s, year=year_of(year), cue=c.cue(cu))

    def b_quarter(m: re.Match[str], text: str) -> Expr | None:
        o = lookup(lx.ORDINALS, m["ord"])
        u = "Q" if m["unit"].lower() == "quarter" else "HY"
        if o is None or (u == "HY" and int(o) > 2):
            return None
        yw = (group(m, "yw") or "").lower()
        cu = -1 if "last" in yw else 1 if "next" in yw else 0
        fiscal = bool(group(m, "fiscal")) and not yw and not group(m, "year")
        return Expr("quarter", number=int(o), unit=u, year=year_of(group(m, "year")), cue=cu, fiscal=fiscal)

    def b_month_rel(m: re.Match[str], text: str) -> Expr | None:
        off = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        return Expr("cal", month=int(lookup(lx.MONTHS, m["month"])), unit="Y", offset=off)

    def b_holiday(m: re.Match[str], text: str) -> Expr | None:
        return _holiday(m, text, lx, c.cue(group(m, "cue")))

    def b_nth_wd(m: re.Match[str], text: str) -> Expr | None:
        return _nth_weekday(m, lx, _EN_NTH, year_of(group(m, "year")), 0)

    return {
        "nth_weekday": rule(
            "nth_weekday",
            rf"{B}(?:the\s+)?(?P<ord>{alternation(_EN_NTH)})\s+(?P<wd>{wd})\s+(?:of|in)\s+(?:the\s+)?"
            rf"(?P<what>{mon}|(?i:{season}))(?:,?\s+{yr4})?{E}",
            b_nth_wd,
        ),
        "holiday": rule(
            "holiday",
            rf"{B}(?:(?P<cue>last|next|this)\s+)?(?P<hol>{alternation(lx.HOLIDAYS)})(?:,?\s+{yr4})?{E}",
            b_holiday,
        ),
        "mdy": rule(
            "mdy",
            rf"{B}(?:(?P<wd>{wd}),?\s+)?(?P<month>{mon})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
            rf"(?:,?\s+{yr4})?{E}",
            b_date,
        ),
        "dmy": rule(
            "dmy",
            rf"{B}(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{mon})"
            rf"(?:,?\s+{yr4})?{E}",
            b_date,
        ),
        "my": rule(
            "my",
            # After a hyphen too, when a month comes before it: "January-March" is two months.
            rf"(?:{B}|(?<=[a-z]-)(?=[A-Z]))(?:(?P<mod>early|late|mid|end|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|earlier\s+this"
            rf"|later\s+this)[-\s]+)?(?:(?P<cue>last|next|this|past|coming)\s+)?(?P<month>{mon})"
            rf"(?:,?\s+(?:of\s+)?{yr4})?{E}",
            b_my,
        ),
        "weekday": rule(
            "weekday",
            rf"{B}(?:(?P<cue>last|next|this|past|coming|on)\s+)?(?P<wd>{wd})(?:\s+(?P<part>{c.part}))?{E}",
            b_wd,
        ),
        "month_rel": rule(
            "month_rel",
            rf"{B}(?P<month>{mon})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year{E}",
            b_month_rel,
        ),
        "season": rule(
            "season",
            rf"{B}(?:(?P<cue>this|last|next|the|early|late|this\s+past)\s+)?(?P<season>{season})"
            rf"(?:\s+(?:of\s+)?{yr4})?{E}",
            b_season,
        ),
        "quarter": rule(
            "quarter",
            rf"{B}(?:the\s+)?(?:(?P<fiscal>fiscal)[-\s]+)?(?P<ord>{c.ordinal})[-\s](?P<unit>quarter|half)"
            rf"(?:\s+of\s+(?:{yr4}|(?P<yw>(?:this|last"
            rf"|next|the)\s+(?:fiscal\s+)?year)))?{E}",
            b_quarter,
        ),
    }
