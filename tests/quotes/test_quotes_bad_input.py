"""Bad input through the real French pipeline: unclosed marks, one long quote, no punctuation, long
articles. No crash, valid spans, nothing invented, and the quotes component's time linear in length."""

from __future__ import annotations

import time
from typing import Any

import pytest

from dateline.article import PubDate
from dateline.quotes.component import extract_quotes

pytestmark = pytest.mark.model


def parse(nlp: Any, text: str) -> Any:
    doc = nlp.make_doc(text)
    doc._.dct = PubDate.parse("2017-01")
    return nlp(doc)


def spans_valid(doc: Any, quotes: list[dict[str, Any]]) -> None:
    for q in quotes:
        assert doc.text[q["start"] : q["end"]] == q["text"]
        for part in ("cue", "speaker"):
            if q[part]:
                assert doc.text[q[part]["start"] : q[part]["end"]] == q[part]["text"]


def test_unclosed_mark_does_not_swallow_the_article(nlp_fr: Any) -> None:
    text = (
        "Le maire a déclaré : « Nous allons reconstruire l'école avant l'été.\n\n"
        "La préfecture a publié un communiqué lundi. « Les travaux sont financés », a précisé le préfet."
    )
    doc = parse(nlp_fr, text)
    quotes = extract_quotes(doc, "fr")
    spans_valid(doc, quotes)
    first = doc.text.index("\n")
    assert all(q["end"] <= first or q["start"] > first for q in quotes)  # none crosses the break
    assert any(q["text"] == "Les travaux sont financés" for q in quotes)


def test_article_that_is_one_long_quote(nlp_fr: Any) -> None:
    body = " ".join(f"Nous avons tenu la réunion numéro {i} avec les habitants." for i in range(60))
    doc = parse(nlp_fr, "« " + body)
    quotes = extract_quotes(doc, "fr")
    spans_valid(doc, quotes)
    assert [q["kind"] for q in quotes] == ["direct"]
    assert quotes[0]["speaker"] is None  # nothing says who speaks: no one is invented


def test_text_without_any_punctuation(nlp_fr: Any) -> None:
    words = "la ville prépare un nouveau marché couvert pour les producteurs de la région"
    doc = parse(nlp_fr, " ".join([words] * 150))
    assert extract_quotes(doc, "fr") == []


def test_component_time_is_linear_in_length(nlp_fr: Any) -> None:
    para = (
        "« Nous ne céderons pas », a déclaré Jean Dupont. Selon le porte-parole, la grève continue. "
        "Marie Martin a estimé que la situation restait grave. Le maire a prévenu : « rien ne change"
    )
    small = parse(nlp_fr, "\n\n".join([para] * 20))
    big = parse(nlp_fr, "\n\n".join([para] * 200))

    def timed(doc: Any) -> tuple[float, int]:
        t0 = time.perf_counter()
        quotes = extract_quotes(doc, "fr")
        return time.perf_counter() - t0, len(quotes)

    (t_small, n_small), (t_big, n_big) = timed(small), timed(big)
    assert n_big == 10 * n_small
    # Ten times the text: linear time is about ten times the cost; quadratic would be about 100.
    assert t_big < 30 * max(t_small, 1e-3)
