"""Durations and sets: "trois ans", "plusieurs mois", "ces dernières années", "a two-year term";
"chaque année", "tous les lundis", "par an", "weekly".

A duration is a length (``P3Y``, ``PXM`` when the amount is vague); a set a recurrence (``P1Y``,
``XXXX-WXX-1``). Ages of people ("un homme de 37 ans", "a 44-year-old") are not time expressions in
TimeML and are refused here.
"""

from __future__ import annotations

import re

from dateline.timex.lexicon import alternation, lookup, parse_number
from dateline.timex.normalize import Expr
from dateline.timex.patterns import B, Ctx, E, Rule, every, group, is_age, mod_of, rule

__all__ = ["rules"]


def rules(c: Ctx) -> dict[str, Rule]:
    """The duration and set rules of ``c``'s language, by name."""
    return _fr(c) if c.lang == "fr" else _en(c)


_DETERMINERS = frozenset(
    "le la l les un une des du au aux ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes "
    "the a an this that these those its his her their our your my".split()
)


# English words after which "a year", "a week" is a length of time rather than the unit of a rate:
# prepositions and quantifiers that govern a duration.
_GOVERNS_LENGTH = frozenset(
    "for in within over than about nearly almost after before of only just least half under some "
    "around roughly past last next first spent took take takes lasted lasts last".split()
)


def _word_before(text: str, i: int) -> str:
    m = re.search(r"([\w’']+)\W*$", text[max(0, i - 30) : i])
    return m.group(1).lower().split("'")[-1].split("’")[-1] if m else ""


def _after_determiner(text: str, i: int) -> bool:
    """Whether the word before ``text[i]`` is a determiner ("l'hebdomadaire", "un mensuel")."""
    before = text[max(0, i - 3) : i].lower()
    return before.endswith(("l'", "l’")) or _word_before(text, i) in _DETERMINERS


def _after_noun(text: str, i: int) -> bool:
    """Whether ``text[i]`` follows a lower-case word that is not a determiner: an adjective placed
    after its noun ("le lot quotidien"), not a noun after its article ("le quotidien")."""
    if _after_determiner(text, i):
        return False
    w = _word_before(text, i)
    return bool(w) and w.isalpha() and text[max(0, i - len(w) - 2) : i].strip()[-1:].islower()


def _fr(c: Ctx) -> dict[str, Rule]:
    lx = c.lx
    L = "fr"
    num, unit, wd = c.number, c.unit, c.wd

    def b_dur(m: re.Match[str], text: str) -> Expr | None:
        u = str(lookup(lx.UNITS, m["unit"]))
        raw = group(m, "num") or group(m, "num2")
        if raw and raw.lower() in ("une", "un") and u in ("S",):
            return None  # "une seconde fois"
        n = parse_number(raw, L) if raw else None
        if raw and n is None:
            return None
        if u == "Y" and raw and raw.isdigit() and is_age(text, m.start("num"), m.end()):
            return None
        if raw and is_coordinated(raw):
            return None  # "deux et quatre mois": two numbers, found one by one (duration_elided)
        return Expr("duration", amount=n, unit=u, mod=mod_of(group(m, "mod")))

    joined_tens = frozenset(lx.JOINED_TENS)

    def is_coordinated(raw: str) -> bool:
        """Whether "et" in the number ``raw`` joins two numbers rather than a ten and its unit ("deux
        et quatre" but not "vingt et un")."""
        words = re.split(r"[\s-]+", raw.lower())
        return any(w == "et" and (i == 0 or words[i - 1] not in joined_tens) for i, w in enumerate(words))

    def b_elided(m: re.Match[str], text: str) -> tuple[int, int, Expr] | None:
        # "un ou deux ans", "deux et quatre mois", "trois à quatre jours": the first number of a
        # coordination takes the unit written after the second (French guidelines, 7.9), which is found
        # on its own. A clock range in digits ("de 9 à 10 heures") is not a length.
        if m["join"].lower() == "à" and m["num"][:1].isdigit():
            return None
        n = parse_number(m["num"], L)
        if n is None or is_coordinated(m["num"]):
            return None
        u = str(lookup(lx.UNITS, m["unit"]))
        return m.start("num"), m.end("num"), Expr("duration", amount=n, unit=u)

    def b_approx(m: re.Match[str], text: str) -> Expr | None:
        # "une quinzaine de jours", "une dizaine d'années": about that many (mod APPROX).
        n = lookup(lx.APPROX_AMOUNTS, m["approx"])
        u = str(lookup(lx.UNITS, m["unit"]))
        return Expr("duration", amount=float(n), unit=u, mod="APPROX")

    def b_half(m: re.Match[str], text: str) -> Expr | None:
        # "deux heures et demie", "un an et demi", "une demi-heure": the half counted in.
        u = str(lookup(lx.UNITS, group(m, "unit") or group(m, "unit2") or ""))
        if group(m, "demi"):
            return Expr("duration", amount=0.5, unit=u, mod=mod_of(group(m, "mod")))
        n = c.num(m)
        if n is None:
            return None
        extra = 0.25 if m["frac"].lower() == "quart" else 0.5
        if u == "Y":
            # The French TimeML guidelines count "un an et demi" in months: P18M.
            return Expr("duration", amount=12 * (n + extra), unit="M", mod=mod_of(group(m, "mod")))
        return Expr("duration", amount=n + extra, unit=u, mod=mod_of(group(m, "mod")))

    def b_daily(m: re.Match[str], text: str) -> Expr | None:
        # "le lot quotidien", "une visite quotidienne": the adjective after its noun recurs every day;
        # "le quotidien" (a newspaper, daily life) is a noun.
        if not _after_noun(text, m.start()) or _word_before(text, m.start()) in ("presse", "de", "journal"):
            return None  # "la presse quotidienne", "un journal quotidien": a kind of newspaper
        return Expr("set", set_value="P1D")

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

    def b_set(m: re.Match[str], text: str) -> Expr | None:
        what = m["what"].lower()
        n = c.num(m)
        k = int(n) if n and float(n).is_integer() else 1
        w = lookup(lx.WEEKDAYS, what.rstrip("s"))
        if w is not None:
            return Expr("set", set_value=f"XXXX-WXX-{int(w) + 1}")
        if what.startswith("matin"):
            return Expr("set", set_value="TMO")
        if what.startswith("soir"):
            return Expr("set", set_value="TEV")
        return every(k, str(lookup(lx.UNITS, what)))

    def b_freq(m: re.Match[str], text: str) -> Expr | None:
        if m["f"].lower().endswith(("aire", "el", "elle")) and _after_determiner(text, m.start()):
            return None  # "l'hebdomadaire Marianne", "un mensuel": a periodical, not a recurrence
        return Expr("set", set_value=str(lookup(lx.FREQUENCY, m["f"])))

    def b_set_date(m: re.Match[str], text: str) -> Expr | None:
        # "tous les 1er mai", "chaque 14 juillet", "chaque été": the same day or season every year.
        if group(m, "season"):
            return Expr("set", set_value=f"XXXX-{lookup(lx.SEASONS, m['season'])}")
        d = m["day"].lower()
        day = 1 if d in ("1er", "premier") else int(d)
        return Expr("set", set_value=f"XXXX-{int(lookup(lx.MONTHS, m['month'])):02d}-{day:02d}")

    # A month name or a year right after "la première semaine": the phrase is then a date, not a length.
    date_after = re.compile(rf"\s+(?:de\s+|d['’]|du\s+)?(?:{c.mon}|\d{{4}}\b)", re.I)

    def b_nth_unit(m: re.Match[str], text: str) -> Expr | None:
        # "la première année", "sa deuxième année": one year of a span counted from its start, a length
        # of one unit (TimeML: DURATION P1Y), unless a month or a year follows that makes it a date ("la
        # première semaine de mars").
        if date_after.match(text, m.end()):
            return None
        return Expr("duration", amount=1.0, unit=str(lookup(lx.UNITS, m["unit"])))

    def b_coming(m: re.Match[str], text: str) -> Expr | None:
        # "les semaines à venir", "les mois qui viennent": a vague length ahead, as "les prochaines
        # semaines" (guidelines: PXW, PXM).
        return Expr("duration", amount=None, unit=str(lookup(lx.UNITS, m["unit"])))

    def b_after(m: re.Match[str], text: str) -> Expr | None:
        # "année après année", "jour après jour": the unit repeated, a recurrence (SET P1Y, P1D).
        a, b = (str(lookup(lx.UNITS, x)) for x in (m["unit"], m["unit2"]))
        return every(1, a) if a == b else None

    def b_plural_wd(m: re.Match[str], text: str) -> tuple[int, int, Expr] | None:
        # "les samedis", "le marché des dimanches": a weekday in the plural with no date after it is
        # every such day (SET XXXX-WXX-6); "les samedis 3 et 10 mai" are two dates.
        if re.match(r"\s+(?:\d|1er|premier)", text[m.end() : m.end() + 10]):
            return None
        w = lookup(lx.WEEKDAYS, m["w"].lower()[:-1])
        if w is None:
            return None
        start = m.start("det") if group(m, "det") else m.start("w")  # "les" inside, "des" (de + les) outside
        return start, m.end("w"), Expr("set", set_value=f"XXXX-WXX-{int(w) + 1}")

    plural_wd = "(?:" + "|".join(w + "s" for w in lx.WEEKDAYS) + ")"
    return {
        "duration": rule(
            "duration",
            rf"{B}(?:(?P<mod>plus\s+de|moins\s+de|près\s+de|environ|presque|au\s+moins|quelque)\s+)?"
            rf"(?:(?P<vague>quelques|plusieurs)|(?P<num>{num}))\s+(?P<unit>{unit}){E}",
            b_dur,
        ),
        "duration_elided": rule(
            "duration_elided",
            rf"{B}(?P<num>{num})\s+(?P<join>ou|et|à)\s+(?:{num})\s+(?P<unit>{unit}){E}",
            b_elided,
        ),
        # The second number of such a coordination with its unit: "quatre mois" in "deux et quatre mois".
        "duration_elided2": rule(
            "duration_elided2",
            rf"(?:(?<=\sou\s)|(?<=\set\s))(?P<num>{num})\s+(?P<unit>{unit}){E}",
            b_dur,
        ),
        "duration_last": rule(
            "duration_last",
            rf"{B}(?:les|ces)\s+(?:(?P<num>{num})\s+)?(?:derniers|dernières|prochains|prochaines|premiers|premières)\s+"
            rf"(?:(?P<num2>{num})\s+)?(?P<unit>{unit}){E}",
            b_dur,
        ),
        "duration_approx": rule(
            "duration_approx",
            rf"{B}(?:(?:une|la|cette|d['’]une)\s+)?(?:bonne\s+)?(?P<approx>{alternation(lx.APPROX_AMOUNTS)})\s+"
            rf"(?:de\s+|d['’]\s*)(?P<unit>{unit}){E}",
            b_approx,
        ),
        "duration_half": rule(
            "duration_half",
            rf"{B}(?:(?P<mod>plus\s+de|moins\s+de|près\s+de|environ|au\s+moins)\s+)?"
            rf"(?:(?P<num>{num})\s+(?P<unit>{unit})\s+et\s+(?P<frac>demie?|quart)|(?:une?\s+)?(?P<demi>demi)-(?P<unit2>heure"
            rf"|journée|siècle|journee))(?!\w)",
            b_half,
        ),
        # Singular only: the plural "quotidiens" is the newspapers far more often than the adjective.
        "daily": rule("daily", rf"{B}(?P<f>quotidien(?:ne)?|journali(?:er|ère)){E}", b_daily),
        "set_date": rule(
            "set_date",
            rf"{B}(?:chaque|tous\s+les)\s+(?:(?P<day>1er|premier|[12]\d|3[01]|0?[1-9])\s+(?P<month>{c.mon})"
            rf"|(?P<season>{c.season})){E}",
            b_set_date,
        ),
        "duration_des": rule("duration_des", rf"{B}des\s+(?P<unit>années|mois|semaines|décennies|siècles){E}", b_dur),
        "set": rule(
            "set",
            rf"{B}(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<num>{num})\s+)?"
            rf"(?P<what>{unit}|{plural_wd}|{wd}|matins?|soirs?){E}",
            b_set,
        ),
        "freq": rule("freq", rf"{B}(?P<f>{alternation(lx.FREQUENCY)}){E}", b_freq),
        "duration_nth": rule(
            "duration_nth",
            rf"{B}(?:la|le|sa|son|leur|cette|ce|l['’])\s*(?:{c.ordinal})\s+(?P<unit>années?|ans?|mois){E}",
            b_nth_unit,
        ),
        "duration_coming": rule(
            "duration_coming",
            rf"{B}(?:les|des)\s+(?P<unit>semaines|mois|années|jours)\s+(?:à\s+venir|qui\s+viennent){E}",
            b_coming,
        ),
        "set_after": rule("set_after", rf"{B}(?P<unit>{unit})\s+après\s+(?P<unit2>{unit}){E}", b_after),
        "set_plural_wd": rule(
            "set_plural_wd", rf"(?:{B}(?P<det>les)\s+|(?<=\bdes\s))(?P<w>{plural_wd}){E}", b_plural_wd
        ),
        # The second of two coordinated plural weekdays: "les samedis et dimanches".
        "set_plural_wd2": rule(
            "set_plural_wd2", rf"{plural_wd}\s+et\s+(?:(?P<det>les)\s+)?(?P<w>{plural_wd}){E}", b_plural_wd
        ),
        "durword": rule("durword", rf"{B}(?P<w>{alternation(lx.DURATION_WORDS)}){E}", b_durword),
        "par": rule("par", rf"(?<=\bpar\s)(?P<what>jour|semaine|mois|an|année|semestre|trimestre){E}", b_par),
    }


# A quarter as a share of something: "three-quarters" written as one word, or "a quarter of" a whole.
_FRACTION = re.compile(
    r"(?i:(?:one|two|three)-quarters?\b|(?:a|one)\s+quarter\s+of\s+(?:the|its|his|her|their|all|a|an|total)\b)"
)


def _en(c: Ctx) -> dict[str, Rule]:
    lx = c.lx
    L = "en"
    num, unit, wd = c.number, c.unit, c.wd

    def b_dur(m: re.Match[str], text: str) -> Expr | tuple[int, int, Expr] | None:
        u = str(lookup(lx.UNITS, m["unit"]))
        raw = group(m, "num")
        if raw and raw.lower() in ("a", "an") and u in ("S",):
            return None
        n = 2.0 if raw and raw.lower().endswith("couple of") else parse_number(raw, L) if raw else None
        if raw and n is None:
            return None
        if raw is None and group(m, "vague") is None:
            n = 1.0  # "the past year"
        if raw and raw.lower() in ("a", "an") and not group(m, "cue") and not group(m, "mod"):
            before = text[max(0, m.start() - 16) : m.start()].lower()
            if re.search(r"\b(?:twice|once|thrice|times)\s*$", before):
                return every(1, u)  # "twice a year", "three times a week": a recurrence
            # "$5 a year", "700 seats a week", "4 mln dlrs a year": a rate, not a time. "a year" is a
            # length only after a word that governs one ("for a year", "in a week", "half a day").
            w = re.search(r"([a-z]+)\W*$", before)
            if re.search(r"(\d|\$|%)\s*$", before) or (w and w.group(1) not in _GOVERNS_LENGTH):
                return None
        if u == "Q" and _FRACTION.match(text, m.start("num") if raw else m.start(), m.end() + 12):
            return None  # "three-quarters of its food", "a quarter of the market": a share, not a time
        if re.match(r"[-\s]old\b", text[m.end() - 4 : m.end()]) or re.match(
            r"[-\s]+old\b", text[m.end() : m.end() + 5]
        ):
            return None  # "a 44-year-old protester": an age
        if n is not None and group(m, "andhalf"):
            n += 0.5  # "a year and a half"
        e = Expr("duration", amount=n, unit=u, mod=mod_of(group(m, "mod")))
        if raw and re.match(r"an?\s+\S", raw, re.I) and m.start() == m.start("num"):
            return m.start("num") + len(raw.split()[0]) + 1, m.end(), e  # "a two-year term": "two-year"
        return e

    def b_set(m: re.Match[str], text: str) -> Expr | None:
        what = m["what"].lower()
        n = c.num(m)
        k = int(n) if n and float(n).is_integer() else 1
        w = lookup(lx.WEEKDAYS, what)
        if w is not None:
            return Expr("set", set_value=f"XXXX-WXX-{int(w) + 1}")
        if what in ("morning", "evening", "night"):
            return Expr("set", set_value="T" + str(lookup(lx.PARTS_OF_DAY, what)))
        return every(k, str(lookup(lx.UNITS, what)))

    def b_freq(m: re.Match[str], text: str) -> Expr | None:
        # "daily flights", "the average daily volume", "the party daily Granma": an adjective before
        # its noun, or a newspaper; only the adverb of a recurrence ("meets daily") is a SET.
        if re.match(r"\s+[A-Za-z]", text[m.end() : m.end() + 2]) and not re.match(
            r"\s+(?:and|or|but|in|on|at|for|to|from|by|with|since|until|through|over|basis|throughout)\b",
            text[m.end() : m.end() + 12],
        ):
            return None
        return Expr("set", set_value=str(lookup(lx.FREQUENCY, m["f"])))

    return {
        "duration_vague": rule(
            "duration_vague",
            r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bafter\s)|(?<=\blast\s))"
            r"(?P<vague>)(?P<unit>years|months|weeks|decades|days|centuries)(?!\w)",
            b_dur,
        ),
        "duration": rule(
            "duration",
            rf"{B}(?:the\s+(?:(?P<cue>past|last|next|first|coming|previous|final|latest|following)\s+)?)?"
            rf"(?:(?P<mod>more\s+than|less\s+than|about|almost|nearly|at\s+least|over|up\s+to|roughly"
            rf"|approximately)\s+)?(?:(?P<vague>several|a\s+few|few|many)|(?P<num>{num}|a\s+couple\s+of))"
            rf"(?:\s+(?:more|additional|further|extra))?[-\s]+(?P<unit>{unit})"
            rf"(?P<andhalf>\s+and\s+a\s+half)?(?:[-\s](?:long|old))?{E}",
            b_dur,
        ),
        "duration_the": rule(
            "duration_the",
            rf"{B}the\s+(?P<cue>past|last|next|coming|previous|first)\s+(?P<unit>year|month|week|decade|day"
            rf"|century){E}",
            b_dur,
        ),
        "set": rule(
            "set",
            rf"{B}(?:every|each)\s+(?:(?P<num>{num})\s+)?(?P<what>{unit}|{wd}|morning|evening|night){E}",
            b_set,
        ),
        "freq": rule("freq", rf"{B}(?P<f>{alternation(lx.FREQUENCY)}){E}", b_freq),
    }
