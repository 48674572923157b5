"""Relative expressions: deictic ones anchored on the writing day, anaphoric ones on the narrated time.

Deictic: "hier", "aujourd'hui", "ce matin", "la semaine dernière", "il y a trois ans", "next month",
"two weeks ago". Anaphoric (their anchor is the time the narration last named, see
:func:`dateline.timex.anchor.narrative_anchor`): "la veille", "le lendemain", "ce jour-là", "the
following week", "two days earlier". General references without a date: "actuellement", "l'avenir",
"recently", "the future" (ISO-TimeML's ``*_REF`` values).
"""

from __future__ import annotations

import re

from dateline.timex.lexicon import alternation, lookup
from dateline.timex.normalize import Expr
from dateline.timex.patterns import B, Ctx, E, Rule, group, mod_of, rule, sentence_start

__all__ = ["rules"]


def rules(c: Ctx) -> dict[str, Rule]:
    """The relative-expression rules of ``c``'s language, by name."""
    return _fr(c) if c.lang == "fr" else _en(c)


# Cue words that count from the time the narration is at rather than from the writing day: "l'année
# suivante", "le mois précédent", "the following week", "the previous year", "the same month".
_ANAPHORIC_CUES = ("suivant", "suivante", "précédent", "précédente", "following", "previous", "same", "même")


def _relunit(c: Ctx, m: re.Match[str]) -> Expr:
    """ "la semaine dernière", "this month", "le week-end prochain", "l'été dernier"; "l'année
    suivante" and "the following week" anchored on the narrated time."""
    lx = c.lx
    u = str(lookup(lx.UNITS, m["unit"]) or lookup(lx.SEASONS, m["unit"]))
    word = (group(m, "cue") or "").lower()
    cu = c.cue(word)
    if u == "WE":
        return Expr("weekday", weekday=5, unit="WE", cue=cu)
    if u in ("SP", "SU", "FA", "WI"):
        return Expr("season", season=u, cue=cu)
    anaphoric = word.split()[-1] in _ANAPHORIC_CUES if word else False
    return Expr("relunit", unit=u, offset=cu, mod=mod_of(group(m, "mod")), narrative=anaphoric)


def _narrated_unit(c: Ctx, m: re.Match[str]) -> Expr:
    """ "cette année-là", "la même année", "that year", "later that month": the unit the narration
    is in (the ``unit`` or ``unit2`` group names it)."""
    u = str(lookup(c.lx.UNITS, group(m, "unit") or group(m, "unit2") or ""))
    if u == "WE":
        return Expr("weekday", weekday=5, unit="WE")
    return Expr("relunit", unit=u, offset=0, mod=mod_of(group(m, "mod")), narrative=True)


def _unit_mod(c: Ctx, m: re.Match[str]) -> Expr:
    """ "la fin de l'année", "le début du mois prochain", "the end of the year", "year-end": the unit
    (the current one, or the one the cue points to) with the part of it as ``mod``."""
    u = str(lookup(c.lx.UNITS, m["unit"]))
    return Expr("relunit", unit=u, offset=c.cue(group(m, "cue")), mod=mod_of(m["mod"]))


def _ref(c: Ctx, m: re.Match[str]) -> Expr:
    return Expr("ref", ref=str(lookup(c.lx.REFS, m["ref"])), ref_type=c.lx.REF_TYPE)


def _fr(c: Ctx) -> dict[str, Rule]:
    lx = c.lx
    part, wd, unit, num, season, cue = c.part, c.wd, c.unit, c.number, c.season, c.cues

    def b_relday(m: re.Match[str], text: str) -> Expr | None:
        if m["rel"].lower().startswith("aujourd") and not (group(m, "part") or group(m, "wd")):
            after = text[m.end() : m.end() + 2]
            # A fronted or parenthetical "aujourd'hui," is "nowadays", not the day of writing.
            if after.startswith(",") or (sentence_start(text, m.start()) and "," in after):
                return Expr("ref", ref="PRESENT_REF", ref_type=lx.REF_TYPE)
        w = group(m, "wd")
        return Expr(
            "relday",
            offset=int(lookup(lx.REL_DAYS, m["rel"])),
            part=c.part_of(m),
            hour=12 if (group(m, "part") or "").lower() == "midi" else None,
            # "aujourd'hui mardi", "hier lundi": the weekday of that day, which tells the writing day's.
            weekday=int(lookup(lx.WEEKDAYS, w)) if w else None,
        )

    def b_thispart(m: re.Match[str], text: str) -> Expr | None:
        return Expr("relday", offset=0, part=c.part_of(m))

    def b_relunit(m: re.Match[str], text: str) -> Expr | None:
        return _relunit(c, m)

    def b_ago(m: re.Match[str], text: str) -> Expr | None:
        n = c.num(m)
        u = str(lookup(lx.UNITS, m["unit"]))
        if n is None or not float(n).is_integer():
            return Expr("ref", ref="PAST_REF")
        return Expr("shift", unit=u, offset=-int(n))

    def b_in(m: re.Match[str], text: str) -> Expr | None:
        n = c.num(m)
        u = str(lookup(lx.UNITS, m["unit"]))
        if n is None or not float(n).is_integer():
            return None
        return Expr("shift", unit=u, offset=int(n))

    def b_daypart(m: re.Match[str], text: str) -> Expr | None:
        return Expr("narr", offset=0, part=c.part_of(m))

    def b_narrated(m: re.Match[str], text: str) -> Expr | None:
        return _narrated_unit(c, m)

    def b_narrated_part(m: re.Match[str], text: str) -> Expr | None:
        # "ce soir-là", "cette nuit-là": that part of the day the narration is at.
        return Expr("narr", offset=0, part=c.part_of(m))

    def b_unit_mod(m: re.Match[str], text: str) -> Expr | None:
        return _unit_mod(c, m)

    def b_whole(m: re.Match[str], text: str) -> Expr | None:
        # "toute la journée" is that day, "toute la nuit" that night, "tout le week-end" that weekend.
        w = m["unit"].lower()
        if w.startswith("week"):
            return Expr("weekday", weekday=5, unit="WE")
        if w == "semaine":
            return Expr("relunit", unit="W", offset=0)
        if w == "journée":
            return Expr("narr", offset=0)
        return Expr("narr", offset=0, part=str(lookup(lx.PARTS_OF_DAY, w)))

    def b_ref(m: re.Match[str], text: str) -> Expr | None:
        return _ref(c, m)

    def b_narr(m: re.Match[str], text: str) -> Expr | None:
        return Expr("narr", offset=int(lookup(lx.NARRATIVE_DAYS, m["narr"])), part=c.part_of(m))

    return {
        "relday": rule(
            "relday",
            rf"{B}(?P<rel>{alternation(lx.REL_DAYS)})(?:\s+(?:en\s+)?(?:(?:début|fin)\s+(?:de\s+|d['’]))?"
            rf"(?P<part>{part}))?(?:\s+(?P<wd>{wd}))?{E}",
            b_relday,
        ),
        "thispart": rule("thispart", rf"{B}(?:ce|cet|cette)\s+(?P<part>{part}){E}", b_thispart),
        "relunit_this": rule(
            "relunit_this",
            rf"{B}(?:ce|cet|cette)(?:\s+même)?\s+(?P<unit>semaine|mois|année|an|week-end|weekend|trimestre"
            rf"|semestre|{season}){E}",
            b_relunit,
        ),
        "relunit_cue": rule(
            "relunit_cue",
            rf"{B}(?:la\s+|le\s+|l['’]\s*)(?P<unit>semaine|mois|année|an|week-end|weekend|trimestre|semestre"
            rf"|{season})\s+(?P<cue>{cue}){E}",
            b_relunit,
        ),
        "ago": rule(
            "ago",
            rf"{B}(?:il\s+y\s+a|voici|voilà)\s+(?:(?:plus|près|moins)\s+d(?:e\s+|['’])|environ\s+)?"
            rf"(?:(?P<vague>quelques|plusieurs)|(?P<num>{num}))\s+(?P<unit>{unit}){E}",
            b_ago,
        ),
        "in": rule("in", rf"{B}dans\s+(?P<num>{num})\s+(?P<unit>{unit}){E}", b_in),
        "daypart": rule(
            "daypart",
            rf"{B}(?:(?:en|dans\s+la|dans\s+l['’]|la|le|l['’])\s*)(?:(?:fin|début)\s+(?:de\s+|d['’]))?"
            rf"(?P<part>soirée|nuit|matinée|après-midi|matin)(?:\s+même)?{E}",
            b_daypart,
        ),
        "ref": rule("ref", rf"{B}(?P<ref>{alternation(lx.REFS)}){E}", b_ref),
        "narr": rule(
            "narr",
            rf"{B}(?P<narr>{alternation(lx.NARRATIVE_DAYS)})(?:\s+(?P<part>{part}))?{E}",
            b_narr,
        ),
        "narrated_unit": rule(
            "narrated_unit",
            rf"{B}(?:(?:ce|cet|cette)\s+(?P<unit>année|an|mois|semaine|week-end|trimestre)-là"
            rf"|(?:la|le)\s+même\s+(?P<unit2>année|mois|semaine))(?!\w)",
            b_narrated,
        ),
        "narrated_part": rule(
            "narrated_part",
            rf"{B}(?:ce|cet|cette)\s+(?P<part>soir|soirée|matin|matinée|nuit|après-midi)-là(?!\w)",
            b_narrated_part,
        ),
        "unit_mod": rule(
            "unit_mod",
            rf"{B}(?:(?:le|la)\s+)?(?P<mod>début|fin|milieu)\s+(?:de\s+l['’]\s*|du\s+|de\s+la\s+|d['’]\s*"
            rf"|de\s+cette\s+|de\s+ce\s+|de\s+)(?P<unit>année|an|mois|semaine|trimestre|semestre|décennie|siècle)"
            rf"(?:\s+(?P<cue>{cue}))?(?!\w)(?!\s+(?:\d|de\s|d['’]))",
            b_unit_mod,
        ),
        "whole": rule(
            "whole",
            rf"{B}tou(?:te|t)\s+(?:la|le|l['’])\s*(?P<unit>journée|nuit|matinée|soirée|après-midi|week-end|weekend"
            rf"|semaine)(?!\w)(?!\s+(?:de|du|d['’]|des)\s)",
            b_whole,
        ),
    }


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should)\s+$", re.I)


def _en(c: Ctx) -> dict[str, Rule]:
    lx = c.lx
    season, unit, num = c.season, c.unit, c.number

    def b_relday(m: re.Match[str], text: str) -> Expr | None:
        return Expr("relday", offset=int(lookup(lx.REL_DAYS, m["rel"])), part=c.part_of(m))

    def b_thispart(m: re.Match[str], text: str) -> Expr | None:
        w = m["w"].lower()
        if w == "tonight":
            return Expr("relday", offset=0, part="NI")
        return Expr("relday", offset=-1 if w.startswith("last") else 0, part=c.part_of(m))

    def b_relunit(m: re.Match[str], text: str) -> Expr | None:
        return _relunit(c, m)

    def b_theq(m: re.Match[str], text: str) -> Expr | None:
        return Expr("relunit", unit="Q", follow_tense=True)

    def b_yearago_q(m: re.Match[str], text: str) -> Expr | None:
        # "the year-earlier quarter", "the quarter a year ago": the latest quarter, a year before;
        # "the year-ago third quarter": the last third quarter, a year before.
        o = lookup(lx.ORDINALS, group(m, "ord") or "")
        if o is not None:
            return None if int(o) > 4 else Expr("quarter", number=int(o), unit="Q", cue=-1, offset=-1)
        return Expr("relunit", unit="Q", offset=-5)

    def b_year_quarter(m: re.Match[str], text: str) -> Expr | None:
        # "the 1988 third quarter" is that quarter; "the 1988 quarter", "the 1989 period" the quarter the
        # report is about, in that year (a label, not a count: not 1988 quarters).
        y = int(m["year"])
        o = lookup(lx.ORDINALS, group(m, "ord") or "")
        if o is not None:
            u = "Q" if m["unit"].lower() == "quarter" else "HY"
            return None if int(o) > (4 if u == "Q" else 2) else Expr("quarter", number=int(o), unit=u, year=y)
        if m["unit"].lower() == "half":
            return None
        return Expr("cal", year=y, report_quarter=True)

    def b_latestq(m: re.Match[str], text: str) -> Expr | None:
        return Expr("relunit", unit="Q", offset=-1)

    def b_shift(m: re.Match[str], text: str) -> Expr | None:
        if group(m, "vague"):
            # "several years ago": a time before the writing day, how long before left open.
            return Expr("ref", ref="PAST_REF", ref_type=lx.REF_TYPE) if m["dir"].lower() == "ago" else None
        n = c.num(m)
        u = str(lookup(lx.UNITS, m["unit"]))
        if n is None or not float(n).is_integer():
            return None
        d = m["dir"].lower()
        sign = -1 if d in ("ago", "earlier", "before") else 1
        # "two days earlier", "20 months later" count from the time the narration is at; "ago" and
        # "from now" from the writing day.
        return Expr("shift", unit=u, offset=sign * int(n), narrative=d in ("earlier", "later"))

    def b_someday(m: re.Match[str], text: str) -> Expr | None:
        # "the city will one day be...", "we may one day return": a modal's "one day" is some future time.
        if not _MODAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return None
        return Expr("ref", ref="FUTURE_REF", ref_type=lx.REF_TYPE)

    def b_ref(m: re.Match[str], text: str) -> Expr | None:
        w = m["ref"]
        if w[0].isupper() and not sentence_start(text, m.start()) and not w.isupper():
            return None  # "the Future Movement", "the Today programme": a name
        low = w.lower()
        if low in ("soon", "shortly"):
            before = text[max(0, m.start() - 4) : m.start()].lower()
            after = text[m.end() : m.end() + 12].lower()
            # "soon after the vote", "as soon as", "how soon": a sequence, not a future time.
            if before.endswith(("as ", "how ")) or re.match(r"\s*(?:after|afterwards?|thereafter|before|as)\b", after):
                return None
        if low == "today" and not sentence_start(text, m.start()) and w[0] == "T":
            return None
        return _ref(c, m)

    def b_narr(m: re.Match[str], text: str) -> Expr | None:
        return Expr("narr", offset=int(lookup(lx.NARRATIVE_DAYS, m["narr"])))

    def b_narrated(m: re.Match[str], text: str) -> Expr | None:
        return _narrated_unit(c, m)

    def b_unit_mod(m: re.Match[str], text: str) -> Expr | None:
        if group(m, "unit2"):
            return Expr("relunit", unit="Y", offset=0, mod="END")  # "year-end", "year's end"
        return _unit_mod(c, m)

    def b_the_year(m: re.Match[str], text: str) -> Expr | None:
        # "for the year ended March 31" is a twelve-month length; "sales for the full year", "the
        # fiscal year" the year being reported on, "the latest fiscal year" the one before.
        if re.match(r"\s+(?:ended|ending)\b", text[m.end() : m.end() + 8]):
            return Expr("duration", amount=1.0, unit="Y")
        cu = (group(m, "cue") or "").lower()
        return Expr("relunit", unit="Y", offset=-1 if cu in ("latest", "previous") else 0)

    def b_vague(m: re.Match[str], text: str) -> Expr | None:
        # "recent years", "the coming weeks", "the months ahead": an unquantified length (PXY).
        return Expr("duration", amount=None, unit=str(lookup(lx.UNITS, group(m, "unit") or group(m, "unit2") or "")))

    return {
        "relday": rule(
            "relday",
            rf"{B}(?P<rel>today|yesterday|tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?{E}",
            b_relday,
        ),
        "thispart": rule(
            "thispart",
            rf"{B}(?P<w>tonight|(?:this|last)\s+(?P<part>morning|afternoon|evening|night)){E}",
            b_thispart,
        ),
        "relunit": rule(
            "relunit",
            rf"{B}(?:(?P<mod>earlier|later|early|late)\s+)?(?P<cue>this|last|next|the\s+previous|the\s+following"
            rf"|the\s+current|the\s+coming|the\s+same)\s+(?P<unit>week|month|year|quarter|weekend|decade"
            rf"|century|{season}){E}",
            b_relunit,
        ),
        "weekend": rule("weekend", rf"{B}the\s+(?P<unit>weekend){E}", b_relunit),
        "the_quarter": rule("the_quarter", rf"{B}the\s+(?:fiscal\s+)?quarter{E}", b_theq),
        "yearago_q": rule(
            "yearago_q",
            rf"{B}(?:(?:the\s+)?(?:(?:comparable|corresponding)\s+)?year[-\s](?:earlier|ago)"
            rf"(?:\s+(?:(?:fiscal\s+)?(?P<ord>{c.ordinal})[-\s])?(?:quarter|period))?"
            rf"|the\s+(?:same\s+)?(?:quarter|period)\s+a\s+year\s+(?:earlier|ago|before)){E}",
            b_yearago_q,
        ),
        "year_quarter": rule(
            "year_quarter",
            rf"{B}the\s+(?P<year>(?:19|20)\d\d)\s+(?:(?:fiscal\s+)?(?P<ord>{c.ordinal})[-\s])?"
            rf"(?P<unit>quarter|half|period){E}",
            b_year_quarter,
        ),
        "latest_quarter": rule(
            "latest_quarter",
            rf"{B}the\s+(?:latest|most\s+recent|last)\s+(?:quarter|period){E}",
            b_latestq,
        ),
        "shift": rule(
            "shift",
            rf"{B}(?:(?:about|almost|nearly|some|more\s+than)\s+)?(?:(?P<num>{num})|(?P<vague>several|a\s+few|a\s+number"
            rf"\s+of|many))\s+(?P<unit>{unit})\s+(?P<dir>ago|earlier|before|later|from\s+now|hence){E}",
            b_shift,
        ),
        "ref": rule("ref", rf"{B}(?P<ref>{alternation(lx.REFS)}){E}", b_ref),
        "someday": rule("someday", rf"{B}one\s+day{E}", b_someday),
        "narr": rule("narr", rf"{B}(?P<narr>{alternation(lx.NARRATIVE_DAYS)}){E}", b_narr),
        "narrated_unit": rule(
            "narrated_unit",
            rf"{B}(?:(?P<mod>later|earlier|early|late)\s+(?:in\s+)?)?that\s+(?P<unit>year|month|week|quarter|decade)"
            rf"(?![-\w])",
            b_narrated,
        ),
        "unit_mod": rule(
            "unit_mod",
            rf"{B}(?:the\s+)?(?P<mod>end|beginning|start|middle)\s+of\s+(?:the\s+|this\s+|(?P<cue>last|next)\s+)"
            rf"(?P<unit>year|month|week|quarter|decade|century)(?![-\w])(?!\s+(?:of\s+)?\d)"
            rf"|{B}(?P<unit2>year)(?:['’]s\s+|[-\s])(?P<mod2>end)(?![-\w])",
            b_unit_mod,
        ),
        "the_year": rule(
            "the_year",
            rf"{B}the\s+(?:(?P<cue>current|latest|previous)\s+)?(?:(?:full|whole|entire)\s+)?(?:fiscal\s+|calendar\s+)?"
            rf"year(?![-\w])(?!\s*(?:[-/]?\d|earlier|ago|before|after|later|-))",
            b_the_year,
        ),
        "vague_units": rule(
            "vague_units",
            rf"{B}(?:(?:the\s+)?(?:recent|coming|upcoming)\s+(?P<unit>years|months|weeks|days|decades|quarters)"
            rf"|the\s+(?P<unit2>years|months|weeks|days)\s+ahead)(?!\w)",
            b_vague,
        ),
    }
