"""What the time component finds in one sentence written on a given day, with a blank pipeline (no
parse: no tense direction, so underspecified dates take the nearest occurrence)."""

from __future__ import annotations

from datetime import date

import spacy

from dateline.timex.component import timexes_for


def tagged(sentence: str, lang: str, day: date | tuple[date, date]) -> list[tuple[str, str, str]]:
    """(text, type, value) of every timex of ``sentence`` written on ``day`` (or in a window)."""
    window = day if isinstance(day, tuple) else (day, day)
    found, _ = timexes_for(spacy.blank(lang)(sentence), lang, window)
    return [(t["text"], t["type"], t["value"]) for t in found]
