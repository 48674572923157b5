"""Context for resolving time expressions: tense direction, the publication window, narrative anchors.

- :func:`direction` reads the tense of the verb governing an expression in the dependency parse
  ("se sont entretenus samedi" → past, "se rencontreront samedi" → future, "will meet on Friday" →
  future), so an underspecified "samedi" is the last or the next Saturday.
- :func:`infer_published` tightens a month- or year-only publication date with what the text says:
  a past-tense "le 28 janvier" in an article dated ``2017-01`` was written on or after the 28th; a
  future-tense "le 30 janvier" on or before the 30th.
- :func:`narrative_anchor` gives the day the narration last named, for "le lendemain" and clock times.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from dateline.timex.detect import Candidate
from dateline.timex.normalize import resolve

__all__ = ["direction", "infer_published", "narrative_anchor", "verb_direction"]

_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "auxpass", "cop", "aux:caus")
# How far up the dependency tree to look for the governing verb: a time expression hangs from its verb
# directly or through a noun or preposition ("lors de la réunion de samedi"); further up, the verb met
# is rarely the one that dates the expression.
_MAX_HOPS = 4


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in _AUX_DEPS or c.dep_.startswith("aux")]


def _has(tok: Token, feat: str, value: str) -> bool:
    return value in tok.morph.get(feat)


def verb_direction(verb: Token, lang: str) -> int:
    """-1 if ``verb`` (with its auxiliaries) is in a past tense, +1 future, 0 present or unknown."""
    auxs = _aux(verb)
    forms = [verb, *auxs]
    if lang == "en":
        lowers = {a.lower_ for a in auxs}
        if lowers & {"will", "'ll", "shall", "wo"}:
            return 1
        if any(a.lower_ == "going" for a in auxs) or (verb.lower_ == "going" and any(
            c.dep_ == "xcomp" for c in verb.children
        )):
            return 1
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxs):
            return -1
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxs):
            return -1
        if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:
            return verb_direction(verb.head, lang) if verb.head.pos_ in ("VERB", "AUX") else 0
        return 0
    # French
    if any(_has(t, "Tense", "Fut") for t in forms):
        return 1
    if any(a.lemma_ == "aller" and _has(a, "Tense", "Pres") for a in auxs) and _has(verb, "VerbForm", "Inf"):
        return 1
    if _has(verb, "VerbForm", "Part") and _has(verb, "Tense", "Past"):
        return -1
    if any(_has(a, "VerbForm", "Part") for a in auxs):  # "ont été", "a été"
        return -1
    if any(_has(t, "Tense", "Imp") or _has(t, "Tense", "Past") for t in forms):
        return -1
    if any(_has(t, "Mood", "Cnd") for t in forms):
        return 1  # "devrait", "se tiendrait": prospective in news
    if _has(verb, "VerbForm", "Inf") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return verb_direction(verb.head, lang)  # "devrait se rencontrer samedi"
    return 0


def direction(doc: Doc, start: int, end: int, lang: str) -> int:
    """The tense direction of the verb governing the expression at ``doc.text[start:end]``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    tok = span.root
    for _ in range(_MAX_HOPS + 1):
        if tok.pos_ in ("VERB", "AUX") or _aux(tok):
            if tok.i < span.start or tok.i >= span.end or tok.pos_ == "VERB":
                return verb_direction(tok, lang)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return 0


def infer_published(
    cands: Sequence[Candidate], dirs: Sequence[int], window: tuple[date, date]
) -> tuple[date, date]:
    """Tighten the writing window with explicit day dates the text puts in the past or the future.

    Only full calendar dates ("le 28 janvier", "March 3") count, each read in the window's year when
    it gives none; evidence outside the window or contradicting earlier evidence is ignored rather
    than trusted (the window never becomes empty).
    """
    lo, hi = window
    if lo == hi:
        return window
    for c, d in zip(cands, dirs, strict=True):
        e = c.expr
        if e.kind != "cal" or e.month is None or e.day is None or e.hour is not None:
            continue
        tense = e.cue or d
        if tense == 0:
            continue
        r = resolve(e, (lo, hi), 0)
        if r.earliest is None or r.earliest != r.latest:
            continue
        day = r.earliest
        if tense < 0 and lo < day <= hi:
            lo = day
        elif tense > 0 and lo <= day < hi:
            hi = day
    return lo, hi


def narrative_anchor(
    last_day: tuple[date, int] | None, sentence: int, kind: str, max_gap: int = 2
) -> date | None:
    """The day a relative expression in sentence ``sentence`` is anchored on, if the narration gave one.

    "le lendemain"/"la veille" take the last day named anywhere before; a bare clock time ("à 20 h")
    takes it only from the same or the ``max_gap`` previous sentences, since further back the text has
    usually moved on to the present of the article.
    """
    if last_day is None:
        return None
    day, where = last_day
    if kind == "narr":
        return day
    if kind == "clock" and sentence - where <= max_gap:
        return day
    return None
