"""``dateline_timex``: find every time expression of an article and resolve it against its date.

Writes ``doc._.timexes`` (contract form, ids ``t1``..) and ``doc._.published`` (the window in which the
article was written, tightened from ``doc._.dct`` by what the text says). Runs after the parser: the
tense of the governing verb decides whether "samedi" is the last or the next Saturday.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from dateline.extensions import doc_text, register_extensions
from dateline.timex.anchor import (
    apposition_day,
    dateline_day,
    describes_present_state,
    direction,
    infer_published,
    narrative_anchor,
)
from dateline.timex.detect import Candidate, find_candidates
from dateline.timex.learned import DEFAULT_MODEL, LearnedExtents, Proposal
from dateline.timex.lexicon import lexicon, lookup
from dateline.timex.normalize import UNIT_DAYS, Expr, Resolved, resolve, shift_quarter

__all__ = ["TimexTagger", "learned_candidates", "make_timex_tagger", "timexes_for"]


def _sentence_index(doc: Doc) -> list[int]:
    """Per character, nothing; per sentence start offset, its index (for the narrative anchor)."""
    try:
        return [s.start_char for s in doc.sents]
    except ValueError:  # no sentence boundaries set (blank pipelines in tests)
        return [0]


def _sent_of(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def timexes_for(
    doc: Doc,
    lang: str,
    window: tuple[date, date] | None,
    proposed: Sequence[Proposal] = (),
    unknown: str = "keep",
) -> tuple[list[dict[str, Any]], tuple[date, date] | None]:
    """The timex dicts of ``doc`` and the tightened publication window (``None`` without a date).

    ``proposed``: extents the learned detector proposes (see :func:`learned_candidates`), added where
    no rule candidate overlaps them; ``unknown`` says what becomes of one the rules cannot read
    (``"keep"`` it with a placeholder value and no interval, or ``"drop"`` it).
    """
    cands: list[Candidate] = find_candidates(doc_text(doc), lang)
    if proposed:
        cands = sorted(
            [*cands, *learned_candidates(doc_text(doc), cands, proposed, lang, unknown)], key=lambda c: c.start
        )
    if not lexicon(lang).PART_IN_VALUE:
        cands = [_part_aside(c) for c in cands]
    if lexicon(lang).QUARTERS_IN_MONTHS:
        cands = [_quarters_in_months(c) for c in cands]
    has_parse = doc.has_annotation("DEP")
    if has_parse and lexicon(lang).TODAY_MAY_BE_PRESENT_REF:
        cands = [_today_as_present(doc, c, lang) for c in cands]
    dirs = [direction(doc, c.start, c.end, lang) if has_parse else 0 for c in cands]
    if window is not None and window[0] < window[1]:
        day = dateline_day(doc_text(doc), cands, window) or apposition_day(doc_text(doc), cands, window)
        if day is not None:
            window = (day, day)
    published = infer_published(cands, dirs, window) if window is not None else None
    starts = _sentence_index(doc) if has_parse or doc.has_annotation("SENT_START") else [0]
    sents = [_sent_of(starts, c.start) for c in cands]
    # First the expressions that need no narrative anchor; then, in text order, "le lendemain" and
    # clock times, anchored on the day the narration names (see anchor.narrative_anchor).
    resolved = _weekdays_named(cands, _first_pass(cands, dirs, published), dirs)
    resolved = _ranges_in_order(doc_text(doc), cands, resolved, published)
    refs: list[date | None] = [None] * len(cands)
    last_day: tuple[date, int] | None = None
    last_period: tuple[date, date] | None = None
    last_quarter: tuple[str, int] | None = None
    report_q: str | None = None
    for i, c in enumerate(cands):
        r = resolved[i]
        if r is None and c.expr.narrative:
            ref_day = _period_anchor(last_period, c.expr.unit)
            refs[i] = ref_day
            r = resolved[i] = resolve(c.expr, published, dirs[i], ref_day)
        elif r is None:
            ref_day = narrative_anchor(last_day, c.start, c.expr.kind, doc_text(doc))
            if ref_day is None and c.expr.kind == "clock":
                ref_day = _day_in_sentence_after(cands, resolved, sents, i)
            refs[i] = ref_day
            r = resolved[i] = resolve(c.expr, published, dirs[i], ref_day)
        e = c.expr
        # "profit rose from $5 million a year earlier", said of a quarter named just before: the same
        # quarter a year before (financial news compares quarter with quarter).
        if (
            e.kind == "shift"
            and e.unit == "Y"
            and abs(e.offset) == 1
            and last_quarter is not None
            and sents[i] - last_quarter[1] <= 1
        ):
            q = shift_quarter(last_quarter[0], e.offset)
            if q is not None:
                r = resolved[i] = q
        # "net income for the quarter rose": in a report that has named its quarter, the bare "the
        # quarter" is that quarter, whatever the tense. The report's quarter is the first one it names
        # (a results story leads with it: "third-quarter profit rose"); later quarters are comparisons
        # and forecasts.
        if e.kind == "relunit" and e.unit == "Q" and e.follow_tense and report_q is not None:
            q = shift_quarter(report_q, 0)
            if q is not None:
                r = resolved[i] = q
        # "the year-ago quarter" of such a report is its quarter a year before; "the 1988 quarter",
        # "the 1988 period" its quarter in 1988.
        if e.kind == "relunit" and e.unit == "Q" and e.offset == -5 and report_q is not None:
            q = shift_quarter(report_q, -1)
            if q is not None:
                r = resolved[i] = q
        if e.report_quarter and e.year is not None and report_q is not None:
            q = shift_quarter(f"{e.year:04d}-Q{report_q[-1]}", 0)
            if q is not None:
                r = resolved[i] = q
        # A year-ago comparison names the period a figure is set against; the narration stays where it
        # was, so what follows ("a year earlier" again, "the following year") is not counted from it.
        compares = _compares(e)
        if r.type == "DATE" and re.fullmatch(r"\d{4}-Q[1-4]", r.value) and e.kind != "shift" and not compares:
            last_quarter = (r.value, sents[i])
            report_q = report_q or r.value
        if _names_day(r) and e.kind in ("cal", "weekday", "relday", "narr", "holiday") and r.earliest is not None:
            last_day = (r.earliest, c.end)
        if _names_period(r) and e.kind not in ("ref", "duration", "set") and not compares and r.earliest and r.latest:
            last_period = (r.earliest, r.latest)
    out: list[dict[str, Any]] = []
    for i, c in enumerate(cands):
        r = resolved[i]
        assert r is not None
        item: dict[str, Any] = {
            "id": f"t{len(out) + 1}",
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "type": r.type,
            "value": r.value,
            "earliest": r.earliest.isoformat() if r.earliest else None,
            "latest": r.latest.isoformat() if r.latest else None,
        }
        if c.expr.mod:
            item["mod"] = c.expr.mod
        part = c.expr.part or getattr(c, "part", None)
        if part:
            item["part"] = part
        if refs[i] is not None:
            item["anchor"] = "narrative"
        elif r.earliest is not None and c.expr.kind not in ("cal", "decade", "century") and c.expr.year is None:
            item["anchor"] = "dct"
        if not r.determined:
            item["determined"] = False
        out.append(item)
    return out, published


# A TIMEX3 of each type whose value the words do not give: the placeholder of each type (ISO-TimeML
# writes unknown digits as X; an unknown length in a known unit is "PXD", "PXY").
_PLACEHOLDER = {"DATE": "XXXX-XX-XX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PXX", "SET": "XXXX"}


def learned_candidates(
    text: str, rules: Sequence[Candidate], proposed: Sequence[Proposal], lang: str, unknown: str = "keep"
) -> list[Candidate]:
    """Candidates for the learned detector's proposals that overlap no rule candidate (nor each other).

    The rules stay the normaliser: the proposal's words are read by the rules on their own (an
    expression the rules know, missed in context, gets its full reading over the proposed extent);
    one they cannot read gets the honest treatment of an unknown, the model's type with a placeholder
    value and no interval (``unknown="keep"``), or is left out (``"drop"``). A duration's unit, when
    one of its words names it ("quelques semaines"), is kept in its placeholder ("PXW").
    """
    taken = [(c.start, c.end) for c in rules]
    out: list[Candidate] = []
    for p in sorted(proposed, key=lambda p: -p.confidence):
        if any(p.start < e and s < p.end for s, e in taken):
            continue
        words = text[p.start : p.end]
        inner = find_candidates(words, lang)
        best = max(inner, key=lambda c: c.end - c.start) if inner else None
        if best is not None and 2 * (best.end - best.start) >= len(words):
            expr = best.expr
        elif unknown == "drop":
            continue
        else:
            value = _PLACEHOLDER.get(p.type, "XXXX-XX-XX")
            if p.type == "DURATION":
                units = [lookup(lexicon(lang).UNITS, w) for w in re.findall(r"[\w-]+", words)]
                unit = next((u for u in reversed(units) if u and len(u) == 1), None)
                value = f"PX{unit}" if unit else value
            expr = Expr("unknown", ref_type=p.type, set_value=value)
        taken.append((p.start, p.end))
        out.append(Candidate(p.start, p.end, words, expr, "learned"))
    return out


def _first_pass(cands: list[Candidate], dirs: list[int], published: tuple[date, date] | None) -> list[Resolved | None]:
    """The expressions that need no narrative anchor, resolved in the writing window (the others
    ``None``, resolved later in text order)."""
    return [
        None if c.expr.kind in ("clock", "narr") or c.expr.narrative else resolve(c.expr, published, d)
        for c, d in zip(cands, dirs, strict=True)
    ]


def _weekdays_named(cands: list[Candidate], resolved: list[Resolved | None], dirs: list[int]) -> list[Resolved | None]:
    """Undetermined weekdays settled by a day the text names with its date.

    "samedi" in an article dated only ``1999-05`` could be any of four Saturdays; when the text also
    names "samedi 29 mai" inside the interval the window allows, the bare weekday is that day: the
    article speaks of one Saturday, and it told us which. Only a full date written with its weekday
    counts (a bare "Oct. 13" that happens to be a Friday is often another week than "Friday"), and
    only a single one; two named Saturdays leave the honest interval.
    """
    named: dict[date, set[int]] = {}
    for c, r, d in zip(cands, resolved, dirs, strict=True):
        if (
            r is not None
            and r.earliest is not None
            and _names_day(r)
            and c.expr.kind == "cal"
            and c.expr.weekday is not None
        ):
            named.setdefault(r.earliest, set()).add(c.expr.cue or d)
    if not named:
        return resolved
    out = list(resolved)
    for i, (c, r) in enumerate(zip(cands, resolved, strict=True)):
        e = c.expr
        if r is None or r.determined or e.kind != "weekday" or e.weekday is None or e.unit == "WE":
            continue
        if r.earliest is None or r.latest is None:
            continue
        # A past "jeudi" is not a Thursday the text puts ahead ("jusqu'au jeudi 15"), nor the reverse.
        tense = e.cue or dirs[i]
        days = [
            d
            for d, tenses in named.items()
            if d.weekday() == e.weekday and r.earliest <= d <= r.latest and all(tense * t >= 0 for t in tenses)
        ]
        if len(days) == 1:
            out[i] = resolve(
                replace(e, kind="cal", year=days[0].year, month=days[0].month, day=days[0].day, weekday=None, cue=0),
                None,
            )
    return out


# "du 3 mars au 5 avril", "from March 3 to April 5", "between 1990 and 1995", "entre le 3 et le 5 mai".
_RANGE_OPEN = re.compile(r"(?:\bdu|\bde|\bfrom|\bbetween|\bentre(?:\s+le)?)\s*$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:au|à|et(?:\s+le)?|to|and|through|until|-|–)\s*$", re.I)


def _ranges_in_order(
    text: str, cands: list[Candidate], resolved: list[Resolved | None], window: tuple[date, date] | None
) -> list[Resolved | None]:
    """The ends of a range read in order: a yearless end is the first occurrence on or after the
    start ("du 3 mars au 5 avril" written in March: April of the same year, whatever the tense), a
    yearless start the last on or before a dated end ("from Dec. 3 to Jan. 5, 2018": Dec. 2017)."""
    if window is None:
        return resolved
    out = list(resolved)
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        ra, rb = out[i], out[i + 1]
        if ra is None or rb is None or a.expr.kind != "cal" or b.expr.kind != "cal":
            continue
        if not (_RANGE_OPEN.search(text[max(0, a.start - 12) : a.start]) and _RANGE_JOIN.match(text[a.end : b.start])):
            continue
        if b.expr.year is None:
            if ra.earliest is not None and ra.latest is not None and b.expr.month is not None:
                out[i + 1] = resolve(b.expr, (ra.earliest, ra.latest), 1)
        elif a.expr.year is None and rb.earliest is not None and rb.latest is not None and a.expr.month is not None:
            out[i] = resolve(a.expr, (rb.earliest, rb.latest), -1)
    return out


def _today_as_present(doc: Doc, c: Candidate, lang: str) -> Candidate:
    """A bare "aujourd'hui" in a clause describing a present state made PRESENT_REF ("nowadays"; see
    anchor.describes_present_state); any other candidate unchanged."""
    e = c.expr
    if e.kind != "relday" or e.offset != 0 or e.part or e.weekday is not None or e.hour is not None:
        return c
    if lookup(lexicon(lang).REL_DAYS, c.text) != 0 or not describes_present_state(doc, c.start, c.end, lang):
        return c
    return replace(c, expr=Expr("ref", ref="PRESENT_REF", ref_type=lexicon(lang).REF_TYPE))


def _quarters_in_months(c: Candidate) -> Candidate:
    """A length in quarters counted in months ("deux trimestres" P6M), for a language whose guidelines
    have no quarter unit."""
    e = c.expr
    if e.kind != "duration" or e.unit != "Q":
        return c
    return replace(c, expr=replace(e, unit="M", amount=None if e.amount is None else 3 * e.amount))


def _part_aside(c: Candidate) -> Candidate:
    """The candidate with its part of day moved out of the expression (kept for the "part" field)."""
    if not c.expr.part or c.expr.kind not in ("weekday", "relday", "narr", "cal"):
        return c
    return _PartCandidate(c.start, c.end, c.text, replace(c.expr, part=None), c.rule, c.expr.part)


@dataclass(frozen=True)
class _PartCandidate(Candidate):
    part: str | None = None


def _compares(e: Expr) -> bool:
    """Whether ``e`` names a period a figure is compared with: "a year earlier", "a year ago", "the
    year-earlier quarter", "the year-ago third quarter", "the 1988 quarter"."""
    return (
        (e.kind == "shift" and e.unit == "Y" and e.offset == -1)
        or (e.kind == "relunit" and e.unit == "Q" and e.offset == -5)
        or (e.kind == "quarter" and e.offset == -1)
        or e.report_quarter
    )


def _names_period(r: Resolved | None) -> bool:
    """Whether a resolved expression names a known period (a day, a month, a year...)."""
    return (
        r is not None
        and r.earliest is not None
        and r.latest is not None
        and r.determined
        and r.type in ("DATE", "TIME")
        and not r.value.endswith("_REF")
    )


def _period_anchor(last: tuple[date, date] | None, unit: str | None) -> date | None:
    """The day an anaphoric "the following week", "l'année suivante", "two days earlier" counts from:
    the first day of the period the narration last named, when that period is no longer than the unit
    counted (a named day anchors "the following week"; a named year does not anchor "two days
    earlier", which then counts from the writing day)."""
    if last is None or unit is None:
        return None
    if (last[1] - last[0]).days + 1 > UNIT_DAYS.get(unit, 1):
        return None
    return last[0]


def _names_day(r: Resolved | None) -> bool:
    """Whether a resolved expression names one known day (a narrative anchor)."""
    return (
        r is not None
        and r.earliest is not None
        and r.earliest == r.latest
        and r.determined
        and r.type in ("DATE", "TIME")
        and not r.value.endswith("_REF")
    )


def _day_in_sentence_after(
    cands: list[Candidate], resolved: list[Resolved | None], sents: list[int], i: int
) -> date | None:
    """The first day named later in the same sentence ("vers 0 h 40, jeudi")."""
    for j in range(i + 1, len(cands)):
        if sents[j] != sents[i]:
            break
        r = resolved[j]
        if cands[j].expr.kind in ("cal", "weekday", "relday") and r is not None and _names_day(r):
            return r.earliest
    return None


class TimexTagger:
    """Writes ``doc._.timexes`` and ``doc._.published`` (see module docstring).

    With ``learned = "on"``, the learned extent detector (:mod:`dateline.timex.learned`, the model of
    ``learned_model``, by default the one shipped for French) proposes extents the rules did not find;
    those of confidence ``learned_threshold`` or more are added (see :func:`learned_candidates`).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        lang: str,
        learned: str = "off",
        learned_model: str = "",
        learned_threshold: float = 0.9,
        learned_unknown: str = "keep",
    ) -> None:
        self.name = name
        self.lang = lang
        register_extensions()
        if learned not in ("off", "on"):
            raise ValueError(f"learned must be 'off' or 'on', not {learned!r}")
        if learned_unknown not in ("keep", "drop"):
            raise ValueError(f"learned_unknown must be 'keep' or 'drop', not {learned_unknown!r}")
        self.threshold = learned_threshold
        self.unknown = learned_unknown
        self.learned = _load_learned(learned_model, lang) if learned == "on" else None

    def __call__(self, doc: Doc) -> Doc:
        return self._tag(doc, self.learned.propose(doc) if self.learned is not None else [])

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """:meth:`__call__` over a stream; the learned detector (when on) runs once per batch."""
        if self.learned is None:
            for doc in stream:
                yield self._tag(doc, [])
            return
        for batch in minibatch(stream, size=batch_size):
            for doc, props in zip(batch, self.learned.propose_many(batch), strict=True):
                yield self._tag(doc, props)

    def _tag(self, doc: Doc, proposed: Sequence[Proposal]) -> Doc:
        dct = doc._.dct
        window = (dct.earliest, dct.latest) if dct is not None else None
        kept = [p for p in proposed if p.confidence >= self.threshold]
        timexes, published = timexes_for(doc, self.lang, window, kept, self.unknown)
        doc._.timexes = timexes
        doc._.published = published
        return doc


def _load_learned(path: str, lang: str) -> LearnedExtents:
    """The learned extent detector at ``path`` (default: the model shipped for French); a local
    directory, nothing is downloaded."""
    from dateline.errors import DatelineError

    where = Path(path) if path else (DEFAULT_MODEL if lang == "fr" else None)
    if where is None or not where.is_dir():
        raise DatelineError(
            "missing-model",
            f"the learned timex detector was asked for (learned_model={path!r}, lang={lang}) but no model is there",
            hint="train one with `make train-timex` and give its directory as learned_model",
        )
    return LearnedExtents(where)


@Language.factory(
    "dateline_timex",
    assigns=["doc._.timexes", "doc._.published"],
    requires=["token.dep", "token.morph"],
    default_config={
        "lang": "fr",
        "learned": "off",
        "learned_model": "",
        "learned_threshold": 0.9,
        "learned_unknown": "keep",
    },
)
def make_timex_tagger(
    nlp: Language,
    name: str,
    lang: str,
    learned: str,
    learned_model: str,
    learned_threshold: float,
    learned_unknown: str,
) -> TimexTagger:
    """Find and resolve time expressions (see :class:`TimexTagger`); ``learned`` (``"off"`` or
    ``"on"``) adds the learned extent detector's proposals."""
    return TimexTagger(nlp, name, lang, learned, learned_model, learned_threshold, learned_unknown)
