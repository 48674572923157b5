"""``dateline_timex``: find every time expression of an article and resolve it against its date.

Writes ``doc._.timexes`` (contract form, ids ``t1``..) and ``doc._.published`` (the window in which the
article was written, tightened from ``doc._.dct`` by what the text says). Runs after the parser: the
tense of the governing verb decides whether "samedi" is the last or the next Saturday.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.extensions import register_extensions
from dateline.timex.anchor import direction, infer_published, narrative_anchor
from dateline.timex.detect import Candidate, find_candidates
from dateline.timex.normalize import Resolved, resolve

__all__ = ["TimexTagger", "make_timex_tagger", "timexes_for"]


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
    doc: Doc, lang: str, window: tuple[date, date] | None
) -> tuple[list[dict[str, Any]], tuple[date, date] | None]:
    """The timex dicts of ``doc`` and the tightened publication window (``None`` without a date)."""
    cands: list[Candidate] = find_candidates(doc.text, lang)
    has_parse = doc.has_annotation("DEP")
    dirs = [direction(doc, c.start, c.end, lang) if has_parse else 0 for c in cands]
    published = infer_published(cands, dirs, window) if window is not None else None
    starts = _sentence_index(doc) if has_parse or doc.has_annotation("SENT_START") else [0]
    out: list[dict[str, Any]] = []
    last_day: tuple[date, int] | None = None
    for c, d in zip(cands, dirs, strict=True):
        sent = _sent_of(starts, c.start)
        ref_day = narrative_anchor(last_day, sent, c.expr.kind)
        r: Resolved = resolve(c.expr, published, d, ref_day)
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
        if ref_day is not None:
            item["anchor"] = "narrative"
        elif r.earliest is not None and c.expr.kind not in ("cal", "decade", "century"):
            item["anchor"] = "dct"
        if not r.determined:
            item["determined"] = False
        out.append(item)
        # The narration "names a day" with an explicit or resolved single day (not "aujourd'hui" in a
        # general sense, which PRESENT_REF covers).
        if r.earliest is not None and r.earliest == r.latest and r.determined and r.type in ("DATE", "TIME"):
            if c.expr.kind in ("cal", "weekday", "relday", "narr"):
                last_day = (r.earliest, sent)
    return out, published


class TimexTagger:
    """Writes ``doc._.timexes`` and ``doc._.published`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        self.name = name
        self.lang = lang
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        dct = doc._.dct
        window = (dct.earliest, dct.latest) if dct is not None else None
        timexes, published = timexes_for(doc, self.lang, window)
        doc._.timexes = timexes
        doc._.published = published
        return doc


@Language.factory(
    "dateline_timex",
    assigns=["doc._.timexes", "doc._.published"],
    requires=["token.dep", "token.morph"],
    default_config={"lang": "fr"},
)
def make_timex_tagger(nlp: Language, name: str, lang: str) -> TimexTagger:
    """Find and resolve time expressions (see :class:`TimexTagger`)."""
    return TimexTagger(nlp, name, lang)
