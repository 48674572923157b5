"""Shared helpers over the per-language lexicons: regex alternations and numbers written in words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["alternation", "lexicon", "lookup", "parse_number"]


def lexicon(lang: str) -> Any:
    """The lexicon module of ``lang`` (``fr`` or ``en``)."""
    if lang == "fr":
        from dateline.timex import lexicon_fr

        return lexicon_fr
    from dateline.timex import lexicon_en

    return lexicon_en


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
    digits = s.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", digits):
        return float(digits.replace(",", "."))
    lex = lexicon(lang)
    words = [w for w in re.split(r"[-\s]+", s) if w and w not in lex.NUMBER_JOINERS]
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
