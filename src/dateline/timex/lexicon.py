"""The per-language time lexicons, and helpers over them: regex alternations, numbers in words.

The words themselves are data: ``dateline/data/timex/<lang>.toml``, one resource file per language
(HeidelTime keeps its per-language resources the same way), each with its origin in a header. This
module is the one loader: :func:`lexicon` reads a file once and gives its tables and lists as
attributes (``lexicon("fr").MONTHS``), so that adding a word or a language is an edit of data.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

__all__ = ["LANGS", "alternation", "lexicon", "lookup", "parse_number"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "timex"
LANGS = ("fr", "en")


@cache
def lexicon(lang: str) -> Any:
    """The lexicon of ``lang`` (``fr``; anything else reads ``en``): every table of its resource file
    as a dict attribute, every entry of its ``[lists]`` table as an attribute (arrays as tuples)."""
    path = _DATA / f"{'fr' if lang == 'fr' else 'en'}.toml"
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    attrs: dict[str, Any] = {k: v for k, v in raw.items() if k != "lists"}
    for k, v in raw.get("lists", {}).items():
        attrs[k] = tuple(v) if isinstance(v, list) else v
    return SimpleNamespace(**attrs)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "mars" does not stop at "mar."), with
    apostrophes matching both ' and ’ and spaces matching any run of whitespace."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        # Both apostrophes become one class (replacing them one after the other would put a class
        # inside the class: "l['['’]]an" matches no text).
        esc = re.escape(w).replace("’", "'").replace("'", "['’]").replace(r"\ ", r"\s+")
        out.append(esc)
    return "(?:" + "|".join(out) + ")"


# Case-insensitive patterns match these as the Latin letter they stand for ("ſeptembre" as
# "septembre"); folding them the same way here keeps a matched word from missing its table entry.
_FOLD_LIKE_RE = str.maketrans({"ſ": "s", "ı": "i", "ẛ": "ṡ", "ﬅ": "st", "ﬆ": "st"})


def lookup(table: Mapping[str, Any], word: str) -> Any:
    """Look ``word`` up in a lexicon table, folding case, apostrophes and inner whitespace."""
    key = re.sub(r"\s+", " ", word.lower().replace("’", "'").translate(_FOLD_LIKE_RE)).strip()
    if key in table:
        return table[key]
    return table.get(key.rstrip("."), table.get(key + "."))


def parse_number(text: str, lang: str) -> float | None:
    """A number written in digits ("24", "30,4") or words ("vingt-quatre", "twenty-four", "trois")."""
    s = text.strip().lower()
    # A whole number and a vulgar fraction: "2 1/2", "7-1/2", "2½" (wire copy writes halves so).
    frac = re.fullmatch(r"(\d+)?[-\s]?(?:(1)/([24])|(½)|(¼)|(¾))", s)
    if frac:
        whole = float(frac[1] or 0)
        part = 1 / float(frac[3]) if frac[2] else 0.5 if frac[4] else 0.25 if frac[5] else 0.75
        return whole + part
    digits = s.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", digits):
        return float(digits.replace(",", "."))
    lex = lexicon(lang)
    words = [w for w in re.split(r"[-\s]+", s) if w and w not in lex.NUMBER_JOINERS]
    if len(words) > 2 and words[-2:] in (["a", "half"], ["an", "half"]):
        words = [*words[:-2], "half"]  # "two and a half": the article of "a half" is not "one"
    if words in (["half", "a"], ["half", "an"]):
        return 0.5  # "half a year"
    if not words:
        return None
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # "a two-year term", "a hundred days": the article is not "one"
    total, current = 0.0, 0.0
    for w in words:
        v = lex.NUMBERS.get(w)
        if v is None:
            return None
        if w in lex.MULTIPLIERS and v >= 100:
            current = max(current, 1) * v
            if v >= 1000:
                total += current
                current = 0
        elif v == 20 and current == 4 and lang == "fr":  # quatre-vingt(s)
            current = 80
        else:
            current += v
    return total + current
