"""Helpers for the event tests: run the real pipeline on a text, optionally with hand-made timexes.

The time component is another capability; these tests give ``doc._.timexes`` by hand (in the
contract's form) so the event dating logic is tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline.article import PubDate


def timex(text: str, needle: str, value: str, tid: str = "t1", nth: int = 0, kind: str = "DATE") -> dict[str, Any]:
    """A timex dict for the ``nth`` occurrence of ``needle`` in ``text``; earliest/latest = value's days."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    iv = PubDate.parse(value) if value[:4].isdigit() else None
    return {
        "id": tid,
        "start": start,
        "end": start + len(needle),
        "text": needle,
        "type": kind,
        "value": value,
        "earliest": iv.earliest.isoformat() if iv else None,
        "latest": iv.latest.isoformat() if iv else None,
    }


def only(doc: Doc, etype: str) -> dict[str, Any]:
    """The one event of ``etype`` in ``doc`` (fails, showing the events, if there is not exactly one)."""
    found = [e for e in doc._.events if e["type"] == etype]
    assert len(found) == 1, doc._.events
    return found[0]


def codes(ev: dict[str, Any]) -> tuple[str | None, str | None]:
    """(source code, target code) of an event; a missing target gives None."""
    return ev["source"]["code"], (ev["target"] or {}).get("code")


def run(nlp: Language, text: str, dct: str = "2017-01", timexes: list[dict[str, Any]] | None = None) -> Doc:
    """The pipeline on ``text``; when ``timexes`` is given it replaces ``doc._.timexes`` before events."""
    doc = nlp.make_doc(text)
    doc._.dct = PubDate.parse(dct)
    for name, proc in nlp.pipeline:
        if name == "dateline_events" and timexes is not None:
            doc._.timexes = timexes
        doc = proc(doc)
    return doc


@pytest.fixture(scope="session")
def fr(nlp_fr: Language) -> Callable[..., Doc]:  # type: ignore[no-untyped-def]
    return lambda text, **kw: run(nlp_fr, text, **kw)


@pytest.fixture(scope="session")
def en(nlp_en: Language) -> Callable[..., Doc]:  # type: ignore[no-untyped-def]
    return lambda text, **kw: run(nlp_en, text, **kw)
