"""The quotation-mark scanner on hand-written strings: every mark, paragraphs, nesting, bad input."""

from __future__ import annotations

import pytest

from dateline.quotes.direct import scan_direct


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in scan_direct(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit : « Nous partirons demain », puis il est sorti.", ["Nous partirons demain"]),
        ("Il a dit : «\u00a0Nous partirons\u202f», puis rien.", ["Nous partirons"]),
        ("She said “we will win” and left.", ["we will win"]),
        ('He said "we will win" and left.', ["we will win"]),
        ("Er sagte „wir gewinnen“ und ging.", ["wir gewinnen"]),
        ("Il a dit ‹ oui › puis ‹ non ›.", ["oui", "non"]),
        ("— Je viens demain, dit-il.\n— Non, reste.", ["Je viens demain, dit-il.", "Non, reste."]),
        ("« Un » et « deux » et « trois »", ["Un", "deux", "trois"]),
        ("''It is over,'' he said. ''Done.''", ["It is over,", "Done."]),
    ],
)
def test_every_mark_type(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_offsets_exclude_marks_and_padding() -> None:
    text = "X : « Bonjour »."
    (q,) = scan_direct(text)
    assert text[q.open] == "«" and text[q.close - 1] == "»"
    assert text[q.start : q.end] == "Bonjour"
    assert q.closed


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "Il a lancé : « Ils m'ont dit “jamais” et je les ai crus », a-t-il dit."
    assert contents(text) == ["Ils m'ont dit “jamais” et je les ai crus"]
    text = 'He said "they told me “never” today" firmly.'
    assert contents(text) == ["they told me “never” today"]


def test_multi_paragraph_quote_reopened_at_each_paragraph() -> None:
    text = "Il a déclaré : « Premier paragraphe.\n« Deuxième paragraphe.\n« Fin du discours. »\nSuite."
    (q,) = scan_direct(text)
    assert q.paragraphs == 3 and q.closed
    assert text[q.start : q.end].startswith("Premier") and text[q.start : q.end].endswith("discours.")
    assert "Suite" not in text[q.start : q.end]


def test_unbalanced_mark_is_closed_at_its_paragraph_end() -> None:
    text = "Il a dit « ceci ne ferme jamais.\nUn autre paragraphe dit « ceci » proprement.\nFin."
    qs = scan_direct(text)
    assert [text[q.start : q.end] for q in qs] == ["ceci ne ferme jamais.", "ceci"]
    assert qs[0].closed is False and qs[1].closed is True


def test_stray_closing_marks_are_ignored() -> None:
    assert contents("Rien » ici ” non plus.") == []
    assert contents("»»» «") == []


def test_straight_quote_glued_to_a_word_does_not_open() -> None:
    assert contents('Un écran de 12" et un "vrai" test.') == ["vrai"]


def test_no_punctuation_at_all() -> None:
    text = " ".join(["mot"] * 5000)
    assert scan_direct(text) == []


def test_one_long_quote_never_closed() -> None:
    body = " ".join(f"Phrase numéro {i} du discours." for i in range(3000))
    text = "Il a dit : « " + body
    (q,) = scan_direct(text)
    assert not q.closed and text[q.start : q.end] == body


def test_thousand_paragraph_article_cuts_each_unclosed_quote_at_its_paragraph() -> None:
    # Each paragraph: one closed quotation, one cut at the paragraph's end (an unclosed mark never runs
    # on over the rest of the article). The scan's linear time is measured by bench/quotes_scaling.py
    # (`make bench-quotes`), not by a timed test.
    para = "Le maire a parlé. « Nous ferons mieux », a-t-il dit. « Jamais fermé ici\n"
    qs = scan_direct(para * 1000)
    assert len(qs) == 2000
    assert all(q.end - q.start < len(para) for q in qs)
