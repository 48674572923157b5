"""``dateline.scan``: the positions it gives are exactly those a walk over the tokens would pick."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dateline.scan import columns


def _doc() -> Doc:
    nlp = spacy.blank("fr")
    words = ["Selon", "lui", ",", "Marie", "a", "Déclaré", "que", "tout", "va", "bien", "."]
    pos = ["ADP", "PRON", "PUNCT", "PROPN", "AUX", "VERB", "SCONJ", "PRON", "VERB", "ADV", "PUNCT"]
    lemmas = ["selon", "lui", ",", "Marie", "avoir", "Déclarer", "que", "tout", "aller", "bien", "."]
    return Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas)


def test_where_matches_a_walk_over_the_tokens() -> None:
    doc = _doc()
    cols = columns(doc)
    assert cols is columns(doc)  # read once per Doc
    verbs = cols.where(pos=("VERB", "AUX"))
    assert verbs == [t.i for t in doc if t.pos_ in ("VERB", "AUX")] == [4, 5, 8]
    # Lemma and form tests are alternatives; the part of speech narrows both.
    said = cols.where(pos=("VERB",), lemma=lambda lemma: lemma.lower() == "déclarer", lower=lambda w: w == "va")
    assert said == [5, 8]
    assert cols.where(lower=lambda w: w == "selon") == [0]
    assert cols.where(lower=lambda w: w in {",", "."}, start=3) == [10]
    assert cols.where(lower=lambda w: w in {",", "."}, end=len(doc) - 1) == [2]
    assert cols.lower_at(5) == "déclaré"


def test_ranges_past_either_end_are_empty_not_wrapped() -> None:
    doc = _doc()
    assert columns(doc).where(end=-2) == []
    empty = Doc(spacy.blank("fr").vocab, words=[])
    assert columns(empty).where(pos=("VERB",)) == []
    assert columns(empty).where(lower=bool) == []
