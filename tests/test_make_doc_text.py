"""make_doc's pre-parser steps given the text they would otherwise rebuild from the tokens (sentences
written for these tests)."""

from __future__ import annotations

import spacy

from dateline.events.wire import mark_dateline
from dateline.wrapping import split_seams


def _tokens(text: str, given: bool) -> list[tuple[str, bool | None]]:
    nlp = spacy.blank("fr")
    doc = split_seams(nlp.make_doc(text), text if given else None)
    doc = mark_dateline(doc, text if given else None)
    return [(t.text, t.is_sent_start) for t in doc]


def test_the_given_text_splits_and_joins_as_the_rebuilt_one() -> None:
    for text in (
        'Le maire a parlé de la rentrée.Il poursuit-elle."Elle viendra", dit-il.',
        "- Bonjour, répond-il.La suite -",  # dashes at both ends of the Doc
        "PARIS, 3 mai - Le conseil a voté.",
        "Rien à couper ici.",
    ):
        assert _tokens(text, True) == _tokens(text, False)


def test_a_seam_is_split_and_its_clitic_joined() -> None:
    toks = [t for t, _ in _tokens('Il arrive, poursuit-elle."Nous partons', True)]
    assert "-elle" in toks and '"' in toks and "Nous" in toks
