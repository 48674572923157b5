"""What the detection rules share: the rule type, fast matching, regex fragments per language, helpers.

A rule is a regular expression run over the raw text (so that spans are exactly on it) and a builder
that turns a match into an :class:`~dateline.timex.normalize.Expr`. The rules themselves live in one
module per kind of expression (:mod:`~dateline.timex.numeric`, :mod:`~dateline.timex.named`,
:mod:`~dateline.timex.relative`, :mod:`~dateline.timex.clock`, :mod:`~dateline.timex.durations`);
:mod:`~dateline.timex.detect` runs them all and resolves overlaps. The words they are built from are
the per-language resource files read by :func:`dateline.timex.lexicon.lexicon`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from dateline.timex.lexicon import alternation, lexicon, lookup, parse_number
from dateline.timex.normalize import Expr

__all__ = ["EN_TZ", "FR_TZ", "B", "Builder", "Ctx", "E", "Rule", "matches", "rule"]

B = r"(?<![\w-])"  # start of a word ("d'hier" and "qu'un an" are found too)
E = r"(?!\w)"  # end of a word ("Friday's" and "two-year" are found)

Builder = Callable[[re.Match[str], str], "Expr | tuple[int, int, Expr] | None"]


@dataclass(frozen=True)
class Rule:
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


def rule(name: str, pattern: str, build: Builder, flags: int = re.IGNORECASE) -> Rule:
    pattern = first_characters(pattern, flags) + pattern
    return Rule(name, re.compile(pattern, flags | re.UNICODE), build, _case_free(pattern, flags))


# The regex parser of the standard library (``re._parser`` since Python 3.11; its old name
# ``sre_parse`` warns on import). Only read to compute a look-ahead; any surprise there means no
# look-ahead, never a different pattern.
_PARSER: Any = importlib.import_module("re._parser")
_CONST: Any = importlib.import_module("re._constants")


class _Unknown(Exception):
    """A construct whose first characters :func:`first_characters` does not work out."""


def first_characters(pattern: str, flags: int = 0) -> str:
    """A look-ahead ``(?=[...])`` on the characters a match of ``pattern`` can start with, or "" when
    they cannot be worked out (or a match may be empty).

    Put in front of the pattern it changes no match: every match starts with one of those characters.
    It saves time: a rule is an alternation of many words behind optional articles, which the engine
    otherwise tries in full at the start of every word of the text. The class is read from the parsed
    pattern and compiled with the same flags, so it folds case exactly as the pattern does.
    """
    found: set[str] = set()
    try:
        if _first(_PARSER.parse(pattern, flags), found):
            return ""
    except Exception:  # _Unknown, or an internal of the regex parser that changed
        return ""
    return "(?=[" + "".join(sorted(found)) + "])" if found else ""


def _first(seq: Any, out: set[str]) -> bool:
    """Add to ``out`` the class items that can start ``seq`` (a parsed pattern); True when ``seq`` can
    also match the empty string (then what follows it can start a match too)."""
    c = _CONST
    cats = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w"}
    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the match starts at what follows
            continue
        if op is c.LITERAL:
            out.add(re.escape(chr(av)))
            return False
        if op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL:
                    out.add(re.escape(chr(iav)))
                elif iop is c.RANGE:
                    out.add(re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])))
                elif iop is c.CATEGORY and iav in cats:
                    out.add(cats[iav])
                else:  # a negated class, a negated category
                    raise _Unknown
            return False
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:  # "(?i:...)": the class would fold case otherwise
                raise _Unknown
            if not _first(sub, out):
                return False
            continue
        if op is c.BRANCH:
            empty = False
            for alt in av[1]:
                empty |= _first(alt, out)
            if not empty:
                return False
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            if high == 0:
                continue
            empty = _first(sub, out)
            if low > 0 and not empty:
                return False
            continue
        if op is c.ATOMIC_GROUP:
            if not _first(av, out):
                return False
            continue
        raise _Unknown  # any character, a back-reference...
    return True


def matches(r: Rule, text: str, low: str | None) -> list[re.Match[str]]:
    """The matches of ``r`` in ``text``: found on ``low`` (``text`` lower-cased, same length) when
    the rule allows it, then read again on ``text`` at the same place, so that builders see the words
    as written (some look at capitals)."""
    if r.lowered is None or low is None:
        return list(r.regex.finditer(text))
    out = []
    for found in r.lowered.finditer(low):
        m = r.regex.match(text, found.start())
        if m is None or m.end() != found.end():
            # Only a character that case-folds unlike its lower case could do this (the long s "ſ"
            # matches "s" case-insensitively, but lower-cases to itself): scan the text as written.
            return list(r.regex.finditer(text))
        out.append(m)
    return out


# ------------------------------------------------------------------------------------------- helpers


def year_of(text: str | None, *, pivot: int = 30) -> int | None:
    """A year written with 4 digits, or 2 ("98", "'93"): 00-30 are 20xx, the rest 19xx."""
    if not text:
        return None
    t = text.strip("'’ ")
    y = int(t)
    if len(t) == 2:
        y += 2000 if y <= pivot else 1900
    return y


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 3) : i].rstrip(' \t«"“(')
    return not before or before[-1] in ".!?\n:"


def mod_of(word: str | None) -> str | None:
    """The TimeML ``mod`` a modifier word carries ("début" START, "plus de" MORE_THAN...)."""
    if not word:
        return None
    w = word.lower()
    if w.startswith(("début", "early", "the beginning", "earlier", "beginning", "start")):
        return "START"
    if w.startswith(("fin", "late", "the end", "end")):
        return "END"
    if w.startswith(("mi", "milieu", "the middle")):
        return "MID"
    if w.startswith(("plus", "more", "over", "au moins", "at least")):
        return "MORE_THAN"
    if w.startswith(("moins", "less", "up to")):
        return "LESS_THAN"
    return "APPROX"


def group(m: re.Match[str], name: str) -> str | None:
    """A named group of ``m``, or None when the rule has no such group."""
    try:
        return m.group(name)
    except IndexError:
        return None


def every(k: int, unit: str) -> Expr:
    """The SET "every ``k`` ``unit``": ``P1W``, ``PT1H``."""
    if unit in ("H", "MIN", "S"):
        return Expr("set", set_value=f"PT{k}{'M' if unit == 'MIN' else unit}")
    return Expr("set", set_value=f"P{k}{unit}")


# Time zones after a clock time belong to the expression ("5 p.m. EST", "14 h GMT", "20 h 30 (heure
# de Paris)", "12 h 30 locales"). The value keeps the clock time alone, as TimeBank writes it.
EN_TZ = r"(?:\s+(?:(?-i:[ECMP][SD]T|GMT|UTC|CES?T)|local\s+time))?(?!\w)"
FR_TZ = (
    r"(?:,?\s+\(?(?:(?-i:GMT|UTC|TU|HEC)|heure\s+(?:de\s+Paris|française|locale|de\s+France)|locales?"
    r"|en\s+France)\)?)?(?!\w)"
)


# ------------------------------------------------------------------------------------------ context


class Ctx:
    """A language's lexicon and the regex fragments its rules are built from (computed once)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lx = lexicon(lang)

    def num(self, m: re.Match[str], name: str = "num") -> float | None:
        s = group(m, name)
        return parse_number(s, self.lang) if s else None

    def cue(self, word: str | None) -> int:
        """-1 for a past cue ("dernier", "last"), +1 for a future one, 0 otherwise; English "this",
        "current", "same" and a leading "the" are no direction."""
        if not word:
            return 0
        w = word.lower()
        if self.lang == "en":
            w = re.sub(r"^the\s+", "", w)
            if w in ("this", "current", "same"):
                return 0
        if w in self.lx.PAST_CUES:
            return -1
        if w in self.lx.FUTURE_CUES:
            return 1
        return 0

    def part_of(self, m: re.Match[str]) -> str | None:
        """The part of the day the ``part`` group names ("soir" EV); "midi" is a clock time, not one."""
        p = group(m, "part")
        if not p or p.lower() == "midi":
            return None
        return str(lookup(self.lx.PARTS_OF_DAY, p))

    # Fragments. English month and weekday names are matched capitalised only: "may" and "march" are
    # also common words.
    @cached_property
    def mon(self) -> str:
        if self.lang == "en":
            months = self.lx.MONTHS
            return "(?-i:" + alternation([w.capitalize() for w in months] + [w.upper() for w in months]) + ")"
        return alternation(self.lx.MONTHS)

    @cached_property
    def wd(self) -> str:
        if self.lang == "en":
            days = self.lx.WEEKDAYS
            return "(?-i:" + alternation([w.capitalize() for w in days] + [w.upper() for w in days]) + ")"
        return alternation(self.lx.WEEKDAYS)

    @cached_property
    def number(self) -> str:
        """A number in digits or in words ("24", "vingt-quatre", "twenty-four", "soixante et onze")."""
        numw = alternation(self.lx.NUMBERS)
        # The article that counts one ("a hundred", "a year") only opens a number or follows a joiner
        # ("two and a half"): in "up from seven a year ago" the number is "seven", and "a year ago" a
        # date of its own.
        inner = alternation(w for w in self.lx.NUMBERS if w not in self.lx.NUMBER_ARTICLES)
        joiner = alternation(self.lx.NUMBER_JOINERS)
        frac = r"(?:[-\s]1/[24]|½|¼|¾)"
        half = r"half\s+an?(?!\w)|" if "half" in self.lx.NUMBERS else ""  # "half a year"
        return rf"(?:\d+(?:[.,]\d+)?{frac}?|{half}{numw}(?:(?:-|\s+)(?:{joiner}(?:-|\s+){numw}|{inner}))*)"

    @cached_property
    def unit(self) -> str:
        return alternation(k for k in self.lx.UNITS if k != "half")

    @cached_property
    def cues(self) -> str:
        return alternation(self.lx.PAST_CUES + self.lx.FUTURE_CUES)

    @cached_property
    def season(self) -> str:
        return alternation(self.lx.SEASONS)

    @cached_property
    def ordinal(self) -> str:
        return alternation(self.lx.ORDINALS)

    @cached_property
    def part(self) -> str:
        if self.lang == "fr":
            return alternation([*self.lx.PARTS_OF_DAY, "midi"])
        return alternation(self.lx.PARTS_OF_DAY)

    # French years: 4 digits, "'98", or 2 digits at the end of a phrase ("octobre 98.").
    FR_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d(?!\d)|['’]\d\d(?!\d)|\d\d(?=\s*[,.;:)»]|\s*$))"
    FR_DAY = r"(?P<day>1er|1re|premier|[12]\d|3[01]|0?[1-9])"
    EN_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?!\d)"


_AGE_BEFORE = re.compile(
    r"(?:,|\bâgée?s?\s+de|(?<!plus\s)(?<!moins\s)(?<!près\s)\bde|\bde\s+\d+\s+à|\bles\s+(?:moins|plus)\s+de)\s*$",
    re.I,
)


# "À 47 ans, elle a changé de vie": "à" and a number of years opening the sentence, set off by a comma,
# is the age at which the subject does something (a distance is "à deux ans de l'élection", followed
# by "de"; a sentence length follows its verb: "condamné à dix ans").
_AGE_AT_OPENING = re.compile(r"(?:^|[.!?»…:]\s*|\n\s*)[ÀàA]\s+$")
_COMMA_AFTER = re.compile(r"\s*,")


def is_age(text: str, start: int, end: int) -> bool:
    """ "Jean Burget, 87 ans," and "une fillette de 6 ans": an age, which TimeML does not annotate;
    "À 47 ans, elle..." too."""
    before = text[max(0, start - 20) : start]
    if _AGE_AT_OPENING.search(before) and _COMMA_AFTER.match(text, end):
        return True
    return bool(_AGE_BEFORE.search(before))
