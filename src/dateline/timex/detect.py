"""Finding time expressions in text, with exact character spans, and parsing what they say.

Detection runs the rules of every kind of expression over the raw text, so that spans are exactly on
it: numeric dates and years (:mod:`~dateline.timex.numeric`), dates with calendar names
(:mod:`~dateline.timex.named`), relative expressions (:mod:`~dateline.timex.relative`), clock times
(:mod:`~dateline.timex.clock`), durations and sets (:mod:`~dateline.timex.durations`). Each rule's
builder turns its match into an :class:`~dateline.timex.normalize.Expr` (what the expression says,
language-independent). Overlapping matches are resolved longest first, so "le samedi 24 juillet" wins
over "samedi" and "il y a trois ans" over "trois ans". Last, names that only look temporal ("the
Sunday Times", "le Printemps de Bourges", "Mardi gras"), listed in the language's resource file, take
away any expression inside them.

Span conventions follow TimeML annotation practice: a determiner that is part of the expression is
inside ("le 28 janvier", "l'an dernier", "the third quarter"), a preposition before it is not ("du",
"depuis", "à", "on"), and "vers"/"about"/"plus de" modifiers are inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from dateline.timex import clock, durations, named, numeric, relative
from dateline.timex.lexicon import alternation
from dateline.timex.normalize import Expr
from dateline.timex.patterns import Ctx, Rule, matches

__all__ = ["Candidate", "find_candidates", "rule_names"]


@dataclass(frozen=True)
class Candidate:
    """A time expression found in the text: ``text[start:end]`` and what it says."""

    start: int
    end: int
    text: str
    expr: Expr
    rule: str


# The order rules are tried in: among overlapping matches of the same length, the earlier rule wins
# (a full date before a bare weekday, a holiday before the weekday inside its name, a clock time
# before a duration: "à 17 heures" is 17:00, which the clock rule only finds after such a preposition).
_ORDER = {
    "fr": (
        "nth_weekday", "holiday", "part_of_date", "dmy", "dmy_hyphen", "num", "num_short", "iso", "my", "year",
        "weekday", "relday", "thispart", "relunit_this", "relunit_cue", "ago", "in", "clock", "clock_heures", "noon",
        "duration", "duration_elided", "duration_elided2", "duration_approx", "duration_half", "duration_last",
        "duration_des", "set", "set_date", "daily",
        "freq", "duration_nth", "duration_coming", "set_after", "set_plural_wd",
        "set_plural_wd2", "durword", "par", "range", "daypart", "decade", "century", "season", "quarter", "ref", "narr",
        "narrated_unit", "narrated_part", "unit_mod", "whole",
    ),
    "en": (
        "nth_weekday", "spelled_year", "holiday", "mdy", "dmy", "num", "iso", "my", "year_label", "year", "weekday",
        "relday", "someday", "thispart", "relunit", "weekend", "the_quarter", "yearago_q", "year_quarter", "month_rel",
        "clock_day", "duration_vague", "latest_quarter", "shift", "duration", "duration_the", "clock", "clock24",
        "oclock", "noon", "set", "freq", "decade", "century", "season", "quarter", "ref", "narr", "clock_mil",
        "narrated_unit", "unit_mod", "the_year", "vague_units",
    ),
}  # fmt: skip


@lru_cache(maxsize=2)
def _rules(lang: str) -> tuple[Rule, ...]:
    lang = "fr" if lang == "fr" else "en"
    c = Ctx(lang)
    pool: dict[str, Rule] = {}
    for module in (numeric, named, relative, clock, durations):
        for name, r in module.rules(c).items():
            assert name not in pool, f"two {lang} rules named {name!r}"
            pool[name] = r
    missing = set(pool) ^ set(_ORDER[lang])
    assert not missing, f"{lang} rules without a place in the order, or the reverse: {sorted(missing)}"
    return tuple(pool[n] for n in _ORDER[lang])


def rule_names(lang: str) -> tuple[str, ...]:
    """The names of ``lang``'s rules, in the order they are tried."""
    return tuple(r.name for r in _rules(lang))


@lru_cache(maxsize=2)
def _not_timex(lang: str) -> re.Pattern[str] | None:
    """One pattern for the language's names that only look temporal (matched as written: they are
    names, capitalised), and for places named after a date."""
    names = Ctx(lang).lx.NOT_TIMEX
    if not names:
        return None
    # Every name starts with a capital or a digit, or with "le"/"la": a class of first characters up
    # front lets the scan skip most positions without trying the whole alternation.
    first = "".join(sorted({re.escape(n[0]) for n in names}))
    return re.compile(rf"(?<![\w-])(?=[{first}])" + alternation(names) + r"(?![\w-])")


@lru_cache(maxsize=2)
def _place_before(lang: str) -> re.Pattern[str] | None:
    """ "rue du 8-Mai-1945", "place du 14-Juillet": a place noun and "du"/"de la"/"des" before the
    hyphenated word a candidate is part of; the date is part of the place's name."""
    nouns = Ctx(lang).lx.PLACE_NOUNS
    if not nouns:
        return None
    return re.compile(r"(?<![\w-])" + alternation(nouns) + r"\s+(?:du|de\s+la|des|de)\s+[\w'’-]*$", re.I)


# Letters that match a Latin letter case-insensitively yet do not lower-case to it (the dotless "ı"
# matches "i", the long "ſ" matches "s"): a text with one is scanned as written.
_ODD_CASES = "ıſṡẛﬅﬆ"


def find_candidates(text: str, lang: str) -> list[Candidate]:
    """All time expressions in ``text``, non-overlapping, in text order.

    Every rule is run over the whole text; overlapping matches are resolved longest first (then by
    rule order), because the longer reading carries more of what the writer said.
    """
    found: list[tuple[int, int, int, Expr, str]] = []
    lowered = text.lower()
    # "İ" lower-cases into two characters (offsets would drift); see _ODD_CASES for the others.
    low = None if len(lowered) != len(text) or any(ch in text for ch in _ODD_CASES) else lowered
    for i, r in enumerate(_rules(lang)):
        for m in matches(r, text, low):
            if m.end() <= m.start():
                continue
            built = r.build(m, text)
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
                found.append((s, e, i, expr, r.name))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    stop = _not_timex(lang)
    if stop is not None:
        taken = [(m.start(), m.end()) for m in stop.finditer(text)]
    blocked = len(taken)
    place = _place_before(lang)
    out: list[Candidate] = []
    for s, e, _i, expr, name in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if _quoted_title(text, s, e) or _unit_to_unit(text, s, e):
            continue
        if place is not None and place.search(text, max(0, s - 40), s):
            continue
        taken.append((s, e))
        out.append(Candidate(s, e, text[s:e], expr, name))
    del taken[:blocked]
    out.sort(key=lambda c: c.start)
    return _with_spelled_years(text, out)


# "the quarter-to-quarter comparison", "year-on-year", "month-over-month", "day-to-day": a unit set
# against the next one is a kind of comparison or a manner, not a time (both guidelines: "a year-on-year
# rise", "du jour au lendemain").
_UNIT_TO_UNIT_AFTER = re.compile(r"-(?:to|on|over|by|after|in)-", re.I)
_UNIT_TO_UNIT_BEFORE = re.compile(r"\w-(?:to|on|over|by|after|in)-$", re.I)


def _unit_to_unit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one side of a unit-to-unit phrase ("quarter-to-quarter")."""
    return bool(_UNIT_TO_UNIT_AFTER.match(text, end) or _UNIT_TO_UNIT_BEFORE.search(text, max(0, start - 12), start))


# An opening quotation mark right before a candidate: "`", "“", "«" or a straight double quote.
_OPEN_QUOTE = re.compile(r"(?:``|[\"“«])[ \t\xa0]*$")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens a quoted title, every word capitalised: the programme of
    'said on ABC's "This Week"', the show "Sunday Morning". Names that only look temporal (the
    guidelines of both languages leave programmes and shows out); a quoted sentence that starts with a
    time ('"This week we vote"') capitalises its first word only."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    m = _OPEN_QUOTE.search(text, max(0, start - 3), start)
    if m is None:
        return False
    if m.group().strip() != '"':
        return True
    # A straight quote opens when an even number of them comes before it in the paragraph.
    para = text.rfind("\n", 0, start) + 1
    return text.count('"', para, m.start()) % 2 == 0


# A month or a season and the year said aloud after it: "January nineteen ninety-seven", "the winter of
# nineteen ninety-four" (broadcast transcripts). The spelled year is found on its own; the two are one date.
_YEAR_JOIN = re.compile(r"\s+(?:of\s+)?")


def _with_spelled_years(text: str, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        e = prev.expr if prev is not None else None
        if (
            prev is not None
            and e is not None
            and c.rule == "spelled_year"
            and e.year is None
            and ((e.kind == "cal" and e.month is not None and e.day is None) or (e.kind == "season" and e.cue == 0))
            and _YEAR_JOIN.fullmatch(text, prev.end, c.start)
        ):
            out[-1] = Candidate(prev.start, c.end, text[prev.start : c.end], replace(e, year=c.expr.year), prev.rule)
            continue
        out.append(c)
    return out
