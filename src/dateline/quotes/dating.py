"""Dating a quotation: when was it said?

A time expression that governs the reporting clause dates the statement ("a déclaré samedi",
"said on Monday", "lors de la conférence du 28 janvier"); a time expression inside the quoted content
dates what is talked about, not the statement, and is ignored. Without one, the statement was made
at the latest when the article was written: the publication window (``doc._.published`` when the
time component tightened it, else the ``dct`` interval), with the ``dct`` value.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc, Span, Token

__all__ = ["TimexIndex", "quote_date"]

# Hops from a time expression's head up to the reporting verb: "a déclaré [lors d'une conférence
# de presse le 28 janvier]" puts the date three arcs below the verb; further up is another clause.
_MAX_HOPS = 3


def _governs(verb: Token, tx_span: Span) -> bool:
    tok = tx_span.root
    for _ in range(_MAX_HOPS + 1):
        if tok == verb:
            return True
        if tok.head == tok or (tok.pos_ in ("VERB",) and tok != tx_span.root):
            return False
        tok = tok.head
    return False


# A time expression that governs a reporting verb sits within its clause: looking this many characters
# around the cue and the speaker is enough, and keeps the cost per quotation bounded.
_REACH = 300


class TimexIndex:
    """The document's timexes sorted by start, to find those near a reporting clause by bisection."""

    def __init__(self, timexes: list[dict[str, Any]]) -> None:
        self.items = sorted((t for t in timexes if t.get("start") is not None), key=lambda t: t["start"])
        self.starts = [t["start"] for t in self.items]

    def near(self, lo: int, hi: int) -> list[dict[str, Any]]:
        a = bisect.bisect_left(self.starts, lo - _REACH)
        b = bisect.bisect_right(self.starts, hi + _REACH)
        return self.items[a:b]


def quote_date(
    doc: Doc,
    content: tuple[int, int],
    cue: Span | None,
    speaker: Span | None,
    verb: Token | None,
    index: TimexIndex | None = None,
) -> dict[str, Any] | None:
    """The ``date`` of a quote: a governing timex, else the publication window (``None`` without dct)."""
    c0, c1 = content
    if cue is not None:
        lo = cue.start_char
        hi = max(cue.end_char, speaker.end_char if speaker is not None else cue.end_char)
        near = (index or TimexIndex(doc._.timexes or [])).near(lo, hi)
        for tx in near:
            s, e = tx.get("start"), tx.get("end")
            if s is None or e is None or (c0 <= s < c1) or not tx.get("earliest") or not tx.get("latest"):
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            # Inside the reporting clause ("a déclaré samedi Lavrov") or attached to its verb.
            if (lo <= s and e <= hi + 1) or (verb is not None and _governs(verb, span)):
                out = {
                    "value": tx.get("value") or tx["earliest"],
                    "earliest": tx["earliest"],
                    "latest": tx["latest"],
                }
                if tx.get("id"):
                    out["timex"] = tx["id"]
                return out
    dct = doc._.dct
    if dct is None:
        return None
    if doc._.published is not None:
        earliest, latest = doc._.published
        return {"value": dct.value, "earliest": earliest.isoformat(), "latest": latest.isoformat()}
    return {"value": dct.value, **dct.interval()}
